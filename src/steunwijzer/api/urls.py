from django.urls import path

from . import views

urlpatterns = [
    path("openapi.json", views.openapi, name="api_openapi"),
    path("profiles/", views.profiles_list, name="api_profiles_list"),
    path("profiles/<int:pk>/", views.profile, name="api_profile"),
]

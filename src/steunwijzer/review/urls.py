from django.urls import path

from . import views

urlpatterns = [
    path("profielen/<int:pk>/verschillen/", views.profile_diff, name="profile_diff"),
    path("profielen/<int:pk>/beoordelen/", views.profile_review, name="profile_review"),
    path("profielen/<int:pk>/opmerkingen/", views.comment_create, name="comment_create"),
    path("opmerkingen/<int:pk>/opgelost/", views.comment_resolve, name="comment_resolve"),
    path("opmerkingen/<int:pk>/heropenen/", views.comment_reopen, name="comment_reopen"),
]

from django.urls import path

from . import views

urlpatterns = [
    path("meldingen/", views.notification_list, name="notification_list"),
    path("meldingen/<int:pk>/gelezen/", views.notification_read, name="notification_read"),
    path("meldingen/alles-gelezen/", views.notifications_read_all, name="notifications_read_all"),
    path("meldingen/instellingen/", views.notification_settings, name="notification_settings"),
]

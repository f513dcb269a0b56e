from django.urls import path

from . import views

urlpatterns = [
    # Beside the school's public page (publication's /scholen/<brin>/…): "vraag" is neither a
    # vestiging nor a school year, so the two never meet.
    path("scholen/<str:brin>/vraag/", views.ask, name="steunpunt_ask"),
    path("scholen/<str:brin>/<str:vestiging>/vraag/", views.ask, name="steunpunt_ask"),
    path(
        "samenwerkingsverband/<slug:slug>/steunpunt/",
        views.message_list,
        name="steunpunt_messages",
    ),
    path(
        "samenwerkingsverband/<slug:slug>/steunpunt/<int:pk>/",
        views.message_detail,
        name="steunpunt_message",
    ),
]

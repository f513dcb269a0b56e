from django.urls import path

from . import deadline_views, home, views

urlpatterns = [
    path("", home.home, name="home"),
    path("profielen/<int:pk>/route/", views.profile_route, name="profile_route"),
    path(
        "profielen/<int:pk>/route/<slug:action>/",
        views.profile_transition_view,
        name="profile_transition",
    ),
    path(
        "profielen/<int:pk>/verklaring/<int:transition_id>.pdf",
        views.transition_statement,
        name="transition_statement",
    ),
    path("besturen/<int:board_id>/aanleveren/", views.board_deliver, name="board_deliver"),
    path(
        "besturen/<int:board_id>/herinneren/",
        deadline_views.board_remind_late_view,
        name="board_remind_late",
    ),
    path("te-doen/", deadline_views.todo, name="todo"),
    path(
        "samenwerkingsverband/<slug:slug>/termijnen/",
        deadline_views.partnership_deadlines,
        name="partnership_deadlines",
    ),
    path(
        "besturen/<int:board_id>/termijnen/", deadline_views.board_deadlines, name="board_deadlines"
    ),
    path(
        "besturen/<int:board_id>/termijnen/<str:school_year>/verwijderen/",
        deadline_views.board_deadline_remove,
        name="board_deadline_remove",
    ),
]

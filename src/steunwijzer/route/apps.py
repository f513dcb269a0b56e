from django.apps import AppConfig


class RouteConfig(AppConfig):
    name = "steunwijzer.route"
    verbose_name = "route"

    def ready(self):
        # Connects the receivers that give a new profile its route.
        from . import lifecycle  # noqa: F401

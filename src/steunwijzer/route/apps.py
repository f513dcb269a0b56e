from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RouteConfig(AppConfig):
    name = "steunwijzer.route"
    verbose_name = _("route")

    def ready(self):
        # Connects the receivers that give a new profile its route.
        from . import lifecycle  # noqa: F401

from django.apps import AppConfig


class RouteConfig(AppConfig):
    name = "steunwijzer.route"
    verbose_name = "route"

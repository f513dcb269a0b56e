from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "steunwijzer.api"
    verbose_name = "API"

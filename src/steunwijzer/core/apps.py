from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "steunwijzer.core"
    verbose_name = "Basis"

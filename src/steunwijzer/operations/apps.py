from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "steunwijzer.operations"
    verbose_name = "beheer"

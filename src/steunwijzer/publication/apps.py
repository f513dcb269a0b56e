from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "steunwijzer.publication"
    label = "publication"
    verbose_name = "Publicatie"

    def ready(self):
        from . import receivers  # noqa: F401  (connects them)

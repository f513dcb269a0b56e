from django.apps import AppConfig


class PublicationConfig(AppConfig):
    name = "steunwijzer.publication"
    label = "publication"
    verbose_name = "Publicatie"

from django.apps import AppConfig


class DiversityConfig(AppConfig):
    name = "steunwijzer.instruments.diversity"
    label = "diversity"
    verbose_name = "Verscheidenheidsindex"

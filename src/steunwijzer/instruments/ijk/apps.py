from django.apps import AppConfig


class IjkConfig(AppConfig):
    name = "steunwijzer.instruments.ijk"
    label = "ijk"
    verbose_name = "IJK-instrument en Kijkwijzer"

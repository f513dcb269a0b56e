from django.apps import AppConfig


class RegionalModelConfig(AppConfig):
    name = "steunwijzer.regional_model"
    verbose_name = "regionaal model"

from django.apps import AppConfig


class QualityCheckConfig(AppConfig):
    name = "steunwijzer.quality_check"
    verbose_name = "SOP-check"

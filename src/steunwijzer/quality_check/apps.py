from django.apps import AppConfig


class QualityCheckConfig(AppConfig):
    name = "steunwijzer.quality_check"
    verbose_name = "SOP-check"

    def ready(self):
        from . import receivers  # noqa: F401  (connects them)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualityCheckConfig(AppConfig):
    name = "steunwijzer.quality_check"
    verbose_name = _("SOP check")

    def ready(self):
        from . import receivers  # noqa: F401  (connects them)

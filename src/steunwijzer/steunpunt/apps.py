from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SteunpuntConfig(AppConfig):
    name = "steunwijzer.steunpunt"
    label = "steunpunt"
    verbose_name = _("Parent and youth support point")

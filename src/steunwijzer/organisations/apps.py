from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "steunwijzer.organisations"
    verbose_name = _("organisations")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import receivers  # noqa: F401  (connects the content-version receivers)
        from .middleware import session_started

        user_logged_in.connect(session_started, dispatch_uid="steunwijzer_session_started")

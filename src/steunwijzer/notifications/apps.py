from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "steunwijzer.notifications"
    verbose_name = _("notifications")

    def ready(self):
        # Listens to the route's steps and reminders, review's comments and the steunpunt's
        # messages (docs/architecture.md).
        from . import receivers  # noqa: F401

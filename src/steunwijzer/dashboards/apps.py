from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "steunwijzer.dashboards"
    label = "dashboards"
    verbose_name = "Overzichten"

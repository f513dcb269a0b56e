from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "steunwijzer.organisations"
    verbose_name = "organisaties"

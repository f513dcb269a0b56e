from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "steunwijzer.profiles"
    verbose_name = "profielen"

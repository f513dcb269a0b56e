from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "steunwijzer.review"
    verbose_name = "beoordeling"

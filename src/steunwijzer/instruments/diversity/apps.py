from django.apps import AppConfig


class DiversityConfig(AppConfig):
    name = "steunwijzer.instruments.diversity"
    label = "diversity"
    verbose_name = "Verscheidenheidsindex"

    def ready(self):
        from steunwijzer.organisations.changes import follow

        from .models import Invulschema, SchemeVersion

        # The public page shows a school's figures; the overviews show everyone's.
        follow(SchemeVersion, lambda version: {"pk": version.partnership_id})
        follow(Invulschema, lambda row: {"boards__schools__pk": row.school_id})

from django.apps import AppConfig


class RegionalModelConfig(AppConfig):
    name = "steunwijzer.regional_model"
    verbose_name = "regionaal model"

    def ready(self):
        from steunwijzer.organisations.changes import follow

        from .models import FormatVersion

        # The finder's filters and the SOP-check's example texts come from the model.
        follow(FormatVersion, lambda version: {"pk": version.partnership_id})

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IjkConfig(AppConfig):
    name = "steunwijzer.instruments.ijk"
    label = "ijk"
    verbose_name = _("IJK instrument and Kijkwijzer")

    def ready(self):
        from django.utils.translation import gettext, ngettext

        from steunwijzer.instruments import wording
        from steunwijzer.organisations.changes import follow

        from .models import CatalogueVersion, IndicatorScore, SelfEvaluation

        # The overviews show the self-evaluations' scores per standard of the catalogue.
        follow(CatalogueVersion, lambda version: {"pk": version.partnership_id})
        follow(SelfEvaluation, lambda evaluation: {"boards__schools__pk": evaluation.school_id})
        follow(
            IndicatorScore,
            lambda score: {"boards__schools__ijk_evaluations__pk": score.evaluation_id},
        )
        # The pure rules' problems (`wording`) are said with the catalogue.
        wording.install(gettext, ngettext)

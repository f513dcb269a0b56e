from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiversityConfig(AppConfig):
    name = "steunwijzer.instruments.diversity"
    label = "diversity"
    verbose_name = _("Diversity index")

    def ready(self):
        from django.utils.translation import gettext, ngettext

        from steunwijzer.instruments import wording
        from steunwijzer.organisations.changes import follow
        from steunwijzer.profiles.school_figures import register_counted_figures

        from .models import Invulschema, SchemeVersion
        from .summary import counted_figures

        # The public page shows a school's figures; the overviews show everyone's.
        follow(SchemeVersion, lambda version: {"pk": version.partnership_id})
        follow(Invulschema, lambda row: {"boards__schools__pk": row.school_id})
        # The pure modules' sentences (`wording.Text`) are translated with the catalogue.
        wording.install(gettext, ngettext)
        # The SOP-check holds the SOP's groups and pupils against this year's Invulschema.
        register_counted_figures(counted_figures)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy

# What of a profile shows outside the editor (public pages, downloads, overviews, the
# SOP-check's corpus): a save that names none of these in `update_fields` (an autosave of
# the draft) changes nothing there.
SHOWN_FIELDS = (
    "school",
    "school_year",
    "kind",
    "format_version",
    "established_revision",
    "established_on",
    "published_revision",
)


class ProfilesConfig(AppConfig):
    name = "steunwijzer.profiles"
    verbose_name = gettext_lazy("profiles")

    def ready(self):
        from steunwijzer.organisations.changes import follow

        from .models import Evaluation, OwnDocument, Profile

        shown = [*SHOWN_FIELDS, *(f"{name}_id" for name in SHOWN_FIELDS)]
        follow(Profile, lambda profile: {"boards__schools__pk": profile.school_id}, fields=shown)
        for model in (Evaluation, OwnDocument):
            follow(model, lambda row: {"boards__schools__profiles__pk": row.profile_id})

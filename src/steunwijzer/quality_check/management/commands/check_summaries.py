"""steunwijzer check_summaries: store the SOP-check counts of every profile that lacks them.

The overviews read these stored counts; saving a profile stores its summary. Run
this once after an upgrade or an import of profiles, so no overview has to run the check for
many schools at once. Safe to run again: only profiles without a current summary are checked.
"""

from django.core.management.base import BaseCommand

from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check.report import summaries_refresh, without_current_summary


class Command(BaseCommand):
    help = "Bewaar de uitkomst van de SOP-check voor elk profiel dat er nog geen actuele heeft."

    def add_arguments(self, parser):
        parser.add_argument(
            "--alle", action="store_true", help="controleer elk profiel opnieuw, ook actuele"
        )

    def handle(self, *args, **options):
        profiles = Profile.objects.all()
        if not options["alle"]:
            profiles = Profile.objects.filter(pk__in=without_current_summary(profiles))
        n = summaries_refresh(profiles=profiles)
        self.stdout.write(f"{n} profielen gecontroleerd en hun samenvatting bewaard.")

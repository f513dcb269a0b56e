from django.conf import settings
from django.core.management.base import BaseCommand

from steunwijzer.steunpunt.services import messages_expire


class Command(BaseCommand):
    help = "Delete messages to the support point older than the retention period."

    def handle(self, *args, **options):
        deleted = messages_expire()
        self.stdout.write(
            f"{deleted} bericht(en) verwijderd, ouder dan "
            f"{settings.STEUNPUNT_RETENTION_MONTHS} maanden."
        )

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from steunwijzer.core.command_files import checked_input, reason
from steunwijzer.operations.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "Zet een back-up van 'steunwijzer backup' terug: alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("file", help="het zip-bestand van de back-up")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="vervang alles in een database die al gegevens heeft",
        )

    def handle(self, *args, file, yes=False, **options):
        # Missing, a folder, empty or too large: refused before the file is opened.
        checked_input(file, max_bytes=settings.BACKUP_MAX_BYTES, what="een back-up")
        try:
            manifest = backup_restore(file, replace=yes)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:  # e.g. unreadable, or the temporary folder is full
            raise CommandError(
                f"De back-up kan niet gelezen of uitgepakt worden: {reason(exc)}. "
                "Er is niets teruggezet."
            ) from None
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Teruggezet: {rows} rijen uit de back-up van {manifest.get('created_at', '?')} "
            f"(Steunwijzer {manifest.get('steunwijzer_version', '?')}, "
            f"{manifest.get('database', '?')})."
        )

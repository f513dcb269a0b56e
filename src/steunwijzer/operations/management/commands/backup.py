from datetime import datetime

from django.core.management.base import BaseCommand

from steunwijzer.core.command_files import checked_output, write_output
from steunwijzer.operations.backup import backup_write


class Command(BaseCommand):
    help = "Maak een back-up van de hele database (zip met JSON per model en een manifest)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="het zip-bestand (standaard steunwijzer-backup-<datum-tijd>.zip hier)",
        )

    def handle(self, *args, output=None, **options):
        path = checked_output(output or f"steunwijzer-backup-{datetime.now():%Y%m%d-%H%M%S}.zip")
        # Written as <name>.deels and renamed when complete: a crash or a full disk never
        # leaves a file that looks whole.
        manifest = write_output(path, backup_write)
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Back-up geschreven: {path} ({rows} rijen, {path.stat().st_size} bytes)")

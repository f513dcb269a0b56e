from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand

from steunwijzer.core.backup import backup_write


class Command(BaseCommand):
    help = "Maak een back-up van de hele database (zip met JSON per model en een manifest)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="het zip-bestand (standaard steunwijzer-backup-<datum-tijd>.zip hier)",
        )

    def handle(self, *args, output=None, **options):
        path = Path(output or f"steunwijzer-backup-{datetime.now():%Y%m%d-%H%M%S}.zip")
        partial = path.with_name(path.name + ".deels")
        manifest = backup_write(partial)
        # Only a finished back-up gets the name: a crash never leaves a file that looks whole.
        partial.replace(path)
        rows = sum(manifest["counts"].values())
        self.stdout.write(f"Back-up geschreven: {path} ({rows} rijen, {path.stat().st_size} bytes)")

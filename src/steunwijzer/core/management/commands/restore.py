from django.core.management.base import BaseCommand, CommandError

from steunwijzer.core.backup import BackupError, backup_restore


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
        try:
            manifest = backup_restore(file, replace=yes)
        except FileNotFoundError:
            raise CommandError(f"Het bestand {file} bestaat niet.") from None
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Teruggezet: {rows} rijen uit de back-up van {manifest['created_at']} "
            f"(Steunwijzer {manifest['steunwijzer_version']}, {manifest['database']})."
        )

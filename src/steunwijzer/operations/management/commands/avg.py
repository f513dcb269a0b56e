from django.core.management.base import BaseCommand, CommandError

from steunwijzer.core.command_files import checked_output, write_output
from steunwijzer.operations.avg import AvgError, person_delete, person_export, school_export


class Command(BaseCommand):
    help = "AVG: inzage in alles over een school of een persoon, en een account verwijderen."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        school = sub.add_parser("export-school", help="alles over een school (zip met JSON)")
        school.add_argument("brin")
        school.add_argument("--output", help="standaard inzage-school-<BRIN>.zip")
        person = sub.add_parser("export-person", help="alles over een persoon (zip met JSON)")
        person.add_argument("username")
        person.add_argument("--output", help="standaard inzage-persoon-<gebruikersnaam>.zip")
        delete = sub.add_parser("delete-person", help="een account verwijderen")
        delete.add_argument("username")
        delete.add_argument("--yes", action="store_true", help="zonder te vragen")

    def handle(self, *args, action, **options):
        try:
            # The folder is checked before the export is made.
            if action == "export-school":
                brin = options["brin"].upper()
                path = checked_output(options["output"] or f"inzage-school-{brin}.zip")
                self._write(path, school_export(brin))
            elif action == "export-person":
                name = options["username"]
                path = checked_output(options["output"] or f"inzage-persoon-{name}.zip")
                self._write(path, person_export(name))
            else:
                self._delete(options["username"], options["yes"])
        except AvgError as exc:
            raise CommandError(str(exc)) from None

    def _write(self, path, data):
        write_output(path, lambda partial: partial.write_bytes(data))
        self.stdout.write(f"Inzage geschreven: {path} ({len(data)} bytes)")

    def _delete(self, username, yes):
        if not yes:
            try:
                answer = input(f"Account {username} verwijderen? Dit kan niet ongedaan. [ja/nee] ")
            except EOFError:  # no one to answer (a script, cron): nothing is deleted
                raise CommandError(
                    "Niets verwijderd: er kwam geen antwoord. Geef --yes om zonder vraag te "
                    "verwijderen."
                ) from None
            if answer.strip().lower() not in ("ja", "j", "yes", "y"):
                raise CommandError("Niets verwijderd.")
        result = person_delete(username=username)
        self.stdout.write(f"Account {username} is verwijderd.")
        for label, count in sorted(result["removed"].items()):
            self.stdout.write(f"  verwijderd: {count}x {label}")
        for label, count in sorted(result["unlinked"].items()):
            self.stdout.write(f"  naam bewaard, koppeling weg: {count}x {label}")

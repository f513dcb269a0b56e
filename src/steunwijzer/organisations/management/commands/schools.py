"""`steunwijzer schools import FILE --partnership SLUG [--dry-run] [--municipality NAME …]`
and `steunwijzer schools geocode --partnership SLUG`.

`import` reads DUO's open-data file of school locations (docs/onboarding.md) and creates or
updates the partnership's boards and schools; a file with any problem is refused whole, nothing
stored. After it has committed, the schools without coordinates are placed on the map;
`geocode` does that again (after the map service was down, say), each school on its own.
"""

from django.core.management.base import BaseCommand, CommandError

from steunwijzer.core.command_files import read_input
from steunwijzer.organisations.locations import schools_geocode
from steunwijzer.organisations.models import Partnership
from steunwijzer.organisations.school_import import (
    MAX_IMPORT_BYTES,
    RegisterRefused,
    register_read,
    schools_import,
)


class Command(BaseCommand):
    help = "Lees de scholen en besturen van een samenwerkingsverband in uit het DUO-bestand."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="import|geocode")
        import_ = actions.add_parser(
            "import", help="Lees DUO's bestand met schoolvestigingen (CSV) in."
        )
        import_.add_argument("file", help="DUO's CSV-bestand met schoolvestigingen")
        import_.add_argument(
            "--partnership", required=True, help="slug van het samenwerkingsverband"
        )
        import_.add_argument(
            "--dry-run",
            action="store_true",
            help="Laat alleen zien wat er zou veranderen; sla niets op.",
        )
        import_.add_argument(
            "--municipality",
            action="append",
            default=[],
            help="Alleen scholen in deze gemeente (mag vaker); zonder: alle regels.",
        )

        geocode = actions.add_parser(
            "geocode", help="Zet de scholen zonder coördinaten op de kaart (opnieuw)."
        )
        geocode.add_argument(
            "--partnership", required=True, help="slug van het samenwerkingsverband"
        )

    def handle(self, *args, action, partnership, **options):
        try:
            region = Partnership.objects.get(slug=partnership)
        except Partnership.DoesNotExist:
            raise CommandError(f"Samenwerkingsverband '{partnership}' bestaat niet.") from None
        if action == "geocode":
            report = schools_geocode(partnership=region)
            for line in report.summary() or ["Alle scholen staan al op de kaart."]:
                self.stdout.write(line)
            return
        self._import(region, **options)

    def _import(self, region, *, file, dry_run, municipality, **options):
        data = read_input(file, max_bytes=MAX_IMPORT_BYTES, what="een DUO-bestand")
        try:
            plan = schools_import(
                partnership=region,
                register=register_read(data),
                municipalities=municipality,
                dry_run=dry_run,
            )
        except RegisterRefused as exc:
            lines = [f"{file} is niet ingelezen; er is niets opgeslagen:", *exc.problems]
            if exc.more:
                lines.append(f"… en nog {exc.more} problemen.")
            raise CommandError("\n".join(lines)) from None
        for line in plan.summary() + (plan.geocoding.summary() if plan.geocoding else []):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Proefdraaien: er is niets opgeslagen.")

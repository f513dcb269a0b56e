"""`steunwijzer ijk validate FILE` and `steunwijzer ijk import FILE --partnership SLUG`."""

from django.core.management.base import CommandError

from steunwijzer.instruments.ijk.catalogue import (
    DEFAULT_CATALOGUE_PATH,
    FormatError,
    catalogue_summary,
    parse_catalogue,
)
from steunwijzer.instruments.ijk.services import catalogue_import
from steunwijzer.regional_model.management.commands.format import Command as FormatCommand


class Command(FormatCommand):
    """Reads files and finds the partnership like `format` does; checks an IJK catalogue."""

    help = "Controleer een IJK-catalogus (YAML) of lees hem in voor een samenwerkingsverband."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="validate|import")
        default = (
            f"YAML-bestand (standaard: de meegeleverde catalogus {DEFAULT_CATALOGUE_PATH.name})"
        )
        validate = actions.add_parser(
            "validate", help="Controleer een catalogus en toon alle problemen."
        )
        validate.add_argument("file", nargs="?", default=str(DEFAULT_CATALOGUE_PATH), help=default)
        import_ = actions.add_parser(
            "import", help="Lees een catalogus in als nieuwe versie voor een samenwerkingsverband."
        )
        import_.add_argument("file", nargs="?", default=str(DEFAULT_CATALOGUE_PATH), help=default)
        import_.add_argument(
            "--partnership",
            metavar="SLUG",
            help="slug van het samenwerkingsverband; mag weg als er precies één is",
        )

    def handle(self, *args, action, file, **options):
        source = self.read(file)
        if action == "validate":
            try:
                catalogue, _ = parse_catalogue(source, file)
            except FormatError as exc:
                raise CommandError(self.describe_problems(file, exc)) from None
            self.stdout.write(
                self.style.SUCCESS(
                    f"OK: {catalogue.name} {catalogue.version}: {catalogue_summary(catalogue)}"
                )
            )
            return
        partnership = self.partnership(options.get("partnership"))
        try:
            version = catalogue_import(partnership=partnership, text=source, filename=file)
        except FormatError as exc:
            raise CommandError(self.describe_problems(file, exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Ingelezen voor {partnership.name}: {version.name} {version.version}: "
                f"{catalogue_summary(version.catalogue)}. Nieuwe zelfevaluaties gebruiken vanaf nu "
                "deze versie."
            )
        )

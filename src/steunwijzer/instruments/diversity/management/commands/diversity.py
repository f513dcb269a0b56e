"""`steunwijzer diversity validate FILE` and `… import FILE --partnership SLUG`."""

from django.core.management.base import CommandError

from steunwijzer.instruments.diversity.scheme import DEFAULT_SCHEME_PATH, parse_scheme
from steunwijzer.instruments.diversity.services import scheme_import
from steunwijzer.regional_model.loader import FormatError
from steunwijzer.regional_model.management.commands.format import Command as FormatCommand


def _summary(scheme) -> str:
    return (
        f"{len(scheme.categories)} categorieën, {len(scheme.domains)} domeinen, "
        f"{len(scheme.groups)} groepen, {len(scheme.signals)} signalen"
    )


class Command(FormatCommand):
    """Reads files and finds the partnership the way `format` does; only the scheme differs."""

    help = "Controleer een schema voor de verscheidenheidsindex (YAML) of lees het in."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="validate|import")
        for name, text in (
            ("validate", "Controleer een schemabestand en toon alle problemen."),
            ("import", "Lees een schema in als nieuwe versie voor een samenwerkingsverband."),
        ):
            action = actions.add_parser(name, help=text)
            action.add_argument(
                "file",
                nargs="?",
                default=str(DEFAULT_SCHEME_PATH),
                help="YAML-bestand (standaard: het meegeleverde standaardschema)",
            )
            if name == "import":
                action.add_argument(
                    "--partnership",
                    metavar="SLUG",
                    help="slug van het samenwerkingsverband; mag weg als er precies één is",
                )

    def handle(self, *args, action, file, **options):
        source = self.read(file)
        try:
            if action == "validate":
                scheme, _ = parse_scheme(source, file)
                self.stdout.write(
                    self.style.SUCCESS(f"OK: {scheme.name} {scheme.version}: {_summary(scheme)}")
                )
                return
            partnership = self.partnership(options.get("partnership"))
            version = scheme_import(partnership=partnership, text=source, filename=file)
        except FormatError as exc:
            raise CommandError(self.describe_problems(file, exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Ingelezen voor {partnership.name}: {version.name} {version.version}: "
                f"{_summary(version.scheme)}. Nieuwe Invulschema's gebruiken vanaf nu deze versie."
            )
        )

"""`steunwijzer diversity validate FILE`, `… import FILE --partnership SLUG` and `… schema`."""

from steunwijzer.instruments.diversity.scheme import DEFAULT_SCHEME_PATH, SchemeDoc, parse_scheme
from steunwijzer.instruments.diversity.services import scheme_import
from steunwijzer.regional_model.management.commands.format import Command as FormatCommand


def _summary(scheme) -> str:
    return (
        f"{len(scheme.categories)} categorieën, {len(scheme.domains)} domeinen, "
        f"{len(scheme.groups)} groepen, {len(scheme.signals)} signalen"
    )


class Command(FormatCommand):
    """`format` reads the file and finds the partnership; this checks a scheme."""

    help = "Controleer een schema voor de verscheidenheidsindex (YAML) of lees het in."

    kind = "diversity"
    default_file = DEFAULT_SCHEME_PATH
    file_help = "YAML-bestand (standaard: het meegeleverde standaardschema)"
    validate_help = "Controleer een schemabestand en toon alle problemen."
    import_help = "Lees een schema in als nieuwe versie voor een samenwerkingsverband."
    schema_help = "Toon het JSON Schema van een schemabestand, voor de eigen editor."
    document = SchemeDoc

    def check_file(self, source: str, file: str) -> str:
        scheme, _ = parse_scheme(source, file)
        return f"{scheme.name} {scheme.version}: {_summary(scheme)}"

    def store_file(self, partnership, source: str, file: str) -> str:
        version = scheme_import(partnership=partnership, text=source, filename=file)
        return (
            f"Ingelezen voor {partnership.name}: {version.name} {version.version}: "
            f"{_summary(version.scheme)}. Nieuwe Invulschema's gebruiken vanaf nu deze versie."
        )

"""`steunwijzer ijk validate FILE`, `… import FILE --partnership SLUG` and `… schema`."""

from steunwijzer.instruments.ijk.catalogue import (
    DEFAULT_CATALOGUE_PATH,
    CatalogueDoc,
    catalogue_summary,
    parse_catalogue,
)
from steunwijzer.instruments.ijk.services import catalogue_import
from steunwijzer.regional_model.management.commands.format import Command as FormatCommand


class Command(FormatCommand):
    """`format` reads the file and finds the partnership; this checks an IJK catalogue."""

    help = "Controleer een IJK-catalogus (YAML) of lees hem in voor een samenwerkingsverband."

    kind = "ijk"
    default_file = DEFAULT_CATALOGUE_PATH
    file_help = f"YAML-bestand (standaard: de meegeleverde catalogus {DEFAULT_CATALOGUE_PATH.name})"
    validate_help = "Controleer een catalogus en toon alle problemen."
    import_help = "Lees een catalogus in als nieuwe versie voor een samenwerkingsverband."
    schema_help = "Toon het JSON Schema van een catalogus, voor de eigen editor."
    document = CatalogueDoc

    def check_file(self, source: str, file: str) -> str:
        catalogue, _ = parse_catalogue(source, file)
        return f"{catalogue.name} {catalogue.version}: {catalogue_summary(catalogue)}"

    def store_file(self, partnership, source: str, file: str) -> str:
        version = catalogue_import(partnership=partnership, text=source, filename=file)
        return (
            f"Ingelezen voor {partnership.name}: {version.name} {version.version}: "
            f"{catalogue_summary(version.catalogue)}. Nieuwe zelfevaluaties gebruiken vanaf nu "
            "deze versie."
        )

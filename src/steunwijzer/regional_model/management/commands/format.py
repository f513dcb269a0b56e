"""`manage.py format validate FILE`, `manage.py format import FILE --partnership SLUG` and
`manage.py format schema`.

The file is checked before it is read (core/command_files.py): missing, a folder, empty or
larger than MAX_SOURCE_BYTES (1 MB) gives a Dutch message. A file of the wrong kind (a PDF, a
zip, another command's YAML) is named as such. Nothing is stored unless the file is in order.
`schema` prints the file's JSON Schema, from the same pydantic models that check it, so a
partnership can have its own editor check the YAML while it is written.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from steunwijzer.core.command_files import read_input
from steunwijzer.core.yaml_source import kind_of
from steunwijzer.organisations.models import Partnership
from steunwijzer.regional_model.format_document import SopModelDoc
from steunwijzer.regional_model.loader import (
    DEFAULT_FORMAT_PATH,
    MAX_SOURCE_BYTES,
    FormatError,
    decode_source,
    format_summary,
    parse_format,
)
from steunwijzer.regional_model.services import format_import

# The YAML files the three commands read, by the command that reads them: what it is called
# in a message, and how the file says what it is.
KINDS = {
    "format": "een SOP-model",
    "diversity": "een schema voor de Verscheidenheidsindex",
    "ijk": "een IJK-catalogus",
}


class Command(BaseCommand):
    help = "Controleer een regionaal SOP-model (YAML) of lees het in voor een samenwerkingsverband."

    # What the subcommands say and read by default; the instruments' commands set their own.
    kind = "format"
    default_file = DEFAULT_FORMAT_PATH
    file_help = "YAML-bestand (standaard: het meegeleverde Haaglanden-model)"
    validate_help = "Controleer een modelbestand en toon alle problemen."
    import_help = "Lees een modelbestand in als nieuwe versie voor een samenwerkingsverband."
    schema_help = "Toon het JSON Schema van een modelbestand, voor de eigen editor."
    document = SopModelDoc

    def add_arguments(self, parser):
        actions = parser.add_subparsers(
            dest="action", required=True, metavar="validate|import|schema"
        )
        validate = actions.add_parser("validate", help=self.validate_help)
        validate.add_argument(
            "file", nargs="?", default=str(self.default_file), help=self.file_help
        )
        import_ = actions.add_parser("import", help=self.import_help)
        import_.add_argument("file", nargs="?", default=str(self.default_file), help=self.file_help)
        import_.add_argument(
            "--partnership",
            metavar="SLUG",
            help="slug van het samenwerkingsverband; mag weg als er precies één is",
        )
        actions.add_parser("schema", help=self.schema_help)

    def handle(self, *args, action, file=None, **options):
        if action == "schema":
            schema = self.document.model_json_schema()
            self.stdout.write(json.dumps(schema, ensure_ascii=False, indent=2))
            return
        source = self.read(file)
        partnership = self.partnership(options.get("partnership")) if action == "import" else None
        try:
            if partnership is None:
                line = "OK: " + self.check_file(source, file)
            else:
                line = self.store_file(partnership, source, file)
        except FormatError as exc:
            raise CommandError(self.refusal(file, source, exc)) from None
        self.stdout.write(self.style.SUCCESS(line))

    def check_file(self, source: str, file: str) -> str:
        fmt, _ = parse_format(source, file)
        return f"{fmt.name} {fmt.version}: {format_summary(fmt)}"

    def store_file(self, partnership, source: str, file: str) -> str:
        version = format_import(partnership=partnership, text=source, filename=file)
        return (
            f"Ingelezen voor {partnership.name}: {version.name} {version.version} "
            f"(model {version.format_id}): {format_summary(version.format)}. "
            "Nieuwe profielen gebruiken vanaf nu deze versie."
        )

    def read(self, file: str) -> str:
        data = read_input(file, max_bytes=MAX_SOURCE_BYTES, what=f"{KINDS[self.kind]} (YAML)")
        try:
            return decode_source(data, file)
        except FormatError as exc:
            raise CommandError(self.describe_problems(file, exc)) from None

    def refusal(self, file: str, source: str, exc: FormatError) -> str:
        """Every problem; or, for another command's file, just that."""
        found = kind_of(source)
        if found and found != self.kind:
            return (
                f"{file} is {KINDS[found]}, geen {KINDS[self.kind].removeprefix('een ')}. "
                f"Gebruik 'steunwijzer {found} validate|import'."
            )
        return self.describe_problems(file, exc)

    def partnership(self, slug: str | None) -> Partnership:
        if slug:
            try:
                return Partnership.objects.get(slug=slug)
            except Partnership.DoesNotExist:
                known = ", ".join(Partnership.objects.values_list("slug", flat=True)) or "geen"
                raise CommandError(
                    f"Samenwerkingsverband '{slug}' bestaat niet. Bekende slugs: {known}."
                ) from None
        partnerships = list(Partnership.objects.all()[:2])
        if not partnerships:
            raise CommandError(
                "Er is nog geen samenwerkingsverband. Maak er eerst een aan en geef daarna "
                "--partnership SLUG op."
            )
        if len(partnerships) > 1:
            known = ", ".join(Partnership.objects.values_list("slug", flat=True))
            raise CommandError(
                f"Er zijn meerdere samenwerkingsverbanden; kies er een met --partnership SLUG "
                f"({known})."
            )
        return partnerships[0]

    @staticmethod
    def describe_problems(file: str, exc: FormatError) -> str:
        count = len(exc.problems)
        noun = "probleem" if count == 1 else "problemen"
        return f"{file} is niet in orde ({count} {noun}):\n{exc}"

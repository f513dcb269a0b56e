"""`steunwijzer partnership create SLUG --name NAME --staff EMAIL [--short-name S] [--model FILE]`.

The one step of going live that needs the server: a new partnership, the SOP model it starts
from (the shipped Haaglanden model unless another file is named; staff adapt it in the browser)
and an invitation for its first staff member, who does the rest in the browser
(docs/onboarding.md). All or nothing.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from steunwijzer.core.command_files import read_input
from steunwijzer.organisations.models import Partnership
from steunwijzer.organisations.services import partnership_start
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, MAX_SOURCE_BYTES, FormatError
from steunwijzer.regional_model.services import format_import


class Command(BaseCommand):
    help = "Start een nieuw samenwerkingsverband en nodig de eerste medewerker uit."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="create")
        create = actions.add_parser("create", help="Maak een samenwerkingsverband aan.")
        create.add_argument("slug", help="korte naam in adressen, bijvoorbeeld 'zuidrand'")
        create.add_argument("--name", required=True, help="volledige naam")
        create.add_argument("--short-name", default="", help="korte naam (max. 40 tekens)")
        create.add_argument("--staff", required=True, help="e-mailadres van de eerste medewerker")
        create.add_argument(
            "--model", default=str(DEFAULT_FORMAT_PATH), help="SOP-model (YAML) om mee te beginnen"
        )

    def handle(self, *args, action, slug, name, short_name, staff, model, **options):
        try:
            validate_email(staff)
        except ValidationError:
            raise CommandError(f"'{staff}' is geen e-mailadres.") from None
        if Partnership.objects.filter(slug=slug).exists():
            raise CommandError(f"Er is al een samenwerkingsverband '{slug}'.")
        source = read_input(model, max_bytes=MAX_SOURCE_BYTES, what="een SOP-model")
        try:
            with transaction.atomic():
                partnership, link = partnership_start(
                    name=name, short_name=short_name, slug=slug, staff_email=staff
                )
                format_import(partnership=partnership, text=source, filename=model)
        except ValidationError as exc:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
            raise CommandError(f"Niet aangemaakt: {problems}") from None
        except FormatError as exc:
            lines = [str(p) for p in exc.problems]
            raise CommandError("Het SOP-model is niet in orde:\n" + "\n".join(lines)) from None
        self.stdout.write(f"Samenwerkingsverband '{partnership.name}' is aangemaakt ({slug}).")
        self.stdout.write(f"{staff} is uitgenodigd als medewerker. De link (ook per e-mail):")
        self.stdout.write(link)

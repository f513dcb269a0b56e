from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from steunwijzer.api.models import ApiToken


class Command(BaseCommand):
    help = "Maak een persoonlijk API-token: steunwijzer token create GEBRUIKERSNAAM"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="nieuw token voor een gebruiker")
        create.add_argument("username")
        create.add_argument("--name", default="via de opdrachtregel")

    def handle(self, *args, action, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.")
        if not user.is_active:
            raise CommandError(f"Gebruiker '{username}' is niet actief.")
        _, raw = ApiToken.issue(user, name)
        self.stdout.write(raw)
        self.stderr.write("Bewaar dit token goed: het wordt maar één keer getoond.")

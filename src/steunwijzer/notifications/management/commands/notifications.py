"""steunwijzer notifications send: the e-mails at once that the mail server refused, tried
again; meant for cron every five minutes (`*/5 * * * * steunwijzer notifications send`,
docs/notifications.md).

Each is marked as it is sent, so running it twice, or at the moment a step sends its own
e-mails, sends nothing twice.
"""

from django.core.management.base import BaseCommand

from steunwijzer.notifications.services import MAIL_ATTEMPTS, mail_due, mail_send


class Command(BaseCommand):
    help = "Meldingen per e-mail: steunwijzer notifications send"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser(
            "send", help="verstuur de e-mails 'meteen' die nog niet verstuurd konden worden"
        )

    def handle(self, *args, action, **options):
        sent, refused = mail_send(pks=list(mail_due().values_list("pk", flat=True)))
        self.stdout.write(f"{sent} e-mail(s) verstuurd.")
        if refused:
            self.stderr.write(
                f"{refused} e-mail(s) niet verstuurd; die worden later opnieuw geprobeerd "
                f"(hoogstens {MAIL_ATTEMPTS} keer)."
            )

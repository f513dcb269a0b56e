"""steunwijzer send_digest: the daily summary of notifications, meant for cron
(`0 7 * * * steunwijzer send_digest`, docs/notifications.md).

Each person who chose the daily summary for a kind gets one e-mail with what came in since
the last run; what was sent is marked, so running it twice sends nothing twice.
"""

from django.core.management.base import BaseCommand

from steunwijzer.notifications.services import digest_recipients, digest_send


class Command(BaseCommand):
    help = "Stuur iedereen die dat koos één e-mail met de meldingen sinds de vorige keer."

    def handle(self, *args, **options):
        people = notifications = failed = 0
        for user in digest_recipients():
            try:
                sent = digest_send(user=user)
            except OSError as exc:  # the mail server: the rest still get theirs
                failed += 1
                self.stderr.write(f"niet verstuurd aan {user.email}: {exc}")
                continue
            people += 1 if sent else 0
            notifications += sent
        self.stdout.write(f"{people} samenvatting(en) verstuurd met {notifications} melding(en).")
        if failed:
            self.stderr.write(
                f"{failed} samenvatting(en) niet verstuurd; de volgende keer opnieuw."
            )

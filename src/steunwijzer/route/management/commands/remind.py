"""steunwijzer remind: the daily reminder e-mails, meant for cron (`0 7 * * * steunwijzer remind`).

Safe to run as often as you like: every reminder goes to each person once (`ReminderSent`).
What was sent before is read once per run, so the run costs the same number of queries for
any number of schools, plus one insert per e-mail it sends.
"""

from argparse import ArgumentTypeError
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation

from steunwijzer.route.reminders import due_reminders, send_once, sent_before


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ArgumentTypeError(f"schrijf de datum als JJJJ-MM-DD, niet '{value}'") from None


def _count(n: int) -> str:
    return f"{n} herinnering" if n == 1 else f"{n} herinneringen"


class Command(BaseCommand):
    help = (
        "Stuur herinneringen: aan de school 14 en 3 dagen voor de termijn en als het SOP te "
        "laat is, en aan wie een week aan zet is (MR, bestuur, samenwerkingsverband)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="toon wat verstuurd zou worden; verstuur niets"
        )
        parser.add_argument(
            "--today", type=_day, help="doe alsof het deze dag is (JJJJ-MM-DD), om in te halen"
        )

    def handle(self, *args, dry_run=False, today=None, **options):
        today = today or timezone.localdate()
        sent = earlier = failed = 0
        with translation.override(settings.LANGUAGE_CODE):
            reminders = due_reminders(today)
            earlier_keys = sent_before(reminders)
            for reminder in reminders:
                for user in reminder.recipients:
                    if reminder.key(user) in earlier_keys:
                        earlier += 1
                        continue
                    line = f"{reminder.kind} → {user.email} ({reminder.school.name})"
                    if dry_run:
                        sent += 1
                        self.stdout.write(f"zou versturen: {line}")
                        continue
                    try:
                        if send_once(reminder, user):
                            sent += 1
                            if options["verbosity"] > 1:
                                self.stdout.write(f"verstuurd: {line}")
                        else:  # a run at the same time sent it first
                            earlier += 1
                    except OSError as exc:  # SMTP trouble: try the others, fail at the end
                        failed += 1
                        self.stderr.write(f"niet verstuurd: {line}: {exc}")
        verb = "zouden worden verstuurd" if dry_run else "verstuurd"
        self.stdout.write(f"{_count(sent)} {verb}, {earlier} al eerder verstuurd.")
        if failed:
            raise CommandError(f"{_count(failed)} niet verstuurd; de volgende keer opnieuw.")

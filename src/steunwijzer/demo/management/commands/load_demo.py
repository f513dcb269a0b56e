"""`manage.py load_demo`: fill an empty database with the fictional SWV Hofstad demo.

The demo accounts are listed by `steunwijzer demo` (and the README), from `DEMO_LOGINS`.
"""

from django.core.management.base import BaseCommand, CommandError

from steunwijzer.demo.build import DEMO_PASSWORD, DemoAlreadyLoaded, build_demo


class Command(BaseCommand):
    help = (
        "Laad de demodata: een verzonnen samenwerkingsverband met besturen, scholen, "
        "demo-accounts en schoolondersteuningsprofielen in verschillende stadia."
    )

    def handle(self, *args, **options):
        verbose = options["verbosity"] >= 1
        try:
            build_demo(stdout=self.stdout if verbose else None)
        except DemoAlreadyLoaded as exc:
            raise CommandError(
                f"{exc} De demo wordt niet nog een keer geladen. Begin met een lege database "
                "(bijvoorbeeld een nieuwe STEUNWIJZER_DATA_DIR) om de demo opnieuw te laden."
            ) from exc
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demodata geladen. Het wachtwoord van alle demo-accounts is {DEMO_PASSWORD}."
                )
            )

from django.core.management.base import BaseCommand

from steunwijzer.publication.search_index import rebuild_index


class Command(BaseCommand):
    help = "Bouw de index van de schoolzoeker opnieuw op uit alle gepubliceerde SOP's."

    def handle(self, *args, **options):
        count = rebuild_index()
        self.stdout.write(f"Schoolzoeker opnieuw opgebouwd: {count} scholen.")

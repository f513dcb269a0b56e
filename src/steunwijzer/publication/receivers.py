"""What publication does when the route moves an SOP (connected in PublicationConfig.ready)."""

from django.dispatch import receiver

from steunwijzer.route.signals import step_taken

from .search_index import index_school


@receiver(step_taken)
def index_a_published_school(sender, profile, transition, **kwargs):
    """The finder row follows the newest published SOP, in the publish step's transaction."""
    if transition.action == "publish":
        index_school(profile.school)

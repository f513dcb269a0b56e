"""What publication does when the route moves an SOP or a school or board changes (connected
in PublicationConfig.ready)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from steunwijzer.organisations.models import Board, School
from steunwijzer.route.signals import step_taken

from .models import FinderEntry
from .search_index import index_school


@receiver(step_taken)
def index_a_published_school(sender, profile, transition, **kwargs):
    """The finder row follows the newest published SOP, in the publish step's transaction."""
    if transition.action == "publish":
        index_school(profile.school)


@receiver(post_save, sender=School, dispatch_uid="finder_follows_school")
def index_a_changed_school(sender, instance, created, raw, **kwargs):
    """The finder row shows the school's name, place and kind: written again when the school
    is saved (in the admin, say), in the same transaction."""
    if not raw and not created:
        index_school(instance)


@receiver(post_save, sender=Board, dispatch_uid="finder_follows_board")
def move_a_boards_rows(sender, instance, created, raw, **kwargs):
    """A board moved to another partnership takes its schools' finder rows along."""
    if not raw and not created:
        FinderEntry.objects.filter(school__board=instance).exclude(
            partnership_id=instance.partnership_id
        ).update(partnership_id=instance.partnership_id)

"""Placing comments on a profile and resolving or reopening their threads."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.organisations.models import display_name
from steunwijzer.profiles.models import Profile

from .models import BODY_MAX, Comment
from .signals import comment_created

NO_RESOLVE = gettext_lazy(
    "Only the head or internal supervisor of the school can resolve a comment."
)


def _check_target(profile: Profile, chapter_key: str, field_key: str):
    chapter = next((c for c in profile.chapters if c.key == chapter_key), None)
    if chapter is None:
        raise ValidationError(_("This chapter does not exist in the SOP model of this profile."))
    if field_key and field_key not in {f.key for f in profile.applicable_fields(chapter)}:
        raise ValidationError(
            _("This field does not belong to chapter %(chapter)s.") % {"chapter": chapter.heading}
        )


@transaction.atomic
def comment_create(
    *, profile: Profile, user, chapter_key: str, field_key: str = "", body: str, parent=None
) -> Comment:
    """Start a thread on a chapter or field, or reply to one.

    A reply joins the thread's first comment and takes its chapter and field, whatever
    the caller passes: threads are one level deep so they read top to bottom.
    """
    if not Comment.may_comment(profile, user):
        raise PermissionDenied(_("You may not place comments on this profile."))
    if parent is not None:
        if parent.profile_id != profile.pk:
            raise ValidationError(_("This reply does not belong to this profile."))
        parent = parent.root
        chapter_key, field_key = parent.chapter_key, parent.field_key
    else:
        _check_target(profile, chapter_key, field_key)
    # Browsers send line breaks as two characters but count them as one against maxlength.
    body = (body or "").replace("\r\n", "\n")
    if not body.strip():
        raise ValidationError(_("Write your comment first."))
    if len(body) > BODY_MAX:
        raise ValidationError(
            _("A comment is at most %(maximum)s characters long; this one has %(length)s.")
            % {"maximum": BODY_MAX, "length": len(body)}
        )
    comment = Comment.objects.create(
        profile=profile,
        chapter_key=chapter_key,
        field_key=field_key,
        parent=parent,
        author=user,
        author_name=display_name(user),
        body=body,
        profile_version=profile.version,
    )
    comment_created.send(sender=Comment, comment=comment)
    return comment


def _locked_thread(comment: Comment, user) -> Comment:
    thread = (
        Comment.objects.select_for_update(of=("self",))
        .select_related("profile__school")
        .get(pk=comment.parent_id or comment.pk)
    )
    if not Comment.may_resolve(thread.profile, user):
        raise PermissionDenied(str(NO_RESOLVE))
    return thread


@transaction.atomic
def comment_resolve(*, comment: Comment, user) -> Comment:
    """Mark the thread the comment belongs to as resolved; resolving twice changes nothing."""
    thread = _locked_thread(comment, user)
    if thread.resolved_at is None:
        thread.resolved_at = timezone.now()
        thread.resolved_by = user
        thread.save(update_fields=["resolved_at", "resolved_by"])
    return thread


@transaction.atomic
def comment_reopen(*, comment: Comment, user) -> Comment:
    thread = _locked_thread(comment, user)
    if thread.resolved_at is not None:
        thread.resolved_at = None
        thread.resolved_by = None
        thread.save(update_fields=["resolved_at", "resolved_by"])
    return thread

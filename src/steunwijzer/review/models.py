"""Comments that readers place on a chapter or field of a profile, in threads the school resolves.

A thread is a first comment with its replies, one level deep. Comments are never edited or
deleted: together they are the record of what the MR, the board and the partnership said
about a draft, and of how the school answered.
"""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from steunwijzer.organisations.models import Membership, display_name
from steunwijzer.profiles.models import Profile

BODY_MAX = 2000


class CommentQuerySet(models.QuerySet):
    def threads(self):
        return self.filter(parent=None)

    def open(self):
        return self.threads().filter(resolved_at=None)

    def with_replies(self):
        return self.select_related("resolved_by").prefetch_related(
            Prefetch("replies", queryset=Comment.objects.order_by("created_at", "pk"))
        )

    def threads_by_chapter(self, profile) -> dict[str, list["Comment"]]:
        """Every thread of the profile with its replies, per chapter key, oldest first."""
        by_chapter: dict[str, list[Comment]] = {}
        for thread in profile.comments.threads().with_replies():
            by_chapter.setdefault(thread.chapter_key, []).append(thread)
        return by_chapter


class Comment(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="comments")
    chapter_key = models.CharField(_("chapter"), max_length=100)
    # Empty: the comment is about the whole chapter.
    field_key = models.CharField(_("field"), max_length=100, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept so the thread still says who wrote it after an account is deleted.
    author_name = models.CharField(max_length=200, blank=True)
    body = models.TextField(_("comment"), max_length=BODY_MAX)
    # The version the writer was reading, so a remark can be read against that text later.
    profile_version = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved on"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["profile", "chapter_key"])]

    def __str__(self):
        return gettext_now("Comment by %(author)s on %(profile)s") % {
            "author": self.author_name or gettext_now("unknown"),
            "profile": self.profile,
        }

    @staticmethod
    def may_comment(profile: Profile, user) -> bool:
        return profile.can_view(user)

    @staticmethod
    def may_resolve(profile: Profile, user) -> bool:
        """Only the school's own editors close a thread: the remarks are addressed to them."""
        return Membership.is_school_editor(user, profile.school)

    @property
    def root(self) -> "Comment":
        return self.parent or self

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    @property
    def resolved_by_name(self) -> str:
        return display_name(self.resolved_by)

    @property
    def field_label(self) -> str:
        if not self.field_key:
            return ""
        field = self.profile.sop_format.field(self.field_key)
        return field.label if field else self.field_key


def open_comment_count(profile: Profile) -> int:
    """Threads of this profile the school has not resolved yet."""
    return Comment.objects.filter(profile=profile).open().count()

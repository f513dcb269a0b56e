"""Comments and differences on pages other apps render, so their views need not know of them."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.profiles.diff import ADDED, DELETE, INSERT, REMOVED
from steunwijzer.review.models import Comment, open_comment_count

register = template.Library()

STATUS_LABELS = {ADDED: gettext_lazy("newly filled in"), REMOVED: gettext_lazy("emptied")}
# The prefix tells screen reader users what sighted users see from colour and line style.
SEGMENT_HTML = {
    INSERT: '<ins><span class="sw-visually-hidden">{} </span>{}</ins>',
    DELETE: '<del><span class="sw-visually-hidden">{} </span>{}</del>',
}
SEGMENT_PREFIX = {INSERT: gettext_lazy("inserted:"), DELETE: gettext_lazy("deleted:")}


@register.simple_tag
def chapter_threads(profile, chapter) -> list[Comment]:
    """The chapter's open threads with their replies, oldest first."""
    return list(profile.comments.open().filter(chapter_key=chapter.key).with_replies())


@register.filter
def thread_comments(thread: Comment) -> list[Comment]:
    """The thread's first comment followed by its replies."""
    return [thread, *thread.replies.all()]


@register.simple_tag
def may_resolve(profile, user) -> bool:
    return Comment.may_resolve(profile, user)


@register.simple_tag
def open_comments(profile) -> int:
    return open_comment_count(profile)


@register.filter
def diff_segments(segments):
    """Word-level differences as HTML: inserted text in <ins>, deleted text in <del>."""
    return format_html_join(
        "",
        "{}",
        (
            (
                format_html(SEGMENT_HTML[op], SEGMENT_PREFIX[op], text)
                if op in SEGMENT_HTML
                else format_html("{}", text),
            )
            for op, text in segments
        ),
    )


@register.filter
def diff_status(status: str) -> str:
    return STATUS_LABELS.get(status) or _("changed")

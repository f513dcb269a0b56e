"""`{% overview_links %}`: the header links to a person's overviews, the board overview for a
board officer and the partnership overview for partnership staff.

Reads only the person's memberships, which the request caches (`Membership.of`, with each
partnership's slug), so it costs no query on pages that have read them already.
"""

from django import template
from django.urls import reverse
from django.utils.translation import pgettext

from steunwijzer.organisations.models import Membership, Role

register = template.Library()


def _numbered(label: str, urls: list[str]) -> list[tuple[str, str]]:
    return [(label if len(urls) == 1 else f"{label} {n}", url) for n, url in enumerate(urls, 1)]


@register.simple_tag(takes_context=True)
def overview_links(context):
    user = context.get("user")
    if user is None:
        return []
    memberships = Membership.of(user)
    boards = sorted({m.board_id for m in memberships if m.role == Role.BOARD_OFFICER})
    slugs = sorted({m.partnership.slug for m in memberships if m.role == Role.PARTNERSHIP_STAFF})
    return _numbered(
        pgettext("header link", "Board overview"),
        [reverse("board_overview", args=[pk]) for pk in boards],
    ) + _numbered(
        pgettext("header link", "Partnership overview"),
        [reverse("partnership_overview", args=[slug]) for slug in slugs],
    )

"""`{% overview_links %}`: the header links to a board officer's overviews.

Reads only the person's memberships, which the request caches (`Membership.of`), so it
costs no query on pages that have read them already.
"""

from django import template
from django.urls import reverse

from steunwijzer.organisations.models import Membership, Role

register = template.Library()


@register.simple_tag(takes_context=True)
def overview_links(context):
    user = context.get("user")
    if user is None:
        return []
    boards = sorted({m.board_id for m in Membership.of(user) if m.role == Role.BOARD_OFFICER})
    label = "Bestuursoverzicht"
    return [
        (label if len(boards) == 1 else f"{label} {n}", reverse("board_overview", args=[pk]))
        for n, pk in enumerate(boards, start=1)
    ]

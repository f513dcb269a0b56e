"""What other pages show of the IJK: beside chapter 2 in the editor, on the route page, at home.

Inclusion tags, so the editor and route views need not gather IJK data themselves.
"""

from django import template

from steunwijzer.organisations.models import Membership, Role
from steunwijzer.profiles.states import BEFORE_BOARD

from ..models import may_read
from ..result import ijk_result

register = template.Library()

CHAPTER_PART = "basisondersteuning"


@register.simple_tag
def posted_value(posted, prefix, key):
    """A refused form's value again, for inputs named `<prefix><key>`."""
    return posted.get(f"{prefix}{key}", "")


def long_text_fields(chapter):
    return [f for f in chapter.fields if f.type == "long_text"]


@register.inclusion_tag("ijk/_chapter_panel.html", takes_context=True)
def ijk_chapter_panel(context, profile, chapter):
    """The IJK summary beside chapter 2 (basisondersteuning), with a way to take it over."""
    if getattr(chapter, "mandatory_part", None) != CHAPTER_PART:
        return {"show": False}
    result = ijk_result(profile.school, profile.school_year)
    return {
        "show": True,
        "profile": profile,
        "chapter": chapter,
        "result": result,
        "summary": result.summary() if result.evaluation else "",
        "fields": long_text_fields(chapter),
        "can_take_over": profile.can_edit(context["request"].user),
    }


@register.inclusion_tag("ijk/_route_panel.html", takes_context=True)
def ijk_route_panel(context, profile):
    """The realism check on the route page while the SOP has not yet gone to the board."""
    user = context["request"].user
    if profile.state not in BEFORE_BOARD or not may_read(user, profile.school):
        return {"show": False}
    return {"show": True, "result": ijk_result(profile.school, profile.school_year)}


@register.inclusion_tag("ijk/_home_links.html", takes_context=True)
def ijk_home_links(context):
    """On the home page, for those who may be asked to observe: the board's quality officers
    and school editors (invited as peers). Read from the cached memberships: no query."""
    roles = {m.role for m in Membership.of(context["request"].user)}
    return {"show": bool(roles & {Role.BOARD_OFFICER, Role.SCHOOL_EDITOR})}

"""What parents reported about a school's SOP, on the school's evaluation page (profiles'
template loads this tag, so profiles imports nothing of the steunpunt)."""

from django import template

from steunwijzer.organisations.models import Membership

from ..services import reports_about

register = template.Library()


@register.inclusion_tag("steunpunt/_school_reports.html", takes_context=True)
def steunpunt_reports(context, school):
    """Only the school's head teacher and IB'er see them, anonymised (`reports_about`)."""
    user = context["request"].user
    if not Membership.is_school_editor(user, school):
        return {"shown": False}
    return {"shown": True, "reports": reports_about(school)}

"""The rules a step may name beyond role and state (`Step.guards`), by name.

Each takes (profile, user, roles) and raises WrongState or ForbiddenAction when the step may not
be taken, or returns a note to record on the step ("" for none). A route stored as JSON names
its guards, so a partnership's own route can use them too.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from steunwijzer.organisations.models import Membership, Role
from steunwijzer.quality_check.report import check_profile

from .definitions import SINGLE_SCHOOL_EDITOR, Step
from .errors import ForbiddenAction, WrongState
from .lifecycle import route_of, route_roles


def _mr_members(profile, *, parents_only=False):
    members = Membership.objects.filter(school=profile.school, role=Role.MR_MEMBER)
    return members.filter(function=Membership.Function.PARENT) if parents_only else members


def complete_profile(profile, user, roles):
    """Mandatory items of the SOP-check block the step to the MR; the rest only warns."""
    blocking = check_profile(profile).blocking
    if blocking:
        listed = "; ".join(str(f.message) for f in blocking[:5])
        if len(blocking) > 5:
            raise WrongState(
                _("The SOP is not complete yet: %(items)s (and %(more)s more)")
                % {"items": listed, "more": len(blocking) - 5}
            )
        raise WrongState(_("The SOP is not complete yet: %(items)s") % {"items": listed})
    return ""


def mr_present(profile, user, roles):
    # Without an MR member nobody could take the next step: the SOP would be stuck.
    if not _mr_members(profile).exists():
        raise WrongState(
            _(
                "This school has no MR member in Steunwijzer yet. First invite the MR via "
                "'Invite someone'."
            )
        )
    return ""


def parent_section(profile, user, roles):
    if not _mr_members(profile, parents_only=True).exists():
        raise WrongState(
            _(
                "This school has no parent in the MR in Steunwijzer yet; the parents' section "
                "gives consent. Invite a parent from the MR with the function 'parent'."
            )
        )
    return ""


def parent_section_only(profile, user, roles):
    if not _mr_members(profile, parents_only=True).filter(user=user).exists():
        raise ForbiddenAction(_("Only parents in the MR (the parents' section) give consent."))
    return ""


def current_decision(profile):
    """The MR's advice or consent of the current round (since the SOP last went back to
    concept), the latest first; None when there is none yet."""
    return profile.transitions.filter(
        action__in=("give_advice", "give_consent"), created_at__gte=_last_start(profile)
    ).first()


def current_request(profile):
    """The school's request for the MR's advice or consent in the current round, the latest
    first; None when there is none yet."""
    return profile.transitions.filter(
        action__in=("request_advice", "request_consent"), created_at__gte=_last_start(profile)
    ).first()


def decision_and_officer(profile, user, roles):
    if current_decision(profile) is None:
        raise WrongState(_("No advice or consent of the MR has been recorded yet."))
    if not Membership.objects.filter(board=profile.school.board, role=Role.BOARD_OFFICER).exists():
        raise WrongState(
            _(
                "The board has no quality officer in Steunwijzer yet who can establish the "
                "SOP. Ask the partnership to invite one."
            )
        )
    return ""


def not_own_work(profile, user, roles):
    if not profile.revisions.filter(author=user).exists():
        return ""
    if SINGLE_SCHOOL_EDITOR not in roles:
        raise ForbiddenAction(
            _(
                "You helped write this version and therefore may not establish it yourself. "
                "Ask another quality officer of the board."
            )
        )
    # Recorded on the step (data), in the language of the person who took it.
    return _(
        "Established by the director-governor of a single-school board who wrote part of "
        "this version; that is allowed for a single-school board."
    )


def receipt_first(profile, user, roles):
    # The seed letter: the partnership receives the established SOP, then the school publishes.
    # Publishing first would leave the receipt impossible (the SOP is no longer "aangeleverd").
    if (
        profile.state == "aangeleverd"
        and profile.school.board.partnership.receipt_before_publication
    ):
        raise WrongState(
            _(
                "The partnership has not yet confirmed that it received the SOP. You can "
                "publish it once the partnership has confirmed receipt."
            )
        )
    return ""


def _last_start(profile):
    """When the current round began: the last time the profile went back to concept."""
    back = profile.transitions.filter(to_state="concept").values_list("created_at", flat=True)
    return back.first() or profile.created_at


GUARDS = {
    "complete_profile": complete_profile,
    "mr_present": mr_present,
    "parent_section": parent_section,
    "parent_section_only": parent_section_only,
    "decision_and_officer": decision_and_officer,
    "not_own_work": not_own_work,
    "receipt_first": receipt_first,
}

# Rules that follow from the partnership's settings rather than from a route: they hold for every
# route, also for the routes profiles stored before the setting existed.
PARTNERSHIP_GUARDS = {"publish": ("receipt_first",)}


def guards_of(step) -> tuple[str, ...]:
    """The names of the rules a step must pass, in order: the route's, then the partnership's."""
    return (*step.guards, *PARTNERSHIP_GUARDS.get(step.action, ()))


@dataclass(frozen=True)
class HeldBack:
    """A step the person could take in this state, held back by one of its guards."""

    step: Step
    guard: str
    reason: str


def steps_now(profile, user) -> tuple[list[Step], list[HeldBack]]:
    """The steps this person may take now, and those their role allows in this state but a
    guard holds back, with why. Guards only read, so asking writes nothing."""
    route = route_of(profile)
    roles = route_roles(profile, user)
    open_steps, held = [], []
    for action in route.actions_for(profile.state, roles):
        step = route.step(action)
        blocker = _first_blocker(profile, user, step, roles)
        if blocker:
            held.append(HeldBack(step, *blocker))
        else:
            open_steps.append(step)
    return open_steps, held


def _first_blocker(profile, user, step, roles) -> tuple[str, str] | None:
    for name in guards_of(step):
        try:
            GUARDS[name](profile, user, roles)
        except (WrongState, ForbiddenAction) as exc:
            return name, str(exc)
    return None

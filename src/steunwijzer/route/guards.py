"""The rules a step may name beyond role and state (`Step.guards`), by name.

Each takes (profile, user, roles) and raises WrongState or ForbiddenAction when the step may not
be taken, or returns a note to record on the step ("" for none). A route stored as JSON names
its guards, so a partnership's own route can use them too.
"""

from steunwijzer.organisations.models import Membership, Role
from steunwijzer.quality_check.report import check_profile

from .definitions import SINGLE_SCHOOL_EDITOR
from .errors import ForbiddenAction, WrongState


def _mr_members(profile, *, parents_only=False):
    members = Membership.objects.filter(school=profile.school, role=Role.MR_MEMBER)
    return members.filter(function=Membership.Function.PARENT) if parents_only else members


def complete_profile(profile, user, roles):
    """Mandatory items of the SOP-check block the step to the MR; the rest only warns."""
    blocking = check_profile(profile).blocking
    if blocking:
        listed = "; ".join(f.message for f in blocking[:5])
        more = f" (en nog {len(blocking) - 5})" if len(blocking) > 5 else ""
        raise WrongState(f"Het SOP is nog niet compleet: {listed}{more}")
    return ""


def mr_present(profile, user, roles):
    # Without an MR member nobody could take the next step: the SOP would be stuck.
    if not _mr_members(profile).exists():
        raise WrongState(
            "Deze school heeft nog geen MR-lid in Steunwijzer. Nodig eerst de MR uit via "
            "'Iemand uitnodigen'."
        )
    return ""


def parent_section(profile, user, roles):
    if not _mr_members(profile, parents_only=True).exists():
        raise WrongState(
            "Deze school heeft nog geen ouder in de MR in Steunwijzer; de oudergeleding geeft "
            "instemming. Nodig een ouder uit de MR uit met de functie 'ouder'."
        )
    return ""


def parent_section_only(profile, user, roles):
    if not _mr_members(profile, parents_only=True).filter(user=user).exists():
        raise ForbiddenAction("Alleen ouders in de MR (de oudergeleding) geven instemming.")
    return ""


def decision_and_officer(profile, user, roles):
    decided = profile.transitions.filter(
        action__in=("give_advice", "give_consent"), created_at__gte=_last_start(profile)
    )
    if not decided.exists():
        raise WrongState("Er is nog geen advies of instemming van de MR vastgelegd.")
    if not Membership.objects.filter(board=profile.school.board, role=Role.BOARD_OFFICER).exists():
        raise WrongState(
            "Het bestuur heeft nog geen kwaliteitsmedewerker in Steunwijzer die het SOP kan "
            "vaststellen. Vraag het samenwerkingsverband om die uit te nodigen."
        )
    return ""


def not_own_work(profile, user, roles):
    if not profile.revisions.filter(author=user).exists():
        return ""
    if SINGLE_SCHOOL_EDITOR not in roles:
        raise ForbiddenAction(
            "U heeft aan deze versie meegeschreven en mag haar daarom niet zelf vaststellen. "
            "Vraag een andere kwaliteitsmedewerker van het bestuur."
        )
    return (
        "Vastgesteld door de directeur-bestuurder van een éénpitter die zelf aan deze "
        "versie schreef; dat is bij een éénpitter toegestaan."
    )


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
}

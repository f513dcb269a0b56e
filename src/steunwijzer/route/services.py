"""Moving a profile along its route: one atomic step at a time, recorded on the timeline."""

from django.db import transaction
from django.utils import timezone

from steunwijzer.core.problems import Problem
from steunwijzer.core.uploads import UploadRefused, check_upload
from steunwijzer.organisations.models import Membership, Role, display_name
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check.report import check_profile

from .definitions import SINGLE_SCHOOL_EDITOR
from .lifecycle import route_of, route_roles
from .models import Transition
from .notifications import notify_step
from .payloads import InvalidPayload, clean_payload, rejected
from .signals import step_taken

STATEMENT_MAX_BYTES = 10 * 1024 * 1024


class ForbiddenAction(Exception):
    """This person may not take this action on this profile (HTTP 403)."""


class WrongState(Exception):
    """The action exists but not from the profile's current state (HTTP 409)."""


def _check_statement(attachment) -> tuple[bytes, str] | None:
    if attachment is None:
        return None
    try:
        checked = check_upload(attachment, allowed=("pdf",), max_bytes=STATEMENT_MAX_BYTES)
    except UploadRefused as exc:
        raise InvalidPayload([Problem("statement", exc.message)]) from None
    return checked.data, checked.filename


def _check_rules(profile: Profile, user, action: str, roles: set[str]) -> str:
    """Rules beyond role and state; returns a note to record, if any."""
    rule = _RULES.get(action)
    return rule(profile, user, roles) if rule else ""


def _mr_members(profile: Profile, *, parents_only=False):
    members = Membership.objects.filter(school=profile.school, role=Role.MR_MEMBER)
    return members.filter(function=Membership.Function.PARENT) if parents_only else members


def _needs_complete_profile(profile, user, roles):
    """Mandatory items of the SOP-check block the step to the MR; the rest only warns."""
    blocking = check_profile(profile).blocking
    if blocking:
        listed = "; ".join(f.message for f in blocking[:5])
        more = f" (en nog {len(blocking) - 5})" if len(blocking) > 5 else ""
        raise WrongState(f"Het SOP is nog niet compleet: {listed}{more}")
    return ""


def _needs_mr(profile, user, roles):
    # Without an MR member nobody could take the next step: the SOP would be stuck.
    if not _mr_members(profile).exists():
        raise WrongState(
            "Deze school heeft nog geen MR-lid in Steunwijzer. Nodig eerst de MR uit via "
            "'Iemand uitnodigen'."
        )
    return ""


def _needs_parent_section(profile, user, roles):
    if not _mr_members(profile, parents_only=True).exists():
        raise WrongState(
            "Deze school heeft nog geen ouder in de MR in Steunwijzer; de oudergeleding geeft "
            "instemming. Nodig een ouder uit de MR uit met de functie 'ouder'."
        )
    return ""


def _parent_section_only(profile, user, roles):
    if not _mr_members(profile, parents_only=True).filter(user=user).exists():
        raise ForbiddenAction("Alleen ouders in de MR (de oudergeleding) geven instemming.")
    return ""


def _needs_decision_and_officer(profile, user, roles):
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


def _not_own_work(profile, user, roles):
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


def _all(*rules):
    def check(profile, user, roles):
        return " ".join(note for rule in rules if (note := rule(profile, user, roles)))

    return check


_RULES = {
    "request_advice": _all(_needs_complete_profile, _needs_mr),
    "record_pupil_views": _needs_complete_profile,
    "request_consent": _needs_parent_section,
    "give_consent": _parent_section_only,
    "submit_to_board": _needs_decision_and_officer,
    "establish": _not_own_work,
}


def _last_start(profile: Profile):
    """When the current round began: the last time the profile went back to concept."""
    back = profile.transitions.filter(to_state="concept").values_list("created_at", flat=True)
    return back.first() or profile.created_at


@transaction.atomic
def profile_transition(
    *, profile_id: int, user, action: str, payload=None, attachment=None
) -> Transition:
    """Take one step, all or nothing. Raises ForbiddenAction, WrongState or InvalidPayload."""
    profile = Profile.objects.select_for_update().select_related("school__board").get(pk=profile_id)
    route = route_of(profile)
    step = route.step(action)
    roles = route_roles(profile, user)
    if step is None:
        raise WrongState(f"De handeling '{action}' bestaat niet in de route {route.name}.")
    if not roles & set(step.roles):
        raise ForbiddenAction(f"U mag de stap '{step.label}' niet zetten.")
    if profile.state not in step.sources:
        raise WrongState(
            f"De stap '{step.label}' kan niet nu: het SOP is {profile.get_state_display()}."
        )
    cleaned = clean_payload(action, payload, timezone.localdate())
    statement = (
        _check_statement(attachment) if step.action in ("give_advice", "give_consent") else None
    )
    exception_note = _check_rules(profile, user, action, roles)
    if exception_note:
        cleaned["exception"] = exception_note

    target = step.rejected_target if rejected(action, cleaned) else step.target
    record = Transition.objects.create(
        profile=profile,
        action=action,
        from_state=profile.state,
        to_state=target,
        version=profile.version,
        payload=cleaned,
        actor=user,
        actor_name=display_name(user),
        actor_roles=sorted(roles),
        attachment=statement[0] if statement else b"",
        attachment_name=statement[1] if statement else "",
    )
    _apply(profile, action, target, cleaned)
    # In this transaction: a receiver that fails (the finder index) leaves the step untaken.
    step_taken.send(sender=Transition, profile=profile, transition=record)
    # robust: a mail server that is down must not turn a step that was taken into an error.
    transaction.on_commit(lambda: notify_step(record), robust=True)
    return record


def _apply(profile: Profile, action: str, target: str, cleaned: dict):
    fields = ["state", "updated_at"]
    if action == "establish":
        profile.established_revision = profile.revisions.get(number=profile.version)
        profile.established_on = cleaned["established_on"]
        profile.establish_exception = cleaned.get("exception", "")
        fields += ["established_revision", "established_on", "establish_exception"]
    if action == "publish":
        profile.published_revision = profile.established_revision or profile.revisions.get(
            number=profile.version
        )
        fields.append("published_revision")
    profile.state = target
    profile.save(update_fields=fields)


@transaction.atomic
def profiles_deliver(*, profile_ids: list[int], user, note: str = "") -> list[Transition]:
    """A board delivers several established SOPs at once: all of them, or none."""
    return [
        profile_transition(profile_id=pk, user=user, action="deliver", payload={"note": note})
        for pk in sorted(set(profile_ids))
    ]

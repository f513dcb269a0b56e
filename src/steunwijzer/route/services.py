"""Moving a profile along its route: one atomic step at a time, recorded on the timeline."""

from django.db import transaction
from django.utils import timezone

from steunwijzer.core.problems import Problem
from steunwijzer.organisations.models import Role, display_name
from steunwijzer.profiles.models import Profile

from .models import Transition
from .notifications import notify_step
from .payloads import InvalidPayload, clean_payload, rejected

STATEMENT_MAX_BYTES = 10 * 1024 * 1024


class ForbiddenAction(Exception):
    """This person may not take this action on this profile (HTTP 403)."""


class WrongState(Exception):
    """The action exists but not from the profile's current state (HTTP 409)."""


def _check_statement(attachment) -> tuple[bytes, str] | None:
    if attachment is None:
        return None
    data = attachment.read(STATEMENT_MAX_BYTES + 1)
    if len(data) > STATEMENT_MAX_BYTES:
        raise InvalidPayload([Problem("statement", "het bestand is groter dan 10 MB")])
    if not data.startswith(b"%PDF-"):
        raise InvalidPayload([Problem("statement", "alleen een PDF-bestand is mogelijk")])
    return data, getattr(attachment, "name", "verklaring.pdf")[:200]


def _check_rules(profile: Profile, user, action: str, roles: set[str]) -> str:
    """Rules beyond role and state; returns a note to record, if any."""
    if (
        action == "submit_to_board"
        and not profile.transitions.filter(
            action__in=("give_advice", "give_consent"), created_at__gte=_last_start(profile)
        ).exists()
    ):
        raise WrongState("Er is nog geen advies of instemming van de MR vastgelegd.")
    if action == "establish" and profile.revisions.filter(author=user).exists():
        if not (profile.school.board.is_single_school and Role.SCHOOL_EDITOR in roles):
            raise ForbiddenAction(
                "U heeft aan deze versie meegeschreven en mag haar daarom niet zelf vaststellen. "
                "Vraag een andere kwaliteitsmedewerker van het bestuur."
            )
        return (
            "Vastgesteld door de directeur-bestuurder van een éénpitter die zelf aan deze "
            "versie schreef; dat is bij een éénpitter toegestaan."
        )
    return ""


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
    route = profile.route_definition
    step = route.step(action)
    roles = profile.route_roles(user)
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
    transaction.on_commit(lambda: notify_step(record))
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

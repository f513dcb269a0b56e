"""Moving a profile along its route: one atomic step at a time, recorded on the timeline."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from steunwijzer.core.problems import Problem
from steunwijzer.core.uploads import UploadRefused, check_upload
from steunwijzer.organisations.models import display_name
from steunwijzer.profiles.models import Profile

from .errors import ForbiddenAction, WrongState
from .guards import GUARDS, current_decision, guards_of
from .labels import payload_messages, route_name, step_label
from .lifecycle import route_of, route_roles
from .models import Transition
from .payloads import InvalidPayload, clean_payload, rejected
from .signals import step_taken

STATEMENT_MAX_BYTES = 10 * 1024 * 1024


def _check_statement(attachment) -> tuple[bytes, str] | None:
    if attachment is None:
        return None
    try:
        checked = check_upload(attachment, allowed=("pdf",), max_bytes=STATEMENT_MAX_BYTES)
    except UploadRefused as exc:
        raise InvalidPayload([Problem("statement", exc.message)]) from None
    return checked.data, checked.filename


def _advice_was_negative(profile: Profile) -> bool:
    decision = current_decision(profile)
    return decision is not None and decision.payload.get("advice") == "negatief"


def _check_guards(profile: Profile, user, step, roles: set[str]) -> str:
    """The step's rules beyond role and state (`guards_of`); the notes to record, if any."""
    return " ".join(
        note for name in guards_of(step) if (note := GUARDS[name](profile, user, roles))
    )


@transaction.atomic
def profile_transition(
    *,
    profile_id: int,
    user,
    action: str,
    payload=None,
    attachment=None,
    messages=None,
    full_record: bool = False,
) -> Transition:
    """Take one step, all or nothing. Raises ForbiddenAction, WrongState or InvalidPayload.

    `messages`: the payload checks' messages and option labels in the page's language
    (`labels.payload_messages()`); without it they are Dutch, as the API gives them (its
    error bodies are a contract, whatever language is active).
    `full_record`: the advice form's record, with the meeting and its signatories required.
    """
    profile = Profile.objects.select_for_update().select_related("school__board").get(pk=profile_id)
    route = route_of(profile)
    step = route.step(action)
    roles = route_roles(profile, user)
    if step is None:
        raise WrongState(
            _("The action '%(action)s' does not exist in the route %(route)s.")
            % {"action": action, "route": route_name(route)}
        )
    if not roles & set(step.roles):
        raise ForbiddenAction(
            _("You may not take the step '%(step)s'.") % {"step": step_label(step)}
        )
    if profile.state not in step.sources:
        raise WrongState(
            _("The step '%(step)s' is not possible now: the SOP is %(state)s.")
            % {"step": step_label(step), "state": profile.get_state_display()}
        )
    if messages is None:
        with translation.override("nl"):
            messages = payload_messages()
    texts, labels = messages
    cleaned = clean_payload(
        action,
        payload,
        timezone.localdate(),
        texts,
        labels,
        negative_advice=action == "establish" and _advice_was_negative(profile),
        full_record=full_record,
    )
    statement = (
        _check_statement(attachment) if step.action in ("give_advice", "give_consent") else None
    )
    exception_note = _check_guards(profile, user, step, roles)
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
    # In this transaction: a receiver that fails (the finder index, the notifications) leaves
    # the step untaken.
    step_taken.send(sender=Transition, profile=profile, transition=record)
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
def profiles_transition(
    *, profile_ids: list[int], user, action: str, payload=None, messages=None
) -> list[Transition]:
    """The same step for several SOPs at once: all of them, or none (one refused step undoes
    the others), so a batch never leaves some SOPs moved and the rest not."""
    return [
        profile_transition(
            profile_id=pk, user=user, action=action, payload=payload, messages=messages
        )
        for pk in sorted(set(profile_ids))
    ]


def profiles_deliver(
    *, profile_ids: list[int], user, note: str = "", messages=None
) -> list[Transition]:
    """A board delivers several established SOPs at once: all of them, or none."""
    return profiles_transition(
        profile_ids=profile_ids,
        user=user,
        action="deliver",
        payload={"note": note},
        messages=messages,
    )


def profiles_acknowledge(
    *, profile_ids: list[int], user, received_on: str = "", messages=None
) -> list[Transition]:
    """The partnership confirms receipt of several delivered SOPs at once: all, or none."""
    return profiles_transition(
        profile_ids=profile_ids,
        user=user,
        action="acknowledge",
        payload={"received_on": received_on},
        messages=messages,
    )

"""What people read for the route's data: step and route names, advice, consent and how
pupils were heard, in the language of the page.

The seed routes (`definitions`) keep their Dutch labels as data: routes are stored as JSON
with their labels, and a partnership may write its own. A step or route that still carries
the seed's own label is shown translated; a label a partnership wrote is shown as written.
The keys (actions, route keys, payload values) are contracts and never change.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from .definitions import SCHOOLGIDS_ROUTE, SOP_ROUTE

STEP_LABELS = {
    "request_advice": pgettext_lazy("route step", "Ask the MR for advice"),
    "give_advice": pgettext_lazy("route step", "Give advice"),
    "withdraw": pgettext_lazy("route step", "Take back from the MR"),
    "reopen": pgettext_lazy("route step", "Take back to draft"),
    "submit_to_board": pgettext_lazy("route step", "Send to the board"),
    "return_to_school": pgettext_lazy("route step", "Send back to the school"),
    "establish": pgettext_lazy("route step", "Establish"),
    "deliver": pgettext_lazy("route step", "Deliver to the partnership"),
    "acknowledge": pgettext_lazy("route step", "Confirm receipt"),
    "publish": pgettext_lazy("route step", "Publish"),
    "start_new_draft": pgettext_lazy("route step", "Start a new version"),
    "record_pupil_views": pgettext_lazy("route step", "Record the pupils' input"),
    "request_consent": pgettext_lazy("route step", "Ask the MR for consent"),
    "give_consent": pgettext_lazy("route step", "Give or refuse consent"),
}
# What the page says after a step, as a sentence (a partnership's own step: `step_done`).
STEP_DONE = {
    "request_advice": gettext_lazy("The MR has been asked for advice."),
    "give_advice": gettext_lazy("Your advice has been recorded and the school has been told."),
    "withdraw": gettext_lazy("The SOP has been taken back from the MR; you can edit it again."),
    "reopen": gettext_lazy(
        "The SOP is a draft again and the MR has been told; you can edit it again."
    ),
    "submit_to_board": gettext_lazy("The SOP has been sent to the board."),
    "return_to_school": gettext_lazy("The SOP has been sent back to the school."),
    "establish": gettext_lazy("The SOP has been established."),
    "deliver": gettext_lazy("The SOP has been delivered to the partnership."),
    "acknowledge": gettext_lazy("The receipt of the SOP has been confirmed."),
    "publish": gettext_lazy("The SOP has been published."),
    "start_new_draft": gettext_lazy("A new version of the SOP has been started."),
    "record_pupil_views": gettext_lazy("The pupils' input has been recorded."),
    "request_consent": gettext_lazy("The MR has been asked for consent."),
    "give_consent": gettext_lazy("Your decision has been recorded and the school has been told."),
}
ROUTE_NAMES = {
    "sop": pgettext_lazy("route name", "Partnership SOP route"),
    "schoolgids": pgettext_lazy("route name", "School guide (law 36443)"),
}
_SEEDS = (SOP_ROUTE, SCHOOLGIDS_ROUTE)
_SEED_STEP_LABELS = {(s.action, s.label) for route in _SEEDS for s in route.steps}
_SEED_ROUTE_NAMES = {(route.key, route.name) for route in _SEEDS}

# Keyed by `payloads.ADVICE`, `payloads.CONSENT` and `payloads.PUPIL_METHODS`, same order.
ADVICE_LABELS = {
    "positief": pgettext_lazy("MR advice", "positive"),
    "positief_met_opmerkingen": pgettext_lazy("MR advice", "positive with remarks"),
    "negatief": pgettext_lazy("MR advice", "negative"),
}
CONSENT_LABELS = {
    "instemming": pgettext_lazy("MR decision", "consent"),
    "geen_instemming": pgettext_lazy("MR decision", "no consent"),
}
PUPIL_METHOD_LABELS = {
    "leerlingenraad": pgettext_lazy("how pupils were heard", "pupil council"),
    "enquete": pgettext_lazy("how pupils were heard", "questionnaire among pupils"),
    "klassengesprekken": pgettext_lazy("how pupils were heard", "conversations in the classes"),
    "anders": pgettext_lazy("how pupils were heard", "other"),
}


def step_label(step) -> str:
    """The step's label to show: translated while it is the seed's, else as written."""
    if (step.action, step.label) in _SEED_STEP_LABELS:
        return str(STEP_LABELS[step.action])
    return step.label


def step_done(step, state_label) -> str:
    """What the page says after the step was taken, with the state the SOP is in now."""
    if (step.action, step.label) in _SEED_STEP_LABELS:
        done = str(STEP_DONE[step.action])
    else:
        done = _("The step '%(step)s' has been taken.") % {"step": step.label}
    return _("%(done)s The SOP is now: %(state)s.") % {"done": done, "state": state_label}


def route_name(route) -> str:
    if (route.key, route.name) in _SEED_ROUTE_NAMES:
        return str(ROUTE_NAMES[route.key])
    return route.name


def payload_messages() -> tuple[dict, dict]:
    """What `payloads.clean_payload` says about a wrong record, in the active language, and
    the option labels it lists: pass it as `messages` to the route's services."""
    texts = {
        "not_an_object": _("expected an object"),
        "not_text": _("expected text"),
        "required": _("is required"),
        "too_short": _("write at least {minimum} characters"),
        "too_long": _("at most {maximum} characters"),
        "choose_from": _("choose from: {options}"),
        "not_a_date": _("expected a date like 2026-09-01"),
        "in_future": _("may not be in the future"),
    }
    labels = {
        key: str(label)
        for labels in (ADVICE_LABELS, CONSENT_LABELS, PUPIL_METHOD_LABELS)
        for key, label in labels.items()
    }
    return texts, labels


def decision_label(value) -> str:
    """The MR's advice or consent decision, by its key."""
    label = ADVICE_LABELS.get(value) or CONSENT_LABELS.get(value)
    return str(label) if label else value

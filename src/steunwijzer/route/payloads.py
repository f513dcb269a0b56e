"""What each action must record, checked before anything is written. Pure Python.

The checks' words and the options' labels come from the caller (`labels.payload_messages()`,
in Dutch for the API: its error bodies are a contract), as this module has no gettext."""

from datetime import date

from steunwijzer.core.problems import Problem, ProblemsError

# The options of each choice, in the order they are listed; labels in route/labels.py.
ADVICE = ("positief", "positief_met_opmerkingen", "negatief")
CONSENT = ("instemming", "geen_instemming")
PUPIL_METHODS = ("leerlingenraad", "enquete", "klassengesprekken", "anders")
TEXT_MAX = 4000
# What a check can say: the keys of the `messages` a caller passes.
MESSAGE_KEYS = (
    "not_an_object",
    "not_text",
    "required",
    "too_short",
    "too_long",
    "choose_from",
    "not_a_date",
    "in_future",
)


class InvalidPayload(ProblemsError):
    """What a step must record is missing or wrong."""


class _Reader:
    """Collects every problem in a payload instead of stopping at the first."""

    def __init__(self, payload, today: date, messages: dict, labels: dict):
        self.payload = payload if isinstance(payload, dict) else {}
        self.today = today
        self.messages = messages
        self.labels = labels
        self.problems: list[Problem] = []
        if not isinstance(payload, dict | type(None)):
            self.problems.append(Problem("payload", messages["not_an_object"]))

    def fail(self, key, message):
        self.problems.append(Problem(f"payload.{key}", message))

    def text(self, key, required=False, minimum=0):
        value = self.payload.get(key, "")
        if not isinstance(value, str):
            self.fail(key, self.messages["not_text"])
            return ""
        value = value.strip()
        if required and len(value) < max(minimum, 1):
            if not value:
                self.fail(key, self.messages["required"])
            else:
                self.fail(key, self.messages["too_short"].format(minimum=minimum))
        elif len(value) > TEXT_MAX:
            self.fail(key, self.messages["too_long"].format(maximum=TEXT_MAX))
        return value

    def choice(self, key, options: tuple[str, ...]):
        value = self.payload.get(key, "")
        if value not in options:
            listed = ", ".join(self.labels.get(option, option) for option in options)
            self.fail(key, self.messages["choose_from"].format(options=listed))
        return value

    def day(self, key, default_today=True, required=False):
        value = self.payload.get(key) or (self.today.isoformat() if default_today else "")
        if not value:
            if required:
                self.fail(key, self.messages["required"])
            return ""
        try:
            day = date.fromisoformat(value)
        except (TypeError, ValueError):
            self.fail(key, self.messages["not_a_date"])
            return ""
        if day > self.today:
            self.fail(key, self.messages["in_future"])
        return day.isoformat()


def _meeting(r: _Reader, full_record: bool) -> dict:
    """The MR meeting that decided and who sign the statement for it: required on the advice
    form (`full_record`); the API may leave them out, as before they existed."""
    meeting = {
        "meeting_on": r.day("meeting_on", default_today=False, required=full_record),
        "chair_name": r.text("chair_name", required=full_record),
        "secretary_name": r.text("secretary_name", required=full_record),
    }
    return {key: value for key, value in meeting.items() if value}


def clean_payload(
    action: str,
    payload,
    today: date,
    messages: dict,
    labels: dict,
    *,
    negative_advice: bool = False,
    full_record: bool = False,
) -> dict:
    """Return the cleaned record of this action, or raise InvalidPayload naming each field.

    `messages` (keyed by MESSAGE_KEYS) and `labels` (option key → label) are the words of
    the problems, in the reader's language. `negative_advice`: the MR advised against this
    version, so a board that establishes it must give its reasons (`reasons`).
    `full_record`: the MR's advice or consent must name its meeting, chair and secretary.
    """
    r = _Reader(payload, today, messages, labels)
    match action:
        case "give_advice":
            advice = r.choice("advice", ADVICE)
            motivation = r.text("motivation", required=advice not in ("positief", ""))
            cleaned = {"advice": advice, "motivation": motivation, "date": r.day("date")}
            cleaned |= _meeting(r, full_record)
        case "give_consent":
            decision = r.choice("decision", CONSENT)
            motivation = r.text("motivation", required=decision == "geen_instemming")
            cleaned = {"decision": decision, "motivation": motivation, "date": r.day("date")}
            cleaned |= _meeting(r, full_record)
        case "return_to_school":
            cleaned = {"remarks": r.text("remarks", required=True, minimum=10)}
        case "reopen":
            cleaned = {"reason": r.text("reason", required=True, minimum=10)}
        case "establish":
            cleaned = {"established_on": r.day("established_on"), "note": r.text("note")}
            reasons = r.text("reasons", required=negative_advice, minimum=10)
            if reasons:
                cleaned["reasons"] = reasons
        case "acknowledge":
            cleaned = {"received_on": r.day("received_on"), "note": r.text("note")}
        case "record_pupil_views":
            cleaned = {
                "heard_on": r.day("heard_on"),
                "method": r.choice("method", PUPIL_METHODS),
                "views": r.text("views", required=True, minimum=20),
                "response": r.text("response"),
            }
        case _:
            cleaned = {"note": r.text("note")}
    if r.problems:
        raise InvalidPayload(r.problems)
    return cleaned


def rejected(action: str, cleaned: dict) -> bool:
    """A refusal of consent sends the SOP back to the school."""
    return action == "give_consent" and cleaned.get("decision") == "geen_instemming"

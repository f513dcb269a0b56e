"""Walking a profile along the SOP route in tests."""

from steunwijzer.profiles.services import profile_update
from steunwijzer.route.services import profile_transition

# What the advice form asks besides the advice: the MR meeting and who sign the statement.
MEETING = {
    "meeting_on": "2025-11-20",
    "chair_name": "Karin de Voorzitter",
    "secretary_name": "Sander Secretaris",
}


def step(profile, user, action, **payload):
    return profile_transition(profile_id=profile.pk, user=user, action=action, payload=payload)


LIMITS_TEXT = (
    "In een groep van meer dan 28 leerlingen kunnen wij geen leerling opvangen die de hele "
    "dag een eigen begeleider nodig heeft. Ook de samenstelling van de groep telt: zitten er "
    "al drie leerlingen met een eigen leerlijn, dan kan de leerkracht er niet nog een bij "
    "nemen zonder extra personeel."
)
CELLS = {"short_text": "Taal", "number": 4, "date": "2026-09-01", "url": "https://x.example"}
DATES = {"evaluatie_laatste": "2026-06-30", "evaluatie_volgende": "2027-06-30"}


def _value(field):
    match field.type:
        case "long_text":
            return LIMITS_TEXT
        case "short_text":
            return "Ilse Begeleider"
        case "number":
            return 8
        case "date":
            return DATES.get(field.key, "2026-09-01")
        case "url":
            return f"https://school.example/{field.key}"
        case "single_choice":
            return field.choices[0].key
        case "checklist":
            return [c.key for c in field.choices[:2]]
        case "table":
            return [{c.key: CELLS.get(c.type) or c.choices[0].key for c in field.columns}]


def complete_answers(profile) -> dict:
    """Valid answers for every required field, so the SOP-check lets the profile go on."""
    answers = {"aantal_groepen": 8}
    for chapter in profile.chapters:
        for field in profile.applicable_fields(chapter):
            if field.required:
                answers[field.key] = _value(field)
    return answers


def fill(profile, editor):
    profile.refresh_from_db()
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=profile.version,
        changes=complete_answers(profile),
    )


def to_state(profile, state, *, editor, mr, officer, staff=None):
    """Bring a fresh profile to `state` by the normal route."""
    order = [
        ("bij_mr", editor, "request_advice", {}),
        ("advies_gegeven", mr, "give_advice", {"advice": "positief"}),
        ("bij_bestuur", editor, "submit_to_board", {}),
        ("vastgesteld", officer, "establish", {}),
        ("aangeleverd", officer, "deliver", {}),
        ("ontvangen", staff, "acknowledge", {}),
        ("gepubliceerd", editor, "publish", {}),
    ]
    fill(profile, editor)
    if state == "concept":
        return profile
    for reached, user, action, payload in order:
        step(profile, user, action, **payload)
        if reached == state:
            break
    profile.refresh_from_db()
    return profile

"""Walking a profile along the SOP route in tests."""

from steunwijzer.profiles.services import profile_update
from steunwijzer.route.services import profile_transition


def step(profile, user, action, **payload):
    return profile_transition(profile_id=profile.pk, user=user, action=action, payload=payload)


def fill(profile, editor):
    profile.refresh_from_db()
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=profile.version,
        changes={"aantal_groepen": 8},
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

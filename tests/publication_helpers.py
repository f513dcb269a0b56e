"""Published SOPs for the public pages' tests."""

from steunwijzer.profiles.services import profile_update
from tests.route_helpers import to_state


def publish(profile, *, editor, mr, officer, staff, **answers):
    """Fill the profile, set extra answers, and take it along the route to published."""
    profile = to_state(profile, "concept", editor=editor, mr=mr, officer=officer)
    profile.refresh_from_db()
    if answers:
        profile_update(
            profile_id=profile.pk, user=editor, base_version=profile.version, changes=answers
        )
    profile.refresh_from_db()
    return to_state_from_filled(profile, editor=editor, mr=mr, officer=officer, staff=staff)


def to_state_from_filled(profile, *, editor, mr, officer, staff):
    from tests.route_helpers import step

    step(profile, editor, "request_advice")
    step(profile, mr, "give_advice", advice="positief")
    step(profile, editor, "submit_to_board")
    step(profile, officer, "establish")
    step(profile, officer, "deliver")
    step(profile, staff, "acknowledge")
    step(profile, editor, "publish")
    profile.refresh_from_db()
    return profile

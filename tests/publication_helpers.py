"""Published SOPs for the public pages' tests (fixtures `published` and `two_published`)."""

import pytest

from steunwijzer.organisations.models import Membership, Role
from steunwijzer.profiles.services import profile_update
from tests.conftest import grant, make_user
from tests.route_helpers import step, to_state


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


def start_new_draft(profile, editor, **changes):
    """After publishing: start a new version and save `changes` in it (not published)."""
    step(profile, editor, "start_new_draft")
    profile.refresh_from_db()
    profile_update(
        profile_id=profile.pk, user=editor, base_version=profile.version, changes=changes
    )
    profile.refresh_from_db()
    return profile


def to_state_from_filled(profile, *, editor, mr, officer, staff):
    step(profile, editor, "request_advice")
    step(profile, mr, "give_advice", advice="positief")
    step(profile, editor, "submit_to_board")
    step(profile, officer, "establish")
    step(profile, officer, "deliver")
    step(profile, staff, "acknowledge")
    step(profile, editor, "publish")
    profile.refresh_from_db()
    return profile


PUBLISHED_LIMIT = (
    "Wij kunnen geen verpleegkundige zorg de hele dag bieden. Ook een leerling die een "
    "stiltehoek de hele dag nodig heeft, heeft hier geen plek."
)
OTHER_LIMIT = "Vlieger: geen plusklas."


@pytest.fixture
def published(profile, editor, mr_member, officer, staff):
    """De Regenboog (12AB, Escamp), published: dyslexie and autisme, its limits."""
    return publish(
        profile,
        editor=editor,
        mr=mr_member,
        officer=officer,
        staff=staff,
        grenzen_niet_bieden=PUBLISHED_LIMIT,
        expertise_aanbod=["dyslexie", "autisme"],
    )


@pytest.fixture
def two_published(published, other_profile, other_editor, officer, staff):
    """And De Vlieger (34CD, Loosduinen), published: dyslexie and hoogbegaafdheid."""
    other_mr = make_user("mr2")
    grant(
        other_mr, Role.MR_MEMBER, school=other_profile.school, function=Membership.Function.PARENT
    )
    other = publish(
        other_profile,
        editor=other_editor,
        mr=other_mr,
        officer=officer,
        staff=staff,
        grenzen_niet_bieden=OTHER_LIMIT,
        expertise_aanbod=["dyslexie", "hoogbegaafdheid"],
    )
    return published, other


def record_evaluation(profile, evaluated_on, next_evaluation, **fields):
    """An evaluation of `profile` as the school team records it."""
    from steunwijzer.profiles.models import Evaluation

    return Evaluation.objects.create(
        profile=profile,
        evaluated_on=evaluated_on,
        next_evaluation=next_evaluation,
        **{"evaluated_by": "team", "what_changed": "niets", "why": "alles werkt", **fields},
    )

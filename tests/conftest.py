"""Personas shared by every test: one partnership with two boards, and outsiders.

| persona       | holds                                                    |
|---------------|----------------------------------------------------------|
| editor        | school editor (directeur) of `school`                    |
| team_member   | school team member of `school`                           |
| mr_member     | MR member of `school`                                    |
| other_editor  | school editor of `other_school` (same board)             |
| officer       | quality officer of `board`                               |
| other_officer | quality officer of `single_board` (an éénpitter)         |
| staff         | staff of `partnership`                                   |
| other_staff   | staff of another partnership                             |
| outsider      | an account without any role                              |
"""

import os

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from steunwijzer.organisations.models import Board, Membership, Partnership, Role, School
from steunwijzer.profiles.services import profile_create
from steunwijzer.publication.published import published_sop
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
from steunwijzer.regional_model.services import format_import
from tests import export_helpers

PASSWORD = "correct-horse-battery-9"

# Hypothesis profiles. Neither has a per-example deadline: Hypothesis's default of 200 ms
# turns a busy machine into a failing test (one took 393 ms while other suites ran), and
# these tests check what code does, not how fast; speed is measured in benchmarks/. A test
# therefore needs no `deadline=None` of its own.
# - "default", for developers: random examples, and the failures found are kept in
#   .hypothesis/ (ignored by git) and tried first on the next run.
# - "ci", loaded when CI is set (.ci/run sets CI=true): the same examples on every run,
#   so a red CI is a real regression and not a newly drawn example, no example database on a
#   fresh machine, a failure printed with its @reproduce_failure blob, and no health check
#   on how slowly examples are drawn (a timing check too). Developers' random runs look for
#   new failures; CI draws the same examples each time.
# `pytest --hypothesis-profile=NAME` still picks a profile by hand.
# Both start from Hypothesis's own defaults. (Recent Hypothesis loads a "ci" profile of its own
# when CI is set; these are the same on every version pyproject.toml allows, and developers
# get no deadline either.)
_HYPOTHESIS_DEFAULTS = hypothesis_settings.get_profile("default")
hypothesis_settings.register_profile("default", _HYPOTHESIS_DEFAULTS, deadline=None)
hypothesis_settings.register_profile(
    "ci",
    _HYPOTHESIS_DEFAULTS,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
hypothesis_settings.load_profile(
    "ci" if os.environ.get("CI", "").lower() not in ("", "0", "false", "no") else "default"
)

# Fixtures of published SOPs (`published`, `two_published`) for the public pages' tests, and
# the demo built once per module (`demo`).
pytest_plugins = ["tests.publication_helpers", "tests.demo_helpers", "tests.geocoder_server"]


def make_user(username, **extra):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.nl", password=PASSWORD, **extra
    )


def grant(user, role, **scope):
    return Membership.objects.create(user=user, role=role, **scope)


def make_school(board, brin, name, **extra):
    values = dict(
        street_address="Schoolstraat 1",
        postcode="2500 AA",
        city="Den Haag",
        municipality="Den Haag",
        district="Escamp",
        pupil_count=240,
    )
    values.update(extra)
    return School.objects.create(board=board, brin=brin, name=name, **values)


@pytest.fixture
def partnership(db):
    return Partnership.objects.create(
        name="Samenwerkingsverband Testregio", short_name="SWV Test", slug="testregio"
    )


@pytest.fixture
def format_version(partnership):
    return format_import(
        partnership=partnership,
        text=DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"),
        filename=DEFAULT_FORMAT_PATH.name,
    )


@pytest.fixture
def board(partnership):
    return Board.objects.create(partnership=partnership, name="Stichting Leerkracht")


@pytest.fixture
def single_board(partnership):
    return Board.objects.create(partnership=partnership, name="Stichting De Eenpitter")


@pytest.fixture
def school(board):
    return make_school(board, "12AB", "De Regenboog")


@pytest.fixture
def other_school(board):
    return make_school(board, "34CD", "De Vlieger", district="Loosduinen")


@pytest.fixture
def single_school(single_board):
    return make_school(single_board, "56EF", "Het Baken", municipality="Rijswijk", district="")


@pytest.fixture
def editor(school):
    user = make_user("editor", first_name="Eva", last_name="de Directeur")
    grant(user, Role.SCHOOL_EDITOR, school=school, function=Membership.Function.DIRECTOR)
    return user


@pytest.fixture
def second_editor(school):
    user = make_user("ib", first_name="Ilse", last_name="Begeleider")
    grant(user, Role.SCHOOL_EDITOR, school=school, function=Membership.Function.INTERNAL_SUPERVISOR)
    return user


@pytest.fixture
def team_member(school):
    user = make_user("teamlid")
    grant(user, Role.SCHOOL_TEAM, school=school)
    return user


@pytest.fixture
def mr_member(school):
    user = make_user("mrlid")
    grant(user, Role.MR_MEMBER, school=school, function=Membership.Function.PARENT)
    return user


@pytest.fixture
def other_editor(other_school):
    user = make_user("andere_redacteur")
    grant(user, Role.SCHOOL_EDITOR, school=other_school)
    return user


@pytest.fixture
def officer(board):
    user = make_user("kwaliteit")
    grant(user, Role.BOARD_OFFICER, board=board)
    return user


@pytest.fixture
def other_officer(single_board, single_school):
    user = make_user("ander_bestuur")
    grant(user, Role.BOARD_OFFICER, board=single_board)
    return user


@pytest.fixture
def staff(partnership):
    user = make_user("swv")
    grant(user, Role.PARTNERSHIP_STAFF, partnership=partnership)
    return user


@pytest.fixture
def other_staff(db):
    other = Partnership.objects.create(name="SWV Elders", short_name="Elders", slug="elders")
    user = make_user("swv_elders")
    grant(user, Role.PARTNERSHIP_STAFF, partnership=other)
    return user


@pytest.fixture
def outsider(db):
    return make_user("buitenstaander")


@pytest.fixture
def profile(school, format_version, editor):
    return profile_create(school=school, school_year="2026-2027", user=editor)


@pytest.fixture
def last_years_sop(school, format_version, editor, mr_member, officer, staff):
    """The school's SOP of 2025-2026, through the whole route to published."""
    from tests.publication_helpers import publish  # it imports this module

    profile = profile_create(school=school, school_year="2025-2026", user=editor)
    return publish(profile, editor=editor, mr=mr_member, officer=officer, staff=staff)


@pytest.fixture
def sop(profile, editor, mr_member, officer, staff):
    """The profile's SOP through the whole route to published, as the exports read it."""
    return published_sop(
        export_helpers.publish(profile, editor=editor, mr=mr_member, officer=officer, staff=staff)
    )


@pytest.fixture
def other_profile(other_school, format_version, other_editor):
    return profile_create(school=other_school, school_year="2026-2027", user=other_editor)

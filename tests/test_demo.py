"""The demo data set: `manage.py load_demo` and the personas `steunwijzer demo` prints."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from steunwijzer.core.demo import (
    DEMO_LOGINS,
    DEMO_PASSWORD,
    DEMO_SLUG,
    FLAGSHIP_BRIN,
    demo_loaded,
)
from steunwijzer.organisations.models import Board, Membership, Role, School
from steunwijzer.profiles.models import Profile

PERSONAS = {
    "directeur", "ib", "leerkracht", "mr", "directeur2", "kwaliteit", "kwaliteit2",
    "eenpitter", "swv", "beheer",
}


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_builds_the_demo(client):
    assert not demo_loaded()
    output = load_demo()
    assert demo_loaded()
    assert "Demodata geladen" in output

    boards = Board.objects.filter(partnership__slug=DEMO_SLUG)
    assert boards.count() == 3
    assert any(board.is_single_school for board in boards)
    schools = School.objects.filter(board__partnership__slug=DEMO_SLUG)
    assert schools.count() >= 10
    assert schools.filter(school_type=School.Type.SBO).exists()
    assert schools.filter(profiles=None).exists(), "a school without a profile shows 'SOP starten'"

    for username, _ in DEMO_LOGINS:
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()

    profiles = list(Profile.objects.filter(school__in=schools))
    flagship = next(p for p in profiles if p.school.brin == FLAGSHIP_BRIN)
    assert flagship.revisions.count() >= 3
    authors = set(flagship.revisions.values_list("author__username", flat=True))
    assert {"directeur", "ib"} <= authors
    assert flagship.answers and flagship.missing_required(), "the flagship is partly filled"

    complete = [p for p in profiles if not p.missing_required()]
    assert complete
    assert any(p.school.school_type == School.Type.SBO for p in complete)
    assert any(p.answers == {} for p in profiles)
    partly = [p for p in profiles if p.answers and p.missing_required()]
    assert len(partly) >= 3


@pytest.mark.django_db
def test_it_refuses_to_load_twice():
    load_demo()
    counts = (School.objects.count(), Profile.objects.count(), get_user_model().objects.count())
    with pytest.raises(CommandError, match="al geladen"):
        load_demo()
    assert counts == (
        School.objects.count(), Profile.objects.count(), get_user_model().objects.count()
    )


@pytest.mark.django_db
def test_every_demo_login_exists():
    load_demo()
    assert {username for username, _ in DEMO_LOGINS} == PERSONAS
    users = get_user_model().objects
    for username, description in DEMO_LOGINS:
        user = users.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
        assert user.first_name and user.last_name and user.email.endswith("@example.nl")
        assert user.memberships.exists(), username
        assert description

    eenpitter = set(
        Membership.objects.filter(user__username="eenpitter").values_list("role", flat=True)
    )
    assert eenpitter == {Role.SCHOOL_EDITOR, Role.BOARD_OFFICER}
    beheer = users.get(username="beheer")
    assert beheer.is_staff and beheer.is_superuser
    assert beheer.memberships.filter(role=Role.PLATFORM_ADMIN).exists()

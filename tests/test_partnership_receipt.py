"""The partnership confirms receipt of many SOPs at once from its overview: all or none."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from steunwijzer.organisations.models import Role
from steunwijzer.profiles.models import Profile
from steunwijzer.route.models import Transition
from tests.conftest import grant, make_user
from tests.deadline_helpers import set_today
from tests.route_helpers import to_state

TODAY = date(2026, 11, 22)


@pytest.fixture(autouse=True)
def today(monkeypatch):
    set_today(monkeypatch, TODAY)


@pytest.fixture
def other_mr(other_school):
    user = make_user("mr_vlieger")
    grant(user, Role.MR_MEMBER, school=other_school)
    return user


@pytest.fixture
def delivered(profile, other_profile, editor, other_editor, mr_member, other_mr, officer):
    """Two delivered SOPs of the partnership: De Regenboog and De Vlieger."""
    to_state(profile, "aangeleverd", editor=editor, mr=mr_member, officer=officer)
    to_state(other_profile, "aangeleverd", editor=other_editor, mr=other_mr, officer=officer)
    return [profile, other_profile]


def _post(client, partnership, **data):
    return client.post(reverse("partnership_acknowledge", args=[partnership.slug]), data)


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _states(profiles) -> list[str]:
    return [Profile.objects.get(pk=p.pk).state for p in profiles]


def test_staff_confirms_receipt_of_several_sops_at_once(client, staff, partnership, delivered):
    client.force_login(staff)
    response = _post(
        client,
        partnership,
        profiles=[p.pk for p in delivered],
        received_on="2026-11-20",
        terug="status=aangeleverd&pagina=1",
    )
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("partnership_overview", args=[partnership.slug]) + "?status=aangeleverd&pagina=1"
    )
    assert _states(delivered) == ["ontvangen", "ontvangen"]
    records = Transition.objects.filter(action="acknowledge", profile__in=delivered)
    assert {r.payload["received_on"] for r in records} == {"2026-11-20"}
    assert {r.actor_id for r in records} == {staff.pk}
    assert _messages(response) == ["Ontvangst bevestigd van 2 SOP's: De Regenboog, De Vlieger."]


def test_one_sop_is_a_sentence_in_the_singular(client, staff, partnership, delivered):
    client.force_login(staff)
    response = _post(client, partnership, profiles=[delivered[0].pk])
    assert _messages(response) == ["Ontvangst bevestigd van 1 SOP: De Regenboog."]
    assert _states(delivered) == ["ontvangen", "aangeleverd"]
    # Without a date the receipt is dated today, as on the route page.
    record = Transition.objects.get(action="acknowledge", profile=delivered[0])
    assert record.payload["received_on"] == TODAY.isoformat()


@pytest.mark.parametrize(
    "persona", ["other_staff", "officer", "editor", "mr_member", "team_member", "outsider"]
)
def test_others_cannot_confirm_receipt(client, request, partnership, delivered, persona):
    client.force_login(request.getfixturevalue(persona))
    response = _post(client, partnership, profiles=[p.pk for p in delivered])
    assert response.status_code == 403
    assert _states(delivered) == ["aangeleverd", "aangeleverd"]
    assert not Transition.objects.filter(action="acknowledge").exists()


def test_anonymous_is_sent_to_sign_in(client, partnership, delivered):
    response = _post(client, partnership, profiles=[p.pk for p in delivered])
    assert response.status_code == 302 and "inloggen" in response["Location"]
    assert _states(delivered) == ["aangeleverd", "aangeleverd"]


def test_a_get_confirms_nothing(client, staff, partnership, delivered):
    client.force_login(staff)
    url = reverse("partnership_acknowledge", args=[partnership.slug])
    assert client.get(url, {"profiles": delivered[0].pk}).status_code == 405
    assert _states(delivered) == ["aangeleverd", "aangeleverd"]


def test_no_selection_says_what_to_do(client, staff, partnership, delivered):
    client.force_login(staff)
    response = _post(client, partnership)
    assert _messages(response) == [
        "Kies een of meer aangeleverde SOP's om de ontvangst van te bevestigen."
    ]
    assert _states(delivered) == ["aangeleverd", "aangeleverd"]


def test_a_sop_not_delivered_stops_the_whole_batch_and_is_named(
    client, staff, partnership, delivered, single_school, format_version
):
    from steunwijzer.profiles.services import profile_create

    concept = profile_create(school=single_school, school_year="2026-2027", user=staff)
    client.force_login(staff)
    response = _post(client, partnership, profiles=[delivered[0].pk, concept.pk])
    assert _messages(response) == [
        "Er is niets bevestigd: het SOP van Het Baken (nu: concept) is niet aangeleverd, "
        "dus de ontvangst kan niet worden bevestigd."
    ]
    assert _states(delivered) == ["aangeleverd", "aangeleverd"]
    assert not Transition.objects.filter(action="acknowledge").exists()


def test_an_already_received_sop_stops_the_batch(client, staff, partnership, delivered):
    client.force_login(staff)
    _post(client, partnership, profiles=[delivered[0].pk])
    response = _post(client, partnership, profiles=[p.pk for p in delivered])
    assert "De Regenboog (nu: ontvangen)" in _messages(response)[-1]
    assert _states(delivered) == ["ontvangen", "aangeleverd"]


def test_an_sop_of_another_partnership_cannot_be_chosen(
    client, staff, other_staff, partnership, delivered, format_version
):
    from steunwijzer.organisations.models import Board
    from steunwijzer.profiles.models import Profile as P
    from tests.conftest import make_school

    elsewhere = make_school(
        Board.objects.create(partnership=other_staff.memberships.get().partnership, name="B"),
        "99ZZ",
        "Elders",
    )
    foreign = P.objects.create(
        school=elsewhere,
        school_year="2026-2027",
        state="aangeleverd",
        format_version=format_version,
    )
    client.force_login(staff)
    response = _post(client, partnership, profiles=[delivered[0].pk, foreign.pk])
    assert _messages(response) == [
        "Kies een of meer aangeleverde SOP's om de ontvangst van te bevestigen."
    ]
    assert _states([*delivered, foreign]) == ["aangeleverd", "aangeleverd", "aangeleverd"]


@pytest.mark.parametrize("value", ["abc", "", "-1"])
def test_a_bad_profile_value_is_refused(client, staff, partnership, delivered, value):
    client.force_login(staff)
    response = _post(client, partnership, profiles=[value])
    assert response.status_code == 302
    assert _messages(response) == [
        "Kies een of meer aangeleverde SOP's om de ontvangst van te bevestigen."
    ]
    assert _states(delivered) == ["aangeleverd", "aangeleverd"]


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2026-12-01", "mag niet in de toekomst liggen"),
        ("gisteren", "verwacht een datum als 2026-09-01"),
    ],
)
def test_a_bad_date_confirms_nothing(client, staff, partnership, delivered, day, message):
    client.force_login(staff)
    response = _post(client, partnership, profiles=[p.pk for p in delivered], received_on=day)
    (text,) = _messages(response)
    assert text.startswith("Er is niets bevestigd: ") and message in text
    assert _states(delivered) == ["aangeleverd", "aangeleverd"]
    assert not Transition.objects.filter(action="acknowledge").exists()


def test_the_overview_offers_a_checkbox_only_for_delivered_sops(
    client, staff, partnership, delivered, single_school, format_version
):
    from steunwijzer.profiles.services import profile_create

    concept = profile_create(school=single_school, school_year="2026-2027", user=staff)
    client.force_login(staff)
    page = client.get(reverse("partnership_overview", args=[partnership.slug])).content.decode()
    for p in delivered:
        assert f'name="profiles" value="{p.pk}"' in page
    assert f'value="{concept.pk}"' not in page
    assert "2 SOP's aangeleverd en wachten op uw ontvangstbevestiging" in page
    assert "Ontvangst bevestigen van het SOP van De Regenboog" in page

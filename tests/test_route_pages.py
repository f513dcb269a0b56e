"""The route page, the MR's statement and a board delivering several SOPs at once."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunwijzer.profiles.services import profile_create
from tests.deadline_helpers import set_today
from tests.route_helpers import MEETING, fill, step, to_state


@pytest.fixture
def advised(profile, editor, mr_member, officer, staff):
    return to_state(profile, "advies_gegeven", editor=editor, mr=mr_member, officer=officer)


def test_the_route_page_shows_state_actions_and_timeline(client, advised, editor):
    client.force_login(editor)
    body = client.get(reverse("profile_route", args=[advised.pk])).content.decode()
    assert "advies gegeven" in body
    assert "Naar het bestuur sturen" in body  # the editor's next step
    assert "Advies vragen aan de MR" in body  # on the timeline
    assert "Adviesverklaring (PDF)" in body


def test_the_school_reads_the_mr_advice_above_its_next_steps(
    client, profile, editor, mr_member, officer
):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    motivation = "Maak de hulp bij dyslexie in hoofdstuk 3 concreter."
    step(
        profile,
        mr_member,
        "give_advice",
        advice="positief_met_opmerkingen",
        motivation=motivation,
        **MEETING,
    )
    client.force_login(editor)
    body = client.get(reverse("profile_route", args=[profile.pk])).content.decode()
    # Before the forms to send it on or take it back, not only in the timeline at the end.
    advice = body.index('<div class="sw-request">')
    assert advice < body.index("Naar het bestuur sturen") < body.index('id="tijdlijn"')
    box = body[advice : body.index("</div>", advice)]
    assert "Advies van de MR" in box and "positief met opmerkingen" in box and motivation in box
    # The MR, with no step left to take, gets no such box.
    client.force_login(mr_member)
    assert (
        '<div class="sw-request">'
        not in client.get(reverse("profile_route", args=[profile.pk])).content.decode()
    )


@pytest.mark.parametrize("persona", ["other_editor", "other_officer", "other_staff", "outsider"])
def test_strangers_do_not_see_the_route(request, client, advised, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("profile_route", args=[advised.pk])).status_code == 403


def test_a_step_through_the_page(client, profile, editor, mr_member, mailoutbox):
    fill(profile, editor)
    client.force_login(editor)
    response = client.post(reverse("profile_transition", args=[profile.pk, "request_advice"]))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.state == "bij_mr"


def test_a_forbidden_step_through_the_page_is_403(client, profile, officer):
    client.force_login(officer)
    response = client.post(reverse("profile_transition", args=[profile.pk, "request_advice"]))
    assert response.status_code == 403
    profile.refresh_from_db()
    assert profile.state == "concept"


def test_a_wrong_state_through_the_page_is_409_with_a_message(client, profile, editor):
    client.force_login(editor)
    response = client.post(reverse("profile_transition", args=[profile.pk, "publish"]))
    assert response.status_code == 409
    assert "kan niet nu" in response.content.decode()


def test_missing_advice_motivation_is_explained(client, profile, editor, mr_member):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    client.force_login(mr_member)
    response = client.post(
        reverse("profile_transition", args=[profile.pk, "give_advice"]),
        {"advice": "negatief", "motivation": ""},
    )
    assert response.status_code == 422
    assert "is verplicht" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.parametrize("persona", ["officer", "staff", "editor", "mr_member"])
def test_the_statement_pdf_is_downloadable(request, client, advised, persona):
    client.force_login(request.getfixturevalue(persona))
    advice = advised.transitions.get(action="give_advice")
    response = client.get(reverse("transition_statement", args=[advised.pk, advice.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "adviesverklaring-12AB00-2026-2027.pdf" in response["Content-Disposition"]


def test_the_statement_is_refused_to_strangers(client, advised, other_officer):
    client.force_login(other_officer)
    advice = advised.transitions.get(action="give_advice")
    assert (
        client.get(reverse("transition_statement", args=[advised.pk, advice.pk])).status_code == 403
    )


def test_an_uploaded_signed_statement_is_kept_as_sent(client, profile, editor, mr_member):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    client.force_login(mr_member)
    signed = b"%PDF-1.7 getekend\n%%EOF\n"
    client.post(
        reverse("profile_transition", args=[profile.pk, "give_advice"]),
        {"advice": "positief", **MEETING, "statement": SimpleUploadedFile("mr.pdf", signed)},
    )
    advice = profile.transitions.get(action="give_advice")
    response = client.get(reverse("transition_statement", args=[profile.pk, advice.pk]))
    assert response.content == signed


def test_a_statement_that_is_not_a_pdf_is_refused(client, profile, editor, mr_member):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    client.force_login(mr_member)
    response = client.post(
        reverse("profile_transition", args=[profile.pk, "give_advice"]),
        {"advice": "positief", **MEETING, "statement": SimpleUploadedFile("mr.pdf", b"MZ\x90\x00")},
    )
    assert response.status_code == 422
    assert "alleen een PDF-bestand" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == "bij_mr"


def _established(profile, editor, mr_member, officer):
    return to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)


def test_a_board_delivers_several_schools_at_once(
    client, profile, other_profile, editor, other_editor, mr_member, officer, school
):
    from steunwijzer.organisations.models import Role
    from tests.conftest import grant, make_user

    other_mr = make_user("mr_vlieger")
    grant(other_mr, Role.MR_MEMBER, school=other_profile.school)
    _established(profile, editor, mr_member, officer)
    to_state(other_profile, "vastgesteld", editor=other_editor, mr=other_mr, officer=officer)
    client.force_login(officer)
    url = reverse("board_deliver", args=[school.board_id])
    assert "De Vlieger" in client.get(url).content.decode()
    response = client.post(url, {"profiles": [profile.pk, other_profile.pk]})
    assert response.status_code == 302
    # Afterwards the way back to the overview, where the board delivered from.
    overview = reverse("board_overview", args=[school.board_id])
    assert f'href="{overview}">Terug naar het bestuursoverzicht' in client.get(url).content.decode()
    for p in (profile, other_profile):
        p.refresh_from_db()
        assert p.state == "aangeleverd"


def test_a_board_delivery_with_a_wrong_profile_delivers_nothing(
    client, profile, other_profile, editor, mr_member, officer, school
):
    _established(profile, editor, mr_member, officer)
    client.force_login(officer)
    response = client.post(
        reverse("board_deliver", args=[school.board_id]),
        {"profiles": [profile.pk, other_profile.pk]},
        follow=True,
    )
    assert "Kies een of meer vastgestelde SOP" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == "vastgesteld"


@pytest.mark.parametrize("persona", ["editor", "other_officer", "staff", "outsider"])
def test_only_the_boards_officers_deliver(request, client, school, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("board_deliver", args=[school.board_id])).status_code == 403


def test_the_diff_page_offers_the_version_the_mr_advised_on(
    client, profile, editor, mr_member, officer, other_school
):
    from steunwijzer.profiles.comparisons import comparison_presets
    from steunwijzer.profiles.services import profile_update

    to_state(profile, "bij_bestuur", editor=editor, mr=mr_member, officer=officer)
    advised_on = profile.version
    step(profile, officer, "return_to_school", remarks="Graag concreter over de grenzen.")
    profile_update(
        profile_id=profile.pk, user=editor, base_version=advised_on, changes={"aantal_groepen": 11}
    )
    profile.refresh_from_db()
    assert ("t.o.v. de versie waarover de MR adviseerde", advised_on) in comparison_presets(profile)
    client.force_login(editor)
    body = client.get(reverse("profile_diff", args=[profile.pk])).content.decode()
    assert "t.o.v. de versie waarover de MR adviseerde" in body


@pytest.fixture
def august_profile(monkeypatch, school, format_version, editor):
    """An SOP started on 20 August 2026, before the default due date (1 September)."""
    set_today(monkeypatch, date(2026, 8, 20))
    return profile_create(school=school, school_year="2026-2027", user=editor)


def _route_body(client, user, profile):
    client.force_login(user)
    return client.get(reverse("profile_route", args=[profile.pk])).content.decode()


def test_the_mr_reads_the_directors_note_and_due_date_above_its_form(
    client, august_profile, editor, mr_member
):
    profile = august_profile
    fill(profile, editor)
    step(profile, editor, "request_advice", note="Graag vóór de vergadering van maart.")
    body = _route_body(client, mr_member, profile)
    note = body.index("Toelichting van Eva de Directeur bij de adviesaanvraag:")
    assert note < body.index('name="advice"')
    assert "Graag vóór de vergadering van maart." in body[note:]
    # No deadline set: the default date of the school year 2026-2027.
    assert "Het SOP moet uiterlijk 1 september 2026 bij het bestuur zijn." in body


def test_the_note_is_shown_only_with_the_mrs_form(client, profile, editor, mr_member):
    fill(profile, editor)
    step(profile, editor, "request_advice", note="Graag vóór de vergadering van maart.")
    body = _route_body(client, editor, profile)
    assert "bij de adviesaanvraag" not in body
    assert "Graag vóór de vergadering van maart." in body  # on the timeline only


def test_a_note_of_an_earlier_round_is_not_shown_again(client, august_profile, editor, mr_member):
    profile = august_profile
    fill(profile, editor)
    step(profile, editor, "request_advice", note="Oude toelichting bij de eerste ronde.")
    step(profile, mr_member, "give_advice", advice="positief")
    step(profile, editor, "reopen", reason="De opmerkingen van de MR verwerken.")
    step(profile, editor, "request_advice")
    body = _route_body(client, mr_member, profile)
    assert "bij de adviesaanvraag" not in body
    assert "Het SOP moet uiterlijk 1 september 2026 bij het bestuur zijn." in body


def test_a_passed_due_date_is_said_as_passed(
    client, august_profile, editor, mr_member, monkeypatch
):
    profile = august_profile
    set_today(monkeypatch, date(2026, 9, 10))
    fill(profile, editor)
    step(profile, editor, "request_advice")
    body = _route_body(client, mr_member, profile)
    assert "Het SOP had uiterlijk 1 september 2026 bij het bestuur moeten zijn." in body
    assert "Het SOP moet uiterlijk" not in body


def test_a_step_held_for_want_of_an_mr_member_links_to_the_invitation(client, profile, editor):
    """The director of a school without an MR member in Steunwijzer is told so, with the
    link to invite one; once the MR is there the link goes."""
    fill(profile, editor)
    client.force_login(editor)
    body = client.get(reverse("profile_route", args=[profile.pk])).content.decode()
    assert "Deze school heeft nog geen MR-lid in Steunwijzer." in body
    assert f'<a class="utrecht-link" href="{reverse("invite")}">Iemand uitnodigen</a>' in body


def test_a_step_held_for_the_check_has_no_invitation_link(client, profile, editor, mr_member):
    client.force_login(editor)
    body = client.get(reverse("profile_route", args=[profile.pk])).content.decode()
    assert "Nog niet mogelijk" in body
    assert f'href="{reverse("invite")}">Iemand uitnodigen</a>' not in body

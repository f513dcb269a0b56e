"""The daily way through the route: only the steps that can be taken now, with links to what
holds one back; sentences after each step; taking an advised SOP back to concept; the board
confirming what it establishes (with reasons against a negative advice); reminding all late
schools at once; a locked SOP that says why."""

import html
import importlib
import re
from datetime import date

import pytest
from django.urls import reverse

from steunwijzer.api.models import ApiToken
from steunwijzer.notifications.mail import notification_mail
from steunwijzer.notifications.models import Notification
from steunwijzer.profiles.models import Profile
from steunwijzer.quality_check.report import check_profile
from steunwijzer.route.definitions import SCHOOLGIDS_ROUTE, SOP_ROUTE, route_to_dict
from steunwijzer.route.lifecycle import stored_route
from steunwijzer.route.statement import board_reasons
from tests.deadline_helpers import set_deadline, set_today
from tests.route_helpers import fill, step, to_state

HELD = "Nog niet mogelijk"


def _route(client, profile):
    return client.get(reverse("profile_route", args=[profile.pk])).content.decode()


def _form_for(profile, action) -> str:
    return f'action="{reverse("profile_transition", args=[profile.pk, action])}"'


# --- Only the steps that can be taken now --------------------------------------------------


def test_a_step_held_back_by_the_sop_check_links_each_item_to_its_field(
    client, profile, editor, mr_member
):
    client.force_login(editor)
    body = _route(client, profile)
    blocking = check_profile(profile).blocking
    assert blocking
    assert _form_for(profile, "request_advice") not in body, "not offered while held back"
    assert HELD in body and "Advies vragen aan de MR" in body
    held = body.split('class="sw-check-list sw-held-items"')[1].split("</ul>")[0]
    links = re.findall(r'href="([^"]+)"', held)
    assert len(links) == len(blocking)
    for finding, link in zip(blocking, links, strict=True):
        chapter = reverse("profile_chapter", args=[profile.pk, finding.chapter_key])
        anchor = f"#field-{finding.field_key}" if finding.field_key else ""
        assert link == chapter + anchor, finding
        page = client.get(chapter)  # the chapter's editor, with the field to fill in
        assert page.status_code == 200, link
        assert not anchor or f'id="{anchor[1:]}"' in page.content.decode(), link
    assert any("#field-" in link for link in links)


def test_a_complete_sop_offers_the_step_to_the_mr(client, profile, editor, mr_member):
    fill(profile, editor)
    client.force_login(editor)
    body = _route(client, profile)
    assert _form_for(profile, "request_advice") in body
    assert HELD not in body


def test_a_step_held_back_by_another_guard_says_why(client, profile, editor):
    fill(profile, editor)  # complete, but the school has no MR member
    client.force_login(editor)
    body = _route(client, profile)
    assert _form_for(profile, "request_advice") not in body
    assert HELD in body and "heeft nog geen MR-lid in Steunwijzer" in body


def test_posting_a_held_back_step_anyway_explains_it_on_the_page(client, profile, editor):
    client.force_login(editor)
    response = client.post(reverse("profile_transition", args=[profile.pk, "request_advice"]))
    assert response.status_code == 409
    body = response.content.decode()
    assert "De stap &#x27;Advies vragen aan de MR&#x27; kan nu nog niet" in body
    assert "hieronder leest u waarom" in body
    assert "#field-" in body, "the items, with their links"
    profile.refresh_from_db()
    assert profile.state == "concept"


def test_people_without_a_step_see_no_held_steps(client, profile, editor, mr_member):
    client.force_login(mr_member)  # the MR has nothing to do while the SOP is a draft
    body = _route(client, profile)
    assert HELD not in body and "Voor u is er nu geen stap te zetten." in body


# --- Messages are sentences ------------------------------------------------------------------


def test_after_a_step_the_page_says_what_happened_in_a_sentence(client, profile, editor, mr_member):
    fill(profile, editor)
    client.force_login(editor)
    response = client.post(
        reverse("profile_transition", args=[profile.pk, "request_advice"]), follow=True
    )
    body = response.content.decode()
    assert "De MR is om advies gevraagd. Het SOP is nu: bij de MR." in body
    assert "Gelukt" not in body


@pytest.mark.parametrize(
    ("count", "sentence"),
    [(1, "1 SOP aangeleverd bij SWV Test."), (2, "2 SOP's aangeleverd bij SWV Test.")],
)
def test_delivering_says_sop_or_sops(
    client, profile, other_profile, editor, other_editor, mr_member, officer, count, sentence
):
    from steunwijzer.organisations.models import Role
    from tests.conftest import grant, make_user

    other_mr = make_user("mr_vlieger")
    grant(other_mr, Role.MR_MEMBER, school=other_profile.school)
    to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)
    to_state(other_profile, "vastgesteld", editor=other_editor, mr=other_mr, officer=officer)
    client.force_login(officer)
    chosen = [profile.pk, other_profile.pk][:count]
    response = client.post(
        reverse("board_deliver", args=[profile.school.board_id]),
        {"profiles": chosen},
        follow=True,
    )
    assert sentence in html.unescape(response.content.decode())


# --- Taking an advised SOP back to concept ---------------------------------------------------


@pytest.fixture
def advised(profile, editor, mr_member, officer):
    return to_state(profile, "advies_gegeven", editor=editor, mr=mr_member, officer=officer)


def test_the_school_takes_an_advised_sop_back_with_a_reason(
    client, advised, editor, mr_member, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    assert _form_for(advised, "reopen") in _route(client, advised)
    reason = "We verwerken eerst de opmerkingen van de MR over de grenzen."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("profile_transition", args=[advised.pk, "reopen"]),
            {"reason": reason},
            follow=True,
        )
    body = response.content.decode()
    assert "Het SOP is weer een concept en de MR heeft bericht gekregen" in body
    assert reason in body, "on the timeline"
    advised.refresh_from_db()
    assert advised.state == "concept" and advised.can_edit(editor)
    record = advised.transitions.first()
    assert record.action == "reopen" and record.payload == {"reason": reason}
    # The MR is told: in its list of notifications, and by e-mail (at once or in the daily
    # summary, as each person chose), with the school's reason.
    [told] = Notification.objects.filter(transition=record, recipient=mr_member)
    _subject, body = notification_mail(told)
    assert f"Waarom de school het terugnam:\n{reason}" in body
    # The MR advises again on the new version: the board cannot be asked before that.
    assert _form_for(advised, "request_advice") in _route(client, advised)
    assert "submit_to_board" not in _route(client, advised)


@pytest.mark.parametrize(
    ("reason", "message"), [("", "is verplicht"), ("Te kort", "schrijf minstens 10 tekens")]
)
def test_taking_back_without_a_reason_is_refused_in_dutch(
    client, advised, editor, mailoutbox, reason, message
):
    client.force_login(editor)
    response = client.post(
        reverse("profile_transition", args=[advised.pk, "reopen"]), {"reason": reason}
    )
    assert response.status_code == 422
    assert message in response.content.decode()
    advised.refresh_from_db()
    assert advised.state == "advies_gegeven"
    assert not advised.transitions.filter(action="reopen").exists()
    assert not mailoutbox


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "staff"])
def test_only_the_schools_editors_take_it_back(request, client, advised, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(
        reverse("profile_transition", args=[advised.pk, "reopen"]),
        {"reason": "Een reden van voldoende lengte."},
    )
    assert response.status_code == 403
    advised.refresh_from_db()
    assert advised.state == "advies_gegeven"


def test_each_route_takes_back_from_its_own_decision():
    assert SOP_ROUTE.step("reopen").sources == ("advies_gegeven",)
    assert SCHOOLGIDS_ROUTE.step("reopen").sources == ("instemming_gegeven",)
    assert "instemming_gegeven" not in SOP_ROUTE.states, "no consent on the SOP route"


def test_routes_stored_before_the_step_back_get_it():
    migration = importlib.import_module("steunwijzer.route.migrations.0008_reopen_step")
    for route in (SOP_ROUTE, SCHOOLGIDS_ROUTE):
        stored = route_to_dict(route)
        stored["steps"] = [s for s in stored["steps"] if s["action"] != "reopen"]
        assert stored_route(migration._with_reopen(stored)) == route
    own = route_to_dict(SOP_ROUTE) | {"key": "eigen"}
    own["steps"] = [s for s in own["steps"] if s["action"] != "reopen"]
    assert migration._with_reopen(own) == own, "a partnership's own route keeps its steps"


# --- The board confirms what it establishes --------------------------------------------------


def _at_board(profile, editor, mr_member, officer, advice="positief"):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    payload = {"advice": advice, "date": "2026-11-20"}
    if advice != "positief":
        payload["motivation"] = "De grenzen van de zorg zijn te vaag."
    step(profile, mr_member, "give_advice", **payload)
    step(profile, editor, "submit_to_board")
    profile.refresh_from_db()
    return profile


def test_establishing_shows_what_is_frozen_and_asks_to_confirm(
    client, profile, editor, mr_member, officer
):
    _at_board(profile, editor, mr_member, officer)
    client.force_login(officer)
    body = _route(client, profile)
    assert "Dit wordt vastgelegd en verandert daarna niet meer" in body
    assert f"versie {profile.version}, laatst opgeslagen op" in body
    assert "positief, op 20 november 2026" in body
    assert 'name="confirmed"' in body and 'name="reasons"' not in body

    url = reverse("profile_transition", args=[profile.pk, "establish"])
    response = client.post(url, {"established_on": "2026-11-25"})
    assert response.status_code == 422
    refused = response.content.decode()
    assert "Vink aan dat u deze versie vaststelt." in refused
    # On a phone the form is screens down: the top of the page says so and links to it.
    alert = refused.index('<div class="utrecht-alert utrecht-alert--error" role="alert">')
    assert "De stap is niet gezet" in refused[alert : alert + 300]
    assert 'href="#stap-establish"' in refused[alert : alert + 400]
    assert alert < refused.index('id="stap-establish"')
    profile.refresh_from_db()
    assert profile.state == "bij_bestuur"

    response = client.post(url, {"established_on": "2026-11-25", "confirmed": "on"}, follow=True)
    assert "Het SOP is vastgesteld. Het SOP is nu: vastgesteld." in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == "vastgesteld"


def test_against_a_negative_advice_the_board_must_give_its_reasons(
    client, profile, editor, mr_member, officer
):
    _at_board(profile, editor, mr_member, officer, advice="negatief")
    client.force_login(officer)
    assert 'name="reasons"' in _route(client, profile)
    url = reverse("profile_transition", args=[profile.pk, "establish"])
    response = client.post(url, {"confirmed": "on", "reasons": "  "})
    assert response.status_code == 422
    assert "is verplicht" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == "bij_bestuur"

    reasons = "De wettelijke termijn verstrijkt; de grenzen werken we in maart uit."
    response = client.post(url, {"confirmed": "on", "reasons": reasons}, follow=True)
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.state == "vastgesteld"
    establish = profile.transitions.get(action="establish")
    assert establish.payload["reasons"] == reasons
    body = response.content.decode()
    assert "Redenen van het bestuur ondanks het negatieve advies" in body and reasons in body
    # …and on the record of the advice, which the adviesverklaring is made from.
    advice = profile.transitions.get(action="give_advice")
    assert board_reasons(advice) == reasons
    pdf = client.get(reverse("transition_statement", args=[profile.pk, advice.pk]))
    assert pdf.status_code == 200


def test_the_api_also_asks_the_reasons_against_a_negative_advice(
    client, profile, editor, mr_member, officer
):
    _at_board(profile, editor, mr_member, officer, advice="negatief")
    _token, raw = ApiToken.issue(officer, "script")
    response = client.post(
        f"/api/v1/profiles/{profile.pk}/transitions/",
        {"action": "establish", "payload": {}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 422
    assert {"path": "payload.reasons", "message": "is verplicht"} in response.json()["problems"]
    profile.refresh_from_db()
    assert profile.state == "bij_bestuur"


def test_a_positive_advice_needs_no_reasons(profile, editor, mr_member, officer):
    _at_board(profile, editor, mr_member, officer)
    record = step(profile, officer, "establish")
    assert "reasons" not in record.payload
    assert board_reasons(profile.transitions.get(action="give_advice")) == ""


# --- Reminding all late schools at once ------------------------------------------------------


@pytest.fixture
def late(profile, partnership, board, monkeypatch):
    """The board's date has passed while the SOP is still a draft."""
    set_today(monkeypatch, date(2026, 12, 7))
    set_deadline(partnership, date(2026, 11, 1), board=board)
    return profile


def test_the_board_reminds_all_late_schools_at_once(client, late, editor, officer, mailoutbox):
    client.force_login(officer)
    overview = client.get(reverse("board_overview", args=[late.school.board_id])).content.decode()
    url = reverse("board_remind_late", args=[late.school.board_id])
    assert f'action="{url}"' in overview
    response = client.post(url, follow=True)
    assert "1 school die te laat is, heeft een herinnering per e-mail gekregen." in (
        response.content.decode()
    )
    [mail] = mailoutbox
    assert mail.to == [editor.email] and "te laat" in mail.subject.lower()
    # Twice on one day: nobody gets a second mail, and the page says so.
    response = client.post(url, follow=True)
    assert "1 school die te laat is, had vandaag al een herinnering gekregen." in (
        response.content.decode()
    )
    assert len(mailoutbox) == 1


def test_with_no_late_school_nothing_is_sent(
    client, profile, partnership, board, officer, mailoutbox, monkeypatch
):
    set_today(monkeypatch, date(2026, 12, 7))
    set_deadline(partnership, date(2027, 3, 1), board=board)
    client.force_login(officer)
    response = client.post(
        reverse("board_remind_late", args=[profile.school.board_id]), follow=True
    )
    assert "Er is geen school die te laat is om te herinneren." in response.content.decode()
    assert not mailoutbox


@pytest.mark.parametrize(
    "persona", ["editor", "mr_member", "team_member", "other_officer", "staff", "outsider"]
)
def test_only_the_boards_officers_remind(request, client, late, persona, mailoutbox):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("board_remind_late", args=[late.school.board_id]))
    assert response.status_code == 403
    assert not mailoutbox


def test_reminding_is_a_post(client, late, officer):
    client.force_login(officer)
    response = client.get(reverse("board_remind_late", args=[late.school.board_id]))
    assert response.status_code == 405


def test_the_batch_delivery_is_linked_from_overview_home_and_todo(client, school, officer):
    client.force_login(officer)
    link = f'href="{reverse("board_deliver", args=[school.board_id])}"'
    for page in (reverse("board_overview", args=[school.board_id]), "/", reverse("todo")):
        assert link in client.get(page).content.decode(), page


def test_the_batch_delivery_is_not_offered_to_a_school(client, school, editor):
    client.force_login(editor)
    link = reverse("board_deliver", args=[school.board_id])
    for page in ("/", reverse("todo")):
        assert link not in client.get(page).content.decode(), page


# --- A locked SOP says why -------------------------------------------------------------------


def _chapter_url(profile):
    return reverse("profile_chapter", args=[profile.pk, profile.chapters[0].key])


@pytest.mark.parametrize(
    ("state", "says"),
    [
        ("bij_mr", "kan de school het SOP terugnemen van de MR"),
        ("advies_gegeven", "met een reden terugzetten naar concept"),
        ("bij_bestuur", "vraag het aan Bea Bestuur"),
    ],
)
def test_a_bookmarked_chapter_of_a_locked_sop_says_why_and_who_opens_it(
    client, profile, editor, mr_member, officer, state, says
):
    officer.first_name, officer.last_name = "Bea", "Bestuur"
    officer.save()
    to_state(profile, state, editor=editor, mr=mr_member, officer=officer)
    client.force_login(editor)
    response = client.get(_chapter_url(profile))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dit SOP kan nu niet worden gewijzigd" in body and says in body
    assert f'href="{reverse("profile_route", args=[profile.pk])}"' in body
    assert 'id="chapter-form"' not in body, "nothing to save"


def test_saving_a_locked_chapter_stays_forbidden(client, profile, editor, mr_member, officer):
    to_state(profile, "bij_mr", editor=editor, mr=mr_member, officer=officer)
    client.force_login(editor)
    version = Profile.objects.get(pk=profile.pk).version
    response = client.post(_chapter_url(profile), {"base_version": version})
    assert response.status_code == 403


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "other_editor"])
def test_others_still_get_no_access_to_the_editor(
    request, client, profile, editor, mr_member, officer, persona
):
    to_state(profile, "bij_mr", editor=editor, mr=mr_member, officer=officer)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_chapter_url(profile)).status_code == 403

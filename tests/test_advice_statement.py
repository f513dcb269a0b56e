"""The MR's advice form (first on the route page, with its meeting and signatories) and the
adviesverklaring made from it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwijzer.route.statement import statement_html
from tests.route_helpers import MEETING, fill, step


@pytest.fixture
def at_mr(profile, editor, mr_member):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    return profile


def _give_advice(client, profile, **data):
    return client.post(
        reverse("profile_transition", args=[profile.pk, "give_advice"]),
        {"advice": "positief", **data},
    )


def test_the_advice_form_comes_first_on_the_page(client, at_mr, mr_member):
    client.force_login(mr_member)
    page = client.get(reverse("profile_route", args=[at_mr.pk])).content.decode()
    form = page.index(f'action="/profielen/{at_mr.pk}/route/give_advice/"')
    assert form < page.index("De stappen") < page.index("Tijdlijn")
    assert page.index('name="meeting_on"') > form


def test_the_two_dates_say_which_is_which(client, at_mr, mr_member):
    client.force_login(mr_member)
    page = client.get(reverse("profile_route", args=[at_mr.pk])).content.decode()
    meeting = page.index('id="give_advice-meeting_on-help"')
    decision = page.index('id="give_advice-date-help"')
    assert meeting < decision  # the meeting comes first, as it does in time
    assert "De dag waarop de MR vergaderde over deze versie van het SOP." in page
    assert "de datum van de verklaring: de vergaderdag, of later" in page
    assert 'name="meeting_on" value="" aria-describedby="give_advice-meeting_on-help"' in page
    assert 'aria-describedby="give_advice-date-help"' in page


def test_a_refused_date_is_described_by_its_help_and_its_error(client, at_mr, mr_member):
    client.force_login(mr_member)
    response = _give_advice(client, at_mr, **(MEETING | {"meeting_on": ""}))
    assert (
        'aria-describedby="give_advice-meeting_on-help give_advice-meeting_on-error" '
        'aria-invalid="true"'
    ) in response.content.decode()


@pytest.mark.parametrize(
    ("missing", "field"),
    [
        ("meeting_on", "give_advice-meeting_on"),
        ("chair_name", "give_advice-chair_name"),
        ("secretary_name", "give_advice-secretary_name"),
    ],
)
def test_the_meeting_and_its_signatories_are_required(client, at_mr, mr_member, missing, field):
    client.force_login(mr_member)
    response = _give_advice(client, at_mr, **(MEETING | {missing: ""}))
    assert response.status_code == 422
    page = response.content.decode()
    assert (
        f'<p class="utrecht-form-field-error-message" id="{field}-error">is verplicht</p>' in page
    )
    assert page.count('aria-invalid="true"') == 1
    at_mr.refresh_from_db()
    assert at_mr.state == "bij_mr" and not at_mr.transitions.filter(action="give_advice")


def test_a_meeting_in_the_future_is_refused(client, at_mr, mr_member):
    client.force_login(mr_member)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = _give_advice(client, at_mr, **(MEETING | {"meeting_on": tomorrow}))
    assert response.status_code == 422
    assert "mag niet in de toekomst liggen" in response.content.decode()
    assert not at_mr.transitions.filter(action="give_advice")


def test_a_meeting_date_that_is_not_a_date_is_refused(client, at_mr, mr_member):
    client.force_login(mr_member)
    response = _give_advice(client, at_mr, **(MEETING | {"meeting_on": "vorige week"}))
    assert response.status_code == 422
    assert "verwacht een datum als 2026-09-01" in response.content.decode()


def test_the_advice_keeps_the_meeting_and_signatories(client, at_mr, mr_member):
    client.force_login(mr_member)
    assert _give_advice(client, at_mr, **MEETING).status_code == 302
    advice = at_mr.transitions.get(action="give_advice")
    assert {k: advice.payload[k] for k in MEETING} == MEETING
    timeline = client.get(reverse("profile_route", args=[at_mr.pk])).content.decode()
    assert "MR-vergadering" in timeline and "20 november 2025" in timeline
    assert "Karin de Voorzitter" in timeline


def test_the_api_may_leave_the_meeting_out(at_mr, mr_member):
    # The API's callers from before the meeting fields keep working.
    advice = step(at_mr, mr_member, "give_advice", advice="positief")
    assert "meeting_on" not in advice.payload


def test_the_statement_writes_dutch_dates_names_and_a_place_to_sign(at_mr, mr_member):
    advice = step(at_mr, mr_member, "give_advice", advice="positief", date="2025-11-24", **MEETING)
    html = statement_html(advice)
    assert "2025-11-24" not in html and "2025-11-20" not in html
    assert "24 november 2025" in html  # the decision
    assert "Vergadering van de MR</th><td>20 november 2025" in html
    assert "Karin de Voorzitter<br>voorzitter van de medezeggenschapsraad" in html
    assert "Sander Secretaris<br>secretaris van de medezeggenschapsraad" in html
    assert html.count('class="signature__line"') == 2


def test_the_statement_footer_has_the_body_font(at_mr, mr_member):
    html = statement_html(step(at_mr, mr_member, "give_advice", advice="positief", **MEETING))
    footer = html[html.index("@bottom-right") : html.index("body {")]
    assert 'font-family: "DejaVu Sans", sans-serif' in footer

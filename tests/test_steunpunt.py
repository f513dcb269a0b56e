"""The ouder- en jeugdsteunpunt: parents ask or report from a school's page, without their
child's identity; the partnership's staff answer; the school sees reports, anonymised."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.steunpunt.identity import (
    BIRTH_DATE,
    BSN,
    CHILD_NAME,
    EMAIL,
    identity_found,
    passes_eleven_test,
)
from steunwijzer.steunpunt.models import Kind, ParentMessage
from steunwijzer.steunpunt.services import message_send, messages_expire

TODAY = date(2026, 12, 6)
CLEAN = "Mijn zoon in groep 5 krijgt geen verlengde instructie, terwijl het SOP dat belooft."


def ask_url(school):
    return reverse("steunpunt_ask", args=[school.brin])


def send(client, school, **fields):
    data = {"kind": "practice", "support": "", "message": CLEAN, **fields}
    return client.post(ask_url(school), data)


def stored(school, **extra):
    return message_send(
        school=school,
        kind=extra.pop("kind", Kind.PRACTICE),
        support=extra.pop("support", "dyslexie"),
        message=extra.pop("message", CLEAN),
        contact=extra.pop("contact", {"name": "Petra Contact", "email": "ouder@example.nl"}),
        sender="192.0.2.1",
    )


# --- identity checks (pure) -------------------------------------------------------------------


def _with_check_digit(first8: list[int]) -> str | None:
    total = sum(w * d for w, d in zip(range(9, 1, -1), first8, strict=True))
    last = total % 11
    return None if last > 9 else "".join(map(str, [*first8, last]))


@given(st.lists(st.integers(0, 9), min_size=8, max_size=8))
def test_a_number_passing_the_eleven_test_is_refused_in_any_grouping(first8):
    bsn = _with_check_digit(first8)
    if bsn is None or not passes_eleven_test(bsn):
        return  # the eleven test has no check digit for these eight, or the total is 0
    for written in (bsn, f"{bsn[:4]}.{bsn[4:6]}.{bsn[6:]}", f"{bsn[:3]} {bsn[3:6]} {bsn[6:]}"):
        assert BSN in identity_found(f"Het BSN is {written}, graag snel antwoord.", TODAY)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_nine_digits_are_refused_exactly_when_they_pass_the_eleven_test(digits):
    assert (BSN in identity_found(f"nummer {digits}", TODAY)) == passes_eleven_test(digits)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Hij is geboren op 3 maart 2015 en zit in groep 6.", [BIRTH_DATE]),
        ("Geboortedatum: 12-05-2018.", [BIRTH_DATE]),
        ("Op 14-02-2019 begon ze op school.", [BIRTH_DATE]),  # a child's year: refused
        ("Sinds 1 september 2026 krijgt hij geen hulp meer.", []),  # this year: a school event
        ("Mijn dochter Fleur krijgt geen hulp bij rekenen.", [CHILD_NAME]),
        ("Onze zoon, Daan, is vaak overprikkeld.", [CHILD_NAME]),
        ("Hij heet Noah en zit in groep 3.", [CHILD_NAME]),
        ("Mijn zoon. Hij krijgt geen hulp.", []),
        ("Mail me op ouder@example.nl.", [EMAIL]),
        (CLEAN, []),
    ],
)
def test_obvious_identity_data_is_found(text, kinds):
    assert identity_found(text, TODAY) == kinds


# --- the parent's form --------------------------------------------------------------------------


def test_the_school_page_links_to_the_form(client, profile, editor, mr_member, officer, staff):
    from tests.export_helpers import publish

    publish(profile, editor=editor, mr=mr_member, officer=officer, staff=staff)
    page = client.get(reverse("public_school", kwargs={"brin": profile.school.brin}))
    assert reverse("steunpunt_ask", args=["12AB00"]) in page.content.decode()


def test_the_form_says_what_not_to_write_and_how_long_it_is_kept(client, school, format_version):
    page = client.get(ask_url(school)).content.decode()
    assert "Schrijf niet de naam, geboortedatum of het burgerservicenummer" in page
    assert "na 12 maanden" in page
    # The kinds of support are the choices of the model's expertise_aanbod.
    assert "Dyslexie" in page


def _tag(page: str, element: str, name: str) -> str:
    return re.search(rf'<{element} [^>]*name="{name}"[^>]*>', page).group(0)


def test_the_form_fields_look_like_every_other_form(client, school, format_version):
    """Dressed in the design system's classes, not the browser's bare boxes: a full-width
    message box and inputs on a phone."""
    page = client.get(ask_url(school)).content.decode()
    assert "utrecht-textbox" in _tag(page, "textarea", "message")
    assert "utrecht-select" in _tag(page, "select", "support")
    assert "utrecht-textbox" in _tag(page, "input", "contact_email")
    kinds = re.findall(r'<input [^>]*name="kind"[^>]*>', page)
    assert kinds and all("utrecht-radio-button" in tag for tag in kinds)
    # Not red before anything is chosen: the server checks, so no `required` to be :invalid.
    assert not any(" required" in tag for tag in kinds)


def test_the_answer_box_looks_like_every_other_form(client, staff, school, format_version):
    message = stored(school)
    client.force_login(staff)
    detail = client.get(reverse("steunpunt_message", args=["testregio", message.pk]))
    assert "utrecht-textbox" in _tag(detail.content.decode(), "textarea", "answer")


def test_the_six_character_code_reaches_the_form(client, school):
    assert client.get(reverse("steunpunt_ask", args=["12ab00"])).status_code == 200
    assert client.get(reverse("steunpunt_ask", args=["99ZZ"])).status_code == 404


def test_a_parent_sends_a_report_without_contact_details(client, school, format_version):
    response = send(client, school, support="dyslexie")
    assert response.status_code == 302 and response["Location"].endswith("?verzonden=1")
    message = ParentMessage.objects.get()
    assert (message.school, message.partnership, message.kind) == (
        school,
        school.board.partnership,
        "practice",
    )
    assert message.support == "dyslexie" and message.contact_email == ""
    assert "Uw bericht is bij het steunpunt" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("fields", "dutch"),
    [
        ({"message": "Mijn zoon Daan krijgt geen hulp."}, "Noem de naam van uw kind niet"),
        ({"message": "BSN 111222333"}, "burgerservicenummer (BSN)"),
        ({"message": "Geboren op 3 maart 2015."}, "geboortedatum"),
        ({"message": "Antwoord naar ouder@example.nl"}, "Zet geen e-mailadres in het bericht"),
        ({"message": ""}, "Dit veld is verplicht."),
        ({"message": "x" * 3001}, "3000 tekens"),
        ({"kind": "klacht"}, "Selecteer een geldige keuze"),
        ({"support": "toveren"}, "Selecteer een geldige keuze"),
        ({"contact_email": "geen-adres"}, "Voer een geldig e-mailadres in"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(
    client, school, format_version, fields, dutch
):
    response = send(client, school, **fields)
    assert response.status_code == 400
    assert dutch in response.content.decode()
    assert not ParentMessage.objects.exists()


def test_a_robot_filling_the_hidden_field_is_thanked_and_nothing_is_stored(client, school):
    response = send(client, school, website="https://spam.example")
    assert response.status_code == 302
    assert not ParentMessage.objects.exists()


@override_settings(STEUNPUNT_DAILY_LIMIT=2)
def test_one_address_sends_a_limited_number_of_messages_a_day(client, school):
    assert send(client, school).status_code == 302
    assert send(client, school).status_code == 302
    response = send(client, school)
    assert response.status_code == 429
    assert "U hebt vandaag al 2 berichten gestuurd" in response.content.decode()
    assert ParentMessage.objects.count() == 2


def test_the_form_needs_a_csrf_token(school):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        ask_url(school), {"kind": "question", "message": CLEAN}
    )
    assert response.status_code == 403
    assert not ParentMessage.objects.exists()


# --- retention ----------------------------------------------------------------------------------


@override_settings(STEUNPUNT_RETENTION_MONTHS=12)
def test_messages_older_than_the_retention_period_are_deleted(school):
    old, recent = stored(school), stored(school)
    now = timezone.now()
    ParentMessage.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=366))
    ParentMessage.objects.filter(pk=recent.pk).update(created_at=now - timedelta(days=364))
    assert messages_expire(now=now) == 1
    assert list(ParentMessage.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_command_deletes_expired_messages(school, capsys):
    old = stored(school)
    ParentMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=400))
    call_command("steunpunt_expire")
    assert not ParentMessage.objects.exists()
    assert "1 bericht(en) verwijderd" in capsys.readouterr().out


# --- staff: list, answer, counts ----------------------------------------------------------------


def test_staff_see_the_message_with_its_contact_details(client, staff, school, format_version):
    message = stored(school)
    client.force_login(staff)
    listing = client.get(reverse("steunpunt_messages", args=["testregio"])).content.decode()
    assert "De Regenboog" in listing and "Dyslexie" in listing
    detail = client.get(reverse("steunpunt_message", args=["testregio", message.pk]))
    assert "ouder@example.nl" in detail.content.decode()


def test_the_staff_list_shows_an_excerpt_and_whether_each_was_answered(client, staff, school):
    long_text = "Wij missen de beloofde verlengde instructie in groep 5. " * 6
    open_one = stored(school, message=long_text)
    answered = stored(school, kind=Kind.QUESTION, message="Is er een plusklas?")
    answered.answer, answered.answered_at = "Ja.", timezone.now()
    answered.save()
    client.force_login(staff)
    page = client.get(reverse("steunpunt_messages", args=["testregio"])).content.decode()
    assert "<table" not in page
    assert "Is er een plusklas?" in page
    assert long_text[:100] in page and long_text.strip() not in page  # cut short, with …
    assert page.count("Nog niet beantwoord") == 1 and "Beantwoord op " in page
    assert reverse("steunpunt_message", args=["testregio", open_one.pk]) in page


def test_an_answer_is_stored_and_mailed(client, staff, school, django_capture_on_commit_callbacks):
    message = stored(school)
    client.force_login(staff)
    url = reverse("steunpunt_message", args=["testregio", message.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"answer": "Wij nemen contact op met de school."})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.answer == "Wij nemen contact op met de school." and message.answered_by == staff
    assert [m.to for m in mail.outbox] == [["ouder@example.nl"]]
    assert "Samenwerkingsverband Testregio" in mail.outbox[0].subject


def test_an_answer_without_an_address_is_only_stored(client, staff, school):
    message = stored(school, contact={})
    client.force_login(staff)
    url = reverse("steunpunt_message", args=["testregio", message.pk])
    response = client.post(url, {"answer": ""})
    assert response.status_code == 400 and "Dit veld is verplicht." in response.content.decode()
    client.post(url, {"answer": "Dank u."})
    assert ParentMessage.objects.get().answer == "Dank u." and not mail.outbox


def test_counts_per_school_and_support_stand_beside_the_coverage(
    client, staff, school, other_school, format_version
):
    stored(school)
    stored(school, kind=Kind.QUESTION)
    stored(other_school, support="")
    client.force_login(staff)
    page = client.get(reverse("coverage", args=["testregio"])).content.decode()
    section = page.split("Vragen en meldingen van ouders", 1)[1]
    assert "De Regenboog" in section and "De Vlieger" in section
    row = section.split("De Regenboog", 1)[1].split("</tr>", 1)[0]
    assert "Dyslexie" in row and row.count('<td class="sw-num">1</td>') == 2


# --- the school sees reports, anonymised ----------------------------------------------------------


def test_the_school_sees_reports_without_contact_details(client, editor, profile):
    stored(profile.school)
    stored(profile.school, kind=Kind.QUESTION, message="Een vraag die alleen het steunpunt ziet.")
    client.force_login(editor)
    page = client.get(reverse("profile_evaluation", args=[profile.pk])).content.decode()
    assert "Wat ouders meldden bij het steunpunt" in page
    assert CLEAN in page
    assert "ouder@example.nl" not in page and "Petra Contact" not in page
    assert "Een vraag die alleen" not in page


@pytest.mark.parametrize("persona", ["officer", "staff", "team_member", "mr_member"])
def test_other_readers_of_the_evaluation_do_not_see_the_reports(client, profile, persona, request):
    stored(profile.school)
    client.force_login(request.getfixturevalue(persona))
    page = client.get(reverse("profile_evaluation", args=[profile.pk]))
    assert page.status_code == 200
    assert CLEAN not in page.content.decode()


def test_a_school_does_not_see_another_schools_reports(
    client, other_editor, other_school, school, format_version
):
    from steunwijzer.profiles.services import profile_create

    stored(school)
    other = profile_create(school=other_school, school_year="2026-2027", user=other_editor)
    client.force_login(other_editor)
    page = client.get(reverse("profile_evaluation", args=[other.pk])).content.decode()
    assert "Wat ouders meldden bij het steunpunt" in page
    assert CLEAN not in page


def test_staff_of_another_partnership_cannot_reach_a_message_through_their_own(
    client, other_staff, school
):
    message = stored(school)
    client.force_login(other_staff)
    assert client.get(reverse("steunpunt_message", args=["elders", message.pk])).status_code == 404
    response = client.post(
        reverse("steunpunt_message", args=["elders", message.pk]), {"answer": "x"}
    )
    assert response.status_code == 404
    assert (
        "De Regenboog"
        not in client.get(reverse("steunpunt_messages", args=["elders"])).content.decode()
    )
    message.refresh_from_db()
    assert message.answer == ""


@override_settings(STEUNPUNT_DAILY_LIMIT=1, BEHIND_PROXY=True)
def test_behind_a_proxy_each_address_has_its_own_limit(client, school):
    data = {"kind": "question", "support": "", "message": CLEAN}

    def from_address(address):
        return client.post(ask_url(school), data, HTTP_X_FORWARDED_FOR=address).status_code

    assert from_address("198.51.100.1") == 302
    assert from_address("198.51.100.2") == 302
    assert from_address("198.51.100.1") == 429
    assert ParentMessage.objects.count() == 2

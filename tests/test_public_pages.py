"""The school's public page: published only, never a draft, rendered once per publication."""

from datetime import date

from steunwijzer.profiles.services import profile_update
from steunwijzer.publication import pages
from tests.conftest import make_school
from tests.deadline_helpers import set_today
from tests.publication_helpers import (
    publish,
    record_evaluation,
    start_new_draft,
    to_state_from_filled,
)

DRAFT_TEXT = "Dit staat alleen in het concept en mag nooit openbaar worden."


def test_it_shows_the_published_sop_without_login(client, published):
    response = client.get("/scholen/12AB/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "De Regenboog" in html
    assert "In het kort" in html
    assert "Wij kunnen geen verpleegkundige zorg de hele dag bieden." in html
    assert "Dyslexie" in html and "Autisme" in html
    assert f"versie {published.published_revision.number}" in html
    assert "Vastgesteld op" in html


def test_a_school_without_a_published_sop_has_a_page_that_says_so(client, profile):
    school = profile.school
    school.contact_email, school.contact_phone = "info@regenboog.example", "070 111 22 33"
    school.website = "https://regenboog.example"
    school.save()
    partnership = school.board.partnership
    partnership.steunpunt_name = "Ouder- en jeugdsteunpunt Hofstad"
    partnership.steunpunt_email = "steunpunt@hofstad.example"
    partnership.steunpunt_phone = "070 123 45 67"
    partnership.save()
    response = client.get("/scholen/12AB/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "De Regenboog" in html
    assert "heeft nog geen" in html and "schoolondersteuningsprofiel" in html
    for contact in (
        school.street_address,
        "https://regenboog.example",
        "mailto:info@regenboog.example",
        'href="tel:0701112233"',
        "Ouder- en jeugdsteunpunt Hofstad",
        "mailto:steunpunt@hofstad.example",
        'href="tel:0701234567"',
    ):
        assert contact in html, contact
    assert "/inloggen/" not in html  # a parent is not sent to a login form
    # Nothing asks whether the school works differently from a profile it does not have.
    assert "Tot het er staat, kunt u uw vragen stellen aan de school zelf" in html
    assert "Staat het er nog niet?" not in html and "dan in haar profiel staat" not in html
    assert "Hebt u een vraag over ondersteuning voor uw kind op deze school?" in html
    # A year that was never published stays a plain 404.
    assert client.get(f"/scholen/12AB/{profile.school_year}/").status_code == 404


def test_without_a_steunpunt_the_partnership_itself_is_named(client, profile):
    html = client.get("/scholen/12AB/").content.decode()
    partnership = profile.school.board.partnership
    assert partnership.name in html
    assert "ouder- en jeugdsteunpunt" in html


def test_the_six_character_code_leads_to_the_school_page(client, published, board):
    response = client.get("/scholen/12AB00/")
    assert response.status_code == 301
    assert response["Location"] == "/scholen/12AB/"
    assert client.get("/scholen/12ab00/")["Location"] == "/scholen/12AB/"
    make_school(board, "12AB", "De Regenboog, dependance", vestiging="01")
    assert client.get("/scholen/12AB01/")["Location"] == "/scholen/12AB/01/"
    assert client.get("/scholen/12AB00/")["Location"] == "/scholen/12AB/00/"
    assert client.get("/scholen/99ZZ00/").status_code == 404


def test_in_short_comes_before_the_school_facts(client, published):
    html = client.get("/scholen/12AB/").content.decode()
    assert html.index('id="h-in-het-kort"') < html.index('id="h-school-facts"')
    assert html.index('id="h-school-facts"') < html.index(">Bestuur<")
    # BRIN is explained where a parent meets it.
    assert 'href="/scholen/begrippen/#brin"' in html
    assert "Wat betekenen de woorden in dit profiel?" in html


def test_the_glossary_explains_the_words_in_plain_dutch(client, db):
    response = client.get("/scholen/begrippen/")
    assert response.status_code == 200
    html = response.content.decode()
    for term in (
        "Basisondersteuning",
        "Extra ondersteuning",
        "Arrangement",
        "(TLV)",
        "(SBO)",
        "(SO)",
        "BRIN",
    ):
        assert term in html, term
    assert "De hulp die elke school in de regio" in html
    assert 'id="tlv"' in html


def test_it_is_404_for_an_unknown_school_and_year(client, published):
    assert client.get("/scholen/99ZZ/").status_code == 404
    assert client.get("/scholen/12AB/2019-2020/").status_code == 404


def test_it_never_shows_the_draft_or_a_later_unpublished_version(client, published, editor):
    start_new_draft(published, editor, grenzen_niet_bieden=DRAFT_TEXT)
    html = client.get("/scholen/12AB/").content.decode()
    assert "alleen in het concept" not in html
    assert "Wij kunnen geen verpleegkundige zorg" in html


def test_a_concept_is_never_public(client, profile, editor):
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=profile.version,
        changes={"grenzen_niet_bieden": DRAFT_TEXT},
    )
    response = client.get("/scholen/12AB/")
    assert "Deze school heeft nog geen" in response.content.decode()
    assert "alleen in het concept" not in response.content.decode()


def test_it_renders_once_and_a_new_publication_shows_the_new_text(
    client, published, editor, mr_member, officer, staff, monkeypatch
):
    calls = []
    original = pages.page_context
    monkeypatch.setattr(pages, "page_context", lambda *a: calls.append(1) or original(*a))
    client.get("/scholen/12AB/")
    second = client.get("/scholen/12AB/")
    assert second.status_code == 200
    assert len(calls) == 1

    start_new_draft(published, editor, grenzen_niet_bieden="Nieuwe grens: geen tweede taalklas.")

    to_state_from_filled(published, editor=editor, mr=mr_member, officer=officer, staff=staff)
    html = client.get("/scholen/12AB/").content.decode()
    assert "Nieuwe grens: geen tweede taalklas." in html
    assert len(calls) == 2


def test_it_answers_304_to_a_known_etag_and_does_not_vary_per_user(client, published, editor):
    first = client.get("/scholen/12AB/")
    assert "public" in first["Cache-Control"] and "max-age" in first["Cache-Control"]
    # The same for every visitor in a language: it varies with the language only (the
    # browser's Accept-Language, or the language cookie set by the switch), never the session.
    assert first["Vary"] == "Accept-Language, Cookie"
    again = client.get("/scholen/12AB/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    client.force_login(editor)
    logged_in = client.get("/scholen/12AB/")
    assert logged_in.content == first.content
    assert "Uitloggen" not in logged_in.content.decode()


def test_earlier_years_are_listed_and_reachable(
    client, school, format_version, editor, mr_member, officer, staff
):
    from steunwijzer.profiles.services import profile_create

    old = profile_create(school=school, school_year="2025-2026", user=editor)
    publish(
        old,
        editor=editor,
        mr=mr_member,
        officer=officer,
        staff=staff,
        grenzen_niet_bieden="Vorig jaar: geen plusklas.",
    )
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    publish(new, editor=editor, mr=mr_member, officer=officer, staff=staff)
    html = client.get("/scholen/12AB/").content.decode()
    assert "/scholen/12AB/2025-2026/" in html
    earlier = client.get("/scholen/12AB/2025-2026/").content.decode()
    assert "Vorig jaar: geen plusklas." in earlier
    assert "een eerder schooljaar" in earlier
    # An earlier year's page points to the current one; it does not count as behind.
    assert "nog geen profiel gepubliceerd" not in earlier
    assert "deze datum is voorbij" not in earlier


OVERDUE = "deze datum is voorbij; de school heeft nog geen nieuwe evaluatie vastgelegd"


def test_it_says_when_the_planned_evaluation_has_passed_from_that_day_on(
    client, published, monkeypatch
):
    # The published answers plan the next evaluation on 30 June 2027.
    set_today(monkeypatch, date(2027, 6, 30))
    assert OVERDUE not in client.get("/scholen/12AB/").content.decode()
    set_today(monkeypatch, date(2027, 7, 1))
    assert OVERDUE in client.get("/scholen/12AB/").content.decode()


BEFORE_ADOPTION = "deze datum ligt vóór de dag waarop het profiel is vastgesteld"


def test_a_next_evaluation_before_the_adoption_is_not_shown_as_in_order(
    client, published, monkeypatch
):
    # The published answers plan the next evaluation on 30 June 2027.
    set_today(monkeypatch, date(2027, 7, 2))
    assert BEFORE_ADOPTION not in client.get("/scholen/12AB/").content.decode()
    published.established_on = date(2027, 7, 1)
    published.save(update_fields=["established_on"])
    html = client.get("/scholen/12AB/").content.decode()
    assert '30 juni 2027 <span class="sw-muted">(' + BEFORE_ADOPTION in html
    assert OVERDUE not in html


def test_a_recorded_evaluation_moves_the_planned_date(client, published, monkeypatch):
    record_evaluation(published, date(2027, 6, 15), date(2028, 6, 15))
    set_today(monkeypatch, date(2027, 7, 1))
    html = client.get("/scholen/12AB/").content.decode()
    assert "15 juni 2028" in html
    assert OVERDUE not in html


def test_it_says_when_the_school_has_no_profile_for_this_school_year(
    client, published, monkeypatch
):
    set_today(monkeypatch, date(2027, 7, 31))
    assert "nog geen profiel gepubliceerd" not in client.get("/scholen/12AB/").content.decode()
    set_today(monkeypatch, date(2027, 8, 1))
    html = client.get("/scholen/12AB/").content.decode()
    assert (
        "Dit is het nieuwste profiel van de school, van schooljaar 2026-2027. Voor schooljaar "
        "2027-2028 heeft de school nog geen profiel gepubliceerd." in html
    )


def test_a_brin_with_several_locations_offers_the_choice(client, published, board):
    make_school(board, "12AB", "De Regenboog, dependance", vestiging="01")
    choice = client.get("/scholen/12AB/")
    assert choice.status_code == 200
    assert "/scholen/12AB/00/" in choice.content.decode()
    assert "/scholen/12AB/01/" in choice.content.decode()
    assert client.get("/scholen/12AB/00/").status_code == 200
    # The other location has no published SOP: its page says so.
    unpublished = client.get("/scholen/12AB/01/")
    assert unpublished.status_code == 200
    assert "Deze school heeft nog geen" in unpublished.content.decode()


def test_an_own_model_sop_shows_its_document_and_where_the_parts_are(
    client, school, format_version, editor, mr_member, officer, staff
):
    from steunwijzer.profiles.services import (
        own_document_set_locations,
        own_document_upload,
        profile_create,
    )
    from tests.documents import pdf
    from tests.test_own_model import LOCATIONS

    own = profile_create(school=school, school_year="2026-2027", user=editor, kind="own")
    own_document_upload(profile=own, user=editor, upload=pdf())
    own_document_set_locations(profile=own, user=editor, locations=LOCATIONS)
    to_state_from_filled(own, editor=editor, mr=mr_member, officer=officer, staff=staff)
    html = client.get("/scholen/12AB/").content.decode()
    assert "eigen document" in html
    assert "Hoofdstuk 2 Basisondersteuning" in html
    assert 'href="/scholen/12AB/2026-2027/eigen-document"' in html
    download = client.get("/scholen/12AB/2026-2027/eigen-document")
    assert download.status_code == 200
    assert b"".join(download).startswith(b"%PDF")


def test_a_regional_sop_has_no_own_document_to_download(client, published):
    assert client.get("/scholen/12AB/2026-2027/eigen-document").status_code == 404


def test_a_kept_page_costs_one_query_and_keeps_its_headers(
    client, published, django_assert_num_queries
):
    first = client.get("/scholen/12AB/")
    with django_assert_num_queries(1):
        again = client.get("/scholen/12AB/")
    assert again.content == first.content
    # Every header, the security headers (CSP and the rest) included.
    assert sorted(again.items()) == sorted(first.items())
    with django_assert_num_queries(1):
        not_modified = client.get("/scholen/12AB/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304
    assert not_modified["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_page_shows_one_number_of_pupils(client, published, editor):
    from steunwijzer.instruments.diversity.services import invulschema_save
    from steunwijzer.organisations.models import School

    invulschema_save(
        school=published.school,
        school_year=published.school_year,
        counts={"6": {"geen": 200, "basis": 25, "tlv": 10}},
        user=editor,
        update_pupil_count=True,
    )
    # The school's own count says otherwise (another year's count, or typed in by hand).
    School.objects.filter(pk=published.school.pk).update(pupil_count=245)
    published.school.save()  # a save, so the page is made again
    html = client.get("/scholen/12AB/").content.decode()
    assert "<dt>Leerlingen</dt><dd>235</dd>" in html
    assert "Aantal leerlingen: 235" in html
    assert "245" not in html


def test_an_unknown_number_of_pupils_is_left_out_not_shown_as_0(client, published):
    """DUO's file has no pupil numbers: an imported school has 0 (unknown) until its pupil
    file is read, and neither its page, the finder nor the Word download say "0 leerlingen"."""
    from steunwijzer.organisations.models import School
    from steunwijzer.publication.published import published_sop
    from steunwijzer.publication.word import render_sop_docx
    from tests.export_helpers import docx_text

    School.objects.filter(pk=published.school.pk).update(pupil_count=0)
    published.school.refresh_from_db()
    published.school.save()  # a save, so the page is made again
    html = client.get("/scholen/12AB/").content.decode()
    assert "<dt>Leerlingen</dt>" not in html
    assert "De Regenboog" in html
    assert "0 leerlingen" not in client.get("/scholen/").content.decode()
    assert "Leerlingen" not in docx_text(render_sop_docx(published_sop(published)))

    School.objects.filter(pk=published.school.pk).update(pupil_count=212)
    published.school.refresh_from_db()
    published.school.save()
    assert "<dt>Leerlingen</dt><dd>212</dd>" in client.get("/scholen/12AB/").content.decode()
    assert "212 leerlingen" in client.get("/scholen/").content.decode()

"""Partnership staff edit the SOP model's YAML in the browser: checked as they type,
previewed, published as a new version, compared with another version and exported."""

import pytest
from django.urls import reverse

from steunwijzer.organisations.models import Partnership
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format
from steunwijzer.regional_model.models import FormatVersion
from steunwijzer.regional_model.services import format_import

SOURCE = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
NEW_VERSION = SOURCE.replace('version: "2.0"', 'version: "2.1"')
NEW_FIELD = """\
          - field: aantal_leerlingen
            type: number
            label: Aantal leerlingen
"""
WITH_FIELD = NEW_VERSION.replace(
    "          - field: onderwijsconcept_toelichting\n",
    NEW_FIELD + "          - field: onderwijsconcept_toelichting\n",
    1,
)
BROKEN = SOURCE.replace("type: long_text", "type: tekst", 1)


def edit_url(partnership):
    return reverse("format_edit", args=[partnership.slug])


def check_url(partnership):
    return reverse("format_check", args=[partnership.slug])


def test_the_editor_holds_the_current_versions_yaml_and_its_preview(
    client, partnership, format_version, staff
):
    client.force_login(staff)
    response = client.get(edit_url(partnership))
    page = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="keyup changed delay:600ms"' in page
    assert "version: &quot;2.0&quot;" in page
    # As a school fills it in: labels, help, examples, guiding questions, word budgets.
    assert "Toelichting op het onderwijsconcept" in page and "Zoals een school het invult" in page
    assert "We werken in combinatiegroepen" in page and "Hooguit ongeveer 150 woorden" in page
    assert "Richtvragen" in page and "Alleen voor SBO, SO" in page
    # As parents read it: fixed texts and placeholders for the answers.
    assert "Zoals ouders het lezen" in page
    assert "[Antwoord van de school: Onderwijsconcept]" in page


def test_the_page_links_to_the_editor_and_the_comparison(client, partnership, staff):
    client.force_login(staff)
    page = client.get(reverse("format_versions", args=[partnership.slug])).content.decode()
    assert edit_url(partnership) in page
    assert reverse("format_compare", args=[partnership.slug]) in page


def test_checking_as_one_types_lists_each_problem_with_its_line_and_writes_nothing(
    client, partnership, format_version, staff
):
    client.force_login(staff)
    response = client.post(check_url(partnership), {"source": BROKEN})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Het model heeft 1 probleem" in page and "tekst" in page
    line = next(n for n, text in enumerate(BROKEN.splitlines(), 1) if "type: tekst" in text)
    assert f"<td>{line}</td>" in page
    assert FormatVersion.objects.count() == 1


def test_a_model_without_problems_says_so_and_replaces_the_preview(client, partnership, staff):
    client.force_login(staff)
    page = client.post(check_url(partnership), {"source": WITH_FIELD}).content.decode()
    assert "Haaglanden SOP-model 2.1 heeft geen problemen." in page
    assert '<div id="preview" hx-swap-oob="true">' in page and "Aantal leerlingen" in page


def test_a_model_with_problems_leaves_the_preview_alone(client, partnership, staff):
    client.force_login(staff)
    page = client.post(check_url(partnership), {"source": BROKEN}).content.decode()
    assert 'id="preview"' not in page


def test_an_empty_model_is_refused_in_dutch(client, partnership, staff):
    client.force_login(staff)
    response = client.post(check_url(partnership), {"source": ""})
    assert "Het model is leeg; schrijf of plak de YAML ervan." in response.content.decode()


def test_the_check_button_shows_problems_and_the_preview_without_javascript(
    client, partnership, format_version, staff
):
    client.force_login(staff)
    response = client.post(edit_url(partnership), {"source": WITH_FIELD, "action": "check"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Aantal leerlingen" in page and "heeft geen problemen" in page
    broken = client.post(edit_url(partnership), {"source": BROKEN, "action": "check"})
    assert broken.status_code == 422 and "Het model heeft 1 probleem" in broken.content.decode()
    assert FormatVersion.objects.count() == 1


def test_publishing_stores_a_new_version_and_profiles_keep_theirs(
    client, partnership, format_version, profile, staff
):
    client.force_login(staff)
    response = client.post(edit_url(partnership), {"source": WITH_FIELD, "action": "publish"})
    assert response.status_code == 302
    current = FormatVersion.objects.current_for(partnership)
    assert current.version == "2.1" and current.imported_by == staff
    assert current.format.field("aantal_leerlingen").label == "Aantal leerlingen"
    profile.refresh_from_db()
    assert profile.format_version == format_version


def test_publishing_a_model_with_problems_is_refused_with_every_problem(
    client, partnership, format_version, staff
):
    client.force_login(staff)
    broken = BROKEN.replace("type: short_text", "type: zin", 1)
    response = client.post(edit_url(partnership), {"source": broken, "action": "publish"})
    page = response.content.decode()
    assert response.status_code == 422
    assert "Het model heeft 2 problemen" in page
    assert FormatVersion.objects.count() == 1


def test_publishing_a_version_number_used_before_is_refused(
    client, partnership, format_version, staff
):
    client.force_login(staff)
    response = client.post(edit_url(partnership), {"source": SOURCE, "action": "publish"})
    assert response.status_code == 422
    assert "verhoog het versienummer" in response.content.decode()
    assert FormatVersion.objects.count() == 1


def test_comparing_two_versions_shows_the_added_field(client, partnership, format_version, staff):
    newer = format_import(partnership=partnership, text=WITH_FIELD, filename="model.yaml")
    client.force_login(staff)
    url = reverse("format_compare", args=[partnership.slug])
    page = client.get(url, {"a": format_version.pk, "b": newer.pk}).content.decode()
    assert "Toegevoegd" in page and "Invulveld: Aantal leerlingen" in page
    same = client.get(url, {"a": newer.pk, "b": newer.pk}).content.decode()
    assert "De twee versies verschillen niet." in same


def test_comparing_with_another_partnerships_version_is_refused_in_dutch(
    client, partnership, format_version, staff
):
    other = Partnership.objects.create(name="SWV Elders", short_name="Elders", slug="elders")
    theirs = format_import(partnership=other, text=SOURCE, filename="model.yaml")
    client.force_login(staff)
    url = reverse("format_compare", args=[partnership.slug])
    response = client.get(url, {"a": format_version.pk, "b": theirs.pk})
    assert response.status_code == 400
    assert (
        "Kies een versie van het model van dit samenwerkingsverband." in response.content.decode()
    )


@pytest.mark.parametrize("text", [SOURCE, WITH_FIELD])
def test_an_exported_version_reads_back_as_the_same_model(client, partnership, staff, text):
    version = format_import(partnership=partnership, text=text, filename="model.yaml")
    client.force_login(staff)
    url = reverse("format_version_source", args=[partnership.slug, version.pk])
    exported = client.get(url).content
    fmt, definition = parse_format(exported, "export.yaml")
    assert fmt == version.format and definition == version.definition


def test_without_a_model_the_editor_starts_empty(client, partnership, staff):
    client.force_login(staff)
    response = client.get(edit_url(partnership))
    assert response.status_code == 200
    assert "Voorbeeld van" not in response.content.decode()


def test_the_check_is_only_a_post(client, partnership, staff):
    client.force_login(staff)
    assert client.get(check_url(partnership)).status_code == 405

"""The partnership downloads every published SOP of a school year as one zip."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from steunwijzer.publication.archive import INDEX_HEADER
from tests.conftest import PASSWORD
from tests.export_helpers import body, publish


@pytest.fixture
def published(profile, other_profile, editor, other_editor, mr_member, officer, staff):
    publish(profile, editor=editor, mr=mr_member, officer=officer, staff=staff)
    return profile


def _zip_url(year="2026-2027", slug="testregio"):
    return reverse("partnership_publications_zip", kwargs={"slug": slug, "schooljaar": year})


def _get(client, user, url):
    if user is not None:
        client.login(username=user.username, password=PASSWORD)
    return client.get(url)


def test_staff_get_every_published_pdf_and_an_index(client, published, staff):
    response = _get(client, staff, _zip_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="SOP-testregio-2026-2027.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(body(response)))
    names = archive.namelist()
    # De Vlieger's SOP is a draft: it is not in the zip.
    assert names == ["SOP-De-Regenboog-12AB00-2026-2027.pdf", "overzicht.csv"]
    assert archive.read(names[0]).startswith(b"%PDF-")
    index = archive.read("overzicht.csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(index), delimiter=";"))
    assert rows[0] == INDEX_HEADER
    assert rows[0][:5] == ["school", "brin", "vestiging", "schooljaar", "vastgesteld_op"]
    assert rows[1][:4] == ["De Regenboog", "12AB", "00", "2026-2027"]
    assert rows[1][4]  # the date the board established it
    assert rows[1][6] == names[0]


def test_the_zip_reuses_the_cached_pdf(client, published, staff):
    public = body(client.get(reverse("public_sop_pdf", kwargs={"brin": "12AB"})))
    archive = zipfile.ZipFile(io.BytesIO(body(_get(client, staff, _zip_url()))))
    assert archive.read("SOP-De-Regenboog-12AB00-2026-2027.pdf") == public


def test_a_year_without_publications_is_not_found(client, published, staff):
    assert _get(client, staff, _zip_url("2019-2020")).status_code == 404


def test_an_unknown_partnership_is_not_found(client, published, staff):
    assert _get(client, staff, _zip_url(slug="bestaat-niet")).status_code == 404


@pytest.mark.parametrize("persona", ["other_staff", "officer", "editor", "mr_member", "outsider"])
def test_others_may_not_download_the_zip(client, published, persona, request):
    response = _get(client, request.getfixturevalue(persona), _zip_url())
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, published):
    response = client.get(_zip_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_deadlines_page_links_to_the_zip(client, published, staff):
    page = _get(client, staff, reverse("partnership_deadlines", args=["testregio"]))
    assert _zip_url() in page.content.decode()

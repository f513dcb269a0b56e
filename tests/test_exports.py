"""Downloads of a published SOP: the URLs, what they serve, their names and their caching."""

from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from steunwijzer.profiles.services import profile_create
from steunwijzer.publication import export_cache
from steunwijzer.publication.exports import EXPORTS
from steunwijzer.publication.published import published_sop
from tests.conftest import make_school
from tests.export_helpers import (
    DRAFT_TEXT,
    body,
    docx_text,
    pdf_text,
    publish,
    republish,
    start_draft_with_new_text,
)
from tests.publication_helpers import record_evaluation

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
LIMITS_WORDS = "samenstelling van de groep telt"


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path):
    # Some tests look into the cache folder: it must hold only their own files.
    settings.DATA_DIR = tmp_path


@pytest.fixture
def published(profile, editor, mr_member, officer, staff):
    return publish(profile, editor=editor, mr=mr_member, officer=officer, staff=staff)


def _url(name, **kwargs):
    return reverse(name, kwargs=kwargs)


def test_it_serves_the_published_sop_as_pdf_without_login(client, published):
    response = client.get(_url("public_sop_pdf", brin="12AB"))
    assert response.status_code == 200
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"] == (
        'attachment; filename="SOP-De-Regenboog-12AB00-2026-2027.pdf"'
    )
    data = body(response)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Schoolondersteuningsprofiel De Regenboog" in text
    assert LIMITS_WORDS in text


def test_it_serves_the_published_sop_as_word_file(client, published):
    response = client.get(_url("public_sop_docx", brin="12AB"))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert 'filename="SOP-De-Regenboog-12AB00-2026-2027.docx"' in response["Content-Disposition"]
    assert LIMITS_WORDS in docx_text(body(response))


def test_it_serves_the_schoolgids_chapter(client, published):
    response = client.get(_url("public_schoolgids_docx", brin="12AB"))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert (
        'filename="Schoolgids-hoofdstuk-De-Regenboog-12AB00-2026-2027.docx"'
        in response["Content-Disposition"]
    )
    assert LIMITS_WORDS in docx_text(body(response))


@pytest.mark.parametrize("name", ["public_sop_pdf", "public_sop_docx", "public_schoolgids_docx"])
def test_it_never_shows_a_later_draft(client, published, editor, name):
    start_draft_with_new_text(published, editor)
    published.refresh_from_db()
    assert DRAFT_TEXT in published.answers["visie_passend_onderwijs"]
    response = client.get(_url(name, brin="12AB"))
    assert response.status_code == 200
    data = body(response)
    text = pdf_text(data) if name == "public_sop_pdf" else docx_text(data)
    assert LIMITS_WORDS in text
    assert DRAFT_TEXT not in text


@pytest.mark.parametrize("name", ["public_sop_pdf", "public_sop_docx", "public_schoolgids_docx"])
def test_it_refuses_a_draft_that_was_never_published(client, profile, name):
    assert client.get(_url(name, brin="12AB")).status_code == 404


def test_it_refuses_an_established_version_that_is_not_yet_published(
    client, profile, editor, mr_member, officer
):
    from tests.route_helpers import to_state

    to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)
    assert client.get(_url("public_sop_pdf", brin="12AB")).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/scholen/99ZZ/sop.pdf",  # unknown BRIN
        "/scholen/12AB/07/sop.pdf",  # unknown vestiging
        "/scholen/12AB/2019-2020/sop.pdf",  # a year without a publication
        "/scholen/12AB/2026-2027/sop.docx".replace("2026-2027", "2020-2021"),
        "/scholen/12AB/xx/sop.pdf",  # not a vestiging at all
        "/scholen/12AB/sop.odt",
    ],
)
def test_it_answers_bad_addresses_with_not_found(client, published, path):
    assert client.get(path).status_code == 404


def test_it_serves_an_earlier_year_and_the_newest_by_default(
    client, published, school, format_version, editor
):
    newer = profile_create(school=school, school_year="2027-2028", user=editor)
    assert newer.published_revision is None
    response = client.get(_url("public_sop_pdf", brin="12AB", schooljaar="2026-2027"))
    assert response.status_code == 200
    assert "2026-2027" in response["Content-Disposition"]
    # The newer year is not published, so the plain address still gives 2026-2027.
    response = client.get(_url("public_sop_pdf", brin="12AB"))
    assert "2026-2027" in response["Content-Disposition"]
    assert (
        client.get(_url("public_sop_pdf", brin="12AB", schooljaar="2027-2028")).status_code == 404
    )


def test_it_asks_for_the_vestiging_where_a_brin_has_several(client, published, board):
    make_school(board, "12AB", "De Regenboog Zuid", vestiging="01", city="Rijswijk")
    response = client.get(_url("public_sop_pdf", brin="12AB"))
    assert response.status_code == 404
    page = response.content.decode()
    assert "vestiging" in page
    assert "/scholen/12AB/00/sop.pdf" in page
    assert "/scholen/12AB/01/sop.pdf" in page
    with_year = client.get(_url("public_sop_docx", brin="12AB", schooljaar="2026-2027"))
    assert "/scholen/12AB/00/2026-2027/sop.docx" in with_year.content.decode()
    response = client.get(_url("public_sop_pdf", brin="12AB", vestiging="00"))
    assert response.status_code == 200
    assert "12AB00" in response["Content-Disposition"]
    assert client.get(_url("public_sop_pdf", brin="12AB", vestiging="01")).status_code == 404


def test_the_brin_is_read_in_any_case(client, published):
    assert client.get("/scholen/12ab/sop.pdf").status_code == 200


def test_it_sends_an_etag_and_answers_a_repeat_with_not_modified(client, published):
    response = client.get(_url("public_sop_pdf", brin="12AB"))
    etag = response["ETag"]
    assert "public" in response["Cache-Control"]
    again = client.get(_url("public_sop_pdf", brin="12AB"), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag


def test_it_renders_once_and_serves_the_cached_file_after(client, published, monkeypatch):
    calls = []
    export = EXPORTS["sop.pdf"]
    original = export.render
    monkeypatch.setitem(
        EXPORTS,
        "sop.pdf",
        replace(export, render=lambda s: calls.append(1) or original(s)),
    )
    first = body(client.get(_url("public_sop_pdf", brin="12AB")))
    second = body(client.get(_url("public_sop_pdf", brin="12AB")))
    assert calls == [1]
    assert first == second
    files = list((export_cache.export_dir() / str(published.published_revision_id)).iterdir())
    assert [f.name.endswith(".sop.pdf") for f in files] == [True]


def test_a_new_publication_makes_a_new_file(client, published, editor, officer, mr_member, staff):
    first = client.get(_url("public_sop_pdf", brin="12AB"))
    start_draft_with_new_text(published, editor)
    republish(published, editor=editor, mr=mr_member, officer=officer, staff=staff)
    published.refresh_from_db()
    second = client.get(_url("public_sop_pdf", brin="12AB"))
    assert second["ETag"] != first["ETag"]
    assert DRAFT_TEXT in pdf_text(body(second))


def test_a_new_evaluation_changes_the_file(client, published, editor):
    first = client.get(_url("public_sop_pdf", brin="12AB"))
    record_evaluation(published, date(2026, 10, 1), date(2027, 10, 1))
    second = client.get(_url("public_sop_pdf", brin="12AB"))
    assert second["ETag"] != first["ETag"]
    text = pdf_text(body(second))
    assert "Laatst geëvalueerd" in text
    assert "1 oktober 2027" in text


def test_a_failed_render_leaves_no_file_behind(client, published, monkeypatch):
    def broken(sop):
        raise RuntimeError("renderer failed")

    export = EXPORTS["sop.pdf"]
    monkeypatch.setitem(
        EXPORTS, "sop.pdf", export.__class__(**{**export.__dict__, "render": broken})
    )
    with pytest.raises(RuntimeError):
        client.get(_url("public_sop_pdf", brin="12AB"))
    folder = export_cache.export_dir() / str(published.published_revision_id)
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_failed_write_leaves_no_temporary_file(published, monkeypatch):
    import os

    def full_disk(src, dst):
        raise OSError("schijf vol")

    monkeypatch.setattr(os, "replace", full_disk)
    sop = published_sop(published)
    with pytest.raises(OSError):
        export_cache.cached_export(sop.revision.pk, sop.cache_key(), "sop.pdf", lambda: b"%PDF-")
    folder = export_cache.export_dir() / str(sop.revision.pk)
    assert list(folder.iterdir()) == []


def test_the_pdf_shows_the_dates_and_the_fixed_texts(client, published):
    text = pdf_text(body(client.get(_url("public_sop_pdf", brin="12AB"))))
    assert "Vastgesteld door het bestuur" in text
    # A vaste tekst of the model, identical in every SOP of the region.
    assert "Basisondersteuning is de ondersteuning die elke school" in text
    assert "Zorgplicht" in text
    # The model's evaluation fields, filled by the route helper.
    assert "30 juni 2027" in text


def test_link_checkers_may_ask_with_head(client, published):
    response = client.head(_url("public_sop_pdf", brin="12AB"))
    assert response.status_code == 200
    assert response["Content-Type"] == PDF


def test_it_refuses_to_change_anything(client, published):
    assert client.post(_url("public_sop_pdf", brin="12AB")).status_code == 405

"""Documents beside the chapters: the partnership's ondersteuningsplan and definition of
basisondersteuning, the school's schoolplan and inspection report, as upload or https link."""

import pytest
from django.urls import reverse

from steunwijzer.core.stored_file import check_document
from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.models import SupportingDocument
from steunwijzer.profiles.services import supporting_document_add
from tests.documents import PDF, REFUSED, pdf


def partnership_page(partnership):
    return reverse("partnership_documents", args=[partnership.slug])


def school_page(school):
    return reverse("school_documents", args=[school.pk])


@pytest.fixture
def plan(partnership, staff):
    return supporting_document_add(
        owner=partnership,
        user=staff,
        title="Ondersteuningsplan 2026-2030",
        kind="ondersteuningsplan",
        document=check_document(pdf("op.pdf")),
    )


@pytest.fixture
def schoolplan(school, editor):
    return supporting_document_add(
        owner=school,
        user=editor,
        title="Schoolplan 2024-2028",
        kind="schoolplan",
        url="https://regenboog.example/schoolplan",
    )


@pytest.fixture
def report(school, editor):
    return supporting_document_add(
        owner=school,
        user=editor,
        title="Inspectierapport 2025",
        kind="inspectierapport",
        document=check_document(pdf("inspectie.pdf")),
    )


def test_staff_upload_the_ondersteuningsplan(client, partnership, format_version, staff):
    client.force_login(staff)
    assert client.get(partnership_page(partnership)).status_code == 200
    response = client.post(
        partnership_page(partnership),
        {"title": "Ondersteuningsplan", "kind": "ondersteuningsplan", "file": pdf("op.pdf")},
    )
    assert response.status_code == 302
    document = partnership.supporting_documents.get()
    assert (document.filename, bytes(document.content)) == ("op.pdf", PDF)
    assert document.chapter_keys == ["basisondersteuning", "extra_ondersteuning"]
    assert "Ondersteuningsplan" in client.get(partnership_page(partnership)).content.decode()


def test_staff_link_the_definition_of_basisondersteuning(client, partnership, staff):
    client.force_login(staff)
    client.post(
        partnership_page(partnership),
        {
            "title": "Basisondersteuning",
            "kind": "basisondersteuning",
            "url": "https://swv.example/basisondersteuning",
        },
    )
    document = partnership.supporting_documents.get()
    assert document.url == "https://swv.example/basisondersteuning" and not document.has_file
    assert document.chapter_keys == ["basisondersteuning"]


def test_editors_add_the_schoolplan_for_the_visie_chapter(client, school, format_version, editor):
    client.force_login(editor)
    assert client.get(school_page(school)).status_code == 200
    response = client.post(
        school_page(school),
        {"title": "Schoolplan", "kind": "schoolplan", "url": "https://regenboog.example/plan"},
    )
    assert response.status_code == 302
    assert school.supporting_documents.get().chapter_keys == ["visie"]


def test_the_chapters_chosen_replace_the_defaults(client, school, format_version, editor):
    client.force_login(editor)
    client.post(
        school_page(school),
        {
            "title": "Inspectierapport",
            "kind": "inspectierapport",
            "file": pdf(),
            "chapter_keys": ["basisondersteuning", "schoolgids"],
        },
    )
    assert school.supporting_documents.get().chapter_keys == ["basisondersteuning", "schoolgids"]


@pytest.mark.parametrize("persona", ["editor", "officer", "other_staff", "outsider"])
def test_it_refuses_the_partnership_page_to_others(request, client, partnership, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(partnership_page(partnership)).status_code == 403
    response = client.post(
        partnership_page(partnership),
        {"title": "X", "kind": "ondersteuningsplan", "url": "https://x.example/"},
    )
    assert response.status_code == 403
    assert not SupportingDocument.objects.exists()


@pytest.mark.parametrize(
    "persona", ["team_member", "mr_member", "officer", "staff", "other_editor", "outsider"]
)
def test_it_refuses_the_school_page_to_others(request, client, school, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(school_page(school)).status_code == 403
    response = client.post(
        school_page(school), {"title": "X", "kind": "schoolplan", "url": "https://x.example/"}
    )
    assert response.status_code == 403
    assert not SupportingDocument.objects.exists()


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_it_checks_uploads_by_content(client, school, editor, case):
    make_upload, message = REFUSED[case]
    client.force_login(editor)
    response = client.post(
        school_page(school), {"title": "Plan", "kind": "schoolplan", "file": make_upload()}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SupportingDocument.objects.exists()


@pytest.mark.parametrize(
    "url", ["http://regenboog.example/plan", "ftp://regenboog.example/plan", "javascript:alert(1)"]
)
def test_it_accepts_only_https_links(client, school, editor, url):
    client.force_login(editor)
    response = client.post(school_page(school), {"title": "P", "kind": "schoolplan", "url": url})
    assert response.status_code == 400
    assert not SupportingDocument.objects.exists()


def test_it_says_why_a_plain_http_link_is_refused(client, school, editor):
    client.force_login(editor)
    response = client.post(
        school_page(school), {"title": "P", "kind": "schoolplan", "url": "http://x.example/"}
    )
    assert "Gebruik een beveiligd webadres dat begint met https://." in response.content.decode()


def test_it_wants_a_file_or_a_link_not_both(client, school, editor):
    client.force_login(editor)
    neither = client.post(school_page(school), {"title": "P", "kind": "schoolplan"})
    assert "Voeg een bestand toe of geef een webadres." in neither.content.decode()
    both = client.post(
        school_page(school),
        {"title": "P", "kind": "schoolplan", "url": "https://x.example/", "file": pdf()},
    )
    assert "niet allebei" in both.content.decode()
    assert not SupportingDocument.objects.exists()


def test_a_school_cannot_attach_the_partnerships_kinds(client, school, editor):
    client.force_login(editor)
    response = client.post(
        school_page(school),
        {"title": "OP", "kind": "ondersteuningsplan", "url": "https://x.example/"},
    )
    assert response.status_code == 400
    assert not SupportingDocument.objects.exists()


def test_the_chapter_page_shows_the_documents_that_inform_it(
    client, profile, plan, schoolplan, report, editor
):
    client.force_login(editor)
    basis = client.get(reverse("profile_chapter", args=[profile.pk, "basisondersteuning"]))
    body = basis.content.decode()
    assert "Documenten bij dit hoofdstuk" in body
    assert "Ondersteuningsplan 2026-2030" in body and "Inspectierapport 2025" in body
    assert reverse("supporting_document_file", args=[plan.pk]) in body
    assert "Schoolplan 2024-2028" not in body
    visie = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    assert (
        "Schoolplan 2024-2028" in visie and 'href="https://regenboog.example/schoolplan"' in visie
    )
    assert "Ondersteuningsplan 2026-2030" not in visie
    zorgplicht = client.get(reverse("profile_chapter", args=[profile.pk, "zorgplicht"]))
    assert "Documenten bij dit hoofdstuk" not in zorgplicht.content.decode()


def test_the_chapter_page_leaves_out_other_schools_and_partnerships(
    client, profile, other_school, other_editor, editor
):
    supporting_document_add(
        owner=other_school,
        user=other_editor,
        title="Plan van De Vlieger",
        kind="schoolplan",
        url="https://vlieger.example/",
    )
    elders = Partnership.objects.create(name="Elders", short_name="E", slug="e")
    SupportingDocument.objects.create(
        partnership=elders,
        title="OP van elders",
        kind="ondersteuningsplan",
        url="https://e.example/",
        chapter_keys=["visie"],
    )
    client.force_login(editor)
    body = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    assert "Plan van De Vlieger" not in body and "OP van elders" not in body


@pytest.mark.parametrize("persona", ["editor", "team_member", "mr_member", "officer", "staff"])
def test_readers_of_the_school_download_its_documents(request, client, report, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("supporting_document_file", args=[report.pk]))
    assert response.status_code == 200 and response.content == PDF
    assert response["Content-Disposition"] == 'attachment; filename="inspectie.pdf"'


@pytest.mark.parametrize("persona", ["other_editor", "other_officer", "other_staff", "outsider"])
def test_strangers_do_not_download_a_schools_documents(request, client, report, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("supporting_document_file", args=[report.pk])).status_code == 403


@pytest.mark.parametrize("persona", ["editor", "other_editor", "other_officer", "staff"])
def test_the_partnerships_people_download_its_documents(request, client, plan, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("supporting_document_file", args=[plan.pk])).status_code == 200


@pytest.mark.parametrize("persona", ["other_staff", "outsider"])
def test_others_do_not_download_the_partnerships_documents(request, client, plan, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("supporting_document_file", args=[plan.pk])).status_code == 403


def test_staff_remove_a_document_and_editors_may_not(client, plan, staff, editor):
    url = reverse("supporting_document_remove", args=[plan.pk])
    client.force_login(editor)
    assert client.post(url).status_code == 403
    client.force_login(staff)
    assert client.post(url).status_code == 302
    assert not SupportingDocument.objects.exists()


def test_another_schools_editor_cannot_remove_a_schools_document(client, report, other_editor):
    client.force_login(other_editor)
    assert client.post(reverse("supporting_document_remove", args=[report.pk])).status_code == 403
    assert SupportingDocument.objects.filter(pk=report.pk).exists()


def test_the_model_page_and_the_editor_link_to_the_documents(
    client, partnership, profile, staff, editor
):
    client.force_login(staff)
    models_page = client.get(reverse("format_versions", args=[partnership.slug]))
    assert partnership_page(partnership) in models_page.content.decode()
    client.force_login(editor)
    chapter = client.get(reverse("profile_chapter", args=[profile.pk, "visie"]))
    assert school_page(profile.school) in chapter.content.decode()

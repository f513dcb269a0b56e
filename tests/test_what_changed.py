"""One way to know what changed: a change made anywhere (the admin, a service) shows at once on
every page, in the finder, the open data, the downloads and the SOP-check, with no cache
emptied by hand (organisations.changes, docs/architecture.md)."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from steunwijzer.organisations.changes import content_version, partnership_changed
from steunwijzer.organisations.models import Membership, Partnership, Role
from steunwijzer.profiles.services import profile_create, profile_update
from steunwijzer.quality_check.report import check_profile
from tests.conftest import PASSWORD, grant, make_school, make_user
from tests.export_helpers import body, docx_text, pdf_text
from tests.route_helpers import step, to_state

YEAR = "2026-2027"


@pytest.fixture
def platform_admin(db):
    return get_user_model().objects.create_superuser("beheerder", "beheer@example.nl", PASSWORD)


@pytest.fixture(autouse=True)
def _own_exports(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def admin_change(client, obj, **changes):
    """Save `obj` through its change form in Django's admin, as a person would: every field as
    the form shows it, with `changes` typed over."""
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    page = client.get(url)
    assert page.status_code == 200
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value = field.value()
            if value not in (None, False):
                data[field.html_name] = "on" if value is True else value
    response = client.post(url, {**data, **changes})
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def what_the_public_sees(client) -> dict[str, str]:
    """The school's page, the finder, the open data and the downloads, as text."""
    finder = client.get("/scholen/", {"q": "Haag"})  # the school's city stays the same
    return {
        "page": client.get("/scholen/12AB/").content.decode(),
        "finder": finder.content.decode(),
        "open data list": client.get(reverse("api_public_profiles")).content.decode(),
        "open data": client.get(
            reverse("api_public_profile", kwargs={"brin_code": "12AB00"})
        ).content.decode(),
        "pdf": pdf_text(body(client.get(reverse("public_sop_pdf", kwargs={"brin": "12AB"})))),
        "docx": docx_text(body(client.get(reverse("public_sop_docx", kwargs={"brin": "12AB"})))),
    }


def test_a_school_renamed_in_the_admin_shows_its_new_name_everywhere_at_once(
    client, published, platform_admin
):
    school = published.school
    school.contact_name, school.contact_email = "Eva de Directeur", "oud@regenboog.example"
    school.save()
    before = what_the_public_sees(client)  # everything is rendered and kept now
    for where, text in before.items():
        assert "De Regenboog" in text, where
    assert "oud@regenboog.example" in before["page"] + before["pdf"] + before["docx"]

    client.force_login(platform_admin)
    admin_change(client, school, name="De Zonnebloem", contact_email="nieuw@zonnebloem.example")
    client.logout()

    after = what_the_public_sees(client)
    for where, text in after.items():
        assert "De Zonnebloem" in text, where
        assert "De Regenboog" not in text, where
    for where in ("page", "pdf", "docx"):
        assert "nieuw@zonnebloem.example" in after[where], where
        assert "oud@regenboog.example" not in after[where], where
    assert client.get("/scholen/", {"q": "Zonnebloem"}).content.decode().count("12AB") >= 1


def test_a_partnership_renamed_in_the_admin_shows_on_its_schools_pages_at_once(
    client, published, partnership, platform_admin
):
    assert "SWV Test" in client.get("/scholen/12AB/").content.decode()
    etag = client.get("/scholen/12AB/")["ETag"]

    client.force_login(platform_admin)
    admin_change(client, partnership, short_name="SWV Haaglanden", main_colour="#123456")
    client.logout()

    page = client.get("/scholen/12AB/", HTTP_IF_NONE_MATCH=etag)
    assert page.status_code == 200 and page["ETag"] != etag
    assert "SWV Haaglanden" in page.content.decode()
    css = client.get(reverse("theme_css", kwargs={"slug": partnership.slug})).content.decode()
    assert "#123456" in css


def test_an_evaluation_recorded_after_publication_shows_at_once(client, published):
    from tests.publication_helpers import record_evaluation

    assert "12 maart 2027" not in client.get("/scholen/12AB/").content.decode()
    record_evaluation(published, date(2027, 3, 12), date(2028, 3, 12))
    assert "12 maart 2027" in client.get("/scholen/12AB/").content.decode()


def test_every_save_of_what_a_partnership_shows_gives_it_a_new_content_version(
    published, partnership, board, school, editor
):
    seen = {content_version([partnership.pk])}

    def changed() -> bool:
        now = content_version([partnership.pk])
        new = now not in seen
        seen.add(now)
        return new

    school.city = "Rijswijk"
    school.save()
    assert changed()
    board.name = "Stichting Nieuw"
    board.save()
    assert changed()
    step(published, editor, "start_new_draft")
    assert not changed(), "a step that publishes or establishes nothing changes nothing shown"
    published.refresh_from_db()
    profile_update(
        profile_id=published.pk,
        user=editor,
        base_version=published.version,
        changes={"visie_passend_onderwijs": "Een nieuwe zin in het concept."},
    )
    assert not changed(), "nor does saving a draft"


def _school_with_profile(board, brin, name):
    school = make_school(board, brin, name)
    editor = make_user(f"directeur{brin}")
    grant(editor, Role.SCHOOL_EDITOR, school=school, function=Membership.Function.DIRECTOR)
    mr = make_user(f"mr{brin}")
    grant(mr, Role.MR_MEMBER, school=school, function=Membership.Function.PARENT)
    return profile_create(school=school, school_year=YEAR, user=editor), editor, mr


def _copies_found(profile) -> list[str]:
    return [f.message for f in check_profile(profile).findings if f.code == "like_other_schools"]


def test_a_school_published_a_minute_ago_counts_in_another_schools_check_at_once(
    board, officer, staff, format_version
):
    """B's version was established weeks before A1 and A2 published theirs, so publishing it
    adds no newer revision: the corpus must still take B in at once. Every school writes the
    same texts (tests.route_helpers.fill); it takes three other schools to make a finding."""
    b, b_editor, b_mr = _school_with_profile(board, "20BB", "Basisschool B")
    to_state(b, "vastgesteld", editor=b_editor, mr=b_mr, officer=officer)
    published = []
    for brin, name in (("21AA", "Basisschool A1"), ("22AA", "Basisschool A2")):
        a, a_editor, a_mr = _school_with_profile(board, brin, name)
        to_state(a, "gepubliceerd", editor=a_editor, mr=a_mr, officer=officer, staff=staff)
        a.refresh_from_db()
        published.append(a.published_revision_id)
    c, c_editor, c_mr = _school_with_profile(board, "23CC", "Basisschool C")
    to_state(c, "concept", editor=c_editor, mr=c_mr, officer=officer)
    c.refresh_from_db()
    assert _copies_found(c) == []  # two others are not enough

    step(b, officer, "deliver")
    step(b, staff, "acknowledge")
    step(b, b_editor, "publish")
    b.refresh_from_db()
    assert b.published_revision_id < max(published), "an older version than the newest"

    c = type(c).objects.get(pk=c.pk)
    found = _copies_found(c)
    assert found and all("3 andere scholen" in message for message in found)


def test_every_partnerships_version_names_all_of_them_and_follows_each_change(
    partnership, other_staff
):
    """`content_version()` (what every public request reads first, by SQL compiled once) names
    the same state as asking for every partnership by id, and changes with any of them."""
    every = list(Partnership.objects.values_list("pk", flat=True))
    assert len(every) > 1
    before = content_version()
    assert before == content_version(every)
    partnership_changed(every[-1])
    assert content_version() != before
    assert content_version() == content_version(every)

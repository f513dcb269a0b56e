"""A new school year's profile starts as a copy of last year's published one."""

import pytest
from django.urls import reverse
from django.utils import timezone

from steunwijzer.core.school_year import previous_school_year, school_year_of
from steunwijzer.profiles.models import OwnDocument, Revision
from steunwijzer.profiles.services import (
    own_document_set_locations,
    own_document_upload,
    previous_published,
    profile_create,
    profile_update,
)
from steunwijzer.quality_check.report import check_profile
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
from steunwijzer.regional_model.services import format_import
from tests.documents import PDF, pdf
from tests.test_own_model import LOCATIONS

LAST_YEAR = {
    "contactpersoon_ondersteuning": "Fatima el Amrani, intern begeleider",
    "contactpersoon_bereikbaarheid": "ib@deregenboog.nl, op maandag",
    "aantal_groepen": 24,
    "visie_passend_onderwijs": "Elk kind uit de wijk is welkom.",
}


def publish(profile, number=None):
    """Stand-in for the route's last step: point the profile at its published version."""
    profile.published_revision = profile.revisions.get(
        number=profile.version if number is None else number
    )
    profile.state = "gepubliceerd"
    profile.save(update_fields=["published_revision", "state"])
    return profile


def written(school, editor, year="2025-2026", answers=LAST_YEAR, kind="regional"):
    profile = profile_create(school=school, school_year=year, user=editor, kind=kind)
    if answers:
        profile_update(profile_id=profile.pk, user=editor, base_version=0, changes=answers)
        profile.refresh_from_db()
    return profile


def test_it_copies_the_published_answers(school, format_version, editor):
    last = publish(written(school, editor))
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    assert new.answers == LAST_YEAR
    assert new.copied_from == last.published_revision
    revision = new.revisions.get()
    assert (revision.number, revision.reason) == (0, Revision.Reason.CREATE)
    assert revision.note == "overgenomen uit het gepubliceerde SOP 2025-2026 (versie 1)"
    assert revision.changed_fields == sorted(LAST_YEAR)
    assert revision.answers == LAST_YEAR


def test_it_copies_the_published_version_not_later_changes(school, format_version, editor):
    last = written(school, editor)
    profile_update(profile_id=last.pk, user=editor, base_version=1, changes={"aantal_groepen": 12})
    publish(last, number=1)
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    assert new.answers["aantal_groepen"] == 24


def test_it_copies_nothing_without_a_published_version(school, format_version, editor):
    written(school, editor)
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    assert new.answers == {} and new.copied_from is None
    assert new.revisions.get().note == ""
    assert previous_published(school, "2026-2027") is None


def test_it_takes_the_most_recent_year_that_was_published(school, format_version, editor):
    publish(written(school, editor, year="2024-2025", answers={"aantal_groepen": 10}))
    written(school, editor, year="2025-2026", answers={"aantal_groepen": 11})
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    assert new.answers == {"aantal_groepen": 10}
    assert "gepubliceerde SOP 2024-2025 (versie 1)" in new.revisions.get().note


def test_it_never_copies_from_a_later_year(school, format_version, editor):
    publish(written(school, editor, year="2027-2028"))
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    assert new.answers == {}


def test_it_never_copies_another_schools_profile(
    school, other_school, format_version, editor, other_editor
):
    publish(written(other_school, other_editor))
    assert profile_create(school=school, school_year="2026-2027", user=editor).answers == {}


def test_it_keeps_only_answers_the_new_model_still_accepts(
    partnership, school, format_version, editor
):
    publish(written(school, editor))
    changed = (
        DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
        .replace('version: "2.0"', 'version: "2.1"')
        .replace("field: contactpersoon_bereikbaarheid", "field: bereikbaarheid")
        .replace("max_value: 60", "max_value: 20")
    )
    new_version = format_import(partnership=partnership, text=changed, filename="2.1.yaml")
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    assert new.format_version == new_version
    assert new.answers == {
        "contactpersoon_ondersteuning": "Fatima el Amrani, intern begeleider",
        "visie_passend_onderwijs": "Elk kind uit de wijk is welkom.",
    }


def test_it_copies_an_own_document_and_its_locations(school, format_version, editor):
    last = written(school, editor, answers=None, kind="own")
    own_document_upload(profile=last, user=editor, upload=pdf("sop-2025.pdf"))
    own_document_set_locations(profile=last, user=editor, locations=LOCATIONS)
    last.refresh_from_db()
    publish(last)
    new = profile_create(school=school, school_year="2026-2027", user=editor, kind="own")
    document = OwnDocument.objects.get(profile=new)
    assert (bytes(document.content), document.filename) == (PDF, "sop-2025.pdf")
    assert document.locations == LOCATIONS
    assert new.missing_required() == []
    assert OwnDocument.objects.get(profile=last).locations == LOCATIONS
    assert "versie 2" in new.revisions.get().note


def test_a_copied_own_document_keeps_its_check_under_the_same_model(school, format_version, editor):
    last = written(school, editor, answers=None, kind="own")
    own_document_upload(profile=last, user=editor, upload=pdf())
    publish(last)
    new = profile_create(school=school, school_year="2026-2027", user=editor, kind="own")
    assert OwnDocument.objects.get(profile=new).fixed_texts_missing == []


def test_a_copied_own_document_is_checked_again_under_a_new_model(
    partnership, school, format_version, editor
):
    last = written(school, editor, answers=None, kind="own")
    own_document_upload(profile=last, user=editor, upload=pdf())
    own_document_set_locations(profile=last, user=editor, locations=LOCATIONS)
    last.refresh_from_db()
    publish(last)
    changed = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8").replace(
        'version: "2.0"', 'version: "2.1"'
    )
    format_import(partnership=partnership, text=changed, filename="2.1.yaml")
    new = profile_create(school=school, school_year="2026-2027", user=editor, kind="own")
    assert OwnDocument.objects.get(profile=new).fixed_texts_missing is None
    assert [f.code for f in check_profile(new).blocking] == ["own_document_unread"]


@pytest.mark.parametrize(("before", "now"), [("own", "regional"), ("regional", "own")])
def test_it_copies_nothing_when_the_kind_changes(school, format_version, editor, before, now):
    publish(written(school, editor, answers=None, kind=before))
    new = profile_create(school=school, school_year="2026-2027", user=editor, kind=now)
    assert new.answers == {} and new.copied_from is None
    assert not OwnDocument.objects.filter(profile=new).exists()


def test_starting_from_the_home_page_copies_last_year(client, school, format_version, editor):
    this_year = school_year_of(timezone.localdate())
    publish(written(school, editor, year=previous_school_year(this_year)))
    client.force_login(editor)
    client.post(reverse("profile_new", args=[school.pk]))
    assert school.profiles.get(school_year=this_year).answers == LAST_YEAR

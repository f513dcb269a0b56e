"""Chapters that only apply to some school types (SBO, SO), in the loader and the stored dict."""

import json

import pytest
from django.urls import reverse

from steunwijzer.organisations.models import Role, School
from steunwijzer.profiles.answers import AnswerError
from steunwijzer.profiles.services import profile_create, profile_update
from steunwijzer.regional_model.loader import (
    DEFAULT_FORMAT_PATH,
    format_from_dict,
    format_to_dict,
    parse_format,
)
from steunwijzer.regional_model.services import format_import
from tests.conftest import grant, make_school, make_user
from tests.test_format_loader import MINIMAL, line_of, only_problem, replace_once

SBO_CHAPTER = """\
  - key: speciaal
    title: Toelating tot het speciaal (basis)onderwijs
    school_types: [sbo, so]
    sections:
      - key: toelating
        title: Toelating
        items:
          - field: toelaatbaarheid
            type: long_text
            label: Welke toelaatbaarheidsverklaring is nodig?
"""


def with_sbo_chapter(chapter=SBO_CHAPTER):
    return MINIMAL + chapter


def test_it_reads_school_types_on_a_chapter():
    fmt, definition = parse_format(with_sbo_chapter())
    chapter = fmt.chapter("speciaal")
    assert chapter.school_types == ("sbo", "so")
    assert chapter.applies_to("sbo") and chapter.applies_to("so")
    assert not chapter.applies_to("bao")
    assert definition["chapters"][-1]["school_types"] == ["sbo", "so"]


def test_a_chapter_without_school_types_applies_to_every_school():
    fmt, definition = parse_format(MINIMAL)
    assert all(c.applies_to(t) for c in fmt.chapters for t in ("bao", "sbo", "so"))
    assert all(c["school_types"] == [] for c in definition["chapters"])


def test_it_round_trips_chapter_school_types_through_json():
    fmt, definition = parse_format(with_sbo_chapter())
    again = format_from_dict(json.loads(json.dumps(definition)))
    assert again == fmt
    assert format_to_dict(again) == definition


def test_it_reads_definitions_stored_before_chapters_had_school_types():
    _, definition = parse_format(DEFAULT_FORMAT_PATH.read_bytes())
    for chapter in definition["chapters"]:
        del chapter["school_types"]
    fmt = format_from_dict(definition)
    assert all(c.school_types == () for c in fmt.chapters)


def test_it_rejects_an_unknown_school_type_on_a_chapter_with_line():
    text = with_sbo_chapter(replace_once(SBO_CHAPTER, "[sbo, so]", "[sbo, vo]"))
    problem = only_problem(text)
    assert problem.line == line_of(text, "school_types: [sbo, vo]")
    assert problem.path == "chapters[4].school_types"
    assert "onbekende soort school 'vo'" in problem.message


def test_it_rejects_a_school_type_listed_twice_on_a_chapter():
    text = with_sbo_chapter(replace_once(SBO_CHAPTER, "[sbo, so]", "[sbo, sbo]"))
    assert "staat twee keer" in only_problem(text).message


def test_it_rejects_school_types_on_a_chapter_with_a_mandatory_part():
    text = replace_once(
        MINIMAL,
        "    mandatory_part: visie\n",
        "    mandatory_part: visie\n    school_types: [so]\n",
    )
    problem = only_problem(text)
    assert problem.path == "chapters[0].school_types"
    assert "geldt voor elke soort school" in problem.message


def test_it_rejects_a_field_for_school_types_its_chapter_does_not_cover():
    chapter = SBO_CHAPTER.replace(
        "            label: Welke toelaatbaarheidsverklaring is nodig?\n",
        "            label: Welke toelaatbaarheidsverklaring is nodig?\n"
        "            school_types: [bao, so]\n",
    )
    problem = only_problem(with_sbo_chapter(chapter))
    assert "veld 'toelaatbaarheid' geldt voor bao" in problem.message


# --- profiles of schools the chapter does or does not apply to ------------------------------


@pytest.fixture
def sbo_model(partnership):
    return format_import(partnership=partnership, text=with_sbo_chapter(), filename="sbo.yaml")


@pytest.fixture
def sbo_profile(board, sbo_model):
    sbo = make_school(board, "78GH", "De Klimop", school_type=School.Type.SBO)
    director = make_user("sbo_directeur")
    grant(director, Role.SCHOOL_EDITOR, school=sbo)
    return profile_create(school=sbo, school_year="2026-2027", user=director), director


@pytest.fixture
def bao_profile(school, sbo_model, editor):
    return profile_create(school=school, school_year="2026-2027", user=editor)


def test_a_chapter_for_sbo_and_so_is_left_out_for_a_regular_school(client, bao_profile, editor):
    assert [c.key for c in bao_profile.chapters] == ["visie", "basis", "extra", "zorgplicht"]
    speciaal = bao_profile.sop_format.chapter("speciaal")
    assert bao_profile.applicable_fields(speciaal) == []
    assert "speciaal" not in [p["chapter"].key for p in bao_profile.chapter_progress()]
    client.force_login(editor)
    url = reverse("profile_chapter", args=[bao_profile.pk, "speciaal"])
    assert client.get(url).status_code == 404
    editor_page = client.get(reverse("profile_chapter", args=[bao_profile.pk, "visie"]))
    assert url not in editor_page.content.decode()
    preview = client.get(reverse("profile_preview", args=[bao_profile.pk])).content.decode()
    assert "Toelating tot het speciaal (basis)onderwijs" not in preview


def test_a_regular_school_cannot_answer_in_a_chapter_for_sbo(bao_profile, editor):
    with pytest.raises(AnswerError) as caught:
        profile_update(
            profile_id=bao_profile.pk,
            user=editor,
            base_version=0,
            changes={"toelaatbaarheid": "TLV SBO"},
        )
    assert "geldt niet voor dit soort school" in str(caught.value)


def test_an_sbo_school_writes_the_chapter_and_parents_read_it(client, sbo_profile):
    profile, director = sbo_profile
    assert [c.key for c in profile.chapters][-1] == "speciaal"
    profile_update(
        profile_id=profile.pk,
        user=director,
        base_version=0,
        changes={"toelaatbaarheid": "Een TLV voor het SBO."},
    )
    client.force_login(director)
    assert client.get(reverse("profile_chapter", args=[profile.pk, "speciaal"])).status_code == 200
    preview = client.get(reverse("profile_preview", args=[profile.pk])).content.decode()
    assert "Toelating tot het speciaal (basis)onderwijs" in preview
    assert "Een TLV voor het SBO." in preview


def test_an_sbo_is_not_asked_when_it_would_refer_to_sbo(partnership, board, format_version):
    """The shipped model asks only ordinary schools about referral to S(B)O."""
    sbo = make_school(board, "55SB", "SBO De Wissel", school_type="sbo")
    editor = make_user("wissel")
    grant(editor, Role.SCHOOL_EDITOR, school=sbo)
    profile = profile_create(school=sbo, school_year="2026-2027", user=editor)
    fields = [f.key for chapter in profile.chapters for f in profile.applicable_fields(chapter)]
    assert "verwijzing_sbo_so" not in fields
    with pytest.raises(AnswerError, match="geldt niet voor dit soort school"):
        profile_update(
            profile_id=profile.pk,
            user=editor,
            base_version=profile.version,
            changes={"verwijzing_sbo_so": "Naar het SO."},
        )

"""A partnership's model declares its own requirements; a model that declares none is valid as
it is, and its SOPs go the whole route to publication."""

import pytest
from django.urls import reverse

from steunwijzer.profiles.services import profile_create, profile_update
from steunwijzer.quality_check.report import check_profile
from steunwijzer.regional_model.loader import (
    DEFAULT_FORMAT_PATH,
    FormatError,
    format_from_dict,
    parse_format,
)
from steunwijzer.regional_model.services import format_import
from steunwijzer.regional_model.sop_format import SEED_REQUIREMENTS
from tests.publication_helpers import to_state_from_filled

# No 'visie' part, no fixed zorgplicht text, and a chapter of the region's own: 'ambities'.
OWN_REGION = """\
format: sop-model
id: zuidrand
name: Model Zuidrand
version: "1.0"
chapters:
  - key: ondersteuning
    title: Onze ondersteuning
    mandatory_part: basisondersteuning
    sections:
      - key: aanbod
        title: Wat wij bieden
        items:
          - field: aanbod_tekst
            type: long_text
            label: Welke ondersteuning biedt de school?
            required: true
  - key: ambities
    title: Ambities
    sections:
      - key: plannen
        title: Onze plannen
        items:
          - field: ambities_tekst
            type: long_text
            label: Wat willen we de komende jaren beter doen?
          - fixed_text: over_ambities
            title: Waarom ambities
            text: Elke school in Zuidrand beschrijft waar ze naartoe wil.
"""

ANSWERS = {
    "aanbod_tekst": (
        "Wij bieden extra hulp bij lezen in kleine groepjes, drie keer per week. Kinderen met "
        "dyslexie krijgen voorleessoftware en meer tijd bij toetsen."
    ),
    "ambities_tekst": "Volgend jaar leren alle leerkrachten meer over gedrag in de klas.",
}


def test_a_model_that_declares_no_requirements_is_valid_as_it_is():
    fmt, definition = parse_format(OWN_REGION)
    assert fmt.mandatory_parts == {}
    assert fmt.requirements.fixed_texts_in == ()
    assert [c.key for c in fmt.chapters] == ["ondersteuning", "ambities"]
    assert format_from_dict(definition) == fmt


def test_the_shipped_model_declares_the_seed_letters_requirements():
    fmt, _ = parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"))
    assert fmt.requirements == SEED_REQUIREMENTS


def test_a_model_stored_before_requirements_reads_as_the_seed_letters(format_version):
    stored = dict(format_version.definition, schema=1)
    stored.pop("requirements")
    assert format_from_dict(stored).requirements == SEED_REQUIREMENTS


def test_a_declared_part_that_no_chapter_covers_is_refused_with_its_name():
    text = OWN_REGION.replace(
        "chapters:",
        "requirements:\n  mandatory_parts:\n    - part: visie\n      label: Onze visie\nchapters:",
    )
    with pytest.raises(FormatError) as caught:
        parse_format(text, "zuidrand.yaml")
    assert any("'Onze visie' ontbreekt" in p.message for p in caught.value.problems)


def test_a_fixed_text_can_only_be_required_in_a_declared_part():
    text = OWN_REGION.replace(
        "chapters:", "requirements:\n  fixed_texts_in: [zorgplicht]\nchapters:"
    )
    with pytest.raises(FormatError) as caught:
        parse_format(text, "zuidrand.yaml")
    [problem] = caught.value.problems
    assert problem.path == "requirements.fixed_texts_in[0]"
    assert "'zorgplicht' staat niet bij 'mandatory_parts'" in problem.message


@pytest.fixture
def own_region_profile(partnership, school, editor):
    format_import(partnership=partnership, text=OWN_REGION, filename="zuidrand.yaml")
    profile = profile_create(school=school, school_year="2026-2027", user=editor)
    profile_update(
        profile_id=profile.pk, user=editor, base_version=profile.version, changes=ANSWERS
    )
    profile.refresh_from_db()
    return profile


def test_its_sop_goes_the_whole_route_to_the_public_page(
    client, own_region_profile, other_school, editor, mr_member, officer, staff
):
    assert not check_profile(own_region_profile).blocking
    profile = to_state_from_filled(
        own_region_profile, editor=editor, mr=mr_member, officer=officer, staff=staff
    )
    assert profile.state == "gepubliceerd"
    page = client.get(reverse("public_school", kwargs={"brin": profile.school.brin}))
    body = page.content.decode()
    assert page.status_code == 200
    assert "Ambities" in body and "voorleessoftware" in body
    assert "Elke school in Zuidrand beschrijft waar ze naartoe wil." in body

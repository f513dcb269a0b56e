"""The YAML loader of the regional SOP model: the shipped Haaglanden model and every error."""

import json
import re

import pytest

from steunwijzer.regional_model.loader import (
    DEFAULT_FORMAT_PATH,
    FormatError,
    FormatProblem,
    format_from_dict,
    format_summary,
    format_to_dict,
    parse_format,
    slugify_key,
)
from steunwijzer.regional_model.sop_format import FIELD_TYPES, MANDATORY_PARTS, FixedText

# Bijlage I of the Haaglanden letter of 15 March 2021, copied from the seed with the hard line
# breaks joined: the fixed text every SOP in Haaglanden must contain word for word.
BIJLAGE_I_ZORGPLICHT = (
    "Sinds de invoering van passend onderwijs hebben schoolbesturen zorgplicht. Dit betekent "
    "dat zij verantwoordelijk zijn om te onderzoeken of de school aan een leerling met extra "
    "onderwijs- en ondersteuningsbehoeften passend onderwijs kan bieden, eventueel met de "
    "inzet van extra ondersteuning vanuit het samenwerkingsverband. Soms is van tevoren niet "
    "duidelijk of en zo ja welke onderwijs- en ondersteuningsbehoeften de leerling heeft. Dan"
    " heeft de school zes weken na schriftelijke aanmelding door de ouder(s)/verzorger(s) de "
    "tijd om te onderzoeken welke onderwijs- en ondersteuningsbehoeften de leerling heeft en "
    "of de school passend onderwijs kan bieden. De periode van zes weken kan eenmalig met "
    "vier weken worden verlengd. Dit moet wel aan de ouders worden gemeld. Kan een school "
    "deze benodigde ondersteuning niet bieden, dan zoekt zij samen met ouders naar een "
    "passende plek op een andere school. Het samenwerkingsverband kan hierin ondersteunen, "
    "maar de schoolbesturen zijn en blijven verantwoordelijk."
    "\n\n"
    "De zorgplicht houdt ook in dat een school een leerling pas mag verwijderen als een "
    "andere school bereid is gevonden die leerling toe te laten. Zo wordt voorkomen dat een "
    "leerling tussen wal en schip valt. Een school kan een leerling weigeren als de school "
    "vol is. Hierbij geldt wel dat de school een consequent en transparant toelatingsbeleid "
    "heeft. Ook indien ouders de grondslag van de (bijzondere) school niet erkennen, is dit "
    "grond voor weigering. Het toelatingsbeleid van scholen is niet alleen voor ouders "
    "inzichtelijk, ook voor collega-scholen in het werkgebied is duidelijk hoe scholen omgaan"
    " met het toelaten van leerlingen. In werkgebieden waar sprake is van "
    "plaatsingsproblematiek, omdat veel scholen vol zijn, voeren scholen actief overleg om "
    "dit gezamenlijk op te lossen. Thuisnabij onderwijs is het uitgangspunt. Mocht blijken "
    "dat scholen/schoolbesturen onvoldoende rekening houden met de zorgplicht, dan spreken "
    "schooldirecteuren elkaar hier actief op aan. In laatste instantie kan de directeur van "
    "het samenwerkingsverband met schoolbesturen in gesprek gaan en eventueel besluiten het "
    "bestuur van het samenwerkingsverband maatregelen voor te stellen. Bij tussentijdse "
    "schoolwisseling van leerlingen hebben scholen altijd contact met elkaar voor zij een "
    "leerling van een andere school aannemen. Dit geldt overigens niet alleen voor situaties "
    "waarop de zorgplicht mogelijk van toepassing is, maar ook om overplaatsingen "
    "(bijvoorbeeld BAO > BAO, of S(B)O - BAO, situaties van onvrede bij ouders, etc.)"
)

# A small valid model with the four mandatory parts; tests break one thing at a time.
MINIMAL = """\
format: sop-model
id: test
name: Testmodel
version: "1.0"
requirements:
  mandatory_parts:
    - part: visie
      label: Visie op passend onderwijs
    - part: basisondersteuning
    - part: extra_ondersteuning
    - part: zorgplicht
  fixed_texts_in: [zorgplicht]
chapters:
  - key: visie
    title: Visie
    mandatory_part: visie
    word_budget: 200
    sections:
      - key: algemeen
        title: Algemeen
        items:
          - field: visie_tekst
            type: long_text
            label: Onze visie
            required: true
            max_length: 2000
  - key: basis
    title: Basisondersteuning
    mandatory_part: basisondersteuning
    sections:
      - key: algemeen
        title: Algemeen
        items:
          - field: aanbod
            type: checklist
            label: Aanbod
            choices: [Dyslexie, Gedrag]
          - field: concept
            type: single_choice
            label: Concept
            choices:
              - {key: dalton, label: Dalton}
              - Jenaplan
  - key: extra
    title: Extra ondersteuning
    mandatory_part: extra_ondersteuning
    sections:
      - key: team
        title: Team
        items:
          - field: expertise
            type: table
            label: Expertise
            columns:
              - {key: expertise, label: Expertise}
              - {key: uren, label: Uren, type: number}
          - field: groepsgrootte
            type: number
            label: Groepsgrootte
            min_value: 1
            max_value: 40
          - field: tlv
            type: long_text
            label: Doelgroep
            school_types: [sbo, so]
  - key: zorgplicht
    title: Zorgplicht
    mandatory_part: zorgplicht
    sections:
      - key: zorgplicht
        title: Zorgplicht
        items:
          - fixed_text: zorgplicht_tekst
            title: Zorgplicht
            text: |
              Eerste alinea.

              Tweede alinea.
"""


def problems_of(text, filename="model.yaml"):
    with pytest.raises(FormatError) as caught:
        parse_format(text, filename)
    return caught.value.problems


def line_of(text, needle, start=1):
    """1-based number of the first line at or after `start` that contains `needle`."""
    lines = text.splitlines()
    return next(n for n, line in enumerate(lines, 1) if n >= start and needle in line)


def only_problem(text):
    problems = problems_of(text)
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def replace_once(text, old, new):
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


# --- the shipped model ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped():
    return parse_format(DEFAULT_FORMAT_PATH.read_bytes(), DEFAULT_FORMAT_PATH.name)


def test_the_shipped_model_parses(shipped):
    fmt, _ = shipped
    assert (fmt.id, fmt.name, fmt.version) == ("haaglanden", "Haaglanden SOP-model", "2.0")
    assert [c.key for c in fmt.chapters] == [
        "schoolgegevens",
        "visie",
        "basisondersteuning",
        "extra_ondersteuning",
        "zorgplicht",
        "schoolgids",
    ]


def test_the_shipped_model_has_the_four_mandatory_parts_in_numbered_chapters(shipped):
    fmt, _ = shipped
    parts = {c.mandatory_part: c for c in fmt.chapters if c.mandatory_part}
    assert set(parts) == set(MANDATORY_PARTS)
    assert [parts[p].number for p in MANDATORY_PARTS] == ["1", "2", "3", "4"]


def test_the_shipped_model_uses_every_field_type(shipped):
    fmt, _ = shipped
    assert {f.type for f in fmt.fields.values()} == set(FIELD_TYPES)


def test_the_shipped_model_has_help_and_budget_everywhere(shipped):
    fmt, _ = shipped
    assert all(c.word_budget for c in fmt.chapters)
    for f in fmt.fields.values():
        assert f.help, f.key
        assert f.example or f.type in ("single_choice", "checklist"), f.key


def test_the_shipped_model_requires_the_core_texts_and_the_limits(shipped):
    fmt, _ = shipped
    for key in (
        "visie_passend_onderwijs",
        "basiskwaliteit",
        "preventieve_interventies",
        "ondersteuningsstructuur",
        "planmatig_werken",
        "niet_in_basisondersteuning",
        "arrangementen",
        "grenzen_niet_bieden",
        "grens_bereikt",
        "verwijzing_sbo_so",
    ):
        assert fmt.field(key).required, key
        assert fmt.field(key).type == "long_text", key


def test_the_expertise_offer_has_the_school_finder_areas(shipped):
    fmt, _ = shipped
    expertise = fmt.field("expertise_aanbod")
    assert expertise.type == "checklist"
    assert fmt.chapter_of("expertise_aanbod").key == "extra_ondersteuning"
    assert {c.key for c in expertise.choices} >= {
        "dyslexie",
        "dyscalculie",
        "autisme",
        "gedrag",
        "hoogbegaafdheid",
        "taal_nt2",
        "fysiek_medisch",
        "sociaal_emotioneel",
        "spraak_taal",
        "motoriek",
    }


def test_the_expertise_and_partner_tables_have_their_columns(shipped):
    fmt, _ = shipped
    team = fmt.field("expertise_team")
    assert [(c.key, c.type) for c in team.columns] == [
        ("expertise", "short_text"),
        ("functie", "short_text"),
        ("uren_per_week", "number"),
    ]
    partners = fmt.field("externe_partners")
    assert [c.key for c in partners.columns] == ["organisatie", "wat_doen_zij", "hoe_vaak"]
    assert partners.columns[2].type == "single_choice"
    assert partners.columns[2].choices


def test_the_target_group_field_is_only_for_special_schools(shipped):
    fmt, _ = shipped
    field = fmt.field("doelgroep_toelaatbaarheid")
    assert field.school_types == ("sbo", "so")
    assert not field.applies_to("bao")
    assert field.applies_to("so")
    assert fmt.field("grenzen_niet_bieden").applies_to("bao")


def test_the_school_record_data_is_not_asked_again(shipped):
    fmt, _ = shipped
    labels = " ".join(f.label.lower() for f in fmt.fields.values())
    for duplicate in ("adres", "postcode", "brin", "naam van de school", "aantal leerlingen"):
        assert not re.search(rf"\b{duplicate}\b", labels), duplicate


def test_the_guiding_questions_of_the_letter_are_with_their_chapters(shipped):
    fmt, _ = shipped
    questions = {q: c.key for c in fmt.chapters for q in c.guiding_questions}
    assert questions["Vanuit welke visie werken wij aan passend onderwijs?"] == "visie"
    assert questions["Hoe hebben wij onze zorgstructuur georganiseerd?"] == "basisondersteuning"
    assert questions["Wat kunnen wij niet bieden en wat is onze grens?"] == "extra_ondersteuning"
    assert len(questions) == 8


def test_the_zorgplicht_text_is_bijlage_i_verbatim(shipped):
    fmt, _ = shipped
    chapter = fmt.chapter("zorgplicht")
    texts = {
        item.key: item.text
        for section in chapter.sections
        for item in section.items
        if isinstance(item, FixedText)
    }
    assert texts["zorgplicht_tekst"] == BIJLAGE_I_ZORGPLICHT
    assert " ".join(texts["zorgplicht_tekst"].split()) == " ".join(BIJLAGE_I_ZORGPLICHT.split())


def test_only_the_texts_written_for_steunwijzer_are_defaults(shipped):
    """The seed's own texts (Bijlage I, the Haaglanden agreement) are the partnership's;
    the explanation we wrote is offered for the partnership to confirm or replace."""
    fmt, definition = shipped
    assert {t.key: t.default for t in fmt.fixed_texts} == {
        "basisondersteuning_uitleg": True,
        "zorgplicht_tekst": False,
        "afspraak_dialoog": False,
    }
    stored = [
        item
        for chapter in definition["chapters"]
        for section in chapter["sections"]
        for item in section["items"]
        if item["kind"] == "fixed_text"
    ]
    assert {item["key"]: item["default"] for item in stored}["basisondersteuning_uitleg"]


def test_a_fixed_text_stored_before_defaults_existed_is_the_partnerships_own(shipped):
    _, definition = shipped
    old = json.loads(json.dumps(definition))
    for chapter in old["chapters"]:
        for section in chapter["sections"]:
            for item in section["items"]:
                item.pop("default", None)
    assert not any(text.default for text in format_from_dict(old).fixed_texts)


def test_the_stored_dict_round_trips_through_json(shipped):
    fmt, definition = shipped
    assert format_from_dict(json.loads(json.dumps(definition))) == fmt
    assert format_to_dict(format_from_dict(definition)) == definition


def test_the_stored_dict_is_normalised(shipped):
    _, definition = shipped
    assert definition["format"] == "sop-model"
    item = definition["chapters"][0]["sections"][0]["items"][0]
    assert item["kind"] == "field"
    assert set(item) >= {"key", "type", "label", "help", "required", "choices", "columns"}
    assert all(set(choice) == {"key", "label"} for choice in item["choices"])


def test_the_summary_counts_chapters_fields_and_fixed_texts(shipped):
    fmt, _ = shipped
    assert format_summary(fmt) == "6 hoofdstukken, 34 invulvelden, 3 vaste teksten"


# --- the minimal model and its normalisation ------------------------------------------------


def test_the_minimal_model_parses():
    fmt, definition = parse_format(MINIMAL)
    assert format_from_dict(definition) == fmt
    assert fmt.field("aanbod").choices[0].key == "dyslexie"
    assert fmt.field("concept").choices[1].key == "jenaplan"
    assert fmt.field("groepsgrootte").min_value == 1
    text = fmt.chapter("zorgplicht").sections[0].items[0].text
    assert text == "Eerste alinea.\n\nTweede alinea."


def test_it_accepts_utf8_bytes_with_a_byte_order_mark():
    fmt, _ = parse_format(b"\xef\xbb\xbf" + MINIMAL.replace("Testmodel", "Café").encode())
    assert fmt.name == "Café"


def test_it_keeps_an_unquoted_version_as_written():
    fmt, _ = parse_format(replace_once(MINIMAL, 'version: "1.0"', "version: 2.10"))
    assert fmt.version == "2.10"


def test_it_slugifies_choice_labels():
    assert slugify_key("Taal / NT2") == "taal_nt2"
    assert slugify_key("Sociaal-emotioneel") == "sociaal_emotioneel"
    assert slugify_key("Fysiek/medisch") == "fysiek_medisch"
    assert slugify_key("Één-op-één") == "een_op_een"


def test_a_problem_reads_file_line_path_and_message():
    problem = FormatProblem("haaglanden.yaml", 57, "chapters[2].type", "onbekend veldtype")
    assert str(problem) == "haaglanden.yaml:57: chapters[2].type: onbekend veldtype"
    assert str(FormatProblem("x.yaml", None, "", "het bestand is leeg")) == (
        "x.yaml: het bestand is leeg"
    )


# --- every kind of mistake ------------------------------------------------------------------


def test_it_reports_unknown_field_type_with_line():
    text = replace_once(
        MINIMAL, "type: long_text\n            label: Onze", "type: tekst\n            label: Onze"
    )
    problem = only_problem(text)
    assert problem.line == line_of(text, "type: tekst")
    assert problem.path == "chapters[0].sections[0].items[0].type"
    assert "onbekend veldtype 'tekst'" in problem.message
    assert "short_text, long_text" in problem.message
    assert str(problem).startswith(f"model.yaml:{problem.line}: chapters[0].sections[0]")


def test_it_reports_yaml_syntax_errors_with_line():
    text = replace_once(MINIMAL, "label: Onze visie", "label: Onze visie: wat wij willen")
    problem = only_problem(text)
    assert problem.line == line_of(text, "Onze visie:")
    assert problem.message.startswith("YAML-fout: hier mag geen ':' staan")


def test_it_reports_tabs_in_yaml_in_dutch():
    text = replace_once(MINIMAL, "    word_budget: 200", "\tword_budget: 200")
    problem = only_problem(text)
    assert problem.line == line_of(text, "\tword_budget")
    assert "tab" in problem.message


def test_it_reports_a_model_that_is_not_a_mapping():
    problem = only_problem("- visie\n- basisondersteuning\n")
    assert problem.line == 1
    assert "mapping" in problem.message
    assert "een lijst" in problem.message


def test_it_reports_missing_required_keys_with_line():
    text = replace_once(MINIMAL, "            label: Onze visie\n", "")
    problem = only_problem(text)
    assert problem.path == "chapters[0].sections[0].items[0].label"
    assert problem.line == line_of(text, "field: visie_tekst")
    assert problem.message == "verplichte sleutel 'label' ontbreekt"


def test_it_reports_missing_top_level_keys():
    text = replace_once(MINIMAL, "name: Testmodel\n", "")
    problem = only_problem(text)
    assert (problem.path, problem.line) == ("name", 1)


def test_it_reports_unknown_keys_and_suggests_the_right_one():
    text = replace_once(MINIMAL, "label: Onze visie", "lable: Onze visie")
    problems = problems_of(text)
    typo = next(p for p in problems if p.path.endswith(".lable"))
    assert typo.line == line_of(text, "lable:")
    assert "onbekende sleutel 'lable'; bedoel je 'label'?" in typo.message
    assert any(p.message == "verplichte sleutel 'label' ontbreekt" for p in problems)


def test_it_reports_a_misspelled_field_marker():
    text = replace_once(MINIMAL, "- field: visie_tekst", "- feild: visie_tekst")
    problem = only_problem(text)
    assert problem.line == line_of(text, "feild:")
    assert "bedoel je 'field'?" in problem.message


def test_it_reports_an_item_that_is_both_field_and_fixed_text():
    text = replace_once(
        MINIMAL,
        "          - field: visie_tekst\n",
        "          - field: visie_tekst\n            fixed_text: ook_tekst\n",
    )
    problem = only_problem(text)
    assert problem.line == line_of(text, "field: visie_tekst")
    assert "niet allebei" in problem.message


def test_it_reports_duplicate_yaml_keys_with_both_lines():
    text = replace_once(MINIMAL, "title: Visie\n", "title: Visie\n    title: Nog een titel\n")
    problem = only_problem(text)
    assert problem.line == line_of(text, "title: Nog een titel")
    assert f"eerst op regel {line_of(text, 'title: Visie')}" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "path", "expected"),
    [
        ("required: true", 'required: "ja"', "items[0].required", "true of false"),
        ("max_length: 2000", "max_length: 0", "items[0].max_length", "positief geheel getal"),
        ("max_length: 2000", "max_length: [1]", "items[0].max_length", "een lijst"),
        ("label: Onze visie", "label: [Onze, visie]", "items[0].label", "hier hoort tekst"),
        ("min_value: 1", "min_value: veel", "items[1].min_value", "hier hoort een getal"),
    ],
)
def test_it_reports_wrong_value_types_with_line(old, new, path, expected):
    text = replace_once(MINIMAL, old, new)
    problem = only_problem(text)
    assert problem.line == line_of(text, new)
    assert problem.path.endswith(path)
    assert expected in problem.message


def test_it_reports_chapters_that_are_not_a_list():
    problems = problems_of(MINIMAL.split("chapters:")[0] + "chapters: veel\n")
    assert problems[0].path == "chapters"
    assert "moet een lijst zijn" in problems[0].message


@pytest.mark.parametrize("value", ["-5", "0", "veel", "12.5", "true"])
def test_it_reports_word_budget_that_is_not_a_positive_int(value):
    text = replace_once(MINIMAL, "word_budget: 200", f"word_budget: {value}")
    problem = only_problem(text)
    assert problem.path == "chapters[0].word_budget"
    assert problem.line == line_of(text, "word_budget")
    assert "positief geheel getal" in problem.message


def test_it_reports_duplicate_field_keys_across_chapters():
    text = replace_once(MINIMAL, "field: groepsgrootte", "field: visie_tekst")
    problem = only_problem(text)
    assert problem.line == line_of(text, "field: visie_tekst", start=28)
    assert problem.path == "chapters[2].sections[0].items[1].field"
    assert "'visie_tekst' is al gebruikt" in problem.message
    assert "chapters[0].sections[0].items[0]" in problem.message
    assert f"regel {line_of(text, 'field: visie_tekst')}" in problem.message


def test_it_reports_a_fixed_text_key_that_is_already_a_field():
    text = replace_once(MINIMAL, "fixed_text: zorgplicht_tekst", "fixed_text: aanbod")
    problem = only_problem(text)
    assert problem.line == line_of(text, "fixed_text: aanbod")
    assert problem.path.endswith(".fixed_text")


def test_it_reports_duplicate_fixed_text_keys():
    text = replace_once(
        MINIMAL,
        "          - fixed_text: zorgplicht_tekst\n",
        "          - fixed_text: zorgplicht_tekst\n            text: Een.\n"
        "          - fixed_text: zorgplicht_tekst\n",
    )
    problem = only_problem(text)
    second = line_of(text, "fixed_text: zorgplicht_tekst", start=line_of(text, "text: Een.") + 1)
    assert problem.line == second
    assert "al gebruikt" in problem.message


def test_it_reports_duplicate_chapter_keys():
    text = replace_once(MINIMAL, "- key: extra", "- key: basis")
    problem = only_problem(text)
    assert problem.line == line_of(text, "- key: basis", start=line_of(text, "- key: basis") + 1)
    assert problem.path == "chapters[2].key"


def test_it_reports_duplicate_section_keys_within_a_chapter_only():
    # "algemeen" in two chapters is fine; twice in one chapter is not.
    text = replace_once(
        MINIMAL,
        "      - key: team\n        title: Team\n",
        "      - key: team\n        title: Team\n        items:\n"
        "          - field: nog_een\n            type: date\n            label: Datum\n"
        "      - key: team\n        title: Team 2\n",
    )
    problem = only_problem(text)
    assert problem.line == line_of(text, "title: Team 2") - 1
    assert problem.path == "chapters[2].sections[1].key"


@pytest.mark.parametrize("bad", ["Visie_Tekst", "visie-tekst", "1visie", "visie tekst", "_visie"])
def test_it_reports_keys_that_do_not_match_the_pattern(bad):
    text = replace_once(MINIMAL, "field: visie_tekst", f"field: {bad}")
    problem = only_problem(text)
    assert problem.line == line_of(text, f"field: {bad}")
    assert "kleine letters, cijfers en _" in problem.message


def test_it_reports_unknown_column_type_with_line():
    text = replace_once(MINIMAL, "type: number}", "type: getal}")
    problem = only_problem(text)
    assert problem.line == line_of(text, "type: getal")
    assert problem.path == "chapters[2].sections[0].items[0].columns[1].type"
    assert "onbekend kolomtype 'getal'" in problem.message


@pytest.mark.parametrize("field_type", ["single_choice", "checklist"])
def test_it_reports_choice_fields_without_choices(field_type):
    text = replace_once(MINIMAL, "            choices: [Dyslexie, Gedrag]\n", "")
    text = replace_once(text, "type: checklist", f"type: {field_type}")
    problem = only_problem(text)
    assert problem.line == line_of(text, "field: aanbod")
    assert problem.path == "chapters[1].sections[0].items[0].choices"
    assert "keuzes nodig" in problem.message


def test_it_reports_an_empty_choice_list():
    text = replace_once(MINIMAL, "choices: [Dyslexie, Gedrag]", "choices: []")
    problem = only_problem(text)
    assert problem.line == line_of(text, "choices: []")
    assert "leeg" in problem.message


def test_it_reports_a_table_without_columns():
    text = replace_once(
        MINIMAL,
        "            columns:\n              - {key: expertise, label: Expertise}\n"
        "              - {key: uren, label: Uren, type: number}\n",
        "",
    )
    problem = only_problem(text)
    assert problem.line == line_of(text, "field: expertise")
    assert "kolommen nodig" in problem.message


def test_it_reports_a_single_choice_column_without_choices():
    text = replace_once(MINIMAL, "type: number}", "type: single_choice}")
    problem = only_problem(text)
    assert problem.line == line_of(text, "type: single_choice}")
    assert problem.path.endswith("columns[1].choices")


def test_it_reports_options_that_do_not_belong_to_the_field_type():
    text = replace_once(MINIMAL, "max_length: 2000", "choices: [Een, Twee]")
    problem = only_problem(text)
    assert problem.line == line_of(text, "choices: [Een, Twee]")
    assert "'choices' hoort niet bij veldtype 'long_text'" in problem.message


def test_it_reports_min_value_above_max_value():
    text = replace_once(MINIMAL, "min_value: 1", "min_value: 50")
    problem = only_problem(text)
    assert problem.line == line_of(text, "max_value: 40")
    assert "kleiner dan min_value" in problem.message


@pytest.mark.parametrize(
    "choices", ["[Dyslexie, Gedrag, dyslexie]", "[Dyslexie, Gedrag, {key: dyslexie, label: Lezen}]"]
)
def test_it_reports_duplicate_choices(choices):
    text = replace_once(MINIMAL, "[Dyslexie, Gedrag]", choices)
    problem = only_problem(text)
    assert problem.line == line_of(text, choices)
    assert problem.path == "chapters[1].sections[0].items[0].choices[2]"
    assert "staat twee keer in de lijst" in problem.message


def test_it_reports_a_choice_label_that_gives_no_key():
    text = replace_once(MINIMAL, "[Dyslexie, Gedrag]", '[Dyslexie, "1-op-1"]')
    problem = only_problem(text)
    assert "geen sleutel gemaakt" in problem.message


def test_it_reports_unknown_mandatory_part_with_line():
    text = replace_once(MINIMAL, "mandatory_part: visie", "mandatory_part: missie")
    problems = problems_of(text)
    unknown = next(p for p in problems if p.path == "chapters[0].mandatory_part")
    assert unknown.line == line_of(text, "mandatory_part: missie")
    assert "onbekend verplicht onderdeel 'missie'; kies uit visie, basisondersteuning" in (
        unknown.message
    )
    missing = next(p for p in problems if p.path == "chapters")
    assert "'Visie op passend onderwijs' ontbreekt" in missing.message


def test_it_reports_a_mandatory_part_used_twice():
    text = replace_once(MINIMAL, "mandatory_part: extra_ondersteuning", "mandatory_part: visie")
    problems = problems_of(text)
    twice = next(p for p in problems if p.path == "chapters[2].mandatory_part")
    assert twice.line == line_of(text, "mandatory_part: visie", start=28)
    assert "hoort al bij chapters[0]" in twice.message
    assert any("'Extra ondersteuning' ontbreekt" in p.message for p in problems)


@pytest.mark.parametrize("part", list(MANDATORY_PARTS))
def test_it_reports_each_missing_mandatory_part(part):
    text = replace_once(MINIMAL, f"    mandatory_part: {part}\n", "")
    problem = only_problem(text)
    assert problem.path == "chapters"
    assert problem.line == line_of(text, "chapters:")
    assert f"'{MANDATORY_PARTS[part]}' ontbreekt" in problem.message
    assert f"mandatory_part: {part}" in problem.message


def test_it_reports_a_zorgplicht_chapter_without_fixed_text():
    text = replace_once(MINIMAL, "- fixed_text: zorgplicht_tekst", "- field: zorgplicht_tekst")
    text = replace_once(
        text,
        "            title: Zorgplicht\n            text: |",
        "            type: long_text\n            label: Zorgplicht\n            help: |",
    )
    problem = only_problem(text)
    assert problem.path == "chapters[3]"
    assert "het hoofdstuk over 'Zorgplicht' moet een vaste tekst bevatten" in problem.message


def test_it_reports_school_types_outside_the_known_ones():
    text = replace_once(MINIMAL, "school_types: [sbo, so]", "school_types: [sbo, vo]")
    problem = only_problem(text)
    assert problem.line == line_of(text, "school_types")
    assert problem.path == "chapters[2].sections[0].items[2].school_types"
    assert "onbekende soort school 'vo'; kies uit bao, sbo, so" in problem.message


def test_it_reports_the_wrong_format_marker():
    text = replace_once(MINIMAL, "format: sop-model", "format: sop")
    problem = only_problem(text)
    assert (problem.line, problem.path) == (1, "format")
    assert "geen SOP-model" in problem.message


@pytest.mark.parametrize("text", ["", "   \n\n", "# alleen commentaar\n"])
def test_it_reports_an_empty_file(text):
    problem = only_problem(text)
    assert problem.line is None
    assert "leeg" in problem.message or "alleen commentaar" in problem.message


def test_it_reports_bytes_that_are_not_utf8_with_line():
    data = MINIMAL.replace("Onze visie", "Onze vis\xeee").encode("latin-1")
    with pytest.raises(FormatError) as caught:
        parse_format(data, "model.yaml")
    (problem,) = caught.value.problems
    assert problem.line == line_of(MINIMAL, "Onze visie")
    assert "geen geldige UTF-8" in problem.message
    assert str(problem).startswith(f"model.yaml:{problem.line}: ")


def test_it_reports_control_characters_with_line():
    text = replace_once(MINIMAL, "label: Aanbod", "label: Aan\x00bod")
    problem = only_problem(text)
    assert problem.line == line_of(text, "label: Aan")
    assert "ongeldig teken" in problem.message


def test_it_collects_all_problems_in_line_order():
    text = replace_once(
        MINIMAL, "type: long_text\n            label: Onze", "type: tekst\n            label: Onze"
    )
    text = replace_once(text, "type: number}", "type: getal}")
    text = replace_once(text, "school_types: [sbo, so]", "school_types: [vo]")
    text = replace_once(text, "    mandatory_part: zorgplicht\n", "")
    with pytest.raises(FormatError) as caught:
        parse_format(text, "haaglanden.yaml")
    problems = caught.value.problems
    assert len(problems) == 4
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    message = str(caught.value)
    assert message.count("\n") == 3
    assert f"haaglanden.yaml:{line_of(text, 'type: tekst')}: " in message

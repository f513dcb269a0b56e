"""The form editor's tree of the SOP model (format_outline.py): from a stored version to the
shape of the file and back without loss, checked by the loader's rules, and changed node by
node (edit, add, remove, move) without touching the document it was given."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from steunwijzer.regional_model.format_dict import format_to_dict
from steunwijzer.regional_model.format_outline import (
    MODEL,
    about_requirements,
    add,
    apply_action,
    check_document,
    choices_from_text,
    choices_text,
    columns_from_text,
    columns_text,
    document_from_definition,
    document_yaml,
    edit,
    move,
    next_version,
    node_at,
    parse_address,
    problem_address,
    problem_attribute,
    problem_line,
    remove,
    requirement_rows,
    set_requirements,
)
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format

SHIPPED, DEFINITION = parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"))
DOCUMENT = document_from_definition(DEFINITION)
TITLES = {
    "chapter": "Nieuw hoofdstuk",
    "section": "Nieuwe paragraaf",
    "field": "Nieuw veld",
    "fixed_text": "Nieuwe vaste tekst",
    "text": "Schrijf hier de vaste tekst.",
}


def loaded(document: dict) -> dict:
    """The document written as YAML and read by the loader, as a stored definition."""
    return parse_format(document_yaml(document))[1]


def test_it_writes_the_shipped_model_as_yaml_that_loads_as_the_same_model():
    assert loaded(DOCUMENT) == DEFINITION


def test_it_writes_multi_line_text_as_a_block_and_keeps_it():
    document = edit(DOCUMENT, (1,), {"intro": "Eerste alinea.\n\nTweede alinea."})
    assert "intro: |" in document_yaml(document)
    assert loaded(document)["chapters"][1]["intro"] == "Eerste alinea.\n\nTweede alinea."


def test_it_leaves_the_given_document_alone():
    before = copy.deepcopy(DOCUMENT)
    edit(DOCUMENT, (0, 0, 0), {"label": "Anders"})
    move(DOCUMENT, (1,), 1)
    remove(DOCUMENT, (0, 0))
    add(DOCUMENT, (0, 0), "field", TITLES)
    assert before == DOCUMENT


def test_it_checks_by_the_loaders_rules_and_places_each_problem_at_its_node():
    document = edit(DOCUMENT, (1, 0), {"title": ""})
    sop_format, problems = check_document(document)
    assert sop_format is None
    assert [(p.path, p.message, p.line) for p in problems] == [
        ("chapters[1].sections[0].title", "mag niet leeg zijn", None)
    ]
    assert problem_address(problems[0].path) == "1.0"
    assert problem_attribute(problems[0].path) == "title"


def test_problem_places_name_the_nearest_node():
    assert problem_address("chapters[2].sections[0].items[3].choices[1].label") == "2.0.3"
    assert problem_attribute("chapters[2].sections[0].items[3].choices[1].label") == "choices"
    assert problem_address("chapters[4]") == "4" and problem_attribute("chapters[4]") == ""
    assert problem_address("chapters") == MODEL and problem_address("version") == MODEL


def test_a_field_edited_to_another_type_keeps_only_that_types_options():
    field = node_at(DOCUMENT, (0, 0, 0))
    assert field["type"] == "single_choice" and field["choices"]
    document = edit(DOCUMENT, (0, 0, 0), {"type": "short_text", "max_length": 80})
    changed = node_at(document, (0, 0, 0))
    assert "choices" not in changed and changed["max_length"] == 80
    assert check_document(document)[1] == []


def test_a_choice_field_needs_choices_as_the_loader_says():
    document = edit(DOCUMENT, (0, 0, 1), {"type": "single_choice", "choices": []})
    problems = check_document(document)[1]
    assert [p.message for p in problems] == [
        "veldtype 'single_choice' heeft keuzes nodig; voeg 'choices:' toe"
    ]


def test_adding_gives_unique_keys_and_new_chapters_and_sections_a_field():
    document, at = add(DOCUMENT, (), "chapter", TITLES)
    document, section_at = add(document, at, "section", TITLES)
    document, field_at = add(document, section_at, "field", TITLES)
    document, text_at = add(document, section_at, "fixed_text", TITLES)
    assert at == (len(DOCUMENT["chapters"]),) and section_at == (*at, 1)
    assert node_at(document, field_at)["field"] == "nieuw_veld_3"
    assert node_at(document, text_at) == {
        "fixed_text": "nieuwe_vaste_tekst",
        "title": "Nieuwe vaste tekst",
        "text": "Schrijf hier de vaste tekst.",
    }
    assert check_document(document)[1] == []


def test_adding_in_a_place_that_is_not_there_changes_nothing():
    assert add(DOCUMENT, (99,), "section", TITLES)[1] is None
    assert add(DOCUMENT, (0,), "field", TITLES)[1] is None
    assert apply_action(DOCUMENT, "remove", (0, 99), TITLES) == (DOCUMENT, None)


def test_moving_swaps_with_the_neighbour_and_stops_at_the_ends():
    first, second = DOCUMENT["chapters"][0]["key"], DOCUMENT["chapters"][1]["key"]
    document, at = move(DOCUMENT, (0,), 1)
    assert at == (1,) and [c["key"] for c in document["chapters"][:2]] == [second, first]
    assert move(DOCUMENT, (0,), -1) == (DOCUMENT, (0,))


def test_removing_the_last_field_of_a_section_is_a_loader_problem():
    section = node_at(DOCUMENT, (0, 1))
    document = DOCUMENT
    for _ in section["items"]:
        document = remove(document, (0, 1, 0))
    assert [p.path for p in check_document(document)[1]] == ["chapters[0].sections[1].items"]


def test_the_model_form_changes_name_version_and_description():
    document = edit(DOCUMENT, MODEL, {"name": "Ons model", "version": "3", "description": ""})
    assert document["name"] == "Ons model" and "description" not in document


def test_addresses_are_read_strictly():
    assert parse_address("2.0.3") == (2, 0, 3)
    assert parse_address("") is None and parse_address("1.2.3.4") is None
    assert parse_address("a") is None and parse_address("-1") is None


def test_a_draft_proposes_the_next_version():
    assert next_version("2.0") == "2.1"
    assert next_version("3") == "4"
    assert next_version("2024-rc1") == "2024-rc2"
    assert next_version("beta") == "beta.1"


def test_choices_keep_their_keys_through_the_textarea():
    choices = node_at(DOCUMENT, (0, 0, 0))["choices"]
    text = choices_text(choices)
    assert "regulier | Regulier (les per leerjaar)" in text and "\nMontessori\n" in text
    assert choices_from_text(text.replace("\n", "\r\n") + "\r\n\r\n") == choices


TYPE_NAMES = {
    "short_text": "Korte tekst",
    "number": "Getal",
    "date": "Datum",
    "url": "Webadres",
    "single_choice": "Eén keuze",
}
TYPE_WORDS = {name.casefold(): kind for kind, name in TYPE_NAMES.items()}


def table_fields(document: dict) -> dict[tuple, dict]:
    return {
        (c, s, i): item
        for c, chapter in enumerate(document["chapters"])
        for s, section in enumerate(chapter["sections"])
        for i, item in enumerate(section["items"])
        if item.get("type") == "table"
    }


def test_the_shipped_tables_columns_read_back_from_their_textarea_unchanged():
    tables = table_fields(DOCUMENT)
    assert len(tables) >= 2
    for field in tables.values():
        text = columns_text(field["columns"], TYPE_NAMES)
        assert (
            columns_from_text(text.replace("\n", "\r\n") + "\r\n", TYPE_WORDS) == (field["columns"])
        )
    texts = [columns_text(f["columns"], TYPE_NAMES) for f in tables.values()]
    assert "uren_per_week | Beschikbaar (uren per week) | Getal" in texts[0]
    assert (
        "hoe_vaak | Hoe vaak? | Eén keuze | Wekelijks; Maandelijks; Een paar keer per jaar; "
        "Als het nodig is"
    ) in texts[1]


def test_columns_are_added_renamed_retyped_removed_and_reordered_through_the_textarea():
    at, field = next(iter(table_fields(DOCUMENT).items()))
    assert [c["key"] for c in field["columns"]] == ["expertise", "functie", "uren_per_week"]
    text = (
        "uren_per_week | Uren per week | getal\n"
        "expertise | Waarin deskundig\n"
        "Sinds wanneer | Datum\n"
        "niveau | Niveau | Eén keuze | Basis; hoog = Hoog niveau\n"
    )
    columns = columns_from_text(text, TYPE_WORDS)
    assert columns == [
        {"key": "uren_per_week", "label": "Uren per week", "type": "number"},
        {"key": "expertise", "label": "Waarin deskundig", "type": "short_text"},
        {"key": "Sinds wanneer", "label": "Datum", "type": "short_text"},
        {
            "key": "niveau",
            "label": "Niveau",
            "type": "single_choice",
            "choices": [
                {"key": "basis", "label": "Basis"},
                {"key": "hoog", "label": "Hoog niveau"},
            ],
        },
    ]
    # A type needs the key before it: 'Sinds wanneer | Datum' is a key and a heading.
    problems = check_document(edit(DOCUMENT, at, {"columns": columns}))[1]
    assert [(problem_line(p.path), problem_attribute(p.path)) for p in problems] == [(3, "columns")]
    columns[2] = {"key": "sinds", "label": "Sinds wanneer", "type": "date"}
    document = edit(DOCUMENT, at, {"columns": columns})
    assert check_document(document)[1] == []
    assert loaded(document)["chapters"][at[0]]["sections"][at[1]]["items"][at[2]]["columns"][3][
        "choices"
    ] == [{"key": "basis", "label": "Basis"}, {"key": "hoog", "label": "Hoog niveau"}]


def test_columns_follow_the_loaders_rules():
    at = next(iter(table_fields(DOCUMENT)))

    def messages(text):
        document = edit(DOCUMENT, at, {"columns": columns_from_text(text, TYPE_WORDS)})
        return [(problem_line(p.path), p.message) for p in check_document(document)[1]]

    assert messages("") == [(None, "veldtype 'table' heeft kolommen nodig; voeg 'columns:' toe")]
    assert messages("Naam\nnaam | Naam van de school")[0][0] == 2
    assert messages("keuze | Keuze | Eén keuze") == [
        (1, "kolomtype 'single_choice' heeft keuzes nodig; voeg 'choices:' toe")
    ]
    wrong = messages("wat | Wat | Kleur")
    assert len(wrong) == 1 and wrong[0][0] == 1 and "onbekend kolomtype 'Kleur'" in wrong[0][1]
    assert messages("wat | Wat | Getal | a; b")[0][0] == 1


def test_a_new_table_field_gets_its_columns_from_the_same_form():
    document, at = add(DOCUMENT, (1, 0), "field", TITLES)
    columns = columns_from_text("Organisatie\naantal | Aantal | Getal", TYPE_WORDS)
    document = edit(document, at, {"type": "table", "columns": columns})
    assert check_document(document)[1] == []
    assert node_at(document, at)["columns"] == columns
    # Another type drops the columns, as it drops any option of another type.
    assert "columns" not in node_at(edit(document, at, {"type": "long_text"}), at)


def test_problem_lines_are_only_for_attributes_written_one_per_line():
    assert problem_line("chapters[2].sections[0].items[3].columns[1].label") == 2
    assert problem_line("chapters[2].sections[0].items[3].choices[0]") == 1
    assert problem_line("chapters[2].guiding_questions[4]") == 5
    assert problem_line("chapters[2].sections[0].items[3].label") is None
    assert problem_line("chapters[2].school_types[1]") is None
    assert problem_line("requirements.mandatory_parts[0].part") is None


PARTS = ("visie", "basisondersteuning", "extra_ondersteuning", "zorgplicht")


def test_the_shipped_models_requirements_as_rows_and_back_unchanged():
    rows = requirement_rows(DOCUMENT, PARTS)
    assert [(r["part"], r["required"], r["chapter"], r["fixed_text"]) for r in rows] == [
        ("visie", True, 1, False),
        ("basisondersteuning", True, 2, False),
        ("extra_ondersteuning", True, 3, False),
        ("zorgplicht", True, 4, True),
    ]
    assert rows[0]["label"] == "Visie op passend onderwijs"
    assert set_requirements(DOCUMENT, rows) == DOCUMENT


def test_requirements_are_set_with_their_names_chapters_and_fixed_texts():
    rows = requirement_rows(DOCUMENT, PARTS)
    rows[0] |= {"required": False, "chapter": None}
    rows[1] |= {"label": "Wat elke school biedt", "chapter": 5}
    rows[3] |= {"fixed_text": False}
    document = set_requirements(DOCUMENT, rows)
    assert document["requirements"] == {
        "mandatory_parts": [
            {"part": "basisondersteuning", "label": "Wat elke school biedt"},
            {"part": "extra_ondersteuning", "label": "Extra ondersteuning"},
            {"part": "zorgplicht", "label": "Zorgplicht"},
        ]
    }
    assert [c.get("mandatory_part") for c in document["chapters"]] == [
        None,
        None,
        None,
        "extra_ondersteuning",
        "zorgplicht",
        "basisondersteuning",
    ]
    assert list(document)[-2:] == ["requirements", "chapters"]
    sop_format, problems = check_document(document)
    assert problems == [] and sop_format.mandatory_parts["basisondersteuning"] == (
        "Wat elke school biedt"
    )


def test_a_model_that_requires_nothing_leaves_requirements_out():
    rows = [
        {**row, "required": False, "fixed_text": False} for row in requirement_rows(DOCUMENT, PARTS)
    ]
    document = set_requirements(DOCUMENT, rows)
    assert "requirements" not in document and check_document(document)[1] == []
    assert check_document(document)[0].mandatory_parts == {}


def test_requirements_follow_the_loaders_rules():
    rows = requirement_rows(DOCUMENT, PARTS)
    rows[0] |= {"chapter": None}
    # Its chapter has no fixed text: the loader names the requirement, and does not fail.
    rows[2] |= {"required": False, "fixed_text": True}
    problems = check_document(set_requirements(DOCUMENT, rows))[1]
    assert [p.message for p in problems] == [
        "'extra_ondersteuning' staat niet bij 'mandatory_parts'; een vaste tekst kan alleen "
        "gevraagd worden in een verplicht onderdeel",
        "het verplichte onderdeel 'Visie op passend onderwijs' ontbreekt; geef één hoofdstuk "
        "'mandatory_part: visie'",
    ]
    assert all(about_requirements(p.path) for p in problems)
    assert not about_requirements("chapters[1].title") and not about_requirements("version")


# Text as people type it: any letters, spaces, punctuation; on one line or several.
_words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40
)
_text = st.lists(_words, min_size=1, max_size=3).map("\n".join)


@settings(max_examples=40, deadline=None)
@given(label=_words, help_text=_text, intro=_text, budget=st.integers(1, 10_000))
def test_any_text_the_forms_write_reads_back_as_written(label, help_text, intro, budget):
    document = edit(DOCUMENT, (1, 0, 0), {"label": label, "help": help_text})
    document = edit(document, (1,), {"intro": intro, "word_budget": budget})
    sop_format, problems = check_document(document)
    if problems:
        # Only what the loader refuses from a person too: an empty or multi-line label.
        assert {p.message for p in problems} <= {"mag niet leeg zijn", "moet op één regel passen"}
        return
    definition = format_to_dict(sop_format)
    field = definition["chapters"][1]["sections"][0]["items"][0]
    # The loader trims text as it trims a file's; written again, it stays the same.
    assert loaded(document_from_definition(definition)) == definition
    assert field["label"] == label.strip() and definition["chapters"][1]["word_budget"] == budget

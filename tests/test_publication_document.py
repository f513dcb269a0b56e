"""The structured document of a revision: what every public output shows, in which order."""

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from steunwijzer.publication.document import AnswerBlock, Cell, TableDisplay, document_chapters
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format
from tests.route_helpers import _value


@cache
def sop_format():
    return parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"))[0]


def _all_answers(school_type="bao") -> dict:
    fmt = sop_format()
    return {f.key: _value(f) for f in fmt.fields.values() if f.applies_to(school_type)}


def _answer_keys(chapters) -> list[str]:
    return [
        block.key
        for chapter in chapters
        for section in chapter.sections
        for block in section.blocks
        if block.kind == "answer"
    ]


def test_chapters_follow_the_models_order_with_the_fixed_texts():
    chapters = document_chapters(sop_format(), _all_answers(), "bao")
    assert [c.key for c in chapters] == [c.key for c in sop_format().chapters]
    fixed = [
        block
        for chapter in chapters
        for section in chapter.sections
        for block in section.blocks
        if block.kind == "fixed_text"
    ]
    assert any(b.html.startswith("<p>Basisondersteuning is de ondersteuning") for b in fixed)
    assert chapters[1].heading == "1. Visie op passend onderwijs"


def test_fields_for_other_school_types_are_left_out():
    fields = sop_format().fields.values()
    sbo_only = {f.key for f in fields if f.school_types and "bao" not in f.school_types}
    bao_only = {f.key for f in fields if f.school_types == ("bao",)}
    assert sbo_only and bao_only
    answers = _all_answers("sbo") | _all_answers("bao")
    in_sbo = set(_answer_keys(document_chapters(sop_format(), answers, "sbo")))
    in_bao = set(_answer_keys(document_chapters(sop_format(), answers, "bao")))
    assert sbo_only <= in_sbo and not bao_only & in_sbo
    assert bao_only <= in_bao and not sbo_only & in_bao


def test_empty_sections_are_left_out_but_chapters_stay():
    chapters = document_chapters(sop_format(), {}, "bao")
    assert [c.key for c in chapters] == [c.key for c in sop_format().chapters]
    assert _answer_keys(chapters) == []
    visie = chapters[1]
    assert visie.sections == ()


def test_answers_read_as_text():
    fmt = sop_format()
    field = next(f for f in fmt.fields.values() if f.type == "checklist")
    assert AnswerBlock(field, [field.choices[1].key]).display() == [field.choices[1].label]
    date_field = next(f for f in fmt.fields.values() if f.type == "date")
    assert AnswerBlock(date_field, "2027-06-30").display() == "30 juni 2027"
    table_field = next(f for f in fmt.fields.values() if f.type == "table")
    shown = AnswerBlock(table_field, _value(table_field)).display()
    assert isinstance(shown, TableDisplay)
    assert shown.headers == tuple(c.label for c in table_field.columns)
    assert all(isinstance(cell, Cell) for cell in shown.rows[0])


@settings(max_examples=60)
@given(st.data())
def test_exactly_the_filled_answers_appear_in_the_models_order(data):
    fmt = sop_format()
    school_type = data.draw(st.sampled_from(["bao", "sbo", "so"]))
    every = _all_answers(school_type)
    chosen = data.draw(st.sets(st.sampled_from(sorted(every))))
    emptied = data.draw(st.sets(st.sampled_from(sorted(every))))
    answers = {k: ("" if k in emptied else every[k]) for k in chosen}
    keys = _answer_keys(document_chapters(fmt, answers, school_type))
    expected = [
        f.key
        for chapter in fmt.chapters
        if chapter.applies_to(school_type)
        for f in chapter.fields
        if f.key in chosen and f.key not in emptied and f.applies_to(school_type)
    ]
    assert keys == expected

"""Comparing two versions of a SOP model (pure): what was added, removed or changed."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.regional_model.format_compare import (
    CHAPTER_ATTRIBUTES,
    FIELD_ATTRIBUTES,
    FIXED_TEXT_ATTRIBUTES,
    MODEL_ATTRIBUTES,
    SECTION_ATTRIBUTES,
    Difference,
    compare_formats,
)
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format
from steunwijzer.regional_model.presenters import ATTRIBUTE_LABELS
from steunwijzer.regional_model.sop_format import (
    FIELD_TYPES,
    Chapter,
    Field,
    FixedText,
    Section,
    SopFormat,
)

HAAGLANDEN, _ = parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"))
words = st.text(alphabet="abcdefgh ", min_size=1, max_size=12)
fields = st.builds(
    Field,
    key=st.text(alphabet="abcdefghij", min_size=3, max_size=8),
    type=st.sampled_from(FIELD_TYPES),
    label=words,
    help=words,
    required=st.booleans(),
)
fixed_texts = st.builds(
    FixedText, key=st.text(alphabet="klmnop", min_size=3, max_size=8), text=words
)


@st.composite
def formats(draw):
    """A model of up to three chapters; field and fixed-text keys unique, as the loader
    demands."""
    chapters, seen = [], set()
    for c in range(draw(st.integers(0, 3))):
        sections = []
        for s in range(draw(st.integers(0, 2))):
            items = [
                item
                for item in draw(st.lists(st.one_of(fields, fixed_texts), max_size=4))
                if item.key not in seen and not seen.add(item.key)
            ]
            sections.append(Section(key=f"s{s}", title=draw(words), items=tuple(items)))
        chapters.append(
            Chapter(
                key=f"h{c}",
                title=draw(words),
                word_budget=draw(st.none() | st.integers(1, 500)),
                sections=tuple(sections),
            )
        )
    return SopFormat(id="test", name="Test", version="1", chapters=tuple(chapters))


def with_field(fmt: SopFormat, chapter_index: int, new: Field) -> SopFormat:
    chapters = list(fmt.chapters)
    chapter = chapters[chapter_index]
    section = chapter.sections[0]
    section = replace(section, items=(*section.items, new))
    chapters[chapter_index] = replace(chapter, sections=(section, *chapter.sections[1:]))
    return replace(fmt, chapters=tuple(chapters), _fields={})


@given(formats())
def test_a_model_compared_with_itself_has_no_differences(fmt):
    assert compare_formats(fmt, fmt) == []


def test_the_shipped_model_compared_with_itself_has_no_differences():
    assert compare_formats(HAAGLANDEN, HAAGLANDEN) == []


@given(formats(), fields, st.data())
def test_adding_a_field_shows_exactly_that_field(fmt, new, data):
    with_sections = [i for i, c in enumerate(fmt.chapters) if c.sections]
    if not with_sections:
        fmt = replace(
            fmt,
            chapters=(Chapter(key="extra", title="Extra", sections=(Section("s", "S"),)),),
            _fields={},
        )
        with_sections = [0]
    index = data.draw(st.sampled_from(with_sections))
    new = replace(new, key=f"new_{new.key}")
    changed = with_field(fmt, index, new)
    heading = changed.chapters[index].heading
    assert compare_formats(fmt, changed) == [
        Difference("added", "field", new.key, new.label, heading)
    ]
    assert compare_formats(changed, fmt) == [
        Difference("removed", "field", new.key, new.label, heading)
    ]


def test_a_changed_label_and_fixed_text_are_named():
    field = HAAGLANDEN.field("onderwijsconcept")
    fixed = HAAGLANDEN.fixed_texts[0]

    def change(item):
        if item.key == field.key:
            return replace(item, label="Ons concept", required=False)
        if item.key == fixed.key:
            return replace(item, text=item.text + " Nieuw.")
        return item

    chapters = tuple(
        replace(
            chapter,
            sections=tuple(
                replace(section, items=tuple(change(item) for item in section.items))
                for section in chapter.sections
            ),
        )
        for chapter in HAAGLANDEN.chapters
    )
    newer = replace(HAAGLANDEN, chapters=chapters, _fields={})
    found = {(d.kind, d.key): d for d in compare_formats(HAAGLANDEN, newer)}
    assert set(found) == {("field", field.key), ("fixed_text", fixed.key)}
    assert found["field", field.key].attributes == ("label", "required")
    assert found["fixed_text", fixed.key].attributes == ("text",)


def test_a_field_moved_to_another_chapter_is_changed_in_its_chapter():
    first, second = HAAGLANDEN.chapters[0], HAAGLANDEN.chapters[1]
    moved = first.sections[0].items[-1]
    chapters = (
        replace(
            first,
            sections=(
                replace(first.sections[0], items=first.sections[0].items[:-1]),
                *first.sections[1:],
            ),
        ),
        replace(
            second,
            sections=(
                replace(second.sections[0], items=(*second.sections[0].items, moved)),
                *second.sections[1:],
            ),
        ),
        *HAAGLANDEN.chapters[2:],
    )
    newer = replace(HAAGLANDEN, chapters=chapters, _fields={})
    assert [(d.change, d.key, d.attributes) for d in compare_formats(HAAGLANDEN, newer)] == [
        ("changed", moved.key, ("chapter",))
    ]


def test_every_attribute_compared_has_dutch_words():
    compared = {
        *MODEL_ATTRIBUTES,
        *CHAPTER_ATTRIBUTES,
        *SECTION_ATTRIBUTES,
        *FIELD_ATTRIBUTES,
        *FIXED_TEXT_ATTRIBUTES,
        "chapter",
    }
    assert compared <= set(ATTRIBUTE_LABELS)


def test_changed_requirements_of_the_model_are_named_and_its_version_is_not():
    newer = replace(
        HAAGLANDEN,
        version="9.9",
        requirements=replace(HAAGLANDEN.requirements, fixed_texts_in=()),
        _fields={},
    )
    assert compare_formats(HAAGLANDEN, newer) == [
        Difference("changed", "model", "", HAAGLANDEN.name, "", ("requirements",))
    ]

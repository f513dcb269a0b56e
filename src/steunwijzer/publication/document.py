"""The structured document of one revision: chapters → sections → fixed texts and answers.

Every public output (the school page, the PDF, the Word files, the open data) shows the same
thing: the model's chapters in the model's order, with the fixed texts and the school's filled
answers, leaving out what does not apply to the school's type. This module decides that once,
without Django, from the model (`SopFormat`) and a revision's answers.

`AnswerBlock.display()` gives an answer as plain text for outputs that are not HTML (Word,
JSON), long text as sanitised HTML derived from the stored markup; HTML outputs render
`block.field` and `block.value` with the `render_answer` tag.
"""

from dataclasses import dataclass

from steunwijzer.core.dates import date_text
from steunwijzer.core.numbers import dutch_number
from steunwijzer.profiles.answers import is_filled
from steunwijzer.profiles.richtext import markup_to_html
from steunwijzer.regional_model.sop_format import Field, SopFormat


@dataclass(frozen=True)
class Cell:
    """One table cell as text; `href` is set for a web address."""

    text: str
    href: str = ""


@dataclass(frozen=True)
class TableDisplay:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _choice_label(choices, key) -> str:
    return next((c.label for c in choices if c.key == key), key)


def _cell(column, value) -> Cell:
    if value in (None, ""):
        return Cell("")
    match column.type:
        case "single_choice":
            return Cell(_choice_label(column.choices, value))
        case "date":
            return Cell(date_text(value))
        case "url":
            return Cell(value, href=value)
        case "number":
            return Cell(dutch_number(value))
    return Cell(str(value))


@dataclass(frozen=True)
class AnswerBlock:
    """A filled invulveld: the model's field and the school's stored value."""

    field: Field
    value: object

    kind = "answer"

    @property
    def key(self) -> str:
        return self.field.key

    @property
    def label(self) -> str:
        return self.field.label

    @property
    def type(self) -> str:
        return self.field.type

    def display(self) -> "str | list[str] | TableDisplay":
        """The answer as readers see it: text (sanitised HTML for long text), a list of
        choice labels (checklist) or a table of text cells."""
        field, value = self.field, self.value
        match field.type:
            case "single_choice":
                return _choice_label(field.choices, value)
            case "checklist":
                return [_choice_label(field.choices, v) for v in value]
            case "table":
                return TableDisplay(
                    headers=tuple(c.label for c in field.columns),
                    rows=tuple(
                        tuple(_cell(c, row.get(c.key)) for c in field.columns) for row in value
                    ),
                )
            case "date":
                return date_text(value)
            case "number":
                return dutch_number(value)
            case "long_text":
                return markup_to_html(str(value))
        return str(value)


@dataclass(frozen=True)
class FixedTextBlock:
    """A vaste tekst of the region, as sanitised HTML (the model writes it in the editor's
    markup)."""

    key: str
    title: str
    html: str

    kind = "fixed_text"


Block = AnswerBlock | FixedTextBlock


@dataclass(frozen=True)
class SectionDocument:
    key: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class ChapterDocument:
    key: str
    number: str
    title: str
    heading: str
    mandatory_part: str | None
    sections: tuple[SectionDocument, ...]


def document_chapters(
    sop_format: SopFormat, answers: dict, school_type: str
) -> list[ChapterDocument]:
    """The chapters that apply to this school type, in the model's order.

    A section without fixed text and without any filled answer is left out: parents should
    not read empty headings. A chapter stays, even when empty, so the four mandatory parts are
    always visible in the structure.
    """
    chapters = []
    for chapter in sop_format.chapters:
        if not chapter.applies_to(school_type):
            continue
        sections = []
        for section in chapter.sections:
            blocks = []
            for item in section.items:
                if item.kind == "fixed_text":
                    blocks.append(FixedTextBlock(item.key, item.title, markup_to_html(item.text)))
                elif item.applies_to(school_type) and is_filled(answers.get(item.key)):
                    blocks.append(AnswerBlock(item, answers[item.key]))
            if blocks:
                sections.append(SectionDocument(section.key, section.title, tuple(blocks)))
        chapters.append(
            ChapterDocument(
                key=chapter.key,
                number=chapter.number,
                title=chapter.title,
                heading=chapter.heading,
                mandatory_part=chapter.mandatory_part,
                sections=tuple(sections),
            )
        )
    return chapters

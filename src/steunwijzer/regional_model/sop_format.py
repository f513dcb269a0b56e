"""The regional SOP model (SOP-format) as plain data: chapters, sections, fixed texts, fields.

Pure Python, no Django: the loader (`loader.py`) builds these from YAML, `FormatVersion`
stores their dict form, and the editor, preview and API read them.
"""

from dataclasses import dataclass, field

FIELD_TYPES = (
    "short_text",
    "long_text",
    "single_choice",
    "checklist",
    "table",
    "number",
    "date",
    "url",
)
COLUMN_TYPES = ("short_text", "number", "date", "url", "single_choice")
MANDATORY_PARTS = {
    "visie": "Visie op passend onderwijs",
    "basisondersteuning": "Basisondersteuning",
    "extra_ondersteuning": "Extra ondersteuning",
    "zorgplicht": "Zorgplicht",
}
SCHOOL_TYPES = ("bao", "sbo", "so")


@dataclass(frozen=True)
class Choice:
    key: str
    label: str


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    type: str = "short_text"
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class Field:
    key: str
    type: str
    label: str
    help: str = ""
    # A checklist's heading in the parents' school finder, in their words ("Ondersteuning
    # bij …") rather than the school's ("Dit bieden wij …"); empty: the label.
    finder_label: str = ""
    required: bool = False
    example: str = ""
    choices: tuple[Choice, ...] = ()
    columns: tuple[Column, ...] = ()
    max_length: int | None = None
    min_value: float | None = None
    max_value: float | None = None
    # Empty means every school type; otherwise the field only applies to these (e.g. sbo, so).
    school_types: tuple[str, ...] = ()

    kind = "field"

    def applies_to(self, school_type: str) -> bool:
        return not self.school_types or school_type in self.school_types


@dataclass(frozen=True)
class FixedText:
    """A vaste tekst: the same in every SOP of the region, never editable by a school."""

    key: str
    text: str
    title: str = ""
    # A text Steunwijzer offers with its model, not yet the partnership's own: it is labelled
    # as the partnership's fixed text only once the partnership has confirmed it.
    default: bool = False

    kind = "fixed_text"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    intro: str = ""
    items: tuple[Field | FixedText, ...] = ()

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(item for item in self.items if isinstance(item, Field))


@dataclass(frozen=True)
class Chapter:
    key: str
    title: str
    number: str = ""
    intro: str = ""
    mandatory_part: str | None = None
    guiding_questions: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    # Optional limit the partnership sets; used by later checks, shown as guidance now.
    word_budget: int | None = None
    # Empty means every school type; otherwise only these (e.g. a chapter just for sbo, so).
    school_types: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for section in self.sections for f in section.fields)

    def applies_to(self, school_type: str) -> bool:
        return not self.school_types or school_type in self.school_types

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


@dataclass(frozen=True)
class Requirements:
    """What every SOP of a model must cover, as the partnership declares it in its model file:
    which mandatory parts exist (and what they are called), and in which of them a fixed text
    must stand. A model that declares none requires none."""

    mandatory_parts: tuple[Choice, ...] = ()
    fixed_texts_in: tuple[str, ...] = ()


# The seed letter's four parts and the fixed zorgplicht text: what every model had to cover
# before models declared their own requirements (stored models of schema 1 have these).
SEED_REQUIREMENTS = Requirements(
    mandatory_parts=tuple(Choice(key, label) for key, label in MANDATORY_PARTS.items()),
    fixed_texts_in=("zorgplicht",),
)


@dataclass(frozen=True)
class SopFormat:
    id: str
    name: str
    version: str
    description: str = ""
    chapters: tuple[Chapter, ...] = ()
    requirements: Requirements = Requirements()
    _fields: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        for chapter in self.chapters:
            for f in chapter.fields:
                self._fields[f.key] = (f, chapter)

    @property
    def fields(self) -> dict[str, Field]:
        return {key: f for key, (f, _) in self._fields.items()}

    def field(self, key: str) -> Field | None:
        entry = self._fields.get(key)
        return entry[0] if entry else None

    def chapter_of(self, field_key: str) -> Chapter:
        return self._fields[field_key][1]

    def chapter(self, key: str) -> Chapter | None:
        return next((c for c in self.chapters if c.key == key), None)

    @property
    def mandatory_parts(self) -> dict[str, str]:
        """The parts this model requires, key → the name the partnership gave it."""
        return {part.key: part.label for part in self.requirements.mandatory_parts}

    def part_label(self, part: str) -> str:
        """The name of a part a chapter covers, also when the model does not require it."""
        return self.mandatory_parts.get(part) or MANDATORY_PARTS.get(part, part)

    @property
    def fixed_texts(self) -> tuple[FixedText, ...]:
        """Every fixed text of the model, in the order of the document."""
        return tuple(
            item
            for chapter in self.chapters
            for section in chapter.sections
            for item in section.items
            if isinstance(item, FixedText)
        )

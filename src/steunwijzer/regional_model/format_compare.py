"""What changed between two versions of a SOP model: chapters, sections, fields and fixed
texts added, removed or changed.

Pure Python, no Django: it gives codes (what kind of thing, which attributes changed); the
compare page words them (`presenters.py`).
"""

from dataclasses import dataclass, fields

from .sop_format import Chapter, Field, FixedText, Section, SopFormat
from .version_compare import REMOVED, compare_things

# The model's own settings; its version is left out, as it differs between any two versions.
MODEL_ATTRIBUTES = ("name", "description", "requirements")
# The attributes compared per kind of thing; the items of a section and the sections of a
# chapter are compared as things of their own, not as attributes.
CHAPTER_ATTRIBUTES = tuple(f.name for f in fields(Chapter) if f.name not in {"key", "sections"})
SECTION_ATTRIBUTES = tuple(f.name for f in fields(Section) if f.name not in {"key", "items"})
FIELD_ATTRIBUTES = tuple(f.name for f in fields(Field) if f.name != "key")
FIXED_TEXT_ATTRIBUTES = tuple(f.name for f in fields(FixedText) if f.name != "key")


@dataclass(frozen=True)
class Difference:
    change: str  # ADDED, REMOVED or CHANGED
    kind: str  # "model", "chapter", "section", "field" or "fixed_text"
    key: str
    title: str  # as in the newer version (the older one for a removed thing)
    chapter: str  # the heading of the chapter it is in
    attributes: tuple[str, ...] = ()  # what changed; CHANGED only ("chapter": it moved)


def compare_formats(old: SopFormat, new: SopFormat) -> list[Difference]:
    """Every difference from `old` to `new`, in the order of the newer model (removed things
    after, in the order of the older one)."""
    return [
        *_compare(_model(old), _model(new), "model", MODEL_ATTRIBUTES),
        *_compare(_chapters(old), _chapters(new), "chapter", CHAPTER_ATTRIBUTES),
        *_compare(_sections(old), _sections(new), "section", SECTION_ATTRIBUTES),
        *_compare(_items(old, Field), _items(new, Field), "field", FIELD_ATTRIBUTES),
        *_compare(
            _items(old, FixedText), _items(new, FixedText), "fixed_text", FIXED_TEXT_ATTRIBUTES
        ),
    ]


def _compare(old: dict, new: dict, kind: str, attributes: tuple[str, ...]) -> list[Difference]:
    # A section, field or fixed text moved to another chapter changed its attribute "chapter".
    moved = () if kind in {"model", "chapter"} else ("chapter",)
    before, after = _placed(old), _placed(new)
    return [
        Difference(
            d.change,
            kind,
            _key(d.key),
            d.title,
            (before if d.change == REMOVED else after)[d.key].chapter_heading,
            tuple(c.attribute for c in d.changes),
        )
        for d in compare_things(before, after, kind, attributes + moved, _placed_title)
    ]


class _Placed:
    """A thing with the key (`chapter`) and heading of the chapter it is in."""

    def __init__(self, thing, chapter: Chapter):
        self.thing, self.chapter, self.chapter_heading = thing, chapter.key, chapter.heading

    def __getattr__(self, name):
        return getattr(self.thing, name)


def _placed(things: dict) -> dict:
    return {key: _Placed(thing, chapter) for key, (thing, chapter) in things.items()}


def _placed_title(placed: _Placed) -> str:
    return _title(placed.thing)


def _model(fmt: SopFormat) -> dict:
    # The same key for both versions: a model is always compared with itself, also when its
    # id changed.
    return {"": (fmt, _NO_CHAPTER)}


_NO_CHAPTER = Chapter(key="", title="")


def _chapters(fmt: SopFormat) -> dict:
    return {chapter.key: (chapter, chapter) for chapter in fmt.chapters}


def _sections(fmt: SopFormat) -> dict:
    # A section's key need only be unique within its chapter.
    return {
        (chapter.key, section.key): (section, chapter)
        for chapter in fmt.chapters
        for section in chapter.sections
    }


def _items(fmt: SopFormat, kind: type) -> dict:
    return {
        item.key: (item, chapter)
        for chapter in fmt.chapters
        for section in chapter.sections
        for item in section.items
        if isinstance(item, kind)
    }


def _key(key) -> str:
    return "/".join(key) if isinstance(key, tuple) else key


def _title(thing) -> str:
    if isinstance(thing, SopFormat):
        return thing.name
    if isinstance(thing, Chapter):
        return thing.heading
    if isinstance(thing, Field):
        return thing.label
    return thing.title or thing.key

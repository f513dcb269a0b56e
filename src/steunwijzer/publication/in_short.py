""" "In het kort": the first thing a parent reads on a school's public page.

Four questions, answered from the published answers of the regional model in short plain
sentences: what my child can get here, what the school cannot offer, what happens then, and
who to contact. Pure Python: the model, the answers and the school type go in, plain data
comes out. A question whose fields the model lacks or the school left empty is left out. Each
question has a `key`; its title and the words that introduce its lists are in the page's
language, in the template (publication/_intro.html), while the answers stay as the school
wrote them.
"""

from dataclasses import dataclass, field

from steunwijzer.profiles.richtext import bullet_items, markup_to_plain
from steunwijzer.quality_check.text import sentences

# How many sentences of a long answer the summary takes: short, the chapter has the rest.
MAX_SENTENCES = 2
MAX_POINTS = 5


@dataclass
class Question:
    key: str  # can_get, cannot, then, contact
    lines: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    extra_items: list[str] = field(default_factory=list)
    link: str = ""  # a URL from the answers (the aanmeldprocedure)
    more_at: str = ""  # the chapter key where the full text is

    @property
    def is_empty(self) -> bool:
        return not (self.lines or self.items or self.extra_items or self.link)


def _first_sentences(value, long_text: bool, limit: int = MAX_SENTENCES) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    return sentences(markup_to_plain(value) if long_text else value)[:limit]


def _points(value, limit: int = MAX_POINTS) -> list[str]:
    """The first sentence of each list item of a long answer, as a short point."""
    if not isinstance(value, str):
        return []
    points = []
    for item in bullet_items(value):
        if item:
            first = (sentences(item) or [item])[0].strip().rstrip(";,")
            points.append(first[:1].upper() + first[1:])
    return points[:limit]


def _choice_labels(sop_format, key: str, answers: dict, school_type: str) -> list[str]:
    f = sop_format.field(key)
    value = answers.get(key)
    if f is None or not f.applies_to(school_type) or not isinstance(value, list):
        return []
    labels = {c.key: c.label for c in f.choices}
    return [labels.get(v, v) for v in value]


def _text(sop_format, key: str, answers: dict, school_type: str, limit=MAX_SENTENCES):
    f = sop_format.field(key)
    if f is None or not f.applies_to(school_type):
        return []
    return _first_sentences(answers.get(key), f.type == "long_text", limit)


def _chapter_of(sop_format, key: str) -> str:
    return sop_format.chapter_of(key).key if sop_format.field(key) else ""


def in_short(sop_format, answers: dict, school_type: str) -> list[Question]:
    def text(key, limit=MAX_SENTENCES):
        return _text(sop_format, key, answers, school_type, limit)

    can_get = Question(
        "can_get",
        items=_choice_labels(sop_format, "interventies_basis", answers, school_type),
        extra_items=_choice_labels(sop_format, "expertise_aanbod", answers, school_type),
        more_at=_chapter_of(sop_format, "expertise_aanbod"),
    )
    limits = sop_format.field("grenzen_niet_bieden")
    limit_points = _points(answers.get("grenzen_niet_bieden")) if limits else []
    cannot = Question(
        "cannot",
        lines=([] if limit_points else text("grenzen_niet_bieden"))
        + text("niet_in_basisondersteuning", 1),
        items=limit_points,
        more_at=_chapter_of(sop_format, "grenzen_niet_bieden"),
    )
    then = Question(
        "then",
        lines=text("grens_bereikt"),
        more_at=_chapter_of(sop_format, "grens_bereikt"),
    )
    contact_lines = [
        str(answers[key]).strip()
        for key in ("contactpersoon_ondersteuning", "contactpersoon_bereikbaarheid")
        if sop_format.field(key) and isinstance(answers.get(key), str) and answers[key].strip()
    ]
    link = answers.get("aanmeldprocedure_url") if sop_format.field("aanmeldprocedure_url") else ""
    contact = Question(
        "contact",
        lines=contact_lines + text("aanmelden_toelichting", 1),
        link=link if isinstance(link, str) else "",
        more_at=_chapter_of(sop_format, "aanmelden_toelichting"),
    )
    return [q for q in (can_get, cannot, then, contact) if not q.is_empty]

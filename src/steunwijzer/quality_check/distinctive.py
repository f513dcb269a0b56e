"""Distinctiveness of an SOP chapter: how much it resembles the model's example text and the
published chapters of the other schools in the partnership.

Pure Python, no Django: the caller hands in the texts (and `markup_to_plain` as `to_plain`).
Texts become sets of word 3-gram shingles, hashed to stable ints, compared with the Jaccard
index. `docs/quality-check.md` ("Distinctive") explains the method, the threshold and the
pruning that keeps a comparison against 300 schools fast.
"""

import math
import re
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

# Jaccard similarity at or above which a chapter counts as "nearly the same" as another.
# With 3-word shingles, every edited word changes up to three shingles on each side: a
# chapter of 150 words stays above 0.8 when a school only swaps in its name and changes about
# five words (0.81-0.83), and drops well below it once a school rewrites a sentence or two in its
# own words. Shared stock phrases ("handelingsgericht werken", "de intern begeleider") are
# far too short to reach it.
DEFAULT_THRESHOLD = 0.8
SHINGLE_SIZE = 3
TEXT_TYPES = ("long_text", "short_text")

_WORD_RE = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE_SIZE) -> frozenset[int]:
    """The word n-grams of `text` (lower-cased, punctuation dropped), hashed to ints.

    A text shorter than n words gives the hashes of its single words; an empty text, the
    empty set.
    """
    words = _WORD_RE.findall(text.lower().replace("_", " "))
    if len(words) < n:
        return frozenset(zlib.crc32(word.encode()) for word in words)
    # zlib.crc32 is the same in every process (Python's hash() of a str is salted); the chain
    # of maps keeps the loop in C, which makes shingling 300 schools noticeably faster.
    grams = zip(*(words[i:] for i in range(n)), strict=False)
    return frozenset(map(zlib.crc32, map(str.encode, map(" ".join, grams))))


def compact(text_shingles: Collection[int]) -> array:
    """The shingles as an array of 32-bit ints: a tenth of a frozenset's memory. The corpus of
    a partnership with 1,000 schools holds some 10,000 chapters; as frozensets they added about
    70 MB to every worker (docs/quality-check.md, "Cost")."""
    return array("I", sorted(text_shingles))


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard index |a & b| / |a | b|, from 0 to 1; two empty sets give 0."""
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


@dataclass(frozen=True)
class ChapterText:
    """One published chapter of another school, as shingles (a set, or `compact`)."""

    school_id: int
    school_name: str
    chapter_key: str
    shingles: Collection[int]


@dataclass(frozen=True)
class Similarity:
    """How one chapter compares with the example text and with the other schools."""

    example_similarity: float
    matches: int  # other schools whose chapter has similarity >= threshold
    best: float  # highest similarity with any other school (0 when there is none)
    threshold: float
    lowest_match: float = 0.0  # lowest similarity among the matches (0 when none)
    matched_schools: tuple[str, ...] = ()  # names of the matching schools, most similar first

    @property
    def is_copy(self) -> bool:
        return self.matches > 0

    @property
    def match_percent(self) -> int:
        """The lowest similarity among the matches in percent (rounded down), so it holds for
        each school counted; 0 when there is no match."""
        return math.floor(self.lowest_match * 100)


# Comparisons a corpus keeps (a few per chapter of every profile being edited).
KEPT_COMPARISONS = 4096


class Corpus:
    """The partnership's published chapters (other schools) and the model's example texts.

    Per chapter the sets are kept sorted by size. Since |a & b| <= min(|a|, |b|) and
    |a | b| >= max(|a|, |b|), Jaccard(a, b) <= min(|a|, |b|) / max(|a|, |b|): `compare` visits
    the candidates from the highest such bound down and stops once the bound can neither
    reach the threshold nor beat the best similarity found, which gives exactly the result
    of comparing with every school.
    """

    def __init__(
        self,
        texts: Iterable[ChapterText],
        examples: Mapping[str, frozenset[int]] | None = None,
        *,
        threshold: float = DEFAULT_THRESHOLD,
    ):
        if not 0 < threshold <= 1:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.examples = dict(examples or {})
        # The editor checks the same chapter text again and again (every autosave checks the
        # whole SOP, and most of it did not change): its comparison is kept, by its shingles.
        self._compared: dict[tuple, Similarity] = {}
        by_chapter: dict[str, list[ChapterText]] = {}
        for text in texts:
            if text.shingles:  # an empty chapter resembles nothing
                by_chapter.setdefault(text.chapter_key, []).append(text)
        self._texts: dict[str, list[ChapterText]] = {}
        self._sizes: dict[str, list[int]] = {}
        for key, found in by_chapter.items():
            found.sort(key=lambda t: len(t.shingles))
            self._texts[key] = found
            self._sizes[key] = [len(t.shingles) for t in found]

    def __len__(self) -> int:
        return sum(len(texts) for texts in self._texts.values())

    def compare(
        self,
        chapter_key: str,
        text_shingles: frozenset[int],
        *,
        exclude_school_id: int | None = None,
    ) -> Similarity:
        key = (chapter_key, text_shingles, exclude_school_id)
        found = self._compared.get(key)
        if found is None:
            if len(self._compared) >= KEPT_COMPARISONS:
                self._compared.clear()
            found = self._compared[key] = self._compare(
                chapter_key, text_shingles, exclude_school_id
            )
        return found

    def _compare(self, chapter_key, text_shingles, exclude_school_id) -> Similarity:
        threshold = self.threshold
        example = similarity(text_shingles, self.examples.get(chapter_key, frozenset()))
        texts = self._texts.get(chapter_key, [])
        size = len(text_shingles)
        if not size or not texts:
            return Similarity(example, 0, 0.0, threshold)
        sizes = self._sizes[chapter_key]
        found: list[tuple[float, str]] = []
        best = 0.0
        # Two fronts walking away from the query's size; each front's bound only decreases.
        left = bisect_left(sizes, size) - 1
        right = left + 1
        while left >= 0 or right < len(texts):
            left_bound = sizes[left] / size if left >= 0 else -1.0
            right_bound = size / sizes[right] if right < len(texts) else -1.0
            if left_bound >= right_bound:
                candidate, bound = texts[left], left_bound
                left -= 1
            else:
                candidate, bound = texts[right], right_bound
                right += 1
            if bound < threshold and bound <= best:
                break
            if candidate.school_id == exclude_school_id:
                continue
            common = len(text_shingles.intersection(candidate.shingles))
            score = common / (size + len(candidate.shingles) - common)
            best = max(best, score)
            if score >= threshold:
                found.append((score, candidate.school_name))
        found.sort(key=lambda match: -match[0])
        return Similarity(
            example_similarity=example,
            matches=len(found),
            best=best,
            threshold=threshold,
            lowest_match=found[-1][0] if found else 0.0,
            matched_schools=tuple(name for _, name in found),
        )

    def compare_all(
        self, chapters: Mapping[str, frozenset[int]], *, exclude_school_id: int | None = None
    ) -> dict[str, Similarity]:
        """`compare` for each chapter of one profile: {chapter_key: shingles}."""
        return {
            key: self.compare(key, value, exclude_school_id=exclude_school_id)
            for key, value in chapters.items()
        }


def chapter_text(
    sop_format,
    chapter,
    answers: Mapping,
    to_plain: Callable[[str], str],
) -> str:
    """The plain text of a chapter's long_text (markup, read by `to_plain`) and short_text
    answers, one per line.

    `chapter` is a `Chapter` or a chapter key of `sop_format`; other field types (choices,
    tables, numbers, dates, links) are not prose and are left out.
    """
    if isinstance(chapter, str):
        chapter = sop_format.chapter(chapter)
        if chapter is None:
            return ""
    parts = []
    for f in chapter.fields:
        value = answers.get(f.key)
        if f.type not in TEXT_TYPES or not isinstance(value, str) or not value.strip():
            continue
        parts.append(to_plain(value) if f.type == "long_text" else value.strip())
    return "\n".join(part for part in parts if part)


def example_text(chapter) -> str:
    """The model's example texts of the chapter's text fields, one per line.

    Only long_text and short_text fields, as in `chapter_text`, so like is compared with like.
    """
    return "\n".join(
        f.example.strip() for f in chapter.fields if f.type in TEXT_TYPES and f.example.strip()
    )

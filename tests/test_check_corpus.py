"""The SOP-check measured against Dutch sentences labelled by hand (tests/check_corpus/).

Per finding type: precision (of what the check flags, how much is right) and recall (of what
it should flag, how much it finds). docs/quality-check.md ("Measured") has the table.
"""

import csv
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from steunwijzer.quality_check.checks import jargon_for, very_long_sentences
from steunwijzer.quality_check.readability import analyse
from steunwijzer.quality_check.wording import DEFAULT_JARGON, jargon_in, vague_phrases_in
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format

CORPUS = Path(__file__).parent / "check_corpus" / "sentences.tsv"
MIN_PRECISION = 0.90
MIN_RECALL = 0.80
MIN_SENTENCES = 300


def rows() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as file:
        lines = (line for line in file if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def items(cell: str) -> set[str]:
    return {item.strip() for item in cell.split(";") if item.strip()}


# What the check reports for one text, as a set of items (a flag is the set {"ja"}).
def found_passive(text):
    return {"ja"} if analyse(text).passive_sentences else set()


def found_long_words(text):
    return set(analyse(text).long_words)


def found_jargon(text):
    return {term for term, _ in jargon_in(text, DEFAULT_JARGON)}


def found_vague(text):
    return {phrase for phrase, _ in vague_phrases_in(text)}


def found_long_sentence(text):
    return {"ja"} if very_long_sentences(analyse(text)) else set()


def flag(cell):
    return {"ja"} if cell == "1" else set()


TYPES = {
    "passive": (found_passive, flag),
    "long_words": (found_long_words, items),
    "jargon": (found_jargon, items),
    "vague": (found_vague, items),
    "long_sentence": (found_long_sentence, flag),
}


# Jargon as the check flags it in a Haaglanden SOP: each text as the answer to each of the
# model's text fields, without the terms that field's label or help names.
HAAGLANDEN, _ = parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"), "haaglanden")
TEXT_FIELDS = [
    f for c in HAAGLANDEN.chapters for f in c.fields if f.type in ("long_text", "short_text")
]


@dataclass
class Score:
    sentences: int = 0
    positives: int = 0  # labelled items
    true: int = 0
    false: int = 0  # flagged but not labelled
    missed: int = 0  # labelled but not flagged
    wrong: tuple = ()

    @property
    def precision(self) -> float:
        flagged = self.true + self.false
        return self.true / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        return self.true / self.positives if self.positives else 1.0


def _count(score: Score, wrong: list, text: str, want: set, got: set) -> None:
    score.sentences += 1
    score.positives += len(want)
    score.true += len(want & got)
    score.false += len(got - want)
    score.missed += len(want - got)
    if want != got:
        wrong.append((text, sorted(want - got), sorted(got - want)))


def measure(kind: str) -> Score:
    found, expected = TYPES[kind]
    score, wrong = Score(), []
    for row in rows():
        _count(score, wrong, row["text"], expected(row[kind]), found(row["text"]))
    score.wrong = tuple(wrong)
    return score


def measure_jargon_in_model(source: str | None = None) -> Score:
    """Per text and field (`sentences` counts the pairs); optionally of one source only.
    `jargon_in` looks for each term on its own, so a field's findings are the text's
    findings among the terms its list keeps."""
    score, wrong = Score(), []
    jargon = tuple(DEFAULT_JARGON.items())
    lists = Counter(frozenset(dict(jargon_for(field, jargon))) for field in TEXT_FIELDS)
    for row in rows():
        if source is None or row["source"] == source:
            found = found_jargon(row["text"])
            for terms, fields in lists.items():
                for _ in range(fields):
                    _count(score, wrong, row["text"], items(row["jargon"]), found & terms)
    score.wrong = tuple(wrong)
    return score


def test_the_corpus_is_large_enough_and_well_formed():
    corpus = rows()
    assert len(corpus) >= MIN_SENTENCES
    for row in corpus:
        assert row["passive"] in ("0", "1") and row["long_sentence"] in ("0", "1"), row
        assert row["source"] in ("demo", "written", "unseen"), row
        assert items(row["jargon"]) <= set(DEFAULT_JARGON), row
    # Enough cases of each kind to make a percentage mean something.
    for kind in TYPES:
        assert measure(kind).positives >= 40, kind


@pytest.mark.parametrize("kind", sorted(TYPES))
def test_precision_and_recall(kind):
    score = measure(kind)
    detail = "\n".join(
        f"{text} | missed {missed} | wrong {extra}" for text, missed, extra in score.wrong
    )
    assert score.sentences >= MIN_SENTENCES
    assert score.precision >= MIN_PRECISION, f"{kind}: precision {score.precision:.3f}\n{detail}"
    assert score.recall >= MIN_RECALL, f"{kind}: recall {score.recall:.3f}\n{detail}"


def test_jargon_in_a_haaglanden_sop():
    """The model's own use exempts a term only in the answer to the question that names it,
    so the finding still fires in Haaglanden's SOPs (it missed 9 in 10 when every term the
    model's texts used anywhere was exempt)."""
    score = measure_jargon_in_model()
    assert score.sentences == len(rows()) * len(TEXT_FIELDS)
    assert score.precision >= MIN_PRECISION, f"precision {score.precision:.3f}"
    assert score.recall >= MIN_RECALL, f"recall {score.recall:.3f}"

"""The SOP-check re-checks only what changed: an autosave changes one field, and the texts it
did not change are not analysed or compared again (docs/quality-check.md, "Cost")."""

import uuid

import pytest

from steunwijzer.quality_check import checks
from steunwijzer.quality_check.distinctive import ChapterText, Corpus, compact, shingles
from tests.route_helpers import complete_answers
from tests.test_sop_check import FORMAT, run

PASSIVE = "De ondersteuning wordt door de intern begeleider georganiseerd."


@pytest.fixture
def filled(profile):
    return complete_answers(profile)


def long_text_keys(answers):
    return [
        key
        for key in answers
        if FORMAT.field(key).type == "long_text" and FORMAT.field(key).applies_to("bao")
    ]


def unseen(answers):
    """The answers with a marker no earlier test used, so nothing of them is known yet."""
    marker = uuid.uuid4().hex
    return {
        key: f"{value}\n\nKenmerk {marker} {key}." if key in long_text_keys(answers) else value
        for key, value in answers.items()
    }


def counting(monkeypatch):
    calls = []
    original = checks.analyse
    monkeypatch.setattr(checks, "analyse", lambda text: calls.append(text) or original(text))
    return calls


def test_an_autosave_analyses_only_the_text_that_changed(filled, monkeypatch):
    answers = unseen(filled)
    calls = counting(monkeypatch)
    run(answers)
    assert len(calls) >= len(long_text_keys(answers)) > 1  # the first check reads every text
    calls.clear()
    changed = long_text_keys(answers)[0]
    run({**answers, changed: answers[changed] + f"\n\n{PASSIVE}"})
    # The field itself, and its section's text (the same one when the section has one field).
    assert 1 <= len(calls) <= 2
    assert all(PASSIVE in text for text in calls)


def test_a_kept_analysis_gives_the_findings_a_fresh_one_would(filled):
    answers = unseen(filled)
    key = long_text_keys(answers)[0]

    def passive_on_field(values):
        return [f for f in run(values).findings if f.code == "passive" and f.field_key == key]

    assert passive_on_field(answers) == []
    with_passive = {**answers, key: answers[key] + f"\n\n{PASSIVE}"}
    assert [f.excerpt for f in passive_on_field(with_passive)] == [PASSIVE]
    assert passive_on_field(answers) == []  # back again: the kept analysis of the old text
    assert [f.excerpt for f in passive_on_field(with_passive)] == [PASSIVE]


def test_a_corpus_compares_a_chapter_text_once(monkeypatch):
    text = shingles("Wij bieden elk kind in de groep een vaste plek en een vaste leerkracht.")
    corpus = Corpus([ChapterText(2, "School 2", "visie", compact(text))])
    compared = []
    original = Corpus._compare
    monkeypatch.setattr(
        Corpus, "_compare", lambda self, *args: compared.append(args) or original(self, *args)
    )
    first = corpus.compare("visie", text, exclude_school_id=1)
    assert corpus.compare("visie", text, exclude_school_id=1) is first
    assert first.matches == 1 and len(compared) == 1
    # Another school, or a corpus of a newer content version, compares anew.
    assert corpus.compare("visie", text, exclude_school_id=2).matches == 0
    assert Corpus([]).compare("visie", text, exclude_school_id=1).matches == 0
    assert len(compared) == 3

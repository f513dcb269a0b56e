"""The IJK rules as pure functions: scores, averages and the realism check."""

from statistics import fmean

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.instruments.ijk.catalogue import DEFAULT_CATALOGUE_PATH, parse_catalogue
from steunwijzer.instruments.ijk.rules import (
    DIFFERS,
    NOT_OBSERVED,
    ScoreError,
    ScoreInput,
    check_score,
    check_scores,
    group_averages,
    realism_check,
    standard_averages,
)

CATALOGUE, _ = parse_catalogue(DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8"))
CODES = list(CATALOGUE.indicators)
OBSERVABLE = [c for c in CODES if c in CATALOGUE.observable]
scores_strategy = st.dictionaries(st.sampled_from(CODES), st.integers(1, 4))


def paths(code, given_score):
    return [(p.path, p.message) for p in check_score(CATALOGUE, code, given_score)]


@pytest.mark.parametrize("score", [1, 4])
def test_an_explanation_is_required_at_the_lowest_and_highest_score(score):
    ((path, message),) = paths("OP1", ScoreInput(score, "  "))
    assert path == "scores.OP1.explanation"
    assert "verplicht" in message
    assert paths("OP1", ScoreInput(score, "Zie het inspectierapport.")) == []


@pytest.mark.parametrize("score", [2, 3])
def test_an_explanation_is_optional_in_between(score):
    assert paths("OP1", ScoreInput(score)) == []


@pytest.mark.parametrize("score", [0, 5, -1, None, True, "3", 2.5])
def test_scores_off_the_scale_are_refused(score):
    assert paths("OP1", ScoreInput(score)) == [
        ("scores.OP1.score", "kies een score van 1 tot en met 4")
    ]


def test_unknown_indicators_and_bad_evidence_links_are_refused():
    assert paths("OP5", ScoreInput(3))[0][0] == "scores.OP5"
    assert paths("OP1", ScoreInput(3, evidence_url="javascript:alert(1)"))[0][0] == (
        "scores.OP1.evidence_url"
    )
    assert paths("OP1", ScoreInput(3, evidence_url="https://school.example/rapport")) == []


def test_check_scores_reports_every_problem_at_once():
    with pytest.raises(ScoreError) as exc:
        check_scores(CATALOGUE, {"OP1": ScoreInput(9), "OP2": ScoreInput(1), "XX": ScoreInput(2)})
    assert [p.path for p in exc.value.problems] == [
        "scores.OP1.score",
        "scores.OP2.explanation",
        "scores.XX",
    ]


def test_averages_per_standard_and_group_by_hand():
    scores = {"IJK01": 4, "IJK02": 2, "IJK04": 3, "OP1": 1, "OP2": 2}
    standards = standard_averages(CATALOGUE, scores)
    assert standards["BO1"] == 3.0
    assert standards["OP1"] == 1.0
    assert standards["BO2"] is None
    groups = group_averages(CATALOGUE, scores)
    assert groups == {"basiskwaliteit": 1.5, "basisondersteuning": 3.0}


@given(scores_strategy)
def test_averages_stay_within_the_scale_and_cover_what_is_scored(scores):
    for averages in (standard_averages(CATALOGUE, scores), group_averages(CATALOGUE, scores)):
        for value in averages.values():
            assert value is None or 1 <= value <= 4
    groups = group_averages(CATALOGUE, scores)
    for group in CATALOGUE.groups:
        own = [scores[i.code] for s in group.standards for i in s.indicators if i.code in scores]
        assert groups[group.key] == (fmean(own) if own else None)


def test_realism_flags_a_difference_of_two_and_a_high_score_without_observation():
    rows = {
        r.code: r
        for r in realism_check(
            CATALOGUE, {"OP3": 4, "SK2": 3, "OP2": 3, "OP1": 2}, [{"OP3": 2, "SK2": 2}, {"SK2": 3}]
        )
    }
    assert rows["OP3"].flag == DIFFERS and rows["OP3"].observed == 2
    assert rows["SK2"].flag is None and rows["SK2"].observed == 2.5
    assert rows["OP2"].flag == NOT_OBSERVED
    assert rows["OP1"].flag is None  # a 2 is no claim that needs backing up
    assert rows["KA3"].flag is None and not rows["KA3"].observable


@given(scores_strategy, st.lists(st.dictionaries(st.sampled_from(OBSERVABLE), st.integers(1, 4))))
def test_realism_rules_hold_for_any_scores(self_scores, observations):
    rows = realism_check(CATALOGUE, self_scores, observations)
    assert [r.code for r in rows] == CODES
    for row in rows:
        seen = [o[row.code] for o in observations if row.code in o]
        assert row.observations == len(seen)
        differs = (
            bool(seen) and row.self_score is not None and abs(row.self_score - fmean(seen)) >= 2
        )
        assert (row.flag == DIFFERS) == differs
        unobserved = row.self_score in (3, 4) and not seen and row.observable
        assert (row.flag == NOT_OBSERVED) == unobserved

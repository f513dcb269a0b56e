"""Filling an IJK self-evaluation in tests."""

from steunwijzer.instruments.ijk.rules import ScoreInput
from steunwijzer.instruments.ijk.services import catalogue_for, scores_save

YEAR = "2026-2027"
LAST_YEAR = "2025-2026"


def fill(school, user, score=3, year=YEAR, **overrides):
    """Score every indicator `score` (overrides: code → score); explanations where needed."""
    catalogue = catalogue_for(school.board.partnership).catalogue
    scores = {
        code: ScoreInput(s := overrides.get(code, score), "Zo zien we het." if s in (1, 4) else "")
        for code in catalogue.indicators
    }
    return scores_save(school=school, school_year=year, user=user, scores=scores)

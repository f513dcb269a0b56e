"""The rules of the IJK self-evaluation and the Kijkwijzer, as pure functions (no Django).

- `check_scores` refuses what the team or an API client sends, naming each path
  (`scores.OP1.score`): unknown indicators, scores off the scale, a missing explanation at
  the lowest or highest score, an evidence link that is not a web address.
- `average`, `standard_averages` and `group_averages` give the figures of the result page.
- `realism_check` sets self-scores against observed scores (docs/instruments-ijk.md).

The problems are said in the language of the request (`steunwijzer.instruments.wording`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean
from urllib.parse import urlsplit

from steunwijzer.core.problems import Problem, ProblemsError
from steunwijzer.instruments.wording import _

from .catalogue import Catalogue

# Flags of the realism check.
DIFFERS = "differs"
NOT_OBSERVED = "not_observed"
# A self-score and the observed score this far apart (or further) are flagged.
DIFFERENCE_THRESHOLD = 2
MAX_EXPLANATION = 2000
MAX_URL = 500


class ScoreError(ProblemsError):
    """Scores that cannot be saved; nothing of them was written."""


@dataclass(frozen=True)
class ScoreInput:
    score: int
    explanation: str = ""
    evidence_url: str = ""
    has_evidence_file: bool = False


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_score(catalogue: Catalogue, code: str, given: ScoreInput, prefix="scores") -> list:
    """The problems with one indicator's score, each with its path (`scores.OP1.score`)."""
    path = f"{prefix}.{code}"
    if code not in catalogue.indicators:
        return [
            Problem(
                path,
                str(
                    _(
                        "unknown indicator '%(code)s' in %(catalogue)s",
                        code=code,
                        catalogue=catalogue.name,
                    )
                ),
            )
        ]
    problems = []
    low, high = catalogue.min_score, catalogue.max_score
    if not _is_int(given.score) or not low <= given.score <= high:
        problems.append(
            Problem(
                f"{path}.score",
                str(
                    _(
                        "choose a score from %(low)s up to and including %(high)s",
                        low=low,
                        high=high,
                    )
                ),
            )
        )
    elif catalogue.is_extreme(given.score) and not given.explanation.strip():
        problems.append(
            Problem(
                f"{path}.explanation",
                str(
                    _(
                        "explain the score '%(label)s': at the lowest and the highest score an "
                        "explanation is required",
                        label=catalogue.label(given.score),
                    )
                ),
            )
        )
    if len(given.explanation) > MAX_EXPLANATION:
        problems.append(
            Problem(
                f"{path}.explanation",
                str(
                    _(
                        "the explanation is longer than %(max)s characters",
                        max=MAX_EXPLANATION,
                    )
                ),
            )
        )
    if given.evidence_url and not is_web_address(given.evidence_url):
        problems.append(
            Problem(
                f"{path}.evidence_url",
                str(
                    _(
                        "the link to the evidence must be a web address that starts with "
                        "https:// or http://"
                    )
                ),
            )
        )
    return problems


def is_web_address(value: str) -> bool:
    if len(value) > MAX_URL or any(c.isspace() for c in value):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def check_scores(catalogue: Catalogue, scores: Mapping[str, ScoreInput]) -> None:
    """Raise `ScoreError` with every problem in `scores`, so none of them is saved."""
    problems = [p for code, given in scores.items() for p in check_score(catalogue, code, given)]
    if problems:
        raise ScoreError(problems)


def average(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return fmean(present) if present else None


def standard_averages(catalogue: Catalogue, scores: Mapping[str, int]) -> dict[str, float | None]:
    """Standard code → mean score of its scored indicators (None when none is scored)."""
    return {s.code: average(scores.get(i.code) for i in s.indicators) for s in catalogue.standards}


def group_averages(catalogue: Catalogue, scores: Mapping[str, int]) -> dict[str, float | None]:
    """Group key → mean over all scored indicators of the group (each indicator counts once)."""
    return {
        g.key: average(scores.get(i.code) for s in g.standards for i in s.indicators)
        for g in catalogue.groups
    }


@dataclass(frozen=True)
class RealismRow:
    code: str
    self_score: int | None
    observed: float | None  # mean of the observations that scored it
    observations: int
    observable: bool  # a Kijkwijzer item looks at it
    flag: str | None  # DIFFERS, NOT_OBSERVED or None


def realism_check(
    catalogue: Catalogue,
    self_scores: Mapping[str, int],
    observed_scores: Iterable[Mapping[str, int]],
) -> list[RealismRow]:
    """One row per indicator of the catalogue, in catalogue order.

    Flagged DIFFERS when self-score and the mean observed score lie DIFFERENCE_THRESHOLD or
    more apart; NOT_OBSERVED when the self-score is one of the top two scale points, a
    Kijkwijzer item looks at the indicator, and no observation scored it.
    """
    observed: dict[str, list[int]] = {}
    for scores in observed_scores:
        for code, score in scores.items():
            observed.setdefault(code, []).append(score)
    rows = []
    for code in catalogue.indicators:
        own = self_scores.get(code)
        seen = observed.get(code, [])
        mean = fmean(seen) if seen else None
        observable = code in catalogue.observable
        flag = None
        if own is not None and mean is not None and abs(own - mean) >= DIFFERENCE_THRESHOLD:
            flag = DIFFERS
        elif own in catalogue.high_scores and not seen and observable:
            flag = NOT_OBSERVED
        rows.append(RealismRow(code, own, mean, len(seen), observable, flag))
    return rows

"""The result of a school's IJK for a year: averages, charts, the realism check and the short
summary that feeds chapter 2 (basisondersteuning) of the SOP."""

from dataclasses import dataclass, field
from functools import reduce

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from steunwijzer.core.charts import Chart, Series
from steunwijzer.core.numbers import dutch_number
from steunwijzer.core.school_year import previous_school_year
from steunwijzer.organisations.models import School

from .catalogue import Catalogue
from .models import Observation, SelfEvaluation
from .rules import (
    DIFFERS,
    NOT_OBSERVED,
    RealismRow,
    group_averages,
    realism_check,
    standard_averages,
)


@dataclass
class IjkResult:
    school: School
    school_year: str
    evaluation: SelfEvaluation | None
    catalogue: Catalogue | None
    scores: dict[str, int] = field(default_factory=dict)
    previous: dict[str, int] = field(default_factory=dict)
    observations: list[Observation] = field(default_factory=list)

    @property
    def previous_year(self) -> str:
        return previous_school_year(self.school_year)

    @property
    def high_scores_text(self) -> str:
        """The scores that count as high, as the realism check names them: "3 or 4"."""
        return alternatives([str(score) for score in self.catalogue.high_scores])

    @property
    def scored(self) -> int:
        return len(self.scores)

    @property
    def total(self) -> int:
        return len(self.catalogue.indicators) if self.catalogue else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.scored == self.total

    def standard_rows(self) -> list[dict]:
        now = standard_averages(self.catalogue, self.scores)
        before = standard_averages(self.catalogue, self.previous)
        return [
            {"standard": s, "now": now[s.code], "before": before[s.code]}
            for s in self.catalogue.standards
        ]

    def group_rows(self) -> list[dict]:
        now = group_averages(self.catalogue, self.scores)
        before = group_averages(self.catalogue, self.previous)
        return [
            {"group": g, "now": now[g.key], "before": before[g.key]} for g in self.catalogue.groups
        ]

    def _series(self, rows, key_now="now", key_before="before") -> tuple[Series, ...]:
        series = [Series(self.school_year, tuple(r[key_now] for r in rows))]
        if self.previous:
            series.append(Series(self.previous_year, tuple(r[key_before] for r in rows)))
        return tuple(series)

    def standard_chart(self) -> Chart:
        rows = self.standard_rows()
        return Chart(
            title=_("IJK %(school)s: average score per standard") % {"school": self.school.name},
            categories=tuple(_label(f"{r['standard'].code} {r['standard'].title}") for r in rows),
            series=self._series(rows),
            category_label=pgettext("IJK chart axis", "Standard"),
            max_value=self.catalogue.max_score,
        )

    def group_chart(self) -> Chart:
        rows = self.group_rows()
        return Chart(
            title=_("IJK %(school)s: average score per group") % {"school": self.school.name},
            categories=tuple(_label(r["group"].title) for r in rows),
            series=self._series(rows),
            category_label=pgettext("IJK chart axis", "Group"),
            max_value=self.catalogue.max_score,
        )

    def realism(self) -> list[RealismRow]:
        return realism_check(self.catalogue, self.scores, [o.scores for o in self.observations])

    def flags(self) -> list[dict]:
        """The flagged rows, with what the page needs to say about them."""
        indicators = self.catalogue.indicators
        return [
            {
                "row": row,
                "indicator": indicators[row.code],
                "differs": row.flag == DIFFERS,
                "not_observed": row.flag == NOT_OBSERVED,
            }
            for row in self.realism()
            if row.flag
        ]

    def summary(self) -> str:
        """A few plain sentences for chapter 2 of the SOP (empty when nothing is scored)."""
        if not self.scores:
            return ""
        c = self.catalogue
        groups = group_averages(c, self.scores)
        parts = [
            _(
                "In school year %(school_year)s the team assessed the basic support with the IJK "
                "instrument (%(scored)s of %(total)s indicators, scale %(low)s to %(high)s)."
            )
            % {
                "school_year": self.school_year,
                "scored": self.scored,
                "total": self.total,
                "low": c.min_score,
                "high": c.max_score,
            }
        ]
        averages = [
            _("%(group)s on average %(score)s")
            % {"group": g.title.lower(), "score": dutch_number(groups[g.key], places=1)}
            for g in c.groups
            if groups[g.key] is not None
        ]
        if averages:
            parts.append(_("Result: %(averages)s.") % {"averages": "; ".join(averages)})
        strong = [s.title for s, v in self._standards_where(lambda v: v >= c.max_score - 0.5)]
        weak = [s.title for s, v in self._standards_where(lambda v: v < c.min_score + 1.5)]
        if strong:
            parts.append(_("Strong: %(standards)s.") % {"standards": _listing(strong)})
        if weak:
            parts.append(
                _("What we are working on: %(standards)s.") % {"standards": _listing(weak)}
            )
        return " ".join(parts)

    def _standards_where(self, test):
        averages = standard_averages(self.catalogue, self.scores)
        return [
            (s, averages[s.code])
            for s in self.catalogue.standards
            if averages[s.code] is not None and test(averages[s.code])
        ]


def _label(text: str, limit: int = 24) -> str:
    """Short enough for the chart's label column (the table beside it repeats the label)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _listing(items: list[str]) -> str:
    items = [item[0].lower() + item[1:] if item[1:2].islower() else item for item in items]
    if len(items) == 1:
        return items[0]
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def alternatives(items: list[str]) -> str:
    """'3 or 4', '1 or 2 or 3': the choices a sentence names, joined as the language does."""
    return reduce(
        lambda first, second: (
            pgettext("alternatives", "%(first)s or %(second)s") % {"first": first, "second": second}
        ),
        items,
    )


def ijk_result(school: School, school_year: str) -> IjkResult:
    """Everything the result page, the route and the editor show; a handful of queries."""
    evaluations = {
        e.school_year: e
        for e in SelfEvaluation.objects.select_related("catalogue").filter(
            school=school, school_year__in=[school_year, previous_school_year(school_year)]
        )
    }
    evaluation = evaluations.get(school_year)
    previous = evaluations.get(previous_school_year(school_year))
    if evaluation is None:
        return IjkResult(school, school_year, None, None)
    return IjkResult(
        school=school,
        school_year=school_year,
        evaluation=evaluation,
        catalogue=evaluation.catalogue.catalogue,
        scores=evaluation.score_map(),
        # Last year's scores compare per code; a renamed code simply has no earlier figure.
        previous=previous.score_map() if previous else {},
        observations=list(
            Observation.objects.filter(school=school, school_year=school_year).order_by(
                "-observed_on"
            )
        ),
    )

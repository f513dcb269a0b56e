"""The school's own figures of a school year as an instrument counted them (the Invulschema):
asked by the SOP-check, which may not import the instruments (they sit beside it), and answered
by the instrument that registers itself here in its `AppConfig.ready`.

`counted_figures_changed(school=…, school_year=…)`: the instrument stored other figures for the
school and year, inside the transaction that stored them; the SOP-check stores that year's
summary again. `school_year=None`: the school's pupil count changed too, which every year's SOP
is held against, so the summaries of all the school's years are stored again.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.dispatch import Signal

counted_figures_changed = Signal()


@dataclass(frozen=True)
class CountedFigures:
    """How many groups have pupils, and how many pupils in all."""

    groups: int
    pupils: int


_providers: list[Callable[[object, str], CountedFigures | None]] = []


def register_counted_figures(provider: Callable[[object, str], CountedFigures | None]) -> None:
    """`provider(school, school_year)` gives the counted figures, or None when it has none."""
    if provider not in _providers:
        _providers.append(provider)


def counted_figures(school, school_year: str) -> CountedFigures | None:
    """The first registered provider's figures for the school and year, or None."""
    for provider in _providers:
        figures = provider(school, school_year)
        if figures is not None:
            return figures
    return None

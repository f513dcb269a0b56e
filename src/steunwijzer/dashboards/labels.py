"""The allocation's units and bases as people read them, marked for translation.

`allocation` is pure (no Django) and keeps the keys and the arithmetic; the pages, the model's
choices and the exports take their words from here."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from steunwijzer.organisations.models import School

from .allocation import SCHOOL_TYPES

# unit key → label in a choice list (the keys of `allocation.UNITS`).
UNIT_LABELS = {
    "euro": pgettext_lazy("unit choice", "euro"),
    "fte": _("fte (full-time equivalents)"),
    "uren": pgettext_lazy("unit choice", "hours"),
}
# unit key → the unit as it is written after a number: "125.000 euro", "3,50 fte", "8 uur".
UNIT_NAMES = {
    "euro": pgettext_lazy("unit after a number", "euro"),
    "fte": pgettext_lazy("unit after a number", "fte"),
    "uren": pgettext_lazy("unit after a number", "hours"),
}
# basis key → label (the keys of `allocation.BASES`).
BASES = {
    "punten": _("index points (weight of support needs)"),
    "leerlingen": _("number of pupils"),
}
# basis key → what one unit of its weight is called, in "per indexpunt: …" of the calculation.
WEIGHT_NAMES = {
    "punten": pgettext_lazy("unit of weight", "index point"),
    "leerlingen": pgettext_lazy("unit of weight", "pupil"),
}
# the allocation form's field → the school type whose factor it holds.
FACTOR_FIELDS = {f"factor_{t}": School.Type(t).label for t in SCHOOL_TYPES}

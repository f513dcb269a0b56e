"""The Verscheidenheidsindex scheme's pages for partnership staff (regional_model's
`version_pages`): what the scheme is, how it is read and stored, its preview and the words of
its comparison."""

from functools import partial

from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.core.numbers import dutch_number
from steunwijzer.regional_model.version_pages import KeptDefinition

from .models import Invulschema, SchemeVersion
from .scheme import DEFAULT_SCHEME_PATH, SCHOOL_TYPES, Scheme
from .scheme_compare import compare_schemes
from .services import scheme_for, scheme_import, scheme_read

MEASURE_LABELS = {
    "index": gettext_lazy("the index (points per pupil)"),
    "pupils": gettext_lazy("number of pupils in the categories"),
}


def _used_by(partnership) -> dict[int, int]:
    counts = (
        Invulschema.objects.filter(scheme_version__partnership=partnership)
        .values("scheme_version")
        .annotate(n=Count("pk"))
    )
    return {row["scheme_version"]: row["n"] for row in counts}


def levels_text(levels) -> str:
    return "; ".join(
        _("from %(size)s pupils: above %(limit)s")
        % {"size": level.from_size, "limit": dutch_number(level.above)}
        for level in levels
    )


def _school_types(types) -> str:
    return ", ".join(t.upper() for t in types)


def value_text(attribute: str, value) -> str:
    if attribute == "points":
        return dutch_number(value)
    if attribute == "levels":
        return levels_text(value)
    if attribute == "measure":
        return str(MEASURE_LABELS[value])
    if attribute in {"school_types", "named_groups_for"}:
        return _school_types(value)
    if isinstance(value, tuple):
        return ", ".join(value)
    return value


def preview(scheme: Scheme) -> dict:
    """The scheme as its preview shows it: numbers in Dutch, signals per school type."""
    signals = [
        {
            "signal": signal,
            "measure": MEASURE_LABELS[signal.measure],
            "categories": ", ".join(
                scheme.category(key).label if scheme.category(key) else key
                for key in signal.categories
            ),
            "levels": levels_text(signal.levels),
        }
        for signal in scheme.signals
    ]
    return {
        "scheme": scheme,
        "categories": [(c, dutch_number(c.points)) for c in scheme.categories],
        "school_types": [
            {
                "name": school_type.upper(),
                "signals": [s for s in signals if school_type in s["signal"].school_types],
                "named_groups": scheme.allows_named_groups(school_type),
            }
            for school_type in SCHOOL_TYPES
        ],
    }


SCHEME = KeptDefinition(
    name="diversity_scheme",
    file_kind="diversity",
    model=SchemeVersion,
    id_field="scheme_id",
    title=gettext_lazy("Verscheidenheidsindex scheme"),
    intro=gettext_lazy(
        "The scheme sets the categories of support and their points (the weights of the index), "
        "the domains, the groups and the signals with their limits per school type. A new "
        "version applies to Invulschemas saved after it; those saved before keep the version "
        "they were made with."
    ),
    used_by_label=gettext_lazy("Invulschemas"),
    default_path=DEFAULT_SCHEME_PATH,
    read=partial(scheme_read, bounded=True),
    store=partial(scheme_import, bounded=True),
    current=scheme_for,
    of_version=lambda version: version.scheme,
    used_by=_used_by,
    compare=compare_schemes,
    kind_labels={
        "scheme": gettext_lazy("Scheme"),
        "category": gettext_lazy("Category"),
        "domain": gettext_lazy("Domain"),
        "signal": gettext_lazy("Signal"),
    },
    attribute_labels={
        "name": gettext_lazy("name"),
        "groups": gettext_lazy("groups"),
        "named_groups_for": gettext_lazy("own group names for"),
        "label": gettext_lazy("name"),
        "short": gettext_lazy("short name"),
        "points": gettext_lazy("points per pupil"),
        "explanation": gettext_lazy("explanation"),
        "aliases": gettext_lazy("other names in a pupil export"),
        "measure": gettext_lazy("measures"),
        "categories": gettext_lazy("categories"),
        "levels": gettext_lazy("limits"),
        "school_types": gettext_lazy("school types"),
    },
    value_text=value_text,
    preview_template="diversity/_scheme_preview.html",
    preview=preview,
)

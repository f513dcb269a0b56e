"""The IJK catalogue's pages for partnership staff (regional_model's `version_pages`): what the
catalogue is, how it is read and stored, its preview and the words of its comparison."""

from functools import partial

from django.db.models import Count
from django.utils.translation import gettext_lazy

from steunwijzer.regional_model.version_pages import KeptDefinition

from .catalogue import DEFAULT_CATALOGUE_PATH, Catalogue
from .catalogue_compare import compare_catalogues
from .models import CatalogueVersion, SelfEvaluation
from .services import catalogue_for, catalogue_import, catalogue_read


def _used_by(partnership) -> dict[int, int]:
    counts = (
        SelfEvaluation.objects.filter(catalogue__partnership=partnership)
        .values("catalogue")
        .annotate(n=Count("pk"))
    )
    return {row["catalogue"]: row["n"] for row in counts}


def value_text(attribute: str, value) -> str:
    if attribute == "scale":
        return ", ".join(f"{point.score} {point.label}" for point in value)
    if isinstance(value, tuple):
        return ", ".join(value)
    return value


def preview(catalogue: Catalogue) -> dict:
    return {"catalogue": catalogue}


CATALOGUE = KeptDefinition(
    name="ijk_catalogue",
    file_kind="ijk",
    model=CatalogueVersion,
    id_field="catalogue_id",
    title=gettext_lazy("IJK catalogue"),
    intro=gettext_lazy(
        "The catalogue sets the standards and indicators a school scores in its IJK "
        "self-evaluation, the scale and the Kijkwijzer items. A new version applies to "
        "self-evaluations started after it; those started before keep the version they were "
        "made with."
    ),
    used_by_label=gettext_lazy("Self-evaluations"),
    default_path=DEFAULT_CATALOGUE_PATH,
    read=partial(catalogue_read, bounded=True),
    store=partial(catalogue_import, bounded=True),
    current=lambda partnership: catalogue_for(partnership).catalogue,
    of_version=lambda version: version.catalogue,
    used_by=_used_by,
    compare=compare_catalogues,
    kind_labels={
        "catalogue": gettext_lazy("Catalogue"),
        "group": gettext_lazy("Group of standards"),
        "standard": gettext_lazy("Standard"),
        "indicator": gettext_lazy("Indicator"),
        "kijkwijzer_item": gettext_lazy("Kijkwijzer item"),
    },
    attribute_labels={
        "name": gettext_lazy("name"),
        "description": gettext_lazy("description"),
        "scale": gettext_lazy("scale"),
        "title": gettext_lazy("title"),
        "source": gettext_lazy("source"),
        "group": gettext_lazy("group"),
        "text": gettext_lazy("text"),
        "standard": gettext_lazy("standard"),
        "indicators": gettext_lazy("indicators"),
    },
    value_text=value_text,
    preview_template="ijk/_catalogue_preview.html",
    preview=preview,
)

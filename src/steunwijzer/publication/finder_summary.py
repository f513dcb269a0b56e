"""What the parent chose, said back above the results: each choice with a link that drops
it, so a phone user changes the search without scrolling through every filter."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from steunwijzer.core.geo import normalise_postcode
from steunwijzer.core.numbers import dutch_number


@dataclass(frozen=True)
class Chosen:
    label: str
    without: str  # the query string of the same search without this choice
    # The place and distance sit above the folded filters: the fold counts the others only.
    place: bool = False


def _without(params, name: str, value: str | None = None) -> str:
    rest = params.copy()
    rest.pop("pagina", None)
    if value is None:
        for dropped in [name] if name != "postcode" else ["postcode", "lat", "lon", "afstand"]:
            rest.pop(dropped, None)
    else:
        rest.setlist(name, [v for v in rest.getlist(name) if v != value])
    return rest.urlencode()


def chosen_filters(query, labels: dict[str, str], params) -> list[Chosen]:
    chosen = []
    if query.point is not None:
        if query.postcode and not query.place_problem:
            text = _("within %(km)s km of %(postcode)s")
        else:
            text = _("within %(km)s km of your location")
        postcode = normalise_postcode(query.postcode) or query.postcode
        label = text % {"km": query.within_km, "postcode": postcode}
        chosen.append(Chosen(label, _without(params, "postcode"), place=True))
    for name, value in (
        ("q", query.text),
        ("gemeente", query.municipality),
        ("wijk", query.district),
        ("denominatie", query.denomination),
    ):
        if value:
            chosen.append(Chosen(value, _without(params, name)))
    chosen += [Chosen(labels[key], _without(params, "aanbod", key)) for key in query.offers]
    return chosen


def kilometres(value: float) -> str:
    """ "1,2" (Dutch decimals, one place) for a distance in km."""
    return dutch_number(value, places=1)

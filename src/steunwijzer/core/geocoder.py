"""Postcodes become coordinates through a configurable geocoder (`GEOCODER_URL`, by default
PDOK's Locatieserver), with a timeout and a cache keyed on the normalised postcode.

The answer is read as the Locatieserver gives it: `response.docs[0].centroide_ll`, a
"POINT(lon lat)". An empty `GEOCODER_URL` switches geocoding off (the test settings do so;
tests that need it start a local stand-in). Plain `urllib`: one GET with a timeout needs no
HTTP library.
"""

import hashlib
import json
import logging
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext as _

from .geo import normalise_postcode, parse_wkt_point

log = logging.getLogger(__name__)

FOUND_FOR = 30 * 24 * 3600  # postcodes hardly move
UNKNOWN_FOR = 24 * 3600  # a new street's postcode may be known tomorrow
UNKNOWN = "unknown"


class GeocodeError(Exception):
    """Why a postcode gave no place: `invalid`, `unknown` or `unreachable`; `message` says it
    to a parent in their language."""

    def __init__(self, reason: str, postcode: str = ""):
        super().__init__(reason)
        self.reason = reason
        self.postcode = postcode

    @property
    def message(self) -> str:
        if self.reason == "invalid":
            return _("Enter a Dutch postcode: four digits and two letters, such as 2543 RB.")
        if self.reason == "unknown":
            return _(
                "We cannot find postcode %(postcode)s. Check it, or search by municipality."
            ) % {"postcode": self.postcode}
        return _(
            "Searching by postcode does not work at the moment: the map service cannot be "
            "reached. Try again later, or search by municipality."
        )


def _cache_key(postcode: str) -> str:
    """The normalised postcode, under the geocoder that answered: another geocoder (a new
    setting) asks afresh."""
    source = hashlib.sha256(settings.GEOCODER_URL.encode()).hexdigest()[:12]
    return f"geocode:{source}:{postcode.replace(' ', '')}"


def geocode_postcode(text: str) -> tuple[float, float]:
    """(latitude, longitude) of the middle of a Dutch postcode, or GeocodeError."""
    postcode = normalise_postcode(text)
    if postcode is None:
        raise GeocodeError("invalid")
    key = _cache_key(postcode)
    kept = cache.get(key)
    if kept == UNKNOWN:
        raise GeocodeError("unknown", postcode)
    if kept is not None:
        return tuple(kept)
    point = _ask(postcode)
    cache.set(
        key, UNKNOWN if point is None else list(point), UNKNOWN_FOR if point is None else FOUND_FOR
    )
    if point is None:
        raise GeocodeError("unknown", postcode)
    return point


def _ask(postcode: str) -> tuple[float, float] | None:
    """The geocoder's answer: a point, or None for a postcode it does not know. A service that
    cannot be reached or answers nonsense is `unreachable`, and nothing is kept."""
    base = settings.GEOCODER_URL
    if not base:
        raise GeocodeError("unreachable", postcode)
    compact = postcode.replace(" ", "")
    query = urllib.parse.urlencode(
        {"q": compact, "fq": "type:postcode", "rows": 1, "fl": "postcode centroide_ll"}
    )
    url = f"{base}{'&' if '?' in base else '?'}{query}"
    try:
        with urllib.request.urlopen(url, timeout=settings.GEOCODER_TIMEOUT) as answer:
            data = json.load(answer)
        docs = data["response"]["docs"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        # OSError covers refused connections, timeouts and HTTP errors (urllib.error).
        log.warning("geocoder %s failed for %s: %s", base, compact, error)
        raise GeocodeError("unreachable", postcode) from error
    for doc in docs if isinstance(docs, list) else ():
        if isinstance(doc, dict) and str(doc.get("postcode", "")).upper() == compact:
            return parse_wkt_point(str(doc.get("centroide_ll", "")))
    return None

"""Places on the earth: Dutch postcodes, distances and the box around a point. Pure Python,
no Django: the finder and the geocoder use it, and it is tested on its own."""

import math
import re

EARTH_RADIUS_KM = 6371.0088  # the mean radius (IUGG)
KM_PER_DEGREE_LATITUDE = math.pi * EARTH_RADIUS_KM / 180

_POSTCODE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")
# The letter pairs PostNL never hands out.
_NOT_GIVEN = {"SA", "SD", "SS"}
_POINT = re.compile(r"^\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*$")


def normalise_postcode(text: str) -> str | None:
    """'2543rb', ' 2543 RB ' → '2543 RB'; None when it is not a Dutch postcode."""
    match = _POSTCODE.match(text or "")
    if not match or match.group(2).upper() in _NOT_GIVEN:
        return None
    return f"{match.group(1)} {match.group(2).upper()}"


def parse_wkt_point(text: str) -> tuple[float, float] | None:
    """'POINT(lon lat)' (well-known text, as PDOK gives it) → (latitude, longitude)."""
    match = _POINT.match(text or "")
    if not match:
        return None
    lon, lat = float(match.group(1)), float(match.group(2))
    return (lat, lon) if is_valid_point(lat, lon) else None


def is_valid_point(lat: float, lon: float) -> bool:
    return -90 <= lat <= 90 and -180 <= lon <= 180


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance (haversine): a few metres off at most over the Netherlands,
    where a parent cares about hundreds of metres. Hand-written: ten lines, no library needed."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(south, north, west, east) of a box that holds every point within `km` of (lat, lon):
    a cheap range on two indexed columns before the exact distance is computed."""
    dlat = km / KM_PER_DEGREE_LATITUDE
    # Longitude degrees shrink towards the poles; the box's edge nearest a pole is the widest.
    widest = min(89.9, abs(lat) + dlat)
    dlon = km / (KM_PER_DEGREE_LATITUDE * math.cos(math.radians(widest)))
    return lat - dlat, lat + dlat, lon - min(dlon, 180.0), lon + min(dlon, 180.0)

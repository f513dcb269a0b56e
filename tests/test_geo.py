"""Distances, boxes and Dutch postcodes (core.geo, pure)."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.core.geo import (
    bounding_box,
    distance_km,
    normalise_postcode,
    parse_wkt_point,
)

# The Netherlands and well around it: where schools and parents are.
lats = st.floats(min_value=45.0, max_value=60.0)
lons = st.floats(min_value=-5.0, max_value=15.0)
kms = st.floats(min_value=0.1, max_value=50.0)


def test_known_distance_den_haag_centraal_to_amsterdam_centraal():
    # About 52 km as the crow flies.
    assert distance_km(52.0809, 4.3246, 52.3791, 4.9003) == pytest.approx(52.0, abs=1.0)
    assert distance_km(52.0, 4.3, 52.0, 4.3) == 0


@given(lats, lons, lats, lons)
def test_distance_is_symmetric_and_never_negative(lat1, lon1, lat2, lon2):
    there = distance_km(lat1, lon1, lat2, lon2)
    assert there >= 0
    assert there == pytest.approx(distance_km(lat2, lon2, lat1, lon1), abs=1e-9)


@given(lats, lons, lats, lons, lats, lons)
def test_distance_keeps_the_triangle_inequality(a1, o1, a2, o2, a3, o3):
    direct = distance_km(a1, o1, a3, o3)
    assert direct <= distance_km(a1, o1, a2, o2) + distance_km(a2, o2, a3, o3) + 1e-6


@given(lats, lons, st.floats(min_value=0.0, max_value=1.0))
def test_one_degree_of_latitude_is_about_111_km(lat, lon, fraction):
    assert distance_km(lat, lon, lat + fraction, lon) == pytest.approx(111.195 * fraction, rel=1e-3)


@given(lats, lons, kms, st.floats(min_value=0, max_value=2 * math.pi), st.floats(0, 1))
def test_the_box_holds_every_point_within_the_distance(lat, lon, km, bearing, part):
    """What the finder's prefilter relies on: no school within reach falls outside the box."""
    # A point at `part` of the distance in direction `bearing` (destination formula).
    d = km * part / 6371.0088
    phi, lam = math.radians(lat), math.radians(lon)
    phi2 = math.asin(math.sin(phi) * math.cos(d) + math.cos(phi) * math.sin(d) * math.cos(bearing))
    lam2 = lam + math.atan2(
        math.sin(bearing) * math.sin(d) * math.cos(phi),
        math.cos(d) - math.sin(phi) * math.sin(phi2),
    )
    lat2, lon2 = math.degrees(phi2), math.degrees(lam2)
    assert distance_km(lat, lon, lat2, lon2) <= km + 1e-6
    south, north, west, east = bounding_box(lat, lon, km)
    assert south - 1e-9 <= lat2 <= north + 1e-9
    assert west - 1e-9 <= lon2 <= east + 1e-9


@pytest.mark.parametrize(
    "text, postcode",
    [
        ("2543 RB", "2543 RB"),
        ("2543rb", "2543 RB"),
        ("  2543  rb ", "2543 RB"),
        ("0543 RB", None),  # no postcode starts with 0
        ("254 RB", None),
        ("2543 R", None),
        ("2543 SS", None),  # never handed out
        ("Den Haag", None),
        ("", None),
    ],
)
def test_dutch_postcodes_are_normalised_or_refused(text, postcode):
    assert normalise_postcode(text) == postcode


def test_pdok_points_are_longitude_then_latitude():
    assert parse_wkt_point("POINT(4.27023 52.04311)") == (52.04311, 4.27023)
    assert parse_wkt_point("POINT(400 52)") is None
    assert parse_wkt_point("nonsense") is None

"""Districts by postcode range: the partnership's table, its preview, and bad tables."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.organisations.districts import Range, district_for, parse_ranges
from steunwijzer.organisations.models import School
from steunwijzer.organisations.school_import import register_read, schools_import
from tests.conftest import make_school
from tests.test_school_import import SAMPLE

TABLE = "2491-2499; Leidschenveen-Ypenburg\n2540-2549; Escamp\n# a comment\n2584; Scheveningen"


def test_it_reads_ranges_and_single_areas():
    ranges, problems = parse_ranges(TABLE)
    assert not problems
    assert district_for("2497 BG", ranges) == "Leidschenveen-Ypenburg"
    assert district_for("2543 RB", ranges) == "Escamp"
    assert district_for("2584 ZT", ranges) == "Scheveningen"
    assert district_for("2585 AA", ranges) is None


@pytest.mark.parametrize(
    ("table", "code", "line"),
    [
        ("Escamp 2540", "format", 1),
        ("2549-2540; Escamp", "order", 1),
        ("2540-2549; Escamp\n2545; Laak", "overlap", 2),
        ("2540; " + "x" * 101, "name", 1),
    ],
)
def test_a_bad_line_is_named(table, code, line):
    _, problems = parse_ranges(table)
    assert [(p.code, p.line) for p in problems] == [(code, line)]


@given(st.lists(st.tuples(st.integers(1000, 9999), st.integers(0, 50)), max_size=30))
def test_no_postcode_ever_lands_in_two_districts(spans):
    table = "\n".join(f"{a}-{min(a + n, 9999)}; W{i}" for i, (a, n) in enumerate(spans))
    ranges, _ = parse_ranges(table)
    for postcode in range(1000, 10000, 37):
        assert sum(r.holds(f"{postcode} AA") for r in ranges) <= 1


def url(partnership):
    return reverse("districts", args=[partnership.slug])


def test_staff_preview_then_assign(client, partnership, board, staff):
    a = make_school(board, "12QQ", "De Appel", postcode="2543 AB", district="")
    b = make_school(board, "13QQ", "De Peer", postcode="3000 AA", district="Buiten")
    client.force_login(staff)
    preview = client.post(url(partnership), {"ranges": TABLE, "preview": "1"})
    body = preview.content.decode()
    assert preview.status_code == 200
    assert "Escamp" in body and "in geen bereik: blijft gelijk" in body
    a.refresh_from_db()
    assert a.district == ""
    done = client.post(url(partnership), {"ranges": TABLE, "assign": "1"}, follow=True)
    assert "1 school kreeg een andere wijk" in done.content.decode()
    a.refresh_from_db(), b.refresh_from_db()
    assert (a.district, b.district) == ("Escamp", "Buiten")
    partnership.refresh_from_db()
    first = Range(*partnership.district_ranges[0])
    assert first.district == "Leidschenveen-Ypenburg"
    assert "2540-2549; Escamp" in client.get(url(partnership)).content.decode()


def test_a_bad_table_is_refused_whole_with_its_lines(client, partnership, board, staff):
    make_school(board, "12QQ", "De Appel", postcode="2543 AB", district="")
    client.force_login(staff)
    response = client.post(url(partnership), {"ranges": "2540-2549; Escamp\nfout", "assign": "1"})
    assert response.status_code == 400
    assert "Regel 2: schrijf een bereik als" in response.content.decode()
    assert School.objects.get(brin="12QQ").district == ""
    partnership.refresh_from_db()
    assert partnership.district_ranges == []


def test_imported_schools_get_their_district_from_the_ranges(partnership):
    partnership.district_ranges = [[2540, 2549, "Escamp"]]
    partnership.save()
    schools_import(partnership=partnership, register=register_read(SAMPLE.read_bytes()))
    assert School.objects.get(brin="17XK").district == "Escamp"


@pytest.mark.parametrize("persona", ["editor", "officer", "other_staff"])
def test_only_the_partnerships_staff_set_districts(client, request, partnership, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(url(partnership), {"ranges": TABLE, "assign": "1"})
    assert response.status_code in (403, 404)
    partnership.refresh_from_db()
    assert partnership.district_ranges == []

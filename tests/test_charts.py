"""Server-rendered charts: the SVG and the table carry the same figures."""

import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.core.charts import Chart, Series
from steunwijzer.core.numbers import dutch_number

SVG = "{http://www.w3.org/2000/svg}"


def _chart(**extra):
    values = dict(
        title="Index per groep",
        categories=("Groep 1", "Groep 2"),
        series=(Series("2026-2027", (1.25, 2.0)), Series("2025-2026", (None, 1.5))),
        category_label="Groep",
    )
    values.update(extra)
    return Chart(**values)


def test_it_writes_dutch_decimals_and_a_dash_for_missing_values():
    assert _chart().table_rows(dutch_number) == [
        ("Groep 1", ["1,2", "\N{EN DASH}"]),
        ("Groep 2", ["2,0", "1,5"]),
    ]


def test_it_rejects_a_series_of_the_wrong_length():
    with pytest.raises(ValueError):
        Chart(title="x", categories=("a", "b"), series=(Series("s", (1,)),))


def test_the_svg_is_labelled_and_has_no_style_attributes():
    svg = _chart().svg("c1", dutch_number)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Index per groep"
    assert "Groep 1" in root.find(f"{SVG}desc").text
    assert "style" not in svg


@given(st.lists(st.floats(min_value=0, max_value=1e6), min_size=1, max_size=12))
def test_no_bar_is_wider_than_the_plot(values):
    chart = Chart(
        title="t",
        categories=tuple(str(i) for i in range(len(values))),
        series=(Series("s", tuple(values)),),
        markers=(("grens", 3.0),),
    )
    root = ET.fromstring(chart.svg("c", dutch_number))
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert all(0 <= w <= 640 - 190 - 70 + 0.1 for w in widths)


def test_the_template_tag_renders_figure_svg_and_table():
    html = Template('{% load charts %}{% chart c "idx" %}').render(Context({"c": _chart()}))
    assert '<figure class="sw-chart" id="idx">' in html
    assert "<svg" in html and '<th scope="col">Groep</th>' in html
    assert '<th scope="row">Groep 2</th><td class="sw-num">2,0</td>' in html

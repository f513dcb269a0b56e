"""Region-wide distributions: the classes of the Verscheidenheidsindex and the counts in them."""

from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.dashboards.analysis import NICE_STEPS, histogram, index_classes

indexes = st.lists(st.floats(min_value=0, max_value=60, allow_nan=False), min_size=1, max_size=40)


def test_the_classes_have_a_width_a_reader_takes_in():
    assert index_classes([1.16, 1.27, 2.82]) == [1, 1.5, 2, 2.5, 3, 3.5, 4]
    assert index_classes([1.05, 1.38]) == [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6]


def test_no_values_no_classes():
    assert index_classes([]) == []


@given(indexes)
def test_every_school_lands_in_exactly_one_class(values):
    edges = index_classes(values)
    chart = histogram(values, edges, "Index", "Index")
    assert sum(chart.series[0].values) == len(values)
    assert len(chart.categories) == 6


@given(indexes)
def test_the_classes_are_equal_and_nice_or_whole(values):
    edges = index_classes(values)
    widths = {round(b - a, 6) for a, b in pairwise(edges)}
    assert len(widths) == 1
    width = widths.pop()
    assert width in NICE_STEPS or width == int(width)

"""The Verscheidenheidsindex: sums, index and signals, and the table worked out in the docs."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.instruments.diversity.computation import compute, trend
from steunwijzer.instruments.diversity.presentation import (
    index_text,
    signal_sentence,
    trend_sentence,
)
from steunwijzer.instruments.diversity.scheme import default_scheme

SCHEME = default_scheme()

# The table in docs/instruments-diversity.md ("Een voorbeeld uitgerekend").
DOCS_TABLE = {
    "3": {"geen": 14, "basis": 4, "extra": 2, "tlv": 0},
    "5/6": {"geen": 15, "basis": 7, "extra": 5, "tlv": 2},
    "8": {"geen": 17, "basis": 5, "extra": 3, "tlv": 1},
}


def test_it_matches_the_table_worked_out_by_hand_in_the_docs():
    result = compute(SCHEME, DOCS_TABLE)
    by_group = {g.group: g for g in result.groups}
    assert [g.group for g in result.groups] == ["3", "5/6", "8"]
    assert (by_group["3"].pupils, by_group["3"].points) == (20, 24)
    assert index_text(by_group["3"].index) == "1,20"
    assert (by_group["5/6"].pupils, by_group["5/6"].points) == (29, Fraction(87, 2))
    assert index_text(by_group["5/6"].index) == "1,50"
    assert (by_group["8"].pupils, by_group["8"].points) == (26, Fraction(69, 2))
    assert index_text(by_group["8"].index) == "1,33"
    assert (result.pupils, result.points) == (75, 102)
    assert index_text(result.index) == "1,36"
    assert [signal_sentence(s) for s in result.signals] == [
        "In groep 5/6 met 29 leerlingen is de verscheidenheidsindex 1,50; dat is meer dan de "
        "grens voor een groep van 28 of meer leerlingen (1,30).",
        "In groep 5/6 met 29 leerlingen hebben 7 leerlingen extra ondersteuning of "
        "ondersteuning op SBO/SO-niveau nodig; dat is meer dan de grens voor een groep van 28 "
        "of meer leerlingen (4).",
    ]


def test_it_applies_the_stricter_limit_only_from_the_group_size_on():
    heavy = {"geen": 20, "basis": 0, "extra": 5, "tlv": 0}  # 5 pupils: not more than 5
    assert compute(SCHEME, {"6": heavy}).signals == ()
    bigger = dict(heavy, geen=23)  # 28 pupils: the limit is 4
    (signal,) = compute(SCHEME, {"6": bigger}).signals
    assert signal_sentence(signal).startswith("In groep 6 met 28 leerlingen hebben 5 leerlingen")


def test_it_gives_no_index_for_an_empty_group():
    result = compute(SCHEME, {"4": {}})
    assert result.groups[0].index is None and result.index is None and result.signals == ()


counts = st.dictionaries(
    st.sampled_from(["1", "2", "3", "4", "5/6", "7a", "7b", "8"]),
    st.fixed_dictionaries({k: st.integers(0, 40) for k in SCHEME.category_keys}),
    max_size=8,
)


@given(counts)
def test_school_totals_are_the_sums_of_the_groups(table):
    result = compute(SCHEME, table)
    assert result.pupils == sum(sum(cells.values()) for cells in table.values())
    assert result.points == sum(g.points for g in result.groups)
    for key in SCHEME.category_keys:
        assert result.total.counts[key] == sum(cells[key] for cells in table.values())


@given(counts)
def test_the_index_is_points_per_pupil_between_the_lowest_and_highest_points(table):
    result = compute(SCHEME, table)
    lowest = min(c.points for c in SCHEME.categories)
    highest = max(c.points for c in SCHEME.categories)
    for g in (*result.groups, result.total):
        if g.pupils:
            assert g.index * g.pupils == g.points
            assert lowest <= g.index <= highest
            assert sum(g.share(k) for k in SCHEME.category_keys) == 1


@given(counts)
def test_a_signal_fires_exactly_when_a_group_passes_its_limit(table):
    result = compute(SCHEME, table)
    fired = {(s.group, s.signal_key) for s in result.signals}
    for g in result.groups:
        for signal in SCHEME.signals:
            if not g.pupils:
                continue
            limit = signal.level_for(g.pupils).above
            value = (
                g.index
                if signal.measure == "index"
                else sum(g.counts[k] for k in signal.categories)
            )
            assert ((g.group, signal.key) in fired) == (value > limit)


def test_the_trend_compares_the_school_index_with_last_year():
    now = compute(SCHEME, {"6": {"geen": 20, "extra": 5}})
    before = compute(SCHEME, {"5": {"geen": 25}})
    assert trend_sentence(trend(now, before)) == (
        "De verscheidenheidsindex van de school is gestegen: van 1,00 vorig schooljaar naar "
        "1,20 nu (25 en 25 leerlingen)."
    )
    assert "geen Invulschema van vorig schooljaar" in trend_sentence(trend(now, None))

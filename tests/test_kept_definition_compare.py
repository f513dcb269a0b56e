"""Comparing two versions of a Verscheidenheidsindex scheme or an IJK catalogue (pure): what
was added, removed and changed, with each changed attribute's value before and after."""

from dataclasses import replace
from fractions import Fraction

from steunwijzer.instruments.diversity.scheme import DEFAULT_SCHEME_PATH, Level, parse_scheme
from steunwijzer.instruments.diversity.scheme_compare import compare_schemes
from steunwijzer.instruments.ijk.catalogue import DEFAULT_CATALOGUE_PATH, parse_catalogue
from steunwijzer.instruments.ijk.catalogue_compare import compare_catalogues
from steunwijzer.regional_model.version_compare import Change, Difference, compare_things

SCHEME_YAML = DEFAULT_SCHEME_PATH.read_text(encoding="utf-8")
SCHEME, _ = parse_scheme(SCHEME_YAML)
CATALOGUE_YAML = DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8")
CATALOGUE, _ = parse_catalogue(CATALOGUE_YAML)


def scheme(text: str):
    return parse_scheme(text)[0]


def catalogue(text: str):
    return parse_catalogue(text)[0]


# - the shared comparison -


def test_added_things_come_in_the_newer_order_and_removed_ones_after():
    old = {"a": "A", "b": "B"}
    new = {"c": "C", "a": "A"}
    found = compare_things(old, new, "letter", (), title=str.lower)
    assert found == [
        Difference("added", "letter", "c", "c"),
        Difference("removed", "letter", "b", "b"),
    ]


# - the scheme -


def test_a_scheme_compared_with_itself_or_only_a_new_version_number_has_no_differences():
    assert compare_schemes(SCHEME, SCHEME) == []
    assert compare_schemes(SCHEME, scheme(SCHEME_YAML.replace('"1.0"', '"1.1"'))) == []


def test_a_new_weight_of_a_category_is_named_with_its_old_and_new_points():
    newer = scheme(SCHEME_YAML.replace("points: 1.5", "points: 1.75"))
    assert compare_schemes(SCHEME, newer) == [
        Difference(
            "changed",
            "category",
            "basis",
            "Ondersteuning binnen de basisondersteuning",
            (Change("points", Fraction(3, 2), Fraction(7, 4)),),
        )
    ]


def test_a_signal_with_new_limits_and_school_types_is_changed():
    index = SCHEME.signals[0]
    newer = replace(
        SCHEME,
        signals=(
            replace(index, levels=(Level(0, Fraction(3, 2)),), school_types=("bao", "sbo")),
            *SCHEME.signals[1:],
        ),
    )
    (difference,) = compare_schemes(SCHEME, newer)
    assert (difference.change, difference.kind, difference.key) == ("changed", "signal", "index")
    assert [c.attribute for c in difference.changes] == ["levels", "school_types"]
    assert difference.changes[1] == Change("school_types", ("bao",), ("bao", "sbo"))


def test_added_and_removed_categories_domains_and_scheme_settings():
    newer = replace(
        SCHEME,
        name="Eigen schema",
        named_groups_for=("so",),
        domains=SCHEME.domains[1:],
        categories=(*SCHEME.categories, replace(SCHEME.categories[0], key="nieuw", label="Nieuw")),
    )
    found = [(d.change, d.kind, d.key) for d in compare_schemes(SCHEME, newer)]
    assert found == [
        ("changed", "scheme", ""),
        ("added", "category", "nieuw"),
        ("removed", "domain", "leren"),
    ]
    scheme_change = compare_schemes(SCHEME, newer)[0]
    assert [c.attribute for c in scheme_change.changes] == ["name", "named_groups_for"]


# - the catalogue -


def test_a_catalogue_compared_with_itself_or_only_a_new_version_has_no_differences():
    assert compare_catalogues(CATALOGUE, CATALOGUE) == []
    newer = catalogue(CATALOGUE_YAML.replace('"2025.1"', '"2025.2"'))
    assert compare_catalogues(CATALOGUE, newer) == []


def test_a_new_text_of_an_indicator_is_named_with_both_texts():
    old_text = CATALOGUE.indicators["OP1"].text
    newer = catalogue(CATALOGUE_YAML.replace("Het aanbod is breed", "Het aanbod is rijk"))
    assert compare_catalogues(CATALOGUE, newer) == [
        Difference(
            "changed",
            "indicator",
            "OP1",
            old_text.replace("is breed", "is rijk"),
            (Change("text", old_text, old_text.replace("is breed", "is rijk")),),
        )
    ]


def test_a_standard_moved_to_another_group_is_changed_not_removed_and_added():
    first, second = CATALOGUE.groups
    moved = replace(first.standards[-1], group=second.key)
    newer = replace(
        CATALOGUE,
        groups=(
            replace(first, standards=first.standards[:-1]),
            replace(second, standards=(*second.standards, moved)),
        ),
    )
    assert compare_catalogues(CATALOGUE, newer) == [
        Difference(
            "changed",
            "standard",
            moved.code,
            moved.title,
            (Change("group", first.key, second.key),),
        )
    ]


def test_added_standard_removed_kijkwijzer_item_and_new_scale_are_found():
    first = CATALOGUE.groups[0]
    added = replace(
        first.standards[0],
        code="NW1",
        title="Nieuw",
        indicators=(replace(first.standards[0].indicators[0], code="NW1", standard="NW1"),),
    )
    newer = replace(
        CATALOGUE,
        scale=(*CATALOGUE.scale[:-1], replace(CATALOGUE.scale[-1], label="uitstekend")),
        groups=(replace(first, standards=(*first.standards, added)), *CATALOGUE.groups[1:]),
        items=CATALOGUE.items[1:],
    )
    found = [(d.change, d.kind, d.key) for d in compare_catalogues(CATALOGUE, newer)]
    assert found == [
        ("changed", "catalogue", ""),
        ("added", "standard", "NW1"),
        ("added", "indicator", "NW1"),
        ("removed", "kijkwijzer_item", CATALOGUE.items[0].key),
    ]

"""What changed between two versions of an IJK catalogue: its scale, groups, standards,
indicators (and their texts) and Kijkwijzer items.

Pure Python, no Django; the compare page words the codes and values. Standards and indicators
are matched by code: a standard that moved to another group, or an indicator to another
standard, is changed, not removed and added.
"""

from steunwijzer.regional_model.version_compare import Difference, compare_things

from .catalogue import Catalogue

# The catalogue's own settings; its version is left out, as it differs between any two.
CATALOGUE_ATTRIBUTES = ("name", "description", "scale")
GROUP_ATTRIBUTES = ("title", "source")
STANDARD_ATTRIBUTES = ("title", "group")
INDICATOR_ATTRIBUTES = ("text", "standard")
ITEM_ATTRIBUTES = ("text", "indicators")


def compare_catalogues(old: Catalogue, new: Catalogue) -> list[Difference]:
    """Every difference from `old` to `new`: the catalogue, then groups, standards, indicators
    and Kijkwijzer items."""
    # The same key for both: a catalogue is compared with itself, also when its id changed.
    return [
        *compare_things({"": old}, {"": new}, "catalogue", CATALOGUE_ATTRIBUTES, _name),
        *compare_things(
            {g.key: g for g in old.groups},
            {g.key: g for g in new.groups},
            "group",
            GROUP_ATTRIBUTES,
            _title,
        ),
        *compare_things(
            {s.code: s for s in old.standards},
            {s.code: s for s in new.standards},
            "standard",
            STANDARD_ATTRIBUTES,
            _title,
        ),
        *compare_things(old.indicators, new.indicators, "indicator", INDICATOR_ATTRIBUTES, _text),
        *compare_things(
            {i.key: i for i in old.items},
            {i.key: i for i in new.items},
            "kijkwijzer_item",
            ITEM_ATTRIBUTES,
            _text,
        ),
    ]


def _name(catalogue: Catalogue) -> str:
    return catalogue.name


def _title(thing) -> str:
    return thing.title


def _text(thing) -> str:
    return thing.text

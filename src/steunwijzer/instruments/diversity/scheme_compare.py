"""What changed between two versions of a Verscheidenheidsindex scheme: its categories (and
their points, the weights of the index), domains, groups, and signals (their limits and the
school types they hold for).

Pure Python, no Django; the compare page words the codes and values.
"""

from steunwijzer.regional_model.version_compare import Difference, compare_things

from .scheme import Scheme

# The scheme's own settings; its version is left out, as it differs between any two versions.
SCHEME_ATTRIBUTES = ("name", "groups", "named_groups_for")
CATEGORY_ATTRIBUTES = ("label", "short", "points", "explanation", "aliases")
DOMAIN_ATTRIBUTES = ("label", "aliases")
SIGNAL_ATTRIBUTES = ("label", "measure", "categories", "levels", "school_types")


def compare_schemes(old: Scheme, new: Scheme) -> list[Difference]:
    """Every difference from `old` to `new`: the scheme, then categories, domains, signals."""
    # The same key for both versions: a scheme is compared with itself, also when its id changed.
    return [
        *compare_things({"": old}, {"": new}, "scheme", SCHEME_ATTRIBUTES, _name),
        *_by_key(old.categories, new.categories, "category", CATEGORY_ATTRIBUTES),
        *_by_key(old.domains, new.domains, "domain", DOMAIN_ATTRIBUTES),
        *_by_key(old.signals, new.signals, "signal", SIGNAL_ATTRIBUTES),
    ]


def _by_key(old, new, kind, attributes) -> list[Difference]:
    return compare_things(
        {t.key: t for t in old}, {t.key: t for t in new}, kind, attributes, _label
    )


def _name(scheme: Scheme) -> str:
    return scheme.name


def _label(thing) -> str:
    return thing.label

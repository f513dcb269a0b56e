"""What changed between two versions of a YAML definition a partnership keeps in versions (the
Verscheidenheidsindex scheme, the IJK catalogue): things added, removed or changed, and for a
changed thing each attribute with its value before and after.

Pure Python, no Django. Each definition says what its things are (`scheme_compare.py`,
`catalogue_compare.py`); the pages word the codes and values.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Change:
    """One attribute of a changed thing, as the older and the newer version have it."""

    attribute: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Difference:
    change: str  # ADDED, REMOVED or CHANGED
    kind: str  # what sort of thing, as its definition names it ("category", "indicator", …)
    key: str
    title: str  # as in the newer version (the older one for a removed thing)
    changes: tuple[Change, ...] = ()  # CHANGED only


def compare_things(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    kind: str,
    attributes: tuple[str, ...],
    title: Callable[[Any], str],
) -> list[Difference]:
    """The differences between two sets of things of one kind, by key: in the order of the
    newer version, removed things after, in the order of the older one."""
    found = []
    for key, thing in new.items():
        if key not in old:
            found.append(Difference(ADDED, kind, key, title(thing)))
            continue
        before = old[key]
        changes = tuple(
            Change(a, getattr(before, a), getattr(thing, a))
            for a in attributes
            if getattr(before, a) != getattr(thing, a)
        )
        if changes:
            found.append(Difference(CHANGED, kind, key, title(thing), changes))
    found += [
        Difference(REMOVED, kind, key, title(thing)) for key, thing in old.items() if key not in new
    ]
    return found

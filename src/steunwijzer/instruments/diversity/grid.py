"""The hand-filled grid: one row per group, a number field per category (and per domain)."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from steunwijzer.core.problems import Problem

from .computation import Counts
from .scheme import Scheme

MAX_ROWS = 40


@dataclass
class GridRow:
    number: int
    group: str
    cells: list[tuple[str, str, str]]  # (field name, column label, value as typed)
    domain_cells: list[tuple[str, str, str]]


def grid_rows(scheme: Scheme, invulschema, post=None, extra: int = 3) -> list[GridRow]:
    """The rows to show: what was posted, else the stored counts plus `extra` empty rows."""

    def row(i, group, value):
        return GridRow(
            i,
            group,
            [(f"c-{i}-{c.key}", c.label, value("c", c.key)) for c in scheme.categories],
            [(f"d-{i}-{d.key}", d.label, value("d", d.key)) for d in scheme.domains],
        )

    if post is not None:
        count = min(int_or(post.get("rows"), 0), MAX_ROWS)
        return [
            row(i, post.get(f"group-{i}", ""), lambda p, k, i=i: post.get(f"{p}-{i}-{k}", ""))
            for i in range(count)
        ]
    stored = {
        "c": invulschema.counts if invulschema else {},
        "d": invulschema.domain_counts if invulschema else {},
    }
    groups = sorted(stored["c"], key=scheme.group_order)
    if not groups:
        groups = [g for g in scheme.groups if "/" not in g]
    rows = [
        row(i, group, lambda p, k, group=group: str(stored[p].get(group, {}).get(k, "") or ""))
        for i, group in enumerate(groups)
    ]
    empty = max(0, min(extra, MAX_ROWS - len(rows)))
    rows += [row(len(rows) + j, "", lambda p, k: "") for j in range(empty)]
    return rows


def int_or(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def grid_from_post(post, scheme: Scheme) -> tuple[Counts, Counts, list[Problem]]:
    """Counts from the posted grid; a problem names the row's group and the column."""
    counts: Counts = {}
    domain_counts: Counts = {}
    problems: list[Problem] = []
    for row in grid_rows(scheme, None, post):
        for pairs, target in ((row.cells, counts), (row.domain_cells, domain_counts)):
            values = {}
            for name, label, raw in pairs:
                raw = raw.strip()
                if not raw:
                    continue
                where = {
                    "row": row.number + 1,
                    "group": row.group or _("without a group"),
                    "column": label,
                    "value": raw,
                }
                if not raw.lstrip("-").isdecimal():
                    problems.append(
                        Problem(
                            name,
                            _(
                                "Row %(row)s (%(group)s), column '%(column)s': '%(value)s' is "
                                "not a whole number"
                            )
                            % where,
                        )
                    )
                elif int(raw) < 0:
                    problems.append(
                        Problem(
                            name,
                            _(
                                "Row %(row)s (%(group)s), column '%(column)s': a number cannot be "
                                "negative"
                            )
                            % where,
                        )
                    )
                else:
                    values[name.split("-", 2)[2]] = int(raw)
            if values and not row.group.strip():
                problems.append(
                    Problem(
                        f"group-{row.number}",
                        _("Row %(row)s: fill in the group") % {"row": row.number + 1},
                    )
                )
            elif values:
                if row.group in target:
                    problems.append(
                        Problem(
                            f"group-{row.number}",
                            _("Row %(row)s: group '%(group)s' is in it twice")
                            % {"row": row.number + 1, "group": row.group},
                        )
                    )
                target[row.group.strip()] = values
    return counts, domain_counts, problems

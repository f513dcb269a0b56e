"""The hand-filled grid: one row per group, a number field per category (and per domain)."""

from dataclasses import dataclass

from steunwijzer.core.problems import Problem

from .computation import Counts
from .scheme import Scheme

MAX_ROWS = 40


@dataclass
class GridRow:
    number: int
    group: str
    cells: list[tuple[str, str]]  # (category key, value as typed)
    domain_cells: list[tuple[str, str]]


def grid_rows(scheme: Scheme, invulschema, post=None, extra: int = 3) -> list[GridRow]:
    """The rows to show: what was posted, else the stored counts plus `extra` empty rows."""
    if post is not None:
        count = min(_int(post.get("rows"), 0), MAX_ROWS)
        return [
            GridRow(
                i,
                post.get(f"group-{i}", ""),
                [(k, post.get(f"c-{i}-{k}", "")) for k in scheme.category_keys],
                [(k, post.get(f"d-{i}-{k}", "")) for k in scheme.domain_keys],
            )
            for i in range(count)
        ]
    counts = invulschema.counts if invulschema else {}
    domains = invulschema.domain_counts if invulschema else {}
    groups = sorted(counts, key=scheme.group_order)
    if not groups:
        groups = [g for g in scheme.groups if "/" not in g]
    rows = [
        GridRow(
            i,
            group,
            [(k, str(counts.get(group, {}).get(k, "") or "")) for k in scheme.category_keys],
            [(k, str(domains.get(group, {}).get(k, "") or "")) for k in scheme.domain_keys],
        )
        for i, group in enumerate(groups)
    ]
    empty = max(0, min(extra, MAX_ROWS - len(rows)))
    rows += [
        GridRow(
            len(rows) + j,
            "",
            [(k, "") for k in scheme.category_keys],
            [(k, "") for k in scheme.domain_keys],
        )
        for j in range(empty)
    ]
    return rows


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def grid_from_post(post, scheme: Scheme) -> tuple[Counts, Counts, list[Problem]]:
    """Counts from the posted grid; a problem names the row's group and the column."""
    counts: Counts = {}
    domain_counts: Counts = {}
    problems: list[Problem] = []
    labels = {c.key: c.label for c in scheme.categories} | {d.key: d.label for d in scheme.domains}
    for row in grid_rows(scheme, None, post):
        for prefix, pairs, target in (
            ("c", row.cells, counts),
            ("d", row.domain_cells, domain_counts),
        ):
            values = {}
            for key, raw in pairs:
                raw = raw.strip()
                if not raw:
                    continue
                where = (
                    f"Rij {row.number + 1} ({row.group or 'zonder groep'}), kolom '{labels[key]}'"
                )
                try:
                    value = int(raw)
                except ValueError:
                    problems.append(
                        Problem(
                            f"{prefix}-{row.number}-{key}", f"{where}: '{raw}' is geen geheel getal"
                        )
                    )
                    continue
                if value < 0:
                    problems.append(
                        Problem(
                            f"{prefix}-{row.number}-{key}",
                            f"{where}: een aantal kan niet negatief zijn",
                        )
                    )
                    continue
                values[key] = value
            if values and not row.group.strip():
                problems.append(
                    Problem(f"group-{row.number}", f"Rij {row.number + 1}: vul de groep in")
                )
            elif values:
                if row.group in target:
                    problems.append(
                        Problem(
                            f"group-{row.number}",
                            f"Rij {row.number + 1}: groep '{row.group}' staat er twee keer in",
                        )
                    )
                target[row.group.strip()] = values
    return counts, domain_counts, problems

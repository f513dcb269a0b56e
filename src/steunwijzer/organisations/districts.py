"""Districts (wijken) by postcode range: the partnership's own table, since DUO has none.

Pure Python, no Django. A table is one range per line, `2491-2499; Leidschenveen-Ypenburg` or
`2543; Escamp` for a single four-digit postcode area; ranges may not overlap. Problems come
back as codes with the line, for the page to word.
"""

import re
from dataclasses import dataclass

LINE = re.compile(r"^\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*[;,\t]\s*(.+?)\s*$")
MAX_LINES = 2000
MAX_NAME = 100


@dataclass(frozen=True)
class Range:
    first: int
    last: int
    district: str

    def holds(self, postcode: str) -> bool:
        digits = postcode.strip()[:4]
        return digits.isdigit() and self.first <= int(digits) <= self.last

    def as_text(self) -> str:
        span = f"{self.first}" if self.first == self.last else f"{self.first}-{self.last}"
        return f"{span}; {self.district}"


@dataclass(frozen=True)
class RangeProblem:
    line: int
    code: str  # "format", "order", "overlap", "name", "too_many"
    other: int = 0  # the line it overlaps


def parse_ranges(text: str) -> tuple[list[Range], list[RangeProblem]]:
    ranges: list[tuple[int, Range]] = []
    problems: list[RangeProblem] = []
    lines = text.splitlines()
    if len(lines) > MAX_LINES:
        return [], [RangeProblem(MAX_LINES + 1, "too_many")]
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            problems.append(RangeProblem(number, "format"))
            continue
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        name = " ".join(match.group(3).split())
        if last < first:
            problems.append(RangeProblem(number, "order"))
            continue
        if len(name) > MAX_NAME:
            problems.append(RangeProblem(number, "name"))
            continue
        new = Range(first, last, name)
        clash = next((n for n, r in ranges if r.first <= new.last and new.first <= r.last), 0)
        if clash:
            problems.append(RangeProblem(number, "overlap", clash))
            continue
        ranges.append((number, new))
    return sorted((r for _, r in ranges), key=lambda r: r.first), problems


def district_for(postcode: str, ranges: list[Range]) -> str | None:
    return next((r.district for r in ranges if r.holds(postcode)), None)


def ranges_from_data(data: list) -> list[Range]:
    return [Range(first, last, district) for first, last, district in data or ()]


def ranges_to_data(ranges: list[Range]) -> list:
    return [[r.first, r.last, r.district] for r in ranges]

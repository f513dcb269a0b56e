"""The partnership assigns its schools to districts by postcode range (`districts.py`)."""

from django.db import transaction
from django.utils.translation import gettext as _

from .districts import Range, RangeProblem, district_for, ranges_to_data
from .models import Partnership, School


def range_problem_text(problem: RangeProblem) -> str:
    messages = {
        "format": _(
            "Line %(line)s: write a range as “2491-2499; Leidschenveen-Ypenburg” or one "
            "postcode area as “2543; Escamp”."
        ),
        "order": _("Line %(line)s: the first postcode of the range is higher than the last."),
        "name": _("Line %(line)s: the district's name is longer than 100 characters."),
        "overlap": _("Line %(line)s: this range overlaps the range on line %(other)s."),
        "too_many": _("The table has more than 2,000 lines."),
    }
    return messages[problem.code] % {"line": problem.line, "other": problem.other}


def district_preview(*, partnership: Partnership, ranges: list[Range]) -> list[dict]:
    """Per school of the partnership: its district now and by the ranges (None: no range)."""
    return [
        {"school": school, "now": school.district, "new": district_for(school.postcode, ranges)}
        for school in School.objects.filter(board__partnership=partnership).order_by(
            "postcode", "name"
        )
    ]


@transaction.atomic
def districts_assign(*, partnership: Partnership, ranges: list[Range]) -> int:
    """Store the table and give every school in a range its district; a school outside every
    range keeps the district it has. Returns how many schools changed."""
    partnership.district_ranges = ranges_to_data(ranges)
    partnership.save(update_fields=["district_ranges"])
    changed = 0
    for row in district_preview(partnership=partnership, ranges=ranges):
        school = row["school"]
        if row["new"] is not None and row["new"] != school.district:
            school.district = row["new"]
            school.save(update_fields=["district"])
            changed += 1
    return changed

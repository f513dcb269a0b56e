"""Path converters for the public URLs, so a vestiging (`01`) and a school year (`2026-2027`)
can stand in the same place of a path without being mistaken for each other."""


class BrinConverter:
    regex = r"[0-9]{2}[A-Za-z]{2}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value


class VestigingConverter:
    regex = r"[0-9]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class SchoolCodeConverter:
    """BRIN and vestiging in one (12AB00), as school websites and the open data name a school."""

    regex = r"[0-9]{2}[A-Za-z]{2}[0-9]{2}"

    def to_python(self, value):
        return value.upper()

    def to_url(self, value):
        return value


class SchoolYearConverter:
    regex = r"[0-9]{4}-[0-9]{4}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


# The ways a public URL names a school's SOP (page and downloads alike): the BRIN, plus the
# vestiging where the BRIN has several locations, plus the school year for an earlier year.
SCHOOL_PATHS = [
    "scholen/<brin:brin>/",
    "scholen/<brin:brin>/<vestiging:vestiging>/",
    "scholen/<brin:brin>/<schooljaar:schooljaar>/",
    "scholen/<brin:brin>/<vestiging:vestiging>/<schooljaar:schooljaar>/",
]

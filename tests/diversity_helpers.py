"""Shared by the Invulschema tests: a pupil export as bytes, and this school year."""

from django.utils import timezone

from steunwijzer.core.school_year import school_year_of


def this_year() -> str:
    return school_year_of(timezone.localdate())


def export(rows, header=("Groep", "Categorie"), sep=";", encoding="utf-8") -> bytes:
    lines = [sep.join(header)] + [sep.join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def pupils(group: str, category: str, n: int, *extra) -> list[tuple]:
    return [(group, category, *extra)] * n

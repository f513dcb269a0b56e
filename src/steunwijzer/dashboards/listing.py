"""Sorting and paging the partnership's long tables from the query (`?sorteer=-status&pagina=3`).

A region's pages grew with it: every school a row, 1.2 MB of HTML at 3,000 schools. They now
show one page of rows; what the rows are filtered and sorted on stays in the link, so a page
can be bookmarked and works without JavaScript. A value the page does not know (a typed or
stale link) falls back to the default rather than failing: Django's `Paginator.get_page`
does that for the page number, `sort_order` for the column.

Hand-written rather than django-tables2: these tables' rows are joined as plain strings for
speed (templatetags/overview_tables.py), which a per-cell rendering framework would undo.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import QueryDict

PER_PAGE = 50
SORT_KEY = "sorteer"
PAGE_KEY = "pagina"
# The longest school-name search kept; anything longer is cut (it would match nothing anyway).
SEARCH_LENGTH = 100


@dataclass(frozen=True)
class SortOrder:
    key: str  # a column key of the page, e.g. "status"
    descending: bool

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key


def sort_order(params, columns: dict[str, Callable], default: str) -> SortOrder:
    """The query's sort column if the page has it, else `default`; a leading "-" reverses."""
    value = params.get(SORT_KEY, "")
    descending = value.startswith("-")
    key = value.removeprefix("-")
    if key not in columns:
        return SortOrder(default, False)
    return SortOrder(key, descending)


def sorted_rows(rows: list, columns: dict[str, Callable], order: SortOrder) -> list:
    """The rows by the column's key; ties keep their given order (Python's sort is stable)."""
    return sorted(rows, key=columns[order.key], reverse=order.descending)


def page_of(items, params, per_page: int = PER_PAGE) -> Page:
    """One page of `items`; a page number that is not a number gives the first page, one past
    the end the last (`Paginator.get_page`)."""
    return Paginator(items, per_page).get_page(params.get(PAGE_KEY))


def search_text(params, key: str = "q") -> str:
    return params.get(key, "").strip()[:SEARCH_LENGTH]


def query_without(params, *keys: str) -> str:
    """The query string with `keys` left out, to add another value of them to."""
    query = QueryDict(mutable=True)
    for key, values in params.lists():
        if key not in keys:
            query.setlist(key, values)
    return query.urlencode()

"""The demo data set, built once per test module instead of once per test.

A test that reads the demo asks for `demo`. The first such test in a module builds the demo
inside a transaction that stays open until the module's last test has run, and is then rolled
back; every test runs in a savepoint within it (pytest-django's `db`), so what one test
changes is gone before the next. Under pytest-xdist each worker has its own database, and
`--dist loadfile` (pyproject.toml) keeps a module's tests on one worker, so a module builds
the demo once.

The open transaction rules out tests that commit: a module that uses `demo` may not have
tests with `transaction=True`, `transactional_db` or `live_server` (checked below). Such a
test builds the demo itself, as tests/test_backup.py does.
"""

import sys
from dataclasses import dataclass
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from steunwijzer.demo.build import demo_loaded

COMMITTING_FIXTURES = {"transactional_db", "live_server"}


@dataclass(frozen=True)
class Demo:
    output: str  # what `manage.py load_demo` printed
    loaded_before: bool  # whether the database held the demo before it was built


def _commits(item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction"))
    return transactional or bool(COMMITTING_FIXTURES & set(getattr(item, "fixturenames", ())))


@pytest.fixture(scope="module")
def _demo_of_the_module(request, django_db_setup, django_db_blocker):
    committing = [
        item.nodeid
        for item in request.session.items
        if getattr(item, "module", None) is request.module and _commits(item)
    ]
    if committing:
        pytest.fail(
            "The demo is built once per module in a transaction that is rolled back at the "
            "end; these tests of the module commit and would see or remove it: "
            + ", ".join(committing)
        )
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            loaded_before = demo_loaded()
            output = StringIO()
            call_command("load_demo", stdout=output)
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    try:
        yield Demo(output=output.getvalue(), loaded_before=loaded_before)
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(_demo_of_the_module, db) -> Demo:
    """The demo, read-write for this test: its changes are rolled back after it."""
    return _demo_of_the_module

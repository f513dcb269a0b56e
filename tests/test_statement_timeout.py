"""The web server bounds each database statement on PostgreSQL (DB_STATEMENT_TIMEOUT)."""

import os
import subprocess
import sys

import pytest
from django.db import connection

from steunwijzer import cli

POSTGRES = connection.vendor == "postgresql"


def test_serve_sets_the_statement_timeout_for_the_server(monkeypatch):
    monkeypatch.delenv("DB_STATEMENT_TIMEOUT", raising=False)
    monkeypatch.setattr(cli.os, "execvp", lambda *args: None)
    cli._gunicorn("127.0.0.1", 8000, workers=1, threads=1)
    assert os.environ["DB_STATEMENT_TIMEOUT"] == str(cli.STATEMENT_TIMEOUT)
    assert cli.STATEMENT_TIMEOUT < cli.TIMEOUT


def _settings_options(timeout: str) -> str:
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'steunwijzer.settings'; "
        "from django.conf import settings; "
        "print(settings.DATABASES['default'].get('OPTIONS', {}).get('options', ''))"
    )
    env = {**os.environ, "DB_STATEMENT_TIMEOUT": timeout}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()


@pytest.mark.skipif(not POSTGRES, reason="a statement timeout is PostgreSQL's; CI runs both")
def test_postgresql_connections_get_the_timeout_when_set():
    assert _settings_options("20") == "-c statement_timeout=20000"
    assert _settings_options("0") == ""


@pytest.mark.skipif(not POSTGRES, reason="a statement timeout is PostgreSQL's; CI runs both")
@pytest.mark.django_db
def test_a_connection_with_that_option_cancels_a_longer_statement():
    import psycopg

    params = connection.get_connection_params()
    params["options"] = "-c statement_timeout=100"
    with psycopg.connect(**params) as conn, pytest.raises(psycopg.errors.QueryCanceled):
        conn.execute("SELECT pg_sleep(2)")

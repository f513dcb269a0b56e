"""How `steunwijzer serve` runs gunicorn: threaded workers, so an idle connection holds no
worker, and every connection bounded in time (steunwijzer/server.py, docs/security.md)."""

import os
import subprocess
import sys
from pathlib import Path

from steunwijzer.cli import gunicorn_args
from tests.test_cli import run

ROOT = Path(__file__).resolve().parent.parent


def test_serve_runs_threaded_workers_with_short_keep_alive_and_a_budget():
    args = gunicorn_args("127.0.0.1", 8000, workers=2, threads=4)
    options = dict(zip(args[1::2], args[2::2], strict=False))
    assert options["--worker-class"] == "steunwijzer.server.BoundedThreadWorker"
    assert options["--workers"] == "2" and options["--threads"] == "4"
    assert options["--keep-alive"] == "5"
    assert options["--timeout"] == "30" and options["--graceful-timeout"] == "30"
    assert "--no-control-socket" in args
    assert options["--logger-class"] == "steunwijzer.server.RedactingLogger"


def test_the_access_log_leaves_out_the_secrets_in_paths():
    from datetime import timedelta
    from types import SimpleNamespace

    from gunicorn.config import Config

    from steunwijzer.server import RedactingLogger

    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/uitnodiging/Zr9-token_x/?stap=2",
        "PATH_INFO": "/uitnodiging/Zr9-token_x/",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": "https://sw.example/wachtwoord-herstellen/MQ/c2x-herstel/",
    }
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    response = SimpleNamespace(status="200 OK", sent=10, headers=[])
    atoms = RedactingLogger(Config()).atoms(response, request, environ, timedelta(seconds=1))
    assert atoms["r"] == "GET /uitnodiging/…/?stap=2 HTTP/1.1"
    assert atoms["U"] == "/uitnodiging/…/"
    assert atoms["f"] == atoms["{referer}i"] == "https://sw.example/wachtwoord-herstellen/MQ/…/"
    assert atoms["s"] == "200" and atoms["B"] == 10
    assert "token" not in repr(atoms) and "herstel/" not in repr(atoms)


def test_serve_refuses_a_thread_count_that_is_not_a_positive_number(tmp_path):
    result = run("serve", "--threads", "0", data_dir=tmp_path)
    assert result.returncode == 2
    assert "moet een geheel getal van 1 of meer zijn, niet '0'" in result.stderr
    result = run("serve", data_dir=tmp_path, WEB_THREADS="veel")
    assert result.returncode == 2
    assert "niet 'veel'" in result.stderr


def test_idle_and_half_sent_connections_do_not_keep_the_server_from_answering():
    """The real server through the project's own command, on SQLite, with 2 workers: while
    kept-alive, silent and half-sent connections are held open, /healthz answers within a few
    seconds; the server closes them all by itself; more half-sent requests than it has threads
    are closed too, after which it answers again (benchmarks/idle_connections.py)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "idle_connections.py"), "--limit", "5"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "/healthz: 200 ok" in result.stdout and result.stdout.rstrip().endswith("OK")


def test_a_worker_loads_the_pdf_machinery_before_its_first_request(monkeypatch):
    """The first PDF download of a new worker does not load WeasyPrint and the fonts itself."""
    from gunicorn.workers.gthread import ThreadWorker

    from steunwijzer import server
    from steunwijzer.publication import pdf
    from steunwijzer.server import BoundedThreadWorker

    calls = []
    monkeypatch.setattr(ThreadWorker, "load_wsgi", lambda self: calls.append("app"))
    monkeypatch.setattr(pdf, "warm_up", lambda: calls.append("pdf"))
    monkeypatch.setattr(server.gc, "freeze", lambda: calls.append("freeze"))
    BoundedThreadWorker.load_wsgi(object.__new__(BoundedThreadWorker))
    assert calls == ["app", "pdf", "freeze"]


def test_a_worker_of_an_app_without_django_boots_without_warming_up():
    """The benchmark's bare WhiteNoise peer runs on the same worker class; with no Django set
    up there is no PDF machinery to load, and the worker must still start."""
    code = "from steunwijzer.server import warm_up_worker; warm_up_worker(); print('up')"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "up"


def test_warming_up_readies_the_sop_pdf_in_a_fresh_process():
    """WeasyPrint and the fonts are loaded, the print stylesheet parsed and the templates
    compiled, down to those they include, before the first SOP PDF, which then reuses them."""
    code = (
        "import django, sys; django.setup(); "
        "from django.template import engines; "
        "from steunwijzer.core import pdf_render; from steunwijzer.publication import pdf; "
        "assert 'weasyprint' not in sys.modules; pdf.warm_up(); "
        "assert 'weasyprint.text.fonts' in sys.modules; "
        "assert list(pdf_render._STYLESHEETS) == [pdf.STYLESHEET]; "
        "assert pdf_render._font_config.cache_info().currsize == 1; "
        "loader = engines['django'].engine.template_loaders[0]; "
        "compiled = set(loader.get_template_cache); "
        "parts = ['_pdf_style', '_in_short', '_status', '_contents', '_own_model']; "
        "wanted = {f'publication/export/{name}.html' for name in parts} | {'core/_chart.html'}; "
        "assert wanted <= compiled, wanted - compiled"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, env=env)


def test_warming_up_loads_weasyprint_in_a_fresh_process():
    code = (
        "import sys; from steunwijzer.core.pdf_render import warm_up; "
        "assert 'weasyprint' not in sys.modules; warm_up('<title>-</title><p>-</p>'); "
        "assert 'weasyprint.text.fonts' in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_django_s_log_leaves_out_the_secrets_in_paths():
    import logging

    from steunwijzer.core.log_redaction import RedactSecrets

    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/uitnodiging/x7Q/",),
        None,
    )
    assert RedactSecrets().filter(record) is True
    assert record.getMessage() == "Not Found: /uitnodiging/…/"
    kept = logging.LogRecord(
        "django", logging.WARNING, __file__, 1, "Not Found: %s", ("/x/",), None
    )
    assert RedactSecrets().filter(kept) and kept.args == ("/x/",)

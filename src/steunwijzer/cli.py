"""The `steunwijzer` command: demo, serve, and every Django management command.

steunwijzer demo [--port N]     set up (once) and serve the demo on 127.0.0.1
steunwijzer serve [--port N]    serve an existing installation with gunicorn
steunwijzer <command> …         any management command (migrate, format, token, …)

Both serve with gunicorn's threaded workers (steunwijzer/server.py), so an idle browser
connection never holds a worker; docs/security.md ("Serving") explains the numbers below.
"""

import argparse
import os
import sys
from pathlib import Path


def _setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steunwijzer.settings")
    # Gunicorn's workers read the same data directory, whatever their working directory.
    data_dir = Path(os.environ.get("STEUNWIJZER_DATA_DIR", "data")).resolve()
    os.environ["STEUNWIJZER_DATA_DIR"] = str(data_dir)
    import django

    django.setup()
    return data_dir


# Threads per worker: each serves one request at a time; a connection waiting for its request
# takes none (steunwijzer/server.py).
DEFAULT_THREADS = 4
# Seconds a connection may stay open without a request, after a response or after connecting.
KEEP_ALIVE = 5
# Seconds a worker may stop reporting to gunicorn (a request holding the interpreter) before
# it is restarted, and seconds running requests get to finish on a restart or stop.
TIMEOUT = 30
GRACEFUL_TIMEOUT = 30
# Seconds one database statement of a request may take (PostgreSQL, DB_STATEMENT_TIMEOUT):
# under the worker's timeout, so a runaway query ends as an error page, not a killed worker.
STATEMENT_TIMEOUT = 20


def gunicorn_args(host: str, port: int, workers: int, threads: int) -> list[str]:
    """gunicorn's command line as `serve` and `demo` run it (benchmarks/load_smoke too)."""
    return [
        "steunwijzer.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "steunwijzer.server.BoundedThreadWorker",
        "--threads",
        str(threads),
        "--keep-alive",
        str(KEEP_ALIVE),
        "--timeout",
        str(TIMEOUT),
        "--graceful-timeout",
        str(GRACEFUL_TIMEOUT),
        "--access-logfile",
        "-",
        "--logger-class",
        "steunwijzer.server.RedactingLogger",
        "--forwarded-allow-ips",
        os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        # No control socket in the home directory: nothing uses gunicornc, and two servers
        # on one machine would share its path.
        "--no-control-socket",
    ]


def _gunicorn(host: str, port: int, workers: int, threads: int):
    """Replace this process with gunicorn, so signals and exit codes are gunicorn's own."""
    os.environ.setdefault("DB_STATEMENT_TIMEOUT", str(STATEMENT_TIMEOUT))
    args = [sys.executable, "-m", "gunicorn", *gunicorn_args(host, port, workers, threads)]
    sys.stdout.flush()
    os.execvp(sys.executable, args)


def _count(value: str) -> int:
    """A whole number of at least 1, for --workers and --threads (and their variables)."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(
            f"moet een geheel getal van 1 of meer zijn, niet '{value}'"
        )
    return number


def _threads_argument(parser):
    parser.add_argument(
        "--threads",
        type=_count,
        default=os.environ.get("WEB_THREADS", str(DEFAULT_THREADS)),
        help=f"threads per worker (standaard WEB_THREADS of {DEFAULT_THREADS})",
    )


def _unapplied_migrations() -> list:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def demo(argv):
    parser = argparse.ArgumentParser(prog="steunwijzer demo", description="Start de demo.")
    parser.add_argument("--port", type=int, default=8000)
    _threads_argument(parser)
    args = parser.parse_args(argv)
    os.environ.setdefault("SITE_URL", f"http://127.0.0.1:{args.port}")
    # The code page shows the demo personas' current code (docs/security.md); never elsewhere.
    os.environ["STEUNWIJZER_DEMO"] = "1"
    data_dir = _setup_django()
    from django.core.management import call_command

    from steunwijzer.demo.build import DEMO_LOGINS, DEMO_PASSWORD, demo_loaded
    from steunwijzer.demo.security import DEMO_TOTP_SECRET, TWO_FACTOR_PERSONAS

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if demo_loaded():
        print(f"Bestaande demodatabase in {data_dir} wordt hergebruikt.")
    else:
        print("Demodata aanmaken…")
        call_command("load_demo")
    print(f"\nSteunwijzer-demo: http://127.0.0.1:{args.port}/\n")
    print(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD}):")
    for username, description in DEMO_LOGINS:
        print(f"  {username:<28} {description}")
    print(
        f"\nTweestapsverificatie voor {', '.join(TWO_FACTOR_PERSONAS)}: voeg de sleutel "
        f"{DEMO_TOTP_SECRET} toe aan een authenticator-app, of neem de code over die de "
        "demo op de codepagina laat zien."
    )
    print("\nStoppen: Ctrl+C\n")
    _gunicorn("127.0.0.1", args.port, workers=2, threads=args.threads)


def serve(argv):
    parser = argparse.ArgumentParser(prog="steunwijzer serve", description="Serveer Steunwijzer.")
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    parser.add_argument(
        "--workers",
        type=_count,
        default=os.environ.get("WEB_CONCURRENCY", "3"),
        help="werkprocessen (standaard WEB_CONCURRENCY of 3)",
    )
    _threads_argument(parser)
    args = parser.parse_args(argv)
    _setup_django()
    from django.core.management import call_command

    if _unapplied_migrations():
        sys.exit("De database is niet bijgewerkt. Voer eerst 'steunwijzer migrate' uit.")
    call_command("collectstatic", interactive=False, verbosity=0)
    _gunicorn(args.host, args.port, args.workers, args.threads)


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "demo":
        return demo(argv[1:])
    if argv and argv[0] == "serve":
        return serve(argv[1:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steunwijzer.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["steunwijzer", *argv])


if __name__ == "__main__":
    main()

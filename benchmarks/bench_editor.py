"""Benchmark the chapter editor page and autosave with few and with many schools.

    .venv/bin/python benchmarks/bench_editor.py [--schools 10 300] [--requests 200]
        [--database-url postgres://postgres@127.0.0.1:5432/test] [--write docs/benchmarks.md]

SQLite always runs; with --database-url (an admin connection) PostgreSQL runs too, in a
database of its own created and dropped here. Each school count gets a fresh data directory
and database, seeded by a child process of this script (`--seed N`, which also counts queries
per page in-process), then is served by real gunicorn and timed over HTTP.
Targets: p95 under 100 ms, and the queries per page the same for every school count; for
autosave also under 30 ms of server CPU each, and each worker under 150 MB after warm-up.
"""

import argparse
import html
import http.client
import json
import math
import os
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager, nullcontext
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

SECTION = "## Editor page and autosave (issue: foundation)"
PASSWORD = "bench-wachtwoord-2026"
CHAPTER = "visie"
BOARDS = 4
WARMUP = 10  # the first requests of each worker compile templates: not what users wait for
P95_TARGET_MS = 100
CPU_TARGET_MS = 30  # server CPU per autosave, both workers together
RSS_TARGET_MB = 150  # each worker, after warm-up
PG_DATABASE = "bench_steunwijzer"
KINDS = ("chapter editor", "autosave")

TEXTAREA_RE = re.compile(r'<textarea[^>]*\bname="(f-[^"]+)"[^>]*>(.*?)</textarea>', re.S)
BASE_VERSION_RE = re.compile(r'id="base-version" name="base_version" value="(\d+)"')
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
EDIT_SESSION_RE = re.compile(r'name="edit_session" value="([^"]*)"')
LONG_TEXT = (
    "Op school {n} krijgt iedere leerling onderwijs dat past. {sentences}\n\n"
    "- kleine groepjes met verlengde instructie\n- een vaste intern begeleider per bouw\n"
    "- korte lijnen met het wijkteam\n\n"
    "Meer weten? Zie [onze website](https://school{n}.example/visie) of bel de directeur."
)
# Each school writes its own mix of these, so the SOP-check's corpus holds texts that differ as
# real schools' texts do (identical texts would all match each other, which none of them do).
SENTENCES = (
    "Wij werken **handelingsgericht**: we kijken naar wat een kind nodig heeft.",
    "Ouders zijn partner; we praten met hen en met het kind, niet over hen.",
    "De leerkracht bespreekt elke zes weken de groep met de intern begeleider.",
    "Kinderen die meer aankunnen, werken twee ochtenden per week in de plusklas.",
    "Voor lezen en spelling hebben wij een vaste aanpak die de hele school volgt.",
    "Een onderwijsassistent helpt vier ochtenden per week in de onderbouw.",
    "Wij zoeken samen met ouders een passende plek als wij een kind niet genoeg kunnen bieden.",
    "In groep 1 en 2 volgen wij de ontwikkeling door te kijken en te spelen.",
    "Wij hebben een rustige werkplek voor kinderen die snel afgeleid raken.",
    "De schoolmaatschappelijk werker is elke dinsdag op school.",
    "Met de logopedist bespreken wij welke kinderen extra hulp bij taal nodig hebben.",
    "Elk jaar kiest het team één onderwerp waarin het zich verder ontwikkelt.",
)
CELLS = {"short_text": "Tekst", "number": 2, "date": "2026-09-01", "url": "https://x.example"}
ADDRESS = {"postcode": "2500 AA", "city": "Den Haag", "municipality": "Den Haag"}


# --- Child process (--seed N): Django in-process, to seed and to count queries -------------


def sample_answer(field, n: int):
    """A plausible value for every field type, so pages render realistic amounts of text."""
    if field.type == "table":
        row = {c.key: c.choices[0].key if c.choices else CELLS[c.type] for c in field.columns}
        return [row] * 3
    if field.type == "number":
        low, high = field.min_value or 0, field.max_value or 100
        return int(min(max(8, low), high))
    return {
        "long_text": lambda: LONG_TEXT.format(
            n=n, sentences=" ".join(random.Random(n).sample(SENTENCES, 5))
        ),
        "short_text": lambda: f"{field.label} (school {n})"[: field.max_length or 300],
        "single_choice": lambda: field.choices[0].key,
        "checklist": lambda: [choice.key for choice in field.choices[::2]],
        "date": lambda: "2026-09-01",
        "url": lambda: f"https://school{n}.example/sop",
    }[field.type]()


def seed(schools: int) -> int:
    """N schools over a few boards, each with a profile filled in chapter by chapter."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from steunwijzer.core.school_year import school_year_of
    from steunwijzer.organisations.models import Board, Membership, Partnership, Role, School
    from steunwijzer.profiles.models import Profile
    from steunwijzer.profiles.services import profile_create, profile_update
    from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
    from steunwijzer.regional_model.services import format_import

    users = get_user_model().objects
    year = school_year_of(timezone.localdate())
    with transaction.atomic():
        partnership = Partnership.objects.create(name="SWV Bench", short_name="Bench", slug="b")
        source = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
        sop_format = format_import(
            partnership=partnership, text=source, filename=DEFAULT_FORMAT_PATH.name
        ).format
        boards = [
            Board.objects.create(partnership=partnership, name=f"Stichting {b}") for b in "ABCD"
        ]
        for n in range(1, schools + 1):
            school = School.objects.create(
                board=boards[n % BOARDS],
                brin=f"{n % 100:02d}X{chr(65 + n // 100)}",
                name=f"School {n:03d}",
                school_type="sbo" if n % 20 == 0 else "bao",
                street_address=f"Schoolstraat {n}",
                **ADDRESS,
            )
            # Only school 1's editor logs in; the others can do without a (slow Argon2) hash.
            editor = users.create_user(f"editor{n}", password=PASSWORD if n == 1 else None)
            Membership.objects.create(user=editor, role=Role.SCHOOL_EDITOR, school=school)
            profile = profile_create(school=school, school_year=year, user=editor)
            for chapter in sop_format.chapters:
                fields = [f for f in chapter.fields if f.applies_to(school.school_type)]
                changes = {f.key: sample_answer(f, n) for f in fields}
                if changes:
                    profile = profile_update(
                        profile_id=profile.pk, user=editor, base_version=profile.version,
                        changes=changes,
                    ).profile  # fmt: skip
        # The other schools have published their SOP: the SOP-check compares school 1's with
        # them, which is what makes a large partnership heavy (docs/quality-check.md).
        for profile in Profile.objects.exclude(school__name="School 001"):
            profile.published_revision = profile.revisions.get(number=profile.version)
            profile.save(update_fields=["published_revision"])
        officer = users.create_user("officer", password=PASSWORD)
        Membership.objects.create(user=officer, role=Role.BOARD_OFFICER, board=boards[1])
        staff = users.create_user("staff", password=PASSWORD)
        Membership.objects.create(user=staff, role=Role.PARTNERSHIP_STAFF, partnership=partnership)
    return School.objects.get(name="School 001").profiles.get().pk


def repeated(queries) -> list[list]:
    """Queries run more than once in one request (literals blanked): the N+1 suspects."""
    groups: dict[str, list] = {}
    for query in queries:
        groups.setdefault(re.sub(r"'(?:[^']|'')*'|\b\d+\b", "?", query["sql"]), []).append(query)
    return [[len(same), same[0]["sql"]] for same in groups.values() if len(same) > 1]


def count_queries(profile_id: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    clients = {}
    for username in ("editor1", "officer", "staff"):
        user = get_user_model().objects.get(username=username)
        clients[username] = Client(HTTP_HOST="127.0.0.1")
        clients[username].force_login(user)
        if username != "editor1":  # board and partnership roles pass the second step first
            device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
            session = clients[username].session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
    chapter = f"/profielen/{profile_id}/hoofdstuk/{CHAPTER}/"
    editor, edits = clients["editor1"], iter(range(10**6))
    pages = {
        "chapter editor": (editor, chapter),
        "autosave": (editor, f"{chapter}autosave/"),
        "home, editor": (editor, "/"),
        "home, board officer": (clients["officer"], "/"),
        "home, partnership staff": (clients["staff"], "/"),
        "preview": (editor, f"/profielen/{profile_id}/voorbeeld/"),
    }
    counts = {}
    for name, (client, url) in pages.items():
        for _ in range(2):  # a session's first request does extra work: count the second
            form = None
            if name == "autosave":  # posts the form of a freshly loaded page, as browsers do
                form = autosave_form(editor.get(chapter).content.decode(), next(edits))
            with CaptureQueriesContext(connection) as ctx:
                response = client.post(url, form) if form else client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{name}: HTTP {response.status_code}")
        counts[name] = {"count": len(ctx), "repeats": repeated(ctx.captured_queries)}
    return counts


def child(schools: int):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steunwijzer.settings")
    django.setup()
    start = time.perf_counter()
    profile_id = seed(schools)
    seconds = time.perf_counter() - start
    result = {"profile_id": profile_id, "seed_s": seconds, "queries": count_queries(profile_id)}
    print(json.dumps(result))


def autosave_form(page: str, n: int) -> dict:
    """The whole chapter form as htmx posts it, with the first field changed."""
    fields = {name: html.unescape(text) for name, text in TEXTAREA_RE.findall(page)}
    fields[next(iter(fields))] += f" Wijziging {n}."
    return {
        **fields,
        "base_version": BASE_VERSION_RE.search(page)[1],
        "edit_session": EDIT_SESSION_RE.search(page)[1],  # so its autosaves fold, as in a browser
        "csrfmiddlewaretoken": CSRF_RE.search(page)[1],
    }


# --- Parent process: databases, gunicorn, HTTP timing, the report -------------------------


class Browser:
    """Just enough of a browser for Django: keeps cookies, one connection per request."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        start = time.perf_counter()
        connection.request(method, path, urlencode(form) if form else None, headers)
        response = connection.getresponse()
        body = response.read().decode()
        elapsed_ms = (time.perf_counter() - start) * 1000
        connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.cookies.update({k: m.value for k, m in SimpleCookie(header).items()})
        return response.status, body, elapsed_ms


def workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU of these processes so far (all their threads)."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def rss_mb(pids: list[int]) -> float:
    """The largest resident set among these processes, in MB."""
    largest = 0
    for pid in pids:
        status = Path(f"/proc/{pid}/status").read_text()
        largest = max(largest, int(re.search(r"VmRSS:\s+(\d+) kB", status)[1]))
    return largest / 1024


def time_http(port: int, profile_id: int, requests: int, master: int) -> dict:
    browser = Browser(port)
    _, page, _ = browser.request("GET", "/inloggen/")
    token = CSRF_RE.search(page)[1]
    login = {"username": "editor1", "password": PASSWORD, "next": "", "csrfmiddlewaretoken": token}
    status, _, _ = browser.request("POST", "/inloggen/", login)
    if status != 302 or "sessionid" not in browser.cookies:
        raise SystemExit(f"Login failed (HTTP {status}).")
    url = f"/profielen/{profile_id}/hoofdstuk/{CHAPTER}/"
    times = {kind: [] for kind in KINDS}
    failed = dict.fromkeys(KINDS, 0)
    for i in range(WARMUP + requests):
        status, page, ms = browser.request("GET", url)
        if i >= WARMUP:
            times["chapter editor"].append(ms)
            failed["chapter editor"] += status != 200
    version = int(BASE_VERSION_RE.search(page)[1])
    pids = workers(master)
    server = {"rss_warm_mb": rss_mb(pids)}
    for i in range(WARMUP + requests):
        if i == WARMUP:
            server["rss_warm_mb"] = max(server["rss_warm_mb"], rss_mb(pids))
            cpu_before = cpu_seconds(pids)
        form = {**autosave_form(page, i), "base_version": version}
        status, body, ms = browser.request("POST", f"{url}autosave/", form)
        new = BASE_VERSION_RE.search(body)
        saved = status == 200 and new is not None and int(new[1]) == version + 1
        version = int(new[1]) if new else version
        if i >= WARMUP:
            times["autosave"].append(ms)
            failed["autosave"] += not saved
    server["cpu_ms"] = (cpu_seconds(pids) - cpu_before) * 1000 / requests
    server["rss_end_mb"] = rss_mb(pids)
    timings = {kind: {**percentiles(times[kind]), "failed": failed[kind]} for kind in KINDS}
    return {**timings, "server": server}


def percentiles(ms: list[float]) -> dict:
    ms = sorted(ms)
    nearest_rank = {p: ms[max(0, math.ceil(p / 100 * len(ms)) - 1)] for p in (50, 95)}
    return {"min": ms[0], "p50": nearest_rank[50], "p95": nearest_rank[95], "max": ms[-1]}


def run(command: list, env: dict) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"{' '.join(map(str, command))} failed:\n{result.stderr[-3000:]}")
    return result.stdout


@contextmanager
def postgres_database(admin_url: str):
    import psycopg

    def admin(statement: str):
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(statement)

    admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
    admin(f"CREATE DATABASE {PG_DATABASE}")
    try:
        yield urlsplit(admin_url)._replace(path=f"/{PG_DATABASE}").geturl()
    finally:
        admin(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")


def ready(port: int, path: str = "/healthz") -> bool:
    try:
        return Browser(port).request("GET", path)[0] == 200
    except OSError:
        return False


@contextmanager
def gunicorn(env: dict, log: Path, app: str | None = None, ready_path: str = "/healthz"):
    """gunicorn serving the project, or `app` (a module of benchmarks/, "module:callable")
    under the same settings; yields its port and the master's pid once `ready_path` answers."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # As `steunwijzer serve` runs it (threaded workers), with 2 workers.
    from steunwijzer.cli import DEFAULT_THREADS, gunicorn_args

    args = gunicorn_args("127.0.0.1", port, workers=2, threads=DEFAULT_THREADS)
    if app is not None:  # the first argument is the project's WSGI app
        args = [app, "--pythonpath", str(Path(__file__).resolve().parent), *args[1:]]
    command = [sys.executable, "-m", "gunicorn", *args]
    with log.open("w") as log_file:
        server = subprocess.Popen(command, env=env, stdout=log_file, stderr=subprocess.STDOUT)
        try:
            while not ready(port, ready_path):
                if server.poll() is not None:
                    raise SystemExit(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
                time.sleep(0.1)
            yield port, server.pid
        finally:
            server.terminate()  # SIGTERM: gunicorn lets its workers finish, then exits
            server.wait(timeout=30)


def measure(database_url: str | None, schools: int, requests: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-steunwijzer-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()  # with SECRET_KEY set, nothing else creates it for the SQLite file
        env = {**os.environ, "STEUNWIJZER_DATA_DIR": str(data), "DEBUG": "False"}
        env |= {"SECRET_KEY": "bench-only-" + "x" * 40, "ALLOWED_HOSTS": "127.0.0.1"}
        env["DATABASE_URL"] = database_url or f"sqlite:///{data / 'steunwijzer.sqlite3'}"
        cli = Path(sys.executable).parent / "steunwijzer"
        run([cli, "migrate", "--noinput", "-v", "0"], env)
        run([cli, "collectstatic", "--noinput", "-v", "0"], env)
        output = run([sys.executable, __file__, "--seed", str(schools)], env)
        result = json.loads(output.strip().splitlines()[-1])
        with gunicorn(env, Path(tmp) / "gunicorn.log") as (port, master):
            result["http"] = time_http(port, result["profile_id"], requests, master)
            result["server"] = result["http"].pop("server")
    return result


def machine_facts(admin_url: str | None) -> str:
    import django

    cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
    cpu = next((x.split(":")[1].strip() for x in cpuinfo if x.startswith("model name")), "?")
    facts = [
        f"{len(os.sched_getaffinity(0))} CPUs (nproc), {cpu}",
        f"Python {sys.version.split()[0]}, Django {django.get_version()}",
        f"SQLite {sqlite3.sqlite_version}",
    ]
    if admin_url:
        import psycopg

        with psycopg.connect(admin_url) as connection:
            version = connection.execute("SHOW server_version").fetchone()[0]
        facts.append(f"PostgreSQL {version} (same machine)")
    return "; ".join(facts)


def report(results: dict, schools: list[int], facts: str, requests: int) -> tuple[str, list]:
    """The Markdown section, and the targets missed (none when all is well)."""
    missed = []
    timing = ["| Database | Schools | Request | min | p50 | p95 | max | failed |"]
    timing.append("|---|--:|---|--:|--:|--:|--:|--:|")
    server = ["| Database | Schools | CPU per autosave (ms) | worker RSS after warm-up (MB) "
              "| worker RSS after the run (MB) |", "|---|--:|--:|--:|--:|"]  # fmt: skip
    queries = ["| Database | Page | " + " | ".join(f"{n} schools" for n in schools) + " |"]
    queries.append("|---|---|" + "--:|" * len(schools))
    for backend, by_count in results.items():
        for n, result in by_count.items():
            for kind, s in result["http"].items():
                cells = " | ".join(f"{s[k]:.1f}" for k in ("min", "p50", "p95", "max"))
                timing.append(f"| {backend} | {n} | {kind} | {cells} | {s['failed']} |")
                if s["p95"] >= P95_TARGET_MS or s["failed"]:
                    missed.append(f"{backend}, {n} schools, {kind}: p95 {s['p95']:.1f} ms, "
                                  f"{s['failed']} failed")  # fmt: skip
        for n, result in by_count.items():
            s = result["server"]
            server.append(f"| {backend} | {n} | {s['cpu_ms']:.1f} | {s['rss_warm_mb']:.0f} "
                          f"| {s['rss_end_mb']:.0f} |")  # fmt: skip
            if s["cpu_ms"] >= CPU_TARGET_MS:
                missed.append(f"{backend}, {n} schools: {s['cpu_ms']:.1f} ms CPU per autosave")
            if s["rss_warm_mb"] >= RSS_TARGET_MB:
                missed.append(f"{backend}, {n} schools: a worker at {s['rss_warm_mb']:.0f} MB")
        for page in by_count[schools[0]]["queries"]:
            counts = [by_count[n]["queries"][page]["count"] for n in schools]
            queries.append(f"| {backend} | {page} | " + " | ".join(map(str, counts)) + " |")
            if len(set(counts)) > 1:
                missed.append(f"{backend}, {page}: query count grows with schools {counts}")
    seeding = ", ".join(
        f"{backend} {n} schools {r['seed_s']:.0f} s"
        for backend, by_count in results.items()
        for n, r in by_count.items()
    )
    verdict = "\n".join(f"- NOT MET: {m}" for m in missed) or (
        f"Every target met: p95 under {P95_TARGET_MS} ms for every request, database and school "
        f"count; under {CPU_TARGET_MS} ms of server CPU per autosave and every worker under "
        f"{RSS_TARGET_MB} MB after warm-up; the number of queries per page does not depend on the "
        "number of schools."
    )
    section = f"""{SECTION}

Written by `benchmarks/bench_editor.py` on {time.strftime("%Y-%m-%d %H:%M")}. Rerun with:

    .venv/bin/python benchmarks/bench_editor.py {" ".join(sys.argv[1:])}

Machine: {facts}.

Method:

- Per database and school count: a fresh data directory and database, `steunwijzer migrate`
  and `collectstatic`, then the schools spread over {BOARDS} boards, each with a profile filled
  in chapter by chapter through `profile_create`/`profile_update`, every school but school 1
  with its SOP published, each long text a different mix of sentences (seeding: {seeding}).
- Queries: counted in-process with Django's test client and `CaptureQueriesContext`, on the
  second request of a session.
- Timings: wall-clock per request over HTTP from the same machine (a new connection each time),
  against gunicorn as `steunwijzer serve` runs it (2 threaded workers), `DEBUG=False` and
  otherwise default settings (database connections kept for 60 s, `DB_CONN_MAX_AGE`).
  As school 1's editor, after {WARMUP} warm-up requests each: {requests} sequential GETs of the
  `{CHAPTER}` chapter editor, then {requests} autosave POSTs from that page (its
  `edit_session`, so they fold into one revision as a browser's do), each changing a field and
  sending the `base_version` the previous autosave returned. "failed": not 200, or nothing
  saved.
- Server: CPU time (user + system, from `/proc`) of both gunicorn workers together over the
  {requests} timed autosaves, divided by {requests}; resident memory (VmRSS) of the larger worker
  after the warm-up requests and after the run.

### Server CPU and memory

{chr(10).join(server)}

### Response times (ms)

{chr(10).join(timing)}

### Queries per request

{chr(10).join(queries)}

### Verdict

{verdict}
"""
    return section, missed


def write_section(path: Path, section: str):
    """Replace this script's section of the file, leaving the other sections as they are."""
    intro = (
        "# Benchmarks\n\nEach section below is written by the script it names. To update a "
        "section, rerun its script with the command shown there; other sections are kept.\n"
    )
    lines = (path.read_text(encoding="utf-8") if path.exists() else intro).splitlines(True)
    start = next((i for i, line in enumerate(lines) if line.rstrip() == SECTION), len(lines))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), None)
    before = "".join(lines[:start]).rstrip("\n") + "\n\n"
    after = "\n" + "".join(lines[end:]) if end else ""
    path.write_text(before + section + after, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, nargs="+", default=[10, 300])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--database-url", help="PostgreSQL admin URL: adds a PostgreSQL run")
    parser.add_argument("--write", type=Path, help="update this section in docs/benchmarks.md")
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        return child(args.seed)

    results: dict = {"SQLite": {}, "PostgreSQL": {}} if args.database_url else {"SQLite": {}}
    for backend, n in [(backend, n) for backend in results for n in args.schools]:
        print(f"{backend}, {n} schools…", file=sys.stderr, flush=True)
        fresh = postgres_database(args.database_url) if backend == "PostgreSQL" else nullcontext()
        with fresh as database_url:
            results[backend][n] = measure(database_url, n, args.requests)
    facts = machine_facts(args.database_url)
    section, missed = report(results, args.schools, facts, args.requests)
    print(section)
    for backend, by_count in results.items():
        for page, found in by_count[args.schools[-1]]["queries"].items():
            for times, sql in found["repeats"]:
                print(f"Repeated {times} times in one request, {backend}, {page}:\n  {sql}\n")
    if args.write:
        write_section(args.write, section)
        print(f"Written to {args.write}.", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark the public pages: a published school page under 20 concurrent clients against the
same HTML served as a static file, and the school finder with 7,000 published schools.

    .venv/bin/python benchmarks/bench_public.py [--schools 7000] [--requests 2000]
        [--database-url postgres://postgres@127.0.0.1:5432/wt_public] [--write docs/benchmarks.md]
    [--seeded DATA_DIR]   # time a data dir (and --database-url) seeded earlier with --seed N

Each run gets a fresh data directory; a PostgreSQL database given with --database-url is
EMPTIED (flush) and then used. Then come the demo and and `--schools` synthetic published SOPs
(copies of the demo's published answers with their own place, denomination and offer), seeded
by a child process of this script (`--seed N`). The child also saves one school page's HTML
under the static files, so the same server (gunicorn + whitenoise, 2 workers) serves it as a
file. Targets (issue 5): the school page within 2x of the static file (p50 and requests per
second), the finder's p95 under 100 ms.
"""

import argparse
import http.client
import json
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

import bench_editor  # benchmarks/ is on sys.path when this script runs
from bench_editor import gunicorn, machine_facts, percentiles, run

SECTION = "## Public school page and school finder (issue 5)"
SCHOOL_PATH = "/scholen/21QX/"
STATIC_PATH = "/static/bench/school.html"
CLIENTS = 20
FINDER_REQUESTS = 300
WARMUP = 20
P95_TARGET_MS = 100
MAX_RATIO = 2.0
SEED = 20261128
MUNICIPALITIES = [f"Gemeente {n:02d}" for n in range(40)]
DISTRICTS = [f"Wijk {n}" for n in range(8)]
DENOMINATIONS = (
    "openbaar",
    "rooms-katholiek",
    "protestants-christelijk",
    "algemeen bijzonder",
    "islamitisch",
)
OFFERS = (
    "dyslexie",
    "dyscalculie",
    "autisme",
    "gedrag",
    "hoogbegaafdheid",
    "taal_nt2",
    "fysiek_medisch",
    "sociaal_emotioneel",
    "spraak_taal",
    "motoriek",
)
LETTERS = [a + b for a in "ABCDEFGHIJKLMNOPRSTUVW" for b in "ABCDEFGHIJKLMNOPRSTUVW"]


# --- Child process (--seed N): Django in-process, to seed -----------------------------------


def seed(schools: int) -> dict:
    import django

    django.setup()
    from django.test import Client

    from steunwijzer.demo.build import build_demo
    from steunwijzer.organisations.models import Board, School
    from steunwijzer.profiles.models import Profile, Revision
    from steunwijzer.publication.search_index import rebuild_index

    build_demo()
    rng = random.Random(SEED)
    sources = list(
        Profile.objects.filter(published_revision__isnull=False).select_related(
            "published_revision", "school"
        )
    )
    board = Board.objects.first()
    new_schools = School.objects.bulk_create(
        School(
            board=board,
            brin=f"{i // len(LETTERS):02d}{LETTERS[i % len(LETTERS)]}",
            vestiging="01",
            name=f"Basisschool Nummer {i}",
            street_address="Schoolstraat 1",
            postcode="2500 AA",
            city=rng.choice(MUNICIPALITIES).replace("Gemeente", "Plaats"),
            municipality=rng.choice(MUNICIPALITIES),
            district=rng.choice(DISTRICTS),
            denomination=rng.choice(DENOMINATIONS),
            pupil_count=200,
        )
        for i in range(schools)
    )
    templates = [(p, p.published_revision.answers) for p in sources]
    profiles = []
    for school in new_schools:
        source, _ = rng.choice(templates)
        profiles.append(
            Profile(
                school=school,
                school_year=source.school_year,
                format_version=source.format_version,
                state="gepubliceerd",
                version=1,
                established_on=source.established_on,
            )
        )
    profiles = Profile.objects.bulk_create(profiles, batch_size=500)
    revisions = []
    for profile in profiles:
        _, answers = rng.choice(templates)
        answers = {**answers, "expertise_aanbod": rng.sample(OFFERS, rng.randint(1, 4))}
        revisions.append(Revision(profile=profile, number=1, answers=answers, reason="save"))
    revisions = Revision.objects.bulk_create(revisions, batch_size=500)
    for profile, revision in zip(profiles, revisions, strict=True):
        profile.published_revision = profile.established_revision = revision
    Profile.objects.bulk_update(
        profiles, ["published_revision", "established_revision"], batch_size=500
    )
    indexed = rebuild_index()

    from django.conf import settings

    page = Client().get(SCHOOL_PATH, HTTP_HOST="127.0.0.1")
    assert page.status_code == 200, page.status_code
    static = Path(settings.STATIC_ROOT) / "bench" / "school.html"
    static.parent.mkdir(parents=True, exist_ok=True)
    static.write_bytes(page.content)
    return {"indexed": indexed, "page_bytes": len(page.content)}


# --- Parent: serve and time ----------------------------------------------------------------


def get(port: int, path: str) -> tuple[int, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    elapsed_ms = (time.perf_counter() - start) * 1000
    connection.close()
    return response.status, elapsed_ms


def concurrent(port: int, path: str, requests: int) -> dict:
    """`requests` GETs of one path by CLIENTS threads; latency percentiles and throughput."""
    for _ in range(WARMUP):
        get(port, path)
    times: list[float] = []
    failed = [0]
    lock = threading.Lock()
    per_client = requests // CLIENTS

    def client():
        for _ in range(per_client):
            status, ms = get(port, path)
            with lock:
                times.append(ms)
                failed[0] += status != 200

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    return {**percentiles(times), "rps": len(times) / seconds, "failed": failed[0]}


def finder_paths(rng: random.Random) -> list[tuple[str, str]]:
    kinds = [
        ("all schools", lambda: "/scholen/"),
        ("municipality", lambda: f"/scholen/?gemeente={rng.choice(MUNICIPALITIES)}"),
        (
            "district + dyslexia",
            lambda: f"/scholen/?wijk={rng.choice(DISTRICTS)}&aanbod=expertise_aanbod.dyslexie",
        ),
        (
            "two offers + denomination",
            lambda: (
                "/scholen/?aanbod=expertise_aanbod.autisme"
                f"&aanbod=expertise_aanbod.gedrag&denominatie={rng.choice(DENOMINATIONS)}"
            ),
        ),
        ("free text", lambda: f"/scholen/?q={rng.choice(['stiltehoek', 'taalklas', 'lift'])}"),
        ("page 20", lambda: "/scholen/?pagina=20"),
    ]
    return [(name, make().replace(" ", "+")) for name, make in kinds]


def time_finder(port: int) -> dict:
    rng = random.Random(SEED)
    by_kind: dict[str, list[float]] = {}
    for i in range(FINDER_REQUESTS + WARMUP):
        for name, path in finder_paths(rng)[i % 6 : i % 6 + 1]:
            status, ms = get(port, path)
            assert status == 200, (status, path)
            if i >= WARMUP:
                by_kind.setdefault(name, []).append(ms)
    every = [ms for times in by_kind.values() for ms in times]
    return {"all": percentiles(every), **{k: percentiles(v) for k, v in by_kind.items()}}


def _environment(data: Path, database_url: str | None) -> dict:
    env = {**os.environ, "STEUNWIJZER_DATA_DIR": str(data), "DEBUG": "False"}
    env |= {"SECRET_KEY": "bench-only-" + "x" * 40, "ALLOWED_HOSTS": "127.0.0.1"}
    env["DJANGO_SETTINGS_MODULE"] = "steunwijzer.settings"
    env["DATABASE_URL"] = database_url or f"sqlite:///{data / 'steunwijzer.sqlite3'}"
    return env


def time_server(env: dict, log: Path, result: dict, requests: int) -> dict:
    with gunicorn(env, log) as port:
        result["page"] = concurrent(port, SCHOOL_PATH, requests)
        result["static"] = concurrent(port, STATIC_PATH, requests)
        result["finder"] = time_finder(port)
    return result


def measure(database_url: str | None, schools: int, requests: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-public-") as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        env = _environment(data, database_url)
        cli = Path(sys.executable).parent / "steunwijzer"
        run([cli, "migrate", "--noinput", "-v", "0"], env)
        if database_url:  # the given database is emptied first: the demo is loaded afresh
            run([cli, "flush", "--noinput", "-v", "0"], env)
        run([cli, "collectstatic", "--noinput", "-v", "0"], env)
        output = run([sys.executable, __file__, "--seed", str(schools)], env)
        result = json.loads(output.strip().splitlines()[-1])
        return time_server(env, Path(tmp) / "gunicorn.log", result, requests)


def measure_seeded(data: Path, requests: int, database_url: str | None = None) -> dict:
    """Time a data directory seeded before (`--seed N` with its STEUNWIJZER_DATA_DIR), on its
    SQLite database or on the PostgreSQL database seeded with it."""
    env = _environment(data, database_url)
    count = [
        sys.executable,
        "-c",
        "import django; django.setup(); from steunwijzer.publication"
        ".models import FinderEntry; print(FinderEntry.objects.count())",
    ]
    indexed = int(run(count, env).strip())
    page_bytes = (data / "static" / "bench" / "school.html").stat().st_size
    result = {"indexed": indexed, "page_bytes": page_bytes}
    return time_server(env, data / "gunicorn.log", result, requests)


def report(results: dict, facts: str, schools: int, requests: int) -> tuple[str, list]:
    missed = []
    page_rows, finder_rows = [], []
    for backend, r in results.items():
        page, static = r["page"], r["static"]
        ratio = page["p50"] / static["p50"]
        rps_ratio = static["rps"] / page["rps"]
        if max(ratio, rps_ratio) > MAX_RATIO:
            missed.append(f"{backend}: school page {ratio:.1f}x static p50, {rps_ratio:.1f}x rps")
        for name, row in (
            ("school page (rendered once, from the cache)", page),
            ("same HTML as a static file (whitenoise)", static),
        ):
            page_rows.append(
                f"| {backend} | {name} | {row['p50']:.1f} | {row['p95']:.1f} | "
                f"{row['rps']:.0f} | {row['failed']} |"
            )
        page_rows.append(
            f"| {backend} | ratio page / static | {ratio:.2f}x | "
            f"{page['p95'] / static['p95']:.2f}x | {rps_ratio:.2f}x | |"
        )
        for kind, row in r["finder"].items():
            finder_rows.append(
                f"| {backend} | {kind} | {row['p50']:.1f} | {row['p95']:.1f} | {row['max']:.1f} |"
            )
        if r["finder"]["all"]["p95"] > P95_TARGET_MS:
            missed.append(f"{backend}: finder p95 {r['finder']['all']['p95']:.0f} ms")
    verdict = "Targets met." if not missed else "Targets missed: " + "; ".join(missed) + "."
    first = next(iter(results.values()))
    section = f"""{SECTION}

`.venv/bin/python benchmarks/bench_public.py --schools {schools} --requests {requests}
--database-url postgres://…` (`benchmarks/bench_public.py`).

- {facts}. The machine is shared with other work, so absolute numbers move between runs.
- The demo plus {schools} synthetic published SOPs ({first["indexed"]} rows in the finder's
  index). gunicorn as `steunwijzer serve` runs it (2 threaded workers), with whitenoise.
- School page: `{SCHOOL_PATH}` ({first["page_bytes"]} bytes of HTML), {requests} GETs by
  {CLIENTS} concurrent clients (threads, a new connection per request), after {WARMUP}
  warm-up requests; the same bytes saved as `{STATIC_PATH}` and fetched the same way.
  Milliseconds per request; requests per second over the whole run.

| database | what | p50 ms | p95 ms | requests/s | failed |
|---|---|--:|--:|--:|--:|
{chr(10).join(page_rows)}

- School finder: {FINDER_REQUESTS} GETs of `/scholen/` one after another, six kinds of search
  in turn (random municipality, district, denomination and words), each a full HTML page with
  20 results and why they match.

| database | search | p50 ms | p95 ms | max ms |
|---|---|--:|--:|--:|
{chr(10).join(finder_rows)}

### Verdict

{verdict} Target: the school page within {MAX_RATIO:.0f}x of the static file; the finder's
p95 under {P95_TARGET_MS} ms with {schools} schools.
"""
    return section, missed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=7000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--database-url", help="a PostgreSQL database to empty and use: adds a run")
    parser.add_argument("--write", type=Path, help="update this section in docs/benchmarks.md")
    parser.add_argument("--seeded", type=Path, help="time this seeded data dir (no seeding)")
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        print(json.dumps(seed(args.seed)))
        return 0
    backends = ["SQLite", "PostgreSQL"] if args.database_url else ["SQLite"]
    results = {}
    if args.seeded:  # with --database-url: that database was seeded along with the data dir
        results = {
            b: measure_seeded(
                args.seeded, args.requests, None if b == "SQLite" else args.database_url
            )
            for b in backends
        }
        backends = []
    for backend in backends:
        print(f"{backend}, {args.schools} schools…", file=sys.stderr, flush=True)
        database_url = args.database_url if backend == "PostgreSQL" else None
        results[backend] = measure(database_url, args.schools, args.requests)
    section, missed = report(results, machine_facts(args.database_url), args.schools, args.requests)
    print(section)
    if args.write:
        bench_editor.SECTION = SECTION  # its section writer replaces the section it names
        bench_editor.write_section(args.write, section)
        print(f"Written to {args.write}.", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())

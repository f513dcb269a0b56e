"""Benchmark the public pages: a published school page under 20 concurrent clients against the
same HTML served as a static file, and the school finder with 7,000 published schools.

    .venv/bin/python benchmarks/bench_public.py [--schools 7000] [--requests 2000] [--rounds 3]
        [--database-url postgres://postgres@127.0.0.1:5432/wt_public] [--write docs/benchmarks.md]
        [--data-dir DIR]   # seed into DIR once; later runs with the same DIR reuse it

Without --data-dir each run gets a fresh temporary data directory. A PostgreSQL database given
with --database-url is EMPTIED (flush) before it is seeded. Seeding: the demo and `--schools`
synthetic published SOPs (copies of the demo's published answers with their own place,
denomination and offer), by a child process of this script (`--seed N`). The child also saves
one school page's HTML under the static files, so the same server (gunicorn + whitenoise, 2
workers) serves it as a file, and the parent saves it for the peer: a bare WhiteNoise app
(`static_peer.py`, no Django) that gunicorn runs with the same worker settings. In each of
`--rounds` rounds the school page, the project's static file and the peer are fetched in turn
the same way; the server's CPU per request comes from /proc. Targets (issues 5 and 17): the
school page within 2x of the static file and of the bare WhiteNoise app (p50 and requests per
second), the finder's p95 under 100 ms.
"""

import argparse
import http.client
import json
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import bench_editor  # benchmarks/ is on sys.path when this script runs
from bench_editor import cpu_seconds, gunicorn, machine_facts, percentiles, run, workers

SECTION = "## Public school page and school finder (issue 5)"
SCHOOL_PATH = "/scholen/21QX/"
STATIC_PATH = "/static/bench/school.html"
PEER_APP = "static_peer:application"  # benchmarks/static_peer.py
ROUNDS = 3
# Above this load average per CPU the wall-clock figures say more about the machine than the
# server: the report then gives no verdict on the wall-clock targets.
QUIET_LOAD = 1.0
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
    return {"indexed": indexed, "page_bytes": save_page()}


def save_page() -> int:
    """Save the school page's HTML as rendered now under the static files (for the project's
    WhiteNoise and the peer); its size."""
    from django.conf import settings
    from django.test import Client

    page = Client().get(SCHOOL_PATH, HTTP_HOST="127.0.0.1")
    assert page.status_code == 200, page.status_code
    static = Path(settings.STATIC_ROOT) / "bench" / "school.html"
    static.parent.mkdir(parents=True, exist_ok=True)
    static.write_bytes(page.content)
    return len(page.content)


# --- Parent: serve and time ----------------------------------------------------------------


def get(port: int, path: str) -> tuple[int, float]:
    status, _body, elapsed_ms = fetch(port, path)
    return status, elapsed_ms


def fetch(port: int, path: str) -> tuple[int, bytes, float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    start = time.perf_counter()
    connection.request("GET", path)
    response = connection.getresponse()
    body = response.read()
    elapsed_ms = (time.perf_counter() - start) * 1000
    connection.close()
    return response.status, body, elapsed_ms


def concurrent(port: int, master: int, path: str, requests: int) -> dict:
    """`requests` GETs of one path by CLIENTS threads: latency percentiles, throughput and the
    server workers' CPU per request (user + system, from /proc)."""
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
    pids = workers(master)
    cpu_before = cpu_seconds(pids)
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - start
    cpu_ms = (cpu_seconds(pids) - cpu_before) * 1000 / len(times)
    return {**percentiles(times), "rps": len(times) / seconds, "failed": failed[0], "cpu": cpu_ms}


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


TARGETS = ("page", "static", "peer")


def time_server(env: dict, data: Path, result: dict, requests: int, rounds: int) -> dict:
    """The school page, the project's static file and the bare WhiteNoise peer in turn, in
    `rounds` rounds (so a change in the machine's load falls on all three), then the finder."""
    html = (data / "static" / "bench" / "school.html").read_bytes()
    peer_root = data / "peer"
    peer_file = peer_root / SCHOOL_PATH.strip("/") / "index.html"
    peer_file.parent.mkdir(parents=True, exist_ok=True)
    peer_file.write_bytes(html)
    peer_env = {**env, "BENCH_PEER_ROOT": str(peer_root)}
    result["load"] = [os.getloadavg()[0]]
    runs: dict[str, list] = {t: [] for t in TARGETS}
    with (
        gunicorn(env, data / "gunicorn.log") as (port, master),
        gunicorn(peer_env, data / "peer.log", PEER_APP, SCHOOL_PATH) as (peer_port, peer_master),
    ):
        # What each answers (the page as served may differ from the file by a header only).
        result["served_bytes"] = {
            "page": len(fetch(port, SCHOOL_PATH)[1]),
            "peer": len(fetch(peer_port, SCHOOL_PATH)[1]),
        }
        for _ in range(rounds):
            runs["page"].append(concurrent(port, master, SCHOOL_PATH, requests))
            runs["static"].append(concurrent(port, master, STATIC_PATH, requests))
            runs["peer"].append(concurrent(peer_port, peer_master, SCHOOL_PATH, requests))
            result["load"].append(os.getloadavg()[0])
        result["finder"] = time_finder(port)
    result["load"].append(os.getloadavg()[0])
    return result | runs


def _seed(data: Path, database_url: str | None, schools: int) -> dict:
    """Migrate, collect the static files and seed (the child process, `--seed N`)."""
    env = _environment(data, database_url)
    cli = Path(sys.executable).parent / "steunwijzer"
    run([cli, "migrate", "--noinput", "-v", "0"], env)
    # Emptied first (a given database, or a seeding cut short): the demo is loaded afresh.
    run([cli, "flush", "--noinput", "-v", "0"], env)
    run([cli, "collectstatic", "--noinput", "-v", "0"], env)
    output = run([sys.executable, __file__, "--seed", str(schools)], env)
    return json.loads(output.strip().splitlines()[-1])


def measure(
    database_url: str | None, schools: int, requests: int, rounds: int, data_dir: Path | None
) -> dict:
    """Seed (into `data_dir` once, or a temporary directory) and time."""
    if data_dir is None:
        with tempfile.TemporaryDirectory(prefix="bench-public-") as tmp:
            data = Path(tmp) / "data"
            data.mkdir()
            result = _seed(data, database_url, schools)
            return time_server(_environment(data, database_url), data, result, requests, rounds)
    data_dir.mkdir(parents=True, exist_ok=True)
    marker = data_dir / f"bench-public-{'postgresql' if database_url else 'sqlite'}.json"
    if marker.exists():
        result = json.loads(marker.read_text(encoding="utf-8"))
        if result.get("schools", schools) != schools:
            sys.exit(f"{data_dir} holds {result['schools']} schools, not {schools}")
        # The reused database and static files may be older than the code, and the page the
        # code renders may differ from the one saved then.
        env = _environment(data_dir, database_url)
        cli = Path(sys.executable).parent / "steunwijzer"
        run([cli, "migrate", "--noinput", "-v", "0"], env)
        run([cli, "collectstatic", "--noinput", "-v", "0"], env)
        output = run([sys.executable, __file__, "--save-page"], env)
        result["page_bytes"] = json.loads(output.strip().splitlines()[-1])
    else:
        result = {**_seed(data_dir, database_url, schools), "schools": schools}
        marker.write_text(json.dumps(result), encoding="utf-8")
    env = _environment(data_dir, database_url)
    return time_server(env, data_dir, result, requests, rounds)


def _spread(values: list[float], digits: int = 1) -> str:
    """The median of the rounds, and their lowest and highest in brackets."""
    values = sorted(values)
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({values[0]:.{digits}f} to {values[-1]:.{digits}f})"


def _ratios(r: dict) -> dict:
    """Per round: the school page against each file server (over 1 is slower)."""
    found = {}
    for other in ("static", "peer"):
        pairs = list(zip(r["page"], r[other], strict=True))
        found[other] = {
            "p50": [page["p50"] / o["p50"] for page, o in pairs],
            "p95": [page["p95"] / o["p95"] for page, o in pairs],
            "rps": [o["rps"] / page["rps"] for page, o in pairs],
            "cpu": [page["cpu"] / o["cpu"] if o["cpu"] else float("nan") for page, o in pairs],
        }
    return found


LABELS = {
    "page": "school page (rendered once, kept)",
    "static": "same HTML as the project's static file (its WhiteNoise)",
    "peer": "same HTML from a bare WhiteNoise app (no Django)",
}


def report(results: dict, facts: str, schools: int, requests: int, rounds: int) -> tuple:
    missed, page_rows, finder_rows = [], [], []
    busiest = max(max(r["load"]) for r in results.values())
    quiet = busiest <= QUIET_LOAD * len(os.sched_getaffinity(0))
    for backend, r in results.items():
        for target in TARGETS:
            rows = r[target]
            page_rows.append(
                f"| {backend} | {LABELS[target]} | {_spread([x['p50'] for x in rows])} | "
                f"{_spread([x['p95'] for x in rows])} | {_spread([x['rps'] for x in rows], 0)} | "
                f"{_spread([x['cpu'] for x in rows], 2)} | {sum(x['failed'] for x in rows)} |"
            )
        for other, ratio in _ratios(r).items():
            page_rows.append(
                f"| {backend} | ratio page / {other} | {_spread(ratio['p50'], 2)}x | "
                f"{_spread(ratio['p95'], 2)}x | {_spread(ratio['rps'], 2)}x | "
                f"{_spread(ratio['cpu'], 2)}x | |"
            )
            worst = max(statistics.median(ratio["p50"]), statistics.median(ratio["rps"]))
            if worst > MAX_RATIO:
                missed.append(f"{backend}: school page {worst:.1f}x the {other} file")
        for kind, row in r["finder"].items():
            finder_rows.append(
                f"| {backend} | {kind} | {row['p50']:.1f} | {row['p95']:.1f} | {row['max']:.1f} |"
            )
        if r["finder"]["all"]["p95"] > P95_TARGET_MS:
            missed.append(f"{backend}: finder p95 {r['finder']['all']['p95']:.0f} ms")
    if not quiet:
        verdict = (
            f"No verdict: the load average reached {busiest:.1f} on "
            f"{len(os.sched_getaffinity(0))} CPUs during the run, so the wall-clock figures "
            "measure the machine; compare the CPU column, and rerun on a quiet machine. "
            + ("Over the targets in this run: " + "; ".join(missed) + "." if missed else "")
        )
    else:
        verdict = "Targets met." if not missed else "Targets missed: " + "; ".join(missed) + "."
    first = next(iter(results.values()))
    loads = "; ".join(
        f"{b}: " + ", ".join(f"{x:.1f}" for x in r["load"]) for b, r in results.items()
    )
    section = f"""{SECTION}

`.venv/bin/python benchmarks/bench_public.py --schools {schools} --requests {requests}
--rounds {rounds} --database-url postgres://… --data-dir DIR` (`benchmarks/bench_public.py`;
`--data-dir` seeds DIR the first time and reuses it afterwards).

- {facts}. Load average (1 min) before, after each round and at the end: {loads}.
- The demo plus {schools} synthetic published SOPs ({first["indexed"]} rows in the finder's
  index). gunicorn as `steunwijzer serve` runs it (2 threaded workers), with whitenoise.
- School page: `{SCHOOL_PATH}` ({first["page_bytes"]} bytes of HTML; as served, the page
  {first["served_bytes"]["page"]} and the peer {first["served_bytes"]["peer"]}), {requests} GETs by
  {CLIENTS} concurrent clients (threads, a new connection per request), after {WARMUP}
  warm-up requests. The same bytes served the same way by the project as
  `{STATIC_PATH}`, and by a bare WhiteNoise app under `{SCHOOL_PATH}`
  (`benchmarks/static_peer.py`: no Django, run by gunicorn with the same worker class,
  workers and threads). {rounds} rounds, each fetching the three in turn; each cell is the
  median of the rounds with the lowest and highest in brackets. Milliseconds per request;
  requests per second over the whole round; server CPU: user + system time of the two
  workers (from /proc) per request, which does not depend on how busy the machine is.

| database | what | p50 ms | p95 ms | requests/s | server CPU ms/request | failed |
|---|---|--:|--:|--:|--:|--:|
{chr(10).join(page_rows)}

- School finder: {FINDER_REQUESTS} GETs of `/scholen/` one after another, six kinds of search
  in turn (random municipality, district, denomination and words), each a full HTML page with
  20 results and why they match.

| database | search | p50 ms | p95 ms | max ms |
|---|---|--:|--:|--:|
{chr(10).join(finder_rows)}

### Verdict

{verdict} Target: the school page within {MAX_RATIO:.0f}x of the static file and of the bare
WhiteNoise app (p50 and requests per second); the finder's p95 under {P95_TARGET_MS} ms with
{schools} schools.
"""
    return section, missed, quiet


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=7000)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--database-url", help="a PostgreSQL database to empty and use: adds a run")
    parser.add_argument("--write", type=Path, help="update this section in docs/benchmarks.md")
    parser.add_argument(
        "--data-dir",
        "--seeded",
        type=Path,
        help="seed into this data directory (and --database-url) the first time; later runs "
        "with the same directory time it again without seeding",
    )
    parser.add_argument("--seed", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--save-page", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed:
        print(json.dumps(seed(args.seed)))
        return 0
    if args.save_page:
        import django

        django.setup()
        print(json.dumps(save_page()))
        return 0
    backends = ["SQLite", "PostgreSQL"] if args.database_url else ["SQLite"]
    results = {}
    for backend in backends:
        print(f"{backend}, {args.schools} schools…", file=sys.stderr, flush=True)
        database_url = args.database_url if backend == "PostgreSQL" else None
        results[backend] = measure(
            database_url, args.schools, args.requests, args.rounds, args.data_dir
        )
    section, missed, quiet = report(
        results, machine_facts(args.database_url), args.schools, args.requests, args.rounds
    )
    print(section)
    if args.write:
        bench_editor.SECTION = SECTION  # its section writer replaces the section it names
        bench_editor.write_section(args.write, section)
        print(f"Written to {args.write}.", file=sys.stderr)
    return 1 if missed and quiet else 0


if __name__ == "__main__":
    sys.exit(main())

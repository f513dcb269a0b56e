"""Benchmark the board and partnership overviews with many schools and school years.

    .venv/bin/python benchmarks/bench_dashboards.py --schools 300 --years 6
    .venv/bin/python benchmarks/bench_dashboards.py --schools 7000 --partnerships 150 --years 2 \
        --database-url postgres://postgres@127.0.0.1:5432/wt_dashboards
    .venv/bin/python benchmarks/bench_dashboards.py --schools 3000 --years 1 \
        --pages partnership_overview_export.csv partnership_overview_export.xlsx
    [--requests 20] [--write docs/benchmarks.md]
    [--data-dir DIR]   # seed into DIR once; later runs with the same DIR (and database) reuse it

Seeds a fresh database (a temporary SQLite file, or the given PostgreSQL database, which is
flushed first) with bulk inserts: partnerships, boards of ten schools, per school and school
year a profile in a state of the route (established ones with their established revision and
offers), an Invulschema (8 groups) and an IJK self-evaluation (20 indicators). Then it requests
every overview in-process through Django's test client (middleware, view, template: the
server's time without the network) for the first partnership and its first board, counts the
queries, and times `--requests` warm requests per page (the SOP-check summaries are stored
first with `steunwijzer check_summaries`; the first, cold request is reported apart).
Target: each overview under 150 ms at p95 (300 schools x 6 school years), and the number of
queries the same as with few schools; the partnership overview's XLSX download of 3,000 schools
under 1 s. `--pages` times only the pages named (`partnership_overview_export.xlsx`).
"""

import argparse
import gc
import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

SECTION = "## Overviews for boards and the partnership (issue 7)"
TARGET_MS = 150
TARGET_KB = 200
EXPORT_TARGET_MS = 1000
STATES = [
    "concept",
    "bij_mr",
    "advies_gegeven",
    "bij_bestuur",
    "vastgesteld",
    "aangeleverd",
    "ontvangen",
    "gepubliceerd",
]
DISTRICTS = ["Centrum", "Escamp", "Laak", "Loosduinen", "Segbroek", "Scheveningen", ""]


SEEDED = "bench-dashboards.json"


def setup(database_url: str | None, data_dir: Path | None) -> dict | None:
    """Django set up on a fresh data directory, or on `data_dir`; returns what a run that
    seeded `data_dir` before noted about it (None: it is to be seeded)."""
    if data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="bench-dashboards-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    marker = data_dir / SEEDED
    seeded = json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else None
    if seeded and seeded["database_url"] != database_url:
        sys.exit(f"{data_dir} was seeded for {seeded['database_url'] or 'SQLite'}")
    os.environ["STEUNWIJZER_DATA_DIR"] = str(data_dir)
    os.environ["ALLOWED_HOSTS"] = "testserver"
    # The benchmark users sign in with force_login: no second step to measure here.
    os.environ["STEUNWIJZER_REQUIRE_2FA"] = "False"
    os.environ["DJANGO_SETTINGS_MODULE"] = "steunwijzer.settings"
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()
    from django.core.management import call_command

    # A reused data directory gets the code's new migrations and static files too.
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if seeded is None:  # emptied before seeding (a given database, or a seeding cut short)
        call_command("flush", interactive=False, verbosity=0)
    # As in Django's tests: keep one connection instead of reconnecting per request.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    return seeded


def seed(n_schools: int, n_partnerships: int, n_years: int, current_year: str):
    from django.contrib.auth import get_user_model

    from steunwijzer.core.school_year import previous_school_year
    from steunwijzer.instruments.diversity.models import Invulschema
    from steunwijzer.instruments.diversity.services import _scheme_version_for
    from steunwijzer.instruments.ijk.models import IndicatorScore, SelfEvaluation
    from steunwijzer.instruments.ijk.services import stored_catalogue_for
    from steunwijzer.organisations.models import Board, Membership, Partnership, Role, School
    from steunwijzer.profiles.models import Profile, Revision
    from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
    from steunwijzer.regional_model.services import format_import

    rng = random.Random(7)
    years = [current_year]
    while len(years) < n_years:
        years.append(previous_school_year(years[-1]))
    partnerships = Partnership.objects.bulk_create(
        Partnership(name=f"SWV {p}", short_name=f"SWV{p}", slug=f"swv-{p}")
        for p in range(n_partnerships)
    )
    text = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")
    formats = {
        p.pk: format_import(partnership=p, text=text, filename="m.yaml") for p in partnerships
    }
    sop_format = formats[partnerships[0].pk].format
    extra = [c.key for c in sop_format.field("expertise_aanbod").choices]
    basis = [c.key for c in sop_format.field("interventies_basis").choices]
    per_partnership = n_schools // n_partnerships
    boards = Board.objects.bulk_create(
        Board(partnership=p, name=f"Bestuur {p.pk}-{b}")
        for p in partnerships
        for b in range(max(1, per_partnership // 10))
    )
    by_partnership = {}
    for b in boards:
        by_partnership.setdefault(b.partnership_id, []).append(b)
    schools = []
    for p in partnerships:
        for i in range(per_partnership):
            board = by_partnership[p.pk][i % len(by_partnership[p.pk])]
            n = len(schools)
            schools.append(
                School(
                    board=board,
                    brin=f"{n // 676 % 100:02d}{chr(65 + n // 26 % 26)}{chr(65 + n % 26)}",
                    vestiging=f"{n // 67600:02d}",
                    name=f"School {n}",
                    street_address="Straat 1",
                    postcode="2500 AA",
                    city="Den Haag",
                    municipality=["Den Haag", "Rijswijk"][n % 2],
                    district=DISTRICTS[n % len(DISTRICTS)],
                    pupil_count=150 + n % 250,
                )
            )
    schools = School.objects.bulk_create(schools, batch_size=2000)
    profiles = []
    for s in schools:
        for y, year in enumerate(years):
            state = STATES[rng.randrange(len(STATES))] if y == 0 else "gepubliceerd"
            answers = {
                "expertise_aanbod": rng.sample(extra, rng.randrange(1, 5)),
                "interventies_basis": rng.sample(basis, rng.randrange(3, 10)),
                "grenzen_niet_bieden": "<p>Wij bieden geen begeleiding bij ernstig gedrag "
                "of autisme in groepen boven 28 leerlingen.</p>",
            }
            profiles.append(
                Profile(
                    school=s,
                    school_year=year,
                    state=state,
                    answers=answers,
                    version=1,
                    format_version=formats[s.board.partnership_id],
                )
            )
    profiles = Profile.objects.bulk_create(profiles, batch_size=2000)
    revisions = Revision.objects.bulk_create(
        (Revision(profile=p, number=1, answers=p.answers, reason="save") for p in profiles),
        batch_size=2000,
    )
    done = STATES[STATES.index("vastgesteld") :]
    for p, r in zip(profiles, revisions, strict=True):
        if p.state in done:
            p.established_revision = r
        if p.state == "gepubliceerd":
            p.published_revision = r
    Profile.objects.bulk_update(
        profiles, ["established_revision", "published_revision"], batch_size=2000
    )
    scheme = _scheme_version_for(partnerships[0])
    for p in partnerships[1:]:
        _scheme_version_for(p)
    schemes = {v.partnership_id: v for v in type(scheme).objects.all()}
    invul = []
    for s in schools:
        for year in years:
            counts = {
                str(g): {
                    "geen": 18 + rng.randrange(8),
                    "basis": rng.randrange(6),
                    "extra": rng.randrange(3),
                    "tlv": rng.randrange(2),
                }
                for g in range(1, 9)
            }
            invul.append(
                Invulschema(
                    school=s,
                    school_year=year,
                    counts=counts,
                    scheme_version=schemes[s.board.partnership_id],
                )
            )
    Invulschema.objects.bulk_create(invul, batch_size=2000)
    catalogues = {p.pk: stored_catalogue_for(p) for p in partnerships}
    indicators = [
        (i.code, st.code)
        for st in catalogues[partnerships[0].pk].catalogue.standards
        for i in st.indicators
    ][:20]
    evaluations = SelfEvaluation.objects.bulk_create(
        (
            SelfEvaluation(school=s, school_year=year, catalogue=catalogues[s.board.partnership_id])
            for s in schools
            for year in years
        ),
        batch_size=2000,
    )
    IndicatorScore.objects.bulk_create(
        (
            IndicatorScore(
                evaluation=e, indicator=code, standard=standard, score=rng.randrange(2, 5)
            )
            for e in evaluations
            for code, standard in indicators
        ),
        batch_size=5000,
    )
    user_model = get_user_model()
    staff = user_model.objects.create_user("bench-swv", password="x")
    officer = user_model.objects.create_user("bench-bestuur", password="x")
    first = partnerships[0]
    Membership.objects.create(user=staff, role=Role.PARTNERSHIP_STAFF, partnership=first)
    board = by_partnership[first.pk][0]
    Membership.objects.create(user=officer, role=Role.BOARD_OFFICER, board=board)
    return staff, officer, first, board, len(profiles)


def write_profile(client, url, path: Path):
    """cProfile of one warm request: its call counts do not move with the machine's speed."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    with profiler:
        client.get(url)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(60)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")


def measure(client, url, requests):
    from django.db import connection

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    start = time.perf_counter()
    with connection.execute_wrapper(count):
        response = client.get(url)
    cold = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    times, cpu = [], []
    for _ in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    times.sort()
    p95 = times[max(0, round(0.95 * len(times)) - 1)]
    return {
        "cold": cold,
        # What the request costs on a core of its own, whatever else the machine runs.
        "cpu": statistics.median(cpu),
        "bytes": len(response.content),
        "median": statistics.median(times),
        "p95": p95,
        "min": times[0],
        "max": times[-1],
        "queries": len(executed),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schools", type=int, default=300)
    parser.add_argument("--partnerships", type=int, default=1)
    parser.add_argument("--years", type=int, default=6)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database-url")
    parser.add_argument("--write")
    parser.add_argument(
        "--profile", help="write a cProfile of one warm request per page to this dir"
    )
    parser.add_argument("--pages", nargs="*", help="time only these pages (default: all)")
    parser.add_argument("--section", default=SECTION, help="the docs section to add the run to")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="seed into this data directory and keep it; a later run with the same directory "
        "(and --database-url) times it again without seeding",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    seeded_before = setup(args.database_url, args.data_dir)
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from steunwijzer.core.school_year import school_year_of
    from steunwijzer.organisations.models import Board, Partnership

    if seeded_before:
        facts = seeded_before
        for name in ("schools", "partnerships", "years"):
            if getattr(args, name) != facts[name]:
                sys.exit(f"{args.data_dir} holds --{name} {facts[name]}, not {getattr(args, name)}")
        users = get_user_model().objects
        staff, officer = users.get(pk=facts["staff"]), users.get(pk=facts["officer"])
        partnership = Partnership.objects.get(pk=facts["partnership"])
        board = Board.objects.get(pk=facts["board"])
    else:
        facts = {"schools": args.schools, "partnerships": args.partnerships, "years": args.years}
        facts["database_url"] = args.database_url
        started = time.perf_counter()
        staff, officer, partnership, board, facts["profiles"] = seed(
            args.schools, args.partnerships, args.years, school_year_of(timezone.localdate())
        )
        facts["seeded"] = time.perf_counter() - started
        # As after an upgrade: store every profile's SOP-check summary once, outside any
        # request.
        from django.core.management import call_command

        started = time.perf_counter()
        call_command("check_summaries", stdout=io.StringIO())
        facts["summarised"] = time.perf_counter() - started
        if args.database_url:
            # Bulk-inserted tables have no planner statistics until autovacuum comes by; a
            # live database has them.
            from django.db import connection

            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        facts |= {"staff": staff.pk, "officer": officer.pk}
        facts |= {"partnership": partnership.pk, "board": board.pk}
        if args.data_dir:
            (args.data_dir / SEEDED).write_text(json.dumps(facts), encoding="utf-8")
    # A server worker freezes what it loaded at start (steunwijzer/wsgi.py); do the same, so
    # the collector's full passes do not walk the seeding's leftovers on every request.
    gc.collect()
    gc.freeze()
    n_region = board.partnership.boards.model.objects.filter(partnership=partnership).count()
    pages = [
        (officer, "board_overview", [board.pk]),
        (officer, "board_analysis", [board.pk]),
        (officer, "board_allocation", [board.pk]),
        (staff, "partnership_overview", [partnership.slug]),
        (staff, "coverage", [partnership.slug]),
        (staff, "partnership_analysis", [partnership.slug]),
        # The partnership's pages as people move through them: sorted, searched, paged.
        (staff, "partnership_overview?sorteer=-termijn&pagina=7", [partnership.slug]),
        (staff, "partnership_overview?status=aangeleverd&q=school", [partnership.slug]),
        (staff, "coverage?soort=basis&sorteer=gebied&pagina=4", [partnership.slug]),
        (staff, "home", []),
        (staff, "partnership_overview_export.csv", [partnership.slug, "csv"]),
        (staff, "partnership_overview_export.xlsx", [partnership.slug, "xlsx"]),
    ]
    results = []
    for user, label, args_ in pages:
        if args.pages and label not in args.pages:
            continue
        name, _, query = label.split(".")[0].partition("?")
        client = Client()
        client.force_login(user)
        url = reverse(name, args=args_) + (f"?{query}" if query else "")
        if name == "board_allocation":
            url += "?total=250000&unit=euro&basis=punten&fixed_base=10000"
        results.append((label, measure(client, url, args.requests)))
        if args.profile:
            write_profile(client, url, Path(args.profile) / f"{label}.txt")
    engine = "PostgreSQL" if args.database_url else "SQLite"
    region_schools = args.schools // args.partnerships
    lines = [
        f"### {engine}: {args.schools} schools in {args.partnerships} partnership(s), "
        f"{args.years} school years",
        "",
        f"{facts['profiles']} profiles; the measured partnership has {region_schools} schools in "
        f"{n_region} boards, the measured board {board.schools.count()} schools. Seeded in "
        f"{facts['seeded']:.0f} s; every profile's SOP-check summary stored in "
        f"{facts['summarised']:.0f} s "
        "(`steunwijzer check_summaries`, as after an upgrade). In-process (Django test "
        "client: middleware, view, template), "
        f"{args.requests} warm requests per page after one cold one; ms.",
        "",
        f"Load average {os.getloadavg()[0]:.1f} at the end (the machine is shared).",
        "",
        "| page | cold | median | p95 | min | max | CPU median | HTML (kB) | queries |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for label, r in results:
        lines.append(
            f"| `{label}` | {r['cold']:.0f} | {r['median']:.1f} | {r['p95']:.1f} "
            f"| {r['min']:.1f} | {r['max']:.1f} | {r['cpu']:.1f} | {r['bytes'] / 1000:.0f} "
            f"| {r['queries']} |"
        )
    overviews = [r for label, r in results if "export" not in label]
    if overviews:
        worst = max(r["p95"] for r in overviews)
        largest = max(r["bytes"] for r in overviews) / 1000
        verdict = "met" if worst < TARGET_MS and largest < TARGET_KB else "NOT met"
        lines.append(
            f"\nTarget ({TARGET_MS} ms p95 and {TARGET_KB} kB per page) {verdict}: "
            f"worst p95 {worst:.1f} ms, largest page {largest:.0f} kB."
        )
    export = dict(results).get("partnership_overview_export.xlsx")
    if export:
        lines.append(
            f"\nXLSX download of {region_schools} schools: median {export['median']:.0f} ms, "
            f"max {export['max']:.0f} ms (target: under {EXPORT_TARGET_MS} ms for 3,000)."
        )
    lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.write:
        write_run(Path(args.write), args.section, text)


def write_run(path: Path, section: str, text: str):
    """Add the run at the end of its section (made at the end of the file if it is new), before
    the next section: other scripts' sections may follow it."""
    existing = path.read_text(encoding="utf-8")
    if section not in existing.splitlines():
        existing = existing.rstrip("\n") + "\n\n" + section + "\n\n" + METHOD + "\n"
    lines = existing.splitlines(keepends=True)
    start = lines.index(section + "\n") if section + "\n" in lines else len(lines) - 1
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    before = "".join(lines[:end]).rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n"
    after = "".join(lines[end:])
    path.write_text(before + ("\n" + after if after else ""), encoding="utf-8")


METHOD = (
    "`benchmarks/bench_dashboards.py` seeds with bulk inserts, stores every profile's SOP-check "
    "summary with `steunwijzer check_summaries` and times every overview in-process. The "
    "overviews read the stored summaries (`quality_check.models.CheckSummary`) and run the "
    "check only for a profile without a current one."
)

if __name__ == "__main__":
    main()

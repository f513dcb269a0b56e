"""Benchmark the IJK figures for overviews and one school's result page.

    .venv/bin/python benchmarks/bench_ijk.py [--schools 300] [--runs 30]
        [--write docs/benchmarks.md]

In process, on a fresh SQLite database in a temporary data directory: one partnership with
`--schools` schools, each with a complete IJK self-evaluation this year and last year, and two
Kijkwijzer observations at every tenth school. Times `scores_by_standard` over all schools
(what the board and partnership overviews call) and `ijk_result` plus its realism check and
summary for one school (what the result page and the route page compute), and counts queries.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

SECTION = "## IJK-instrument (issue: instruments)"


def setup_django(data_dir: str):
    os.environ["STEUNWIJZER_DATA_DIR"] = data_dir
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steunwijzer.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed(schools: int) -> tuple[list[int], str]:
    from steunwijzer.instruments.ijk.models import IndicatorScore, Observation, SelfEvaluation
    from steunwijzer.instruments.ijk.services import catalogue_for
    from steunwijzer.organisations.models import Board, Partnership, School

    partnership = Partnership.objects.create(name="SWV Bench", short_name="Bench", slug="bench")
    board = Board.objects.create(partnership=partnership, name="Bestuur")
    version = catalogue_for(partnership)
    catalogue = version.catalogue
    created = School.objects.bulk_create(
        School(
            board=board,
            brin=f"{n // 100:02d}ZZ",
            vestiging=f"{n % 100:02d}",
            name=f"School {n}",
            street_address="-",
            postcode="-",
            city="-",
            municipality="-",
        )
        for n in range(schools)
    )
    year, last_year = "2026-2027", "2025-2026"
    evaluations = SelfEvaluation.objects.bulk_create(
        SelfEvaluation(school=s, school_year=y, catalogue=version)
        for s in created
        for y in (year, last_year)
    )
    IndicatorScore.objects.bulk_create(
        IndicatorScore(
            evaluation=e,
            indicator=i.code,
            standard=i.standard,
            score=1 + (e.pk + n) % 4,
            explanation="Toelichting.",
        )
        for e in evaluations
        for n, i in enumerate(catalogue.indicators.values())
    )
    observable = list(catalogue.observable)
    Observation.objects.bulk_create(
        Observation(
            school=s,
            school_year=year,
            catalogue=version,
            observer_name="Bench",
            observer_role="board_officer",
            observed_on="2026-10-01",
            group_name=f"groep {k + 3}",
            scores={code: 1 + (s.pk + k) % 4 for code in observable[k::2]},
        )
        for s in created[::10]
        for k in range(2)
    )
    return [s.pk for s in created], year


def timed(function, runs: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    function()  # warm-up
    with CaptureQueriesContext(connection) as queries:
        function()
    ms = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        ms.append((time.perf_counter() - start) * 1000)
    return sorted(ms), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=300)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        setup_django(data_dir)
        from steunwijzer.instruments.ijk.result import ijk_result
        from steunwijzer.instruments.ijk.summary import scores_by_standard
        from steunwijzer.organisations.models import School

        start = time.perf_counter()
        ids, year = seed(args.schools)
        seeded = time.perf_counter() - start
        school = School.objects.select_related("board").get(pk=ids[0])

        def one_result():
            result = ijk_result(school, year)
            result.standard_chart().svg("x")
            result.flags()
            result.summary()

        rows = [
            (
                "scores_by_standard, all schools",
                *timed(lambda: scores_by_standard(ids, year), args.runs),
            ),
            ("ijk_result + charts, flags, summary (one school)", *timed(one_result, args.runs)),
        ]
    import django

    table = "\n".join(
        f"| {name} | {ms[0]:.1f} | {ms[len(ms) // 2]:.1f} | {ms[int(len(ms) * 0.95) - 1]:.1f} | "
        f"{ms[-1]:.1f} | {queries} |"
        for name, ms, queries in rows
    )
    command = (
        f".venv/bin/python benchmarks/bench_ijk.py --schools {args.schools} --runs {args.runs} "
        "--write docs/benchmarks.md"
    )
    machine = (
        f"{len(os.sched_getaffinity(0))} CPUs (nproc); Python {sys.version.split()[0]}, "
        f"Django {django.get_version()}"
    )
    section = f"""{SECTION}

Written by `benchmarks/bench_ijk.py` on {time.strftime("%Y-%m-%d %H:%M")}. Rerun with:

    {command}

Machine: {machine}; SQLite, in process.

Method: {args.schools} schools, each with all 27 indicators scored this year and last year
({args.schools * 2 * 27} scores) and two observations at every tenth school, seeded with
`bulk_create` in {seeded:.1f} s. Each call once to warm up and count queries, then
{args.runs} timed calls.

| Call | min (ms) | p50 | p95 | max | queries |
|---|--:|--:|--:|--:|--:|
{table}

`scores_by_standard` stays one query however many schools (the test suite checks that too).
"""
    print(section)
    if args.write:
        sys.path.insert(0, str(Path(__file__).parent))
        import bench_editor

        with mock.patch.object(bench_editor, "SECTION", SECTION):
            bench_editor.write_section(args.write, section)


if __name__ == "__main__":
    main()

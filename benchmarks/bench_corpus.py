"""Benchmark the SOP-check's corpus as the app keeps it: per content version of a partnership.

    .venv/bin/python benchmarks/bench_corpus.py [--schools 300] [--runs 20]

Seeds a temporary SQLite database with one partnership whose schools each published a
version with the answers of benchmarks/bench_check.py (about 1,560 words of chapter text per
school), then times `quality_check.report._corpus`: cold (a new process), with the version
unchanged (every autosave's check), after a change that published nothing new (a school
renamed, an Invulschema saved: the version changes, the texts do not), and after one school
published a new text. Prints median and maximum in ms.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def setup():
    os.environ["STEUNWIJZER_DATA_DIR"] = tempfile.mkdtemp(prefix="bench-corpus-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "steunwijzer.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed(schools: int):
    import bench_check

    from steunwijzer.organisations.models import Board, Partnership, School
    from steunwijzer.profiles.models import Profile, Revision
    from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
    from steunwijzer.regional_model.services import format_import

    partnership = Partnership.objects.create(name="Bench", short_name="Bench", slug="bench")
    version = format_import(
        partnership=partnership,
        text=DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"),
        filename=DEFAULT_FORMAT_PATH.name,
    )
    board = Board.objects.create(partnership=partnership, name="Bestuur")
    answers, names = bench_check.build_answers(version.format, schools)
    rows = School.objects.bulk_create(
        School(
            board=board,
            brin=f"{n // 26 % 100:02d}{chr(65 + n % 26)}{chr(65 + n // 2600)}",
            name=name,
            street_address="Schoolstraat 1",
            postcode="2500 AA",
            city="Den Haag",
            municipality="Den Haag",
        )
        for n, name in enumerate(names)
    )
    profiles = Profile.objects.bulk_create(
        Profile(school=s, school_year="2025-2026", format_version=version, answers=a, version=1)
        for s, a in zip(rows, answers, strict=True)
    )
    revisions = Revision.objects.bulk_create(
        Revision(profile=p, number=1, answers=p.answers, changed_fields=[]) for p in profiles
    )
    for profile, revision in zip(profiles, revisions, strict=True):
        profile.published_revision = revision
    Profile.objects.bulk_update(profiles, ["published_revision"])
    return partnership, version, profiles


def timed(function, runs: int) -> str:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return f"{statistics.median(times):.1f} / {max(times):.1f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=300)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    setup()

    from steunwijzer.organisations.changes import partnership_changed
    from steunwijzer.profiles.models import Profile, Revision
    from steunwijzer.quality_check import report

    partnership, version, profiles = seed(args.schools)
    corpus = (partnership.pk, version.pk)

    def after_a_change():
        partnership_changed(partnership.pk)
        report._corpus(*corpus)

    def after_a_publication():
        profile = profiles[0]
        number = Revision.objects.filter(profile=profile).count() + 1
        text = f"<p>Versie {number}: wat deze school zelf anders doet dan de rest.</p>"
        answers = {**profile.answers, "visie_passend_onderwijs": text}
        revision = Revision.objects.create(
            profile=profile, number=number, answers=answers, changed_fields=[]
        )
        Profile.objects.filter(pk=profile.pk).update(published_revision=revision)
        partnership_changed(partnership.pk)
        report._corpus(*corpus)

    def read():
        report._corpus(*corpus)

    print(f"{args.schools} schools, median / max in ms over {args.runs} runs")
    print(f"cold (a new process):               {timed(read, 1)}")
    print(f"version unchanged:                  {timed(read, args.runs)}")
    print(f"changed, nothing newly published:   {timed(after_a_change, args.runs)}")
    print(f"changed, one school published anew: {timed(after_a_publication, args.runs)}")


if __name__ == "__main__":
    main()

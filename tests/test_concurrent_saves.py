"""Many autosaves and steps on one profile at the same moment, from real threads against the
real database (SQLite and PostgreSQL in CI): nothing is lost and no step happens twice.

Only PostgreSQL proves the row lock (SELECT … FOR UPDATE) itself: SQLite has one writer at a
time (IMMEDIATE transactions), so there the same tests prove that the services wait and retry
nothing by hand. Both must give the same outcome."""

import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.services import ProfileConflict, SaveResult, profile_update
from steunwijzer.route.models import Transition
from steunwijzer.route.services import WrongState, profile_transition
from tests.route_helpers import fill

pytestmark = pytest.mark.django_db(transaction=True)
THREADS = 6


def run_together(work, count=THREADS):
    """Start `count` threads that call work(i) at the same instant; their outcomes by index."""
    barrier = threading.Barrier(count)
    outcomes = [None] * count

    def run(i):
        barrier.wait()
        try:
            outcomes[i] = work(i)
        except Exception as exc:  # the outcome is what the test looks at
            outcomes[i] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return outcomes


def save_on(profile, user, base, changes):
    """An autosave from a tab that loaded version `base`."""
    return profile_update(profile_id=profile.pk, user=user, base_version=base, changes=changes)


def text_fields(profile, count):
    keys = [
        f.key
        for chapter in profile.chapters
        for f in profile.applicable_fields(chapter)
        if f.type in ("short_text", "long_text")
    ]
    assert len(keys) >= count
    return keys[:count]


def test_simultaneous_saves_of_different_fields_all_land(profile, editor):
    keys = text_fields(profile, THREADS)
    base = profile.version
    outcomes = run_together(
        lambda i: save_on(profile, editor, base, {keys[i]: f"Tekst van tabblad {i}"})
    )
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    profile = Profile.objects.get(pk=profile.pk)
    assert profile.version == base + THREADS
    for i, key in enumerate(keys):
        assert profile.answers[key] == f"Tekst van tabblad {i}"
    numbers = list(profile.revisions.values_list("number", flat=True).order_by("number"))
    assert numbers == list(range(numbers[0], base + THREADS + 1))


def test_simultaneous_saves_of_one_field_keep_one_and_report_the_others(profile, editor):
    key = text_fields(profile, 1)[0]
    base = profile.version
    outcomes = run_together(lambda i: save_on(profile, editor, base, {key: f"Versie {i}"}))
    saved = [i for i, o in enumerate(outcomes) if not isinstance(o, Exception)]
    conflicts = [o for o in outcomes if isinstance(o, ProfileConflict)]
    assert len(saved) == 1 and len(conflicts) == THREADS - 1, outcomes
    profile = Profile.objects.get(pk=profile.pk)
    assert profile.answers[key] == f"Versie {saved[0]}"
    assert profile.version == base + 1
    # Every refused tab is told what is stored now, so its text can be merged, not lost.
    assert all(c.conflicts[0].key == key for c in conflicts)


def test_simultaneous_steps_and_saves_never_double_a_step(profile, editor, mr_member):
    fill(profile, editor)
    key = text_fields(profile, 1)[0]
    base = Profile.objects.get(pk=profile.pk).version

    def click_or_type(i):
        if i % 2:
            return profile_transition(profile_id=profile.pk, user=editor, action="request_advice")
        return save_on(profile, editor, base, {key: f"Laatste {i}"})

    outcomes = run_together(click_or_type)
    steps = [o for o in outcomes if isinstance(o, Transition)]
    assert len(steps) == 1
    assert Transition.objects.filter(profile=profile, action="request_advice").count() == 1
    profile = Profile.objects.get(pk=profile.pk)
    assert profile.state == "bij_mr"
    # The step recorded the version it was taken on; saves after it were refused, not lost.
    assert steps[0].version <= profile.version
    # A save either landed before the step or was refused in words (locked, or a conflict
    # with a save that landed); the other clicks were told the step was already taken.
    expected = (Transition, SaveResult, WrongState, PermissionDenied, ProfileConflict)
    assert all(isinstance(o, expected) for o in outcomes), outcomes
    landed = [o for o in outcomes if isinstance(o, SaveResult)]
    assert profile.version == base + len(landed)
    assert profile.revisions.get(number=steps[0].version)

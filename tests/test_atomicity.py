"""A failure half-way through a step, a save, a model import, a delivery or a publication
leaves the database exactly as it was: the failure is injected after the first write."""

from unittest import mock

import pytest

from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.profiles.services import profile_create, profile_update
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
from steunwijzer.regional_model.models import FormatVersion
from steunwijzer.regional_model.services import format_import
from steunwijzer.route.models import Transition
from steunwijzer.route.services import profile_transition, profiles_deliver
from tests.route_helpers import fill, to_state

pytestmark = pytest.mark.django_db


class Injected(Exception):
    """The failure we inject; anything the database or a bug could raise would do."""


def snapshot(profile):
    profile = Profile.objects.get(pk=profile.pk)
    return {
        "state": profile.state,
        "version": profile.version,
        "answers": profile.answers,
        "established": profile.established_revision_id,
        "published": profile.published_revision_id,
        "transitions": list(profile.transitions.values_list("pk", flat=True)),
        "revisions": list(profile.revisions.values_list("number", flat=True)),
    }


def test_a_step_that_fails_after_its_record_leaves_no_record(profile, editor, mr_member):
    fill(profile, editor)
    before = snapshot(profile)
    with (
        mock.patch("steunwijzer.route.services._apply", side_effect=Injected),
        pytest.raises(Injected),
    ):
        profile_transition(profile_id=profile.pk, user=editor, action="request_advice")
    assert snapshot(profile) == before
    assert not Transition.objects.filter(profile=profile).exists()


def test_a_save_that_fails_before_its_revision_changes_nothing(profile, editor):
    before = snapshot(profile)
    with (
        mock.patch("steunwijzer.profiles.services._write_revision", side_effect=Injected),
        pytest.raises(Injected),
    ):
        profile_update(
            profile_id=profile.pk,
            user=editor,
            base_version=profile.version,
            changes={"aantal_groepen": 9},
        )
    assert snapshot(profile) == before


def test_a_model_import_that_fails_after_storing_leaves_no_version(partnership):
    original_save = FormatVersion.save

    def save_then_fail(self, *args, **kwargs):
        original_save(self, *args, **kwargs)
        assert FormatVersion.objects.filter(pk=self.pk).exists()
        raise Injected

    with mock.patch.object(FormatVersion, "save", save_then_fail), pytest.raises(Injected):
        format_import(
            partnership=partnership,
            text=DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"),
            filename=DEFAULT_FORMAT_PATH.name,
        )
    assert not FormatVersion.objects.filter(partnership=partnership).exists()


@pytest.fixture
def established(school, profile, editor, mr_member, officer):
    """Two established SOPs of one board, ready to be delivered together."""
    earlier = profile_create(school=school, school_year="2025-2026", user=editor)
    people = dict(editor=editor, mr=mr_member, officer=officer)
    return [to_state(profile, "vastgesteld", **people), to_state(earlier, "vastgesteld", **people)]


def test_a_delivery_of_several_sops_that_fails_at_the_last_delivers_none(established, officer):
    before = [snapshot(p) for p in established]
    real = profile_transition
    calls = []

    def second_fails(**kwargs):
        calls.append(kwargs["profile_id"])
        if len(calls) == len(established):
            raise Injected
        return real(**kwargs)

    with (
        mock.patch("steunwijzer.route.services.profile_transition", side_effect=second_fails),
        pytest.raises(Injected),
    ):
        profiles_deliver(profile_ids=[p.pk for p in established], user=officer)
    assert len(calls) == 2
    assert [snapshot(p) for p in established] == before
    assert not Transition.objects.filter(action="deliver").exists()


def test_a_publication_that_fails_while_setting_the_public_version_publishes_nothing(
    profile, editor, mr_member, officer, staff
):
    to_state(profile, "ontvangen", editor=editor, mr=mr_member, officer=officer, staff=staff)
    before = snapshot(profile)
    original_save = Profile.save

    def fail_on_publish(self, *args, **kwargs):
        if "published_revision" in (kwargs.get("update_fields") or ()):
            raise Injected
        return original_save(self, *args, **kwargs)

    with mock.patch.object(Profile, "save", fail_on_publish), pytest.raises(Injected):
        profile_transition(profile_id=profile.pk, user=editor, action="publish")
    assert snapshot(profile) == before
    assert snapshot(profile)["published"] is None
    assert not Transition.objects.filter(action="publish").exists()
    assert Revision.objects.filter(profile=profile).count() == len(before["revisions"])

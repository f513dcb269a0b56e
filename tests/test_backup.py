"""`steunwijzer backup` and `steunwijzer restore`: a round trip loses nothing, on SQLite and
PostgreSQL alike; a back-up that does not fit is refused before anything changes."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from steunwijzer.api.models import ApiToken
from steunwijzer.core.backup import BackupError, backed_up_models, backup_restore, backup_write
from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.profiles.services import own_document_upload, profile_create
from steunwijzer.review.services import comment_create
from tests import documents

pytestmark = pytest.mark.django_db(transaction=True)


def everything() -> dict:
    """Every row and every field value of every model that is backed up."""
    tables = {}
    for model in backed_up_models():
        fields = [f.attname for f in model._meta.concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*fields)
        tables[model._meta.label] = [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in row) for row in rows
        ]
    return tables


@pytest.fixture
def filled(partnership, profile, editor, mr_member, school):
    """Our personas with a logo, an uploaded file, a comment and a token."""
    ApiToken.issue(editor, "backup")
    partnership.logo, partnership.logo_type = documents.PNG, "image/png"
    partnership.save()
    own = profile_create(school=school, school_year="2027-2028", user=editor, kind="own")
    own_document_upload(profile=own, user=editor, upload=documents.pdf())
    comment_create(profile=profile, user=mr_member, chapter_key="visie", body="Mooi <b>zo</b>")
    return everything()


def round_trip() -> io.BytesIO:
    archive = io.BytesIO()
    backup_write(archive)
    archive.seek(0)
    return archive


def test_a_round_trip_of_the_demo_loses_nothing(filled):
    # The demo has SOPs in every state, with statements, comments, deadlines and reminders.
    call_command("load_demo", stdout=io.StringIO())
    filled = everything()
    archive = round_trip()
    call_command("flush", interactive=False, verbosity=0)
    assert not Profile.objects.exists()
    backup_restore(archive)
    assert everything() == filled
    logo = Partnership.objects.get(slug="testregio")
    assert bytes(logo.logo) == documents.PNG
    assert Revision.objects.filter(answers__has_key="aantal_groepen").exists()


def test_new_rows_after_a_restore_get_fresh_ids(filled, school, editor):
    archive = round_trip()
    call_command("flush", interactive=False, verbosity=0)
    backup_restore(archive)
    latest = Profile.objects.order_by("-pk").first().pk
    new = profile_create(school=school, school_year="2030-2031", user=editor)
    assert new.pk > latest


def test_the_manifest_says_what_is_in_it(filled):
    with zipfile.ZipFile(round_trip()) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format"] == "steunwijzer-backup" and manifest["format_version"] == 1
        assert "0001_initial" in manifest["migrations"]["profiles"]
        assert manifest["counts"]["profiles.profile"] == Profile.objects.count()
        rows = json.loads(archive.read("data/profiles.profile.json"))
        assert len(rows) == Profile.objects.count()
        assert "data/sessions.session.json" not in archive.namelist()


def test_it_refuses_a_database_that_holds_data(filled):
    archive = round_trip()
    with pytest.raises(BackupError, match="niet leeg"):
        backup_restore(archive)
    assert everything() == filled


def test_yes_replaces_what_is_there(filled, school, editor):
    archive = round_trip()
    profile_create(school=school, school_year="2031-2032", user=editor)
    archive.seek(0)
    backup_restore(archive, replace=True)
    assert everything() == filled


def _rewritten(archive, change) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest)
            target.writestr(item, data)
    out.seek(0)
    return out


def test_it_refuses_a_backup_of_a_newer_steunwijzer(filled):
    newer = _rewritten(
        round_trip(), lambda m: m["migrations"]["profiles"].append("0099_from_the_future")
    )
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(BackupError, match="nieuwere versie"):
        backup_restore(newer)
    assert not Profile.objects.exists()


def test_it_refuses_rows_that_do_not_match_the_manifest(filled):
    wrong = _rewritten(round_trip(), lambda m: m["counts"].update({"profiles.profile": 999}))
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(BackupError, match="niets teruggezet"):
        backup_restore(wrong)
    assert not Profile.objects.exists()


def test_the_commands_write_and_restore_a_file(filled, tmp_path):
    target = tmp_path / "backup.zip"
    out = io.StringIO()
    call_command("backup", output=str(target), stdout=out)
    assert "Back-up geschreven" in out.getvalue() and target.exists()
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("restore", str(target))
    call_command("restore", str(target), yes=True, stdout=out)
    assert "Teruggezet" in out.getvalue()
    assert everything() == filled


def test_it_refuses_a_file_that_is_not_a_backup(tmp_path, db):
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "hallo")
    with pytest.raises(CommandError, match="geen back-up"):
        call_command("restore", str(other))

"""`steunwijzer backup` and `steunwijzer restore`: a round trip loses nothing, on SQLite and
PostgreSQL alike; a back-up that does not fit is refused before anything changes."""

import errno
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from steunwijzer.api.models import ApiToken
from steunwijzer.operations.backup import (
    BackupError,
    backed_up_models,
    backup_restore,
    backup_write,
)
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


# --- Files that are not a good back-up: refused before anything changes -------------------------


def _member_rewritten(archive, name, change) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == name:
                data = change(data)
            if data is not None:
                target.writestr(item, data)
    return io.BytesIO(out.getvalue())


def _declared_size(archive, name: str, size: int) -> bytes:
    """The zip with `name`'s size in the central directory set to `size` (a bomb's claim)."""
    data = bytearray(archive.getvalue())
    at = data.index(b"PK\x01\x02")
    while True:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + length] == name.encode():
            data[at + 24 : at + 28] = size.to_bytes(4, "little")
            return bytes(data)
        at = data.index(b"PK\x01\x02", at + 4)


def _damaged_member(archive) -> bytes:
    """The zip with bytes of the profiles' compressed data changed: its checksum fails."""
    with zipfile.ZipFile(archive) as source:
        info = source.getinfo("data/profiles.profile.json")
    data = bytearray(archive.getvalue())
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start + 10 : start + 20] = bytes(b ^ 0xFF for b in data[start + 10 : start + 20])
    return bytes(data)


def _broken(case: str, good: io.BytesIO, tmp_path) -> str:
    path = tmp_path / "backup.zip"
    whole = good.getvalue()
    if case == "missing":
        return str(tmp_path / "bestaat-niet.zip")
    if case == "folder":
        return str(tmp_path)
    if case == "empty":
        data = b""
    elif case == "truncated zip":
        data = whole[: len(whole) - 200]
    elif case == "half a zip":
        data = whole[: len(whole) // 2]
    elif case == "damaged member":
        data = _damaged_member(good)
    elif case == "png":
        data = documents.PNG
    elif case == "binary junk":
        data = bytes(range(256)) * 64
    elif case == "zip of something else":
        data = _member_rewritten(good, "manifest.json", lambda d: None).getvalue()
    elif case == "manifest of another application":
        data = _rewritten(good, lambda m: m.update(format="ander-programma-backup")).getvalue()
    elif case == "manifest that is no object":
        data = _member_rewritten(good, "manifest.json", lambda d: b"[1, 2, 3]").getvalue()
    elif case == "manifest with broken counts":
        data = _rewritten(good, lambda m: m.update(counts={"profiles.profile": "veel"})).getvalue()
    elif case == "data file missing":
        data = _member_rewritten(good, "data/profiles.profile.json", lambda d: None).getvalue()
    elif case == "data file not json":
        data = _member_rewritten(good, "data/profiles.profile.json", lambda d: d[:-40]).getvalue()
    elif case == "data file not rows":
        data = _member_rewritten(good, "data/profiles.profile.json", lambda d: b"{}").getvalue()
    elif case == "unknown model":
        data = _rewritten(good, lambda m: m["counts"].update({"../../etc/passwd": 1})).getvalue()
    elif case == "declared huge":
        data = _declared_size(good, "data/profiles.profile.json", 2**31)
    path.write_bytes(data)
    return str(path)


BROKEN = {
    "missing": "Bestand niet gevonden",
    "folder": "is een map, geen bestand",
    "empty": "is leeg",
    "truncated zip": "beschadigd of onvolledig",
    "half a zip": "beschadigd of onvolledig",
    "damaged member": r"data/profiles\.profile\.json in de back-up is beschadigd",
    "png": "geen zip-bestand en dus geen back-up",
    "binary junk": "geen zip-bestand en dus geen back-up",
    "zip of something else": "manifest.json ontbreekt",
    "manifest of another application": "hoort bij iets anders",
    "manifest that is no object": "manifest.json is onleesbaar",
    "manifest with broken counts": "manifest.json van de back-up is beschadigd",
    "data file missing": r"onvolledig: data/profiles\.profile\.json ontbreekt",
    "data file not json": "geen geldige rijen",
    "data file not rows": "geen lijst met rijen",
    "unknown model": "dat deze versie van Steunwijzer niet kent",
    "declared huge": r"uitgepakt 2 GB worden, meer dan de grens",
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_or_foreign_file_is_refused_and_nothing_changes(filled, tmp_path, case, settings):
    settings.BACKUP_MAX_UNPACKED_BYTES = 1024**3
    file = _broken(case, round_trip(), tmp_path)
    # --yes: even a restore that may replace everything keeps the database as it was.
    with pytest.raises(CommandError, match=BROKEN[case]) as caught:
        call_command("restore", file, yes=True)
    assert caught.value.returncode == 1
    assert everything() == filled


def test_an_oversized_file_is_refused_before_it_is_opened(filled, tmp_path, settings, monkeypatch):
    target = tmp_path / "backup.zip"
    target.write_bytes(round_trip().getvalue())
    settings.BACKUP_MAX_BYTES = 1000
    monkeypatch.setattr("zipfile.ZipFile", None)  # opening it would fail loudly
    with pytest.raises(CommandError, match=r"is te groot \(.* kB\); een back-up is hooguit"):
        call_command("restore", str(target), yes=True)
    assert everything() == filled


def test_a_backup_that_does_not_fit_in_the_temporary_folder_is_refused(filled, monkeypatch):
    monkeypatch.setattr(
        "steunwijzer.operations.backup.shutil.disk_usage",
        lambda path: shutil._ntuple_diskusage(1, 1, 1),
    )
    with pytest.raises(BackupError, match="is nog 1 bytes vrij"):
        backup_restore(round_trip(), replace=True)
    assert everything() == filled


def test_rows_that_do_not_fit_the_database_are_rolled_back(filled):
    def to_a_school_that_is_not_there(data):
        rows = json.loads(data)
        rows[0]["fields"]["school"] = 999_999
        return json.dumps(rows).encode()

    broken = _member_rewritten(
        round_trip(), "data/profiles.profile.json", to_a_school_that_is_not_there
    )
    with pytest.raises(BackupError, match=r"passen niet in de database.*niets teruggezet"):
        backup_restore(broken, replace=True)
    assert everything() == filled


def test_the_backup_command_refuses_a_folder_it_cannot_write_to(filled, tmp_path):
    for output, message in (
        (tmp_path / "nergens" / "backup.zip", "De map .* bestaat niet"),
        (tmp_path, "is een map; geef een bestandsnaam op"),
    ):
        with pytest.raises(CommandError, match=message):
            call_command("backup", output=str(output), stdout=io.StringIO())
    assert list(tmp_path.iterdir()) == []


def test_a_backup_that_fails_while_written_leaves_no_file(filled, tmp_path, monkeypatch):
    def disk_full(target):
        Path(target).write_bytes(b"PK half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("steunwijzer.operations.management.commands.backup.backup_write", disk_full)
    with pytest.raises(CommandError, match=r"de schijf is vol\. Er is niets geschreven"):
        call_command("backup", output=str(tmp_path / "backup.zip"), stdout=io.StringIO())
    assert list(tmp_path.iterdir()) == []

"""AVG: inzage for a school and a person, and deleting a person with the history intact."""

import errno
import io
import json
import os
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from steunwijzer.api.models import ApiToken
from steunwijzer.operations.avg import AvgError, person_delete, person_export, school_export
from steunwijzer.organisations.models import Invitation, Membership, Role
from steunwijzer.profiles.models import Revision
from steunwijzer.review.models import Comment
from steunwijzer.review.services import comment_create
from steunwijzer.route.models import Transition
from tests.route_helpers import fill, step

pytestmark = pytest.mark.django_db


def read(data: bytes) -> tuple[dict, dict]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        tables = {
            name.removeprefix("data/").removesuffix(".json"): json.loads(archive.read(name))
            for name in archive.namelist()
            if name.startswith("data/")
        }
    return manifest, tables


@pytest.fixture
def history(profile, editor, mr_member, other_profile, other_editor):
    """A profile with saves, a step, a comment; and another school's, which stays out."""
    fill(profile, editor)
    step(profile, editor, "request_advice")
    comment_create(profile=profile, user=mr_member, chapter_key="visie", body="Graag concreter.")
    fill(other_profile, other_editor)
    ApiToken.issue(editor, "koppeling")
    return profile


def test_a_school_export_has_its_profiles_history_and_people(history, school, other_school):
    manifest, tables = read(school_export(school.brin))
    assert manifest["about"] == "school" and manifest["brin"] == school.brin
    assert [row["pk"] for row in tables["organisations.school"]] == [school.pk]
    assert {row["pk"] for row in tables["profiles.profile"]} == {history.pk}
    assert len(tables["profiles.revision"]) == history.revisions.count()
    assert [row["fields"]["action"] for row in tables["route.transition"]] == ["request_advice"]
    assert tables["review.comment"][0]["fields"]["body"] == "Graag concreter."
    assert {m["fields"]["role"] for m in tables["organisations.membership"]} == {
        Role.SCHOOL_EDITOR,
        Role.MR_MEMBER,
    }
    assert {p["username"] for p in manifest["people"]} >= {"editor", "mrlid"}
    # Another school of the same board is not in it.
    assert all(row["fields"]["school"] == school.pk for row in tables["profiles.profile"])
    assert "api.apitoken" not in tables


def test_a_school_export_refuses_an_unknown_brin(db):
    with pytest.raises(AvgError, match="geen school met BRIN 99ZZ"):
        school_export("99ZZ")


def test_a_person_export_has_the_account_roles_and_authored_history(history, editor, school):
    invitation = Invitation(email=editor.email, role=Role.SCHOOL_TEAM, school=school)
    invitation.issue_token()
    invitation.save()
    _manifest, tables = read(person_export("editor"))
    account = tables["auth.user"][0]["fields"]
    assert account["username"] == "editor" and "password" not in account
    assert tables["organisations.membership"][0]["fields"]["role"] == Role.SCHOOL_EDITOR
    assert len(tables["profiles.revision"]) == Revision.objects.filter(author=editor).count()
    assert tables["route.transition"][0]["fields"]["actor_name"] == "Eva de Directeur"
    token = tables["api.apitoken"][0]["fields"]
    assert token["name"] == "koppeling" and "token_hash" not in token
    assert "token_hash" not in tables["organisations.invitation"][0]["fields"]
    assert "review.comment" not in tables  # the MR member wrote it


def test_deleting_a_person_keeps_the_history_meaningful(history, editor, mr_member):
    revisions = Revision.objects.filter(author=editor).count()
    result = person_delete(username="editor")
    assert not get_user_model().objects.filter(username="editor").exists()
    assert not Membership.objects.filter(user_id=editor.pk).exists()
    assert not ApiToken.objects.filter(user_id=editor.pk).exists()
    kept = Revision.objects.filter(author_name="Eva de Directeur")
    assert kept.count() == revisions and not kept.exclude(author=None).exists()
    transition = Transition.objects.get(action="request_advice")
    assert transition.actor_id is None and transition.actor_name == "Eva de Directeur"
    assert Comment.objects.get().author == mr_member
    assert result["unlinked"]["profiles.revision"] == revisions
    assert result["removed"]["organisations.Membership"] == 1


def test_the_last_platform_admin_cannot_be_deleted(db):
    get_user_model().objects.create_superuser("beheer", "b@example.nl", "x-very-long-pass")
    with pytest.raises(AvgError, match="laatste beheerder"):
        person_delete(username="beheer")


def test_the_commands_export_and_delete(history, tmp_path, editor):
    out = io.StringIO()
    target = tmp_path / "school.zip"
    call_command("avg", "export-school", "12ab", "--output", str(target), stdout=out)
    assert read(target.read_bytes())[0]["brin"] == "12AB"
    call_command("avg", "export-person", "editor", "--output", str(tmp_path / "p.zip"), stdout=out)
    call_command("avg", "delete-person", "editor", "--yes", stdout=out)
    assert "naam bewaard, koppeling weg" in out.getvalue()
    with pytest.raises(CommandError, match="geen account"):
        call_command("avg", "export-person", "editor")


@pytest.fixture
def admin(db):
    from tests.conftest import grant, make_user

    user = make_user("beheerder")
    grant(user, Role.PLATFORM_ADMIN)
    return user


def test_the_administrator_downloads_an_inzage_from_the_page(client, admin, history, school):
    client.force_login(admin)
    assert client.get("/inzage/").status_code == 200
    response = client.post("/inzage/", {"about": "school", "key": school.brin})
    assert response["Content-Disposition"].startswith("attachment")
    assert read(response.content)[0]["brin"] == school.brin
    person = client.post("/inzage/", {"about": "person", "key": "editor"})
    assert read(person.content)[0]["username"] == "editor"


def test_the_page_names_what_it_cannot_find(client, admin):
    client.force_login(admin)
    response = client.post("/inzage/", {"about": "person", "key": "niemand"})
    assert response.status_code == 400
    assert "Er is geen account met gebruikersnaam niemand." in response.content.decode()


@pytest.mark.parametrize("action, key", [("export-school", "12ab"), ("export-person", "editor")])
def test_an_export_to_a_place_it_cannot_write_says_so_and_writes_nothing(
    history, tmp_path, action, key
):
    a_file = tmp_path / "bestand.txt"
    a_file.write_text("hier staat al iets")
    for output, message in (
        (tmp_path / "nergens" / "inzage.zip", "De map .* bestaat niet"),
        (tmp_path, "is een map; geef een bestandsnaam op"),
        (a_file / "inzage.zip", "bestand.txt is geen map"),
    ):
        with pytest.raises(CommandError, match=message) as caught:
            call_command("avg", action, key, "--output", str(output), stdout=io.StringIO())
        assert caught.value.returncode == 1
    assert [p.name for p in tmp_path.iterdir()] == ["bestand.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write in any folder")
def test_an_export_into_a_read_only_folder_says_so(history, tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir(mode=0o555)
    with pytest.raises(CommandError, match="mag niet geschreven worden"):
        call_command("avg", "export-school", "12ab", "--output", str(folder / "inzage.zip"))


def test_an_export_that_fails_while_written_leaves_no_file(history, tmp_path, monkeypatch):
    def disk_full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("pathlib.Path.write_bytes", disk_full)
    with pytest.raises(CommandError, match=r"de schijf is vol\. Er is niets geschreven"):
        call_command("avg", "export-school", "12ab", "--output", str(tmp_path / "inzage.zip"))
    assert list(tmp_path.iterdir()) == []


def test_deleting_without_anyone_to_answer_deletes_nothing(history, editor, monkeypatch):
    def no_one(prompt):
        raise EOFError

    monkeypatch.setattr("builtins.input", no_one)
    with pytest.raises(CommandError, match="Niets verwijderd: er kwam geen antwoord"):
        call_command("avg", "delete-person", "editor")
    assert get_user_model().objects.filter(username="editor").exists()

"""Bad input through the forms the views read: a clear Dutch message, and nothing written."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunwijzer.api.models import ApiToken
from steunwijzer.dashboards.models import AllocationScenario
from steunwijzer.instruments.diversity.models import Invulschema
from steunwijzer.instruments.ijk.models import IndicatorScore, Observation, PeerObserver
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.services import profile_update
from steunwijzer.quality_check.models import CheckSettings
from steunwijzer.regional_model.models import FormatVersion
from steunwijzer.review.models import Comment
from tests.diversity_helpers import export, pupils, this_year
from tests.ijk_helpers import YEAR
from tests.route_helpers import fill, step, to_state

NULL = "Null-tekens zijn niet toegestaan."


def page_text(response) -> str:
    return response.content.decode()


# --- Starting a profile and saving a chapter ------------------------------------------------


def test_an_unknown_kind_of_profile_is_refused_in_dutch(client, school, format_version, editor):
    client.force_login(editor)
    response = client.post(reverse("profile_new", args=[school.pk]), {"kind": "anders"})
    assert response.status_code == 400
    assert page_text(response) == "Kies het regionale model of een eigen model."
    assert not school.profiles.exists()


def test_without_a_kind_the_profile_follows_the_regional_model(
    client, school, format_version, editor
):
    client.force_login(editor)
    assert client.post(reverse("profile_new", args=[school.pk])).status_code == 302
    assert school.profiles.get().kind == Profile.Kind.REGIONAL


@pytest.mark.parametrize("view", ["profile_chapter", "profile_autosave"])
@pytest.mark.parametrize("version", ["zeven", "", "1.5"])
def test_a_chapter_with_an_unreadable_version_is_not_saved(client, profile, editor, view, version):
    client.force_login(editor)
    response = client.post(
        reverse(view, args=[profile.pk, "schoolgegevens"]),
        {"base_version": version, "f-aantal_groepen": "8"},
    )
    assert response.status_code == 400
    assert "Het formulier mist de versie. Laad de pagina opnieuw." in page_text(response)
    profile.refresh_from_db()
    assert profile.version == 0 and "aantal_groepen" not in profile.answers


def _conflict_choice(client, profile, **data):
    url = reverse("profile_resolve_conflict", args=[profile.pk, "schoolgegevens"])
    return client.post(url, data, follow=True)


@pytest.mark.parametrize(
    "data",
    [
        {"base_version": "een", "choice-aantal_groepen": "mine"},
        {"base_version": "1", "choice-aantal_groepen": "beide"},
    ],
)
def test_an_unreadable_conflict_choice_saves_nothing(client, profile, editor, second_editor, data):
    profile_update(
        profile_id=profile.pk, user=second_editor, base_version=0, changes={"aantal_groepen": 9}
    )
    client.force_login(editor)
    response = _conflict_choice(client, profile, pending='{"aantal_groepen": 8}', **data)
    assert "Uw keuze kon niet worden verwerkt. Controleer het hoofdstuk." in page_text(response)
    profile.refresh_from_db()
    assert profile.version == 1 and profile.answers["aantal_groepen"] == 9


def test_a_conflict_choice_keeps_own_text_unless_told_otherwise(
    client, profile, editor, second_editor
):
    profile_update(
        profile_id=profile.pk, user=second_editor, base_version=0, changes={"aantal_groepen": 9}
    )
    client.force_login(editor)
    response = _conflict_choice(client, profile, base_version="1", pending='{"aantal_groepen": 8}')
    assert "Uw keuze is opgeslagen." in page_text(response)
    profile.refresh_from_db()
    assert profile.answers["aantal_groepen"] == 8


# --- The route --------------------------------------------------------------------------------


def test_a_step_with_a_null_character_records_nothing(client, profile, editor, mr_member):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    client.force_login(mr_member)
    response = client.post(
        reverse("profile_transition", args=[profile.pk, "give_advice"]),
        {"advice": "negatief", "motivation": "Te\x00vaag"},
    )
    assert response.status_code == 422
    assert NULL in page_text(response)
    profile.refresh_from_db()
    assert profile.state == "bij_mr" and not profile.transitions.filter(action="give_advice")


@pytest.mark.parametrize("chosen", [["abc"], [""], []])
def test_a_board_delivery_of_nothing_readable_delivers_nothing(
    client, profile, editor, mr_member, officer, school, chosen
):
    to_state(profile, "vastgesteld", editor=editor, mr=mr_member, officer=officer)
    client.force_login(officer)
    response = client.post(reverse("board_deliver", args=[school.board_id]), {"profiles": chosen})
    assert response.status_code == 200
    assert "Kies een of meer vastgestelde SOP" in page_text(response)
    profile.refresh_from_db()
    assert profile.state == "vastgesteld"


# --- Comments -------------------------------------------------------------------------------


def test_a_reply_to_an_unreadable_thread_is_not_found(client, profile, editor):
    client.force_login(editor)
    response = client.post(
        reverse("comment_create", args=[profile.pk]), {"parent": "abc", "body": "Hier?"}
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_a_comment_with_a_null_character_is_kept_in_the_form(client, profile, editor):
    client.force_login(editor)
    response = client.post(
        reverse("comment_create", args=[profile.pk]),
        {"chapter": "visie", "body": "Kunt u\x00 dit uitleggen?"},
    )
    assert response.status_code == 422
    assert NULL in page_text(response)
    assert not Comment.objects.exists()


# --- The SOP model and the check's lists ----------------------------------------------------


def test_a_model_over_1_mb_is_refused_before_it_is_read(client, partnership, staff):
    client.force_login(staff)
    model = SimpleUploadedFile("model.yaml", b"#" * (1024 * 1024 + 1))
    response = client.post(
        reverse("format_versions", args=[partnership.slug]), {"model": model, "action": "import"}
    )
    assert response.status_code == 400
    assert "Dit bestand is groter dan 1 MB; een SOP-model is veel kleiner." in page_text(response)
    assert not FormatVersion.objects.exists()


def test_a_check_list_with_a_null_character_is_not_stored(client, partnership, staff):
    client.force_login(staff)
    response = client.post(
        reverse("check_settings", args=[partnership.slug]),
        {"vague_phrases": "zo goed\x00 mogelijk", "jargon": "IB = intern begeleider"},
    )
    assert response.status_code == 422
    assert NULL in page_text(response)
    assert "IB = intern begeleider" in page_text(response)  # kept as typed
    assert not CheckSettings.objects.filter(partnership=partnership).exclude(jargon="").exists()


# --- The Invulschema: import page and API ---------------------------------------------------


def _api_import(client, school, editor, data):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(editor, 'test')[1]}"}
    path = f"/api/v1/schools/{school.brin_code}/years/{this_year()}/diversity/import/"
    return client.post(path, data, **headers)


def test_the_import_api_without_a_file_says_which_field(client, school, editor):
    response = _api_import(client, school, editor, {"confirm": "true"})
    assert response.status_code == 422
    assert response.json() == {
        "error": "Stuur het bestand mee als multipart-veld 'file'.",
        "problems": [{"path": "file", "message": "verplicht"}],
    }
    assert not Invulschema.objects.exists()


@pytest.mark.parametrize("confirm", ["1", "True", "ja", ""])
def test_the_import_api_stores_only_with_confirm_true(client, school, editor, confirm):
    data = export(pupils("6", "geen", 240))
    file = SimpleUploadedFile("e.csv", data)
    response = _api_import(client, school, editor, {"file": file, "confirm": confirm})
    assert response.status_code == 200 and response.json()["confirmed"] is False
    assert not Invulschema.objects.exists()


def test_a_file_over_the_limit_is_refused_by_the_api_and_the_page(client, school, editor):
    data = export(pupils("6", "geen", 240))
    with mock.patch("steunwijzer.instruments.diversity.forms.MAX_IMPORT_BYTES", 100):
        api = _api_import(client, school, editor, {"file": SimpleUploadedFile("e.csv", data)})
        client.force_login(editor)
        page = client.post(
            f"/scholen/{school.brin_code}/verscheidenheid/{this_year()}/inlezen/",
            {"file": SimpleUploadedFile("e.csv", data)},
        )
    assert api.status_code == 413 and "de grens is 20 MB" in api.json()["error"]
    assert page.status_code == 422 and "de grens is 20 MB" in page_text(page)
    assert not Invulschema.objects.exists()


def test_the_import_page_without_a_file_asks_for_one(client, school, editor):
    client.force_login(editor)
    response = client.post(f"/scholen/{school.brin_code}/verscheidenheid/{this_year()}/inlezen/")
    assert response.status_code == 422
    assert "Kies een bestand om in te lezen." in page_text(response)


# --- IJK ------------------------------------------------------------------------------------


def _ijk_url(name, school):
    return reverse(name, args=[school.pk, YEAR])


def test_a_score_that_is_no_number_is_explained_and_nothing_is_saved(client, editor, school):
    client.force_login(editor)
    response = client.post(reverse("ijk_score", args=[school.pk, YEAR, "OP1"]), {"score": "drie"})
    assert response.status_code == 422
    assert "kies een score van 1 tot en met 4" in page_text(response)
    assert not IndicatorScore.objects.exists()


@pytest.mark.parametrize("peer", ["abc", "", "999999"])
def test_an_unreadable_peer_is_explained(client, editor, school, peer):
    client.force_login(editor)
    response = client.post(_ijk_url("ijk_peer_assign", school), {"peer": peer})
    assert response.status_code == 422
    assert "andere school" in page_text(response)
    assert not PeerObserver.objects.exists()


def test_an_observation_with_a_null_character_is_not_recorded(client, officer, school):
    client.force_login(officer)
    response = client.post(
        _ijk_url("ijk_observation_new", school),
        {"observed_on": "2026-10-01", "group_name": "groep\x005", "score-OP3": "2"},
    )
    assert response.status_code == 422
    assert NULL in page_text(response)
    assert not Observation.objects.exists()


# --- Allocation -----------------------------------------------------------------------------


def test_an_allocation_with_a_null_character_is_not_saved(client, officer, board):
    client.force_login(officer)
    response = client.post(
        reverse("board_allocation", args=[board.pk]),
        {"name": "Arrange\x00menten", "total": "1000", "unit": "euro", "basis": "leerlingen"},
    )
    assert response.status_code == 422
    assert NULL in page_text(response)
    assert not AllocationScenario.objects.exists()


def test_a_link_without_the_unit_computes_in_euro(client, officer, board, school):
    client.force_login(officer)
    url = reverse("board_allocation", args=[board.pk])
    response = client.get(url, {"total": "1000", "basis": "leerlingen"})
    assert response.status_code == 200 and response.context["inputs"].unit == "euro"
    empty_unit = client.get(url, {"total": "1000", "basis": "leerlingen", "unit": ""})
    assert empty_unit.status_code == 422
    assert "Kies euro, fte of uren." in page_text(empty_unit)
    assert not AllocationScenario.objects.exists()

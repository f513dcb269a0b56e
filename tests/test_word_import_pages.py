"""The pages and the API operation that read last year's SOP in Word into a concept profile:
who may, the preview, the one version the confirmation makes, and the refusals in Dutch."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunwijzer.api.models import ApiToken
from steunwijzer.profiles import word_import
from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.profiles.services import profile_restore

from . import word_sops

pytestmark = pytest.mark.django_db

LOCKED = "Dit SOP is geen concept meer; een vorig SOP kan alleen in een concept worden ingelezen."


def _docx(data: bytes, name="vorig-sop.docx"):
    return SimpleUploadedFile(name, data)


def _import_url(profile):
    return reverse("profile_import", args=[profile.pk])


def _confirm_url(profile):
    return reverse("profile_import_confirm", args=[profile.pk])


def _lock(profile):
    Profile.objects.filter(pk=profile.pk).update(state="vastgesteld")


def test_the_editor_finds_the_link_on_a_concept_and_not_on_a_locked_profile(
    client, profile, editor
):
    client.force_login(editor)
    chapter = reverse("profile_chapter", args=[profile.pk, "visie"])
    body = client.get(chapter).content.decode()
    assert "Vorig SOP inlezen" in body and _import_url(profile) in body
    page = client.get(_import_url(profile))
    assert page.status_code == 200
    assert "Upload uw vorige SOP als Word-bestand." in page.content.decode()


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "other_editor"])
def test_others_may_not_read_a_file_into_the_profile(request, client, profile, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(_import_url(profile)).status_code == 403
    upload = client.post(_import_url(profile), {"file": _docx(word_sops.styled_headings())})
    assert upload.status_code == 403
    confirm = client.post(
        _confirm_url(profile),
        {"base_version": profile.version, "take_basiskwaliteit": "on", "text_basiskwaliteit": "x"},
    )
    assert confirm.status_code == 403
    assert Profile.objects.get(pk=profile.pk).version == profile.version


def test_a_locked_profile_is_refused_with_a_dutch_message(client, profile, editor):
    _lock(profile)
    client.force_login(editor)
    response = client.get(_import_url(profile))
    assert response.status_code == 403
    assert LOCKED in response.content.decode()
    confirm = client.post(
        _confirm_url(profile),
        {"base_version": profile.version, "take_basiskwaliteit": "on", "text_basiskwaliteit": "x"},
    )
    assert confirm.status_code == 403


def test_the_preview_shows_old_text_beside_the_field_and_why_and_saves_nothing(
    client, profile, editor
):
    client.force_login(editor)
    response = client.post(_import_url(profile), {"file": _docx(word_sops.styled_headings())})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Waarom: kop “Basiskwaliteit” lijkt op veld “Basiskwaliteit”." in body
    assert "Vaste tekst “Zorgplicht” herkend; die wordt niet overgenomen" in body
    assert 'name="take_visie_passend_onderwijs" value="on" checked' in body
    assert f'name="base_version" value="{profile.version}"' in body
    assert word_sops.VISION in body
    assert Profile.objects.get(pk=profile.pk).version == profile.version


def test_a_too_long_text_is_told_and_not_ticked(client, profile, editor):
    client.force_login(editor)
    body = client.post(_import_url(profile), {"file": _docx(word_sops.long_vision())})
    body = body.content.decode()
    assert "in dit veld passen er ten hoogste 3000" in body
    assert 'name="take_visie_passend_onderwijs" value="on">' in body
    assert 'name="take_basiskwaliteit" value="on" checked' in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Het bestand is leeg."),
        (b"%PDF-1.7", "Dit is geen Word-bestand (.docx)"),
        (word_sops.without_headings(), "In het bestand zijn geen koppen gevonden."),
    ],
)
def test_a_bad_file_on_the_page_gets_its_dutch_message(client, profile, editor, data, message):
    client.force_login(editor)
    response = client.post(_import_url(profile), {"file": _docx(data)})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_no_file_gets_a_dutch_message(client, profile, editor):
    client.force_login(editor)
    response = client.post(_import_url(profile), {})
    assert response.status_code == 400
    assert "Kies het Word-bestand met uw vorige SOP." in response.content.decode()


def test_confirming_fills_the_ticked_fields_in_one_version_that_can_be_restored_away(
    client, profile, editor
):
    client.force_login(editor)
    before = profile.version
    response = client.post(
        _confirm_url(profile),
        {
            "base_version": before,
            "take_visie_passend_onderwijs": "on",
            "text_visie_passend_onderwijs": "Aangepaste visie.",
            "text_basiskwaliteit": "Niet aangevinkt.",
        },
        follow=True,
    )
    assert response.redirect_chain[0][0] == reverse("profile_detail", args=[profile.pk])
    assert (
        "1 veld is ingevuld uit het vorige SOP. U kunt dit ongedaan maken via Versies en "
        "herstellen." in response.content.decode()
    )
    profile.refresh_from_db()
    assert profile.version == before + 1
    assert profile.answers["visie_passend_onderwijs"] == "Aangepaste visie."
    assert not profile.answers.get("basiskwaliteit")
    revision = profile.revisions.get(number=profile.version)
    assert revision.reason == Revision.Reason.IMPORT
    assert revision.changed_fields == ["visie_passend_onderwijs"]
    assert revision.get_reason_display() == "ingelezen uit een vorig SOP"
    profile_restore(profile_id=profile.pk, user=editor, revision_number=before)
    profile.refresh_from_db()
    assert not profile.answers.get("visie_passend_onderwijs")


def _posted_row(key, old, text, *, take=True):
    row = {
        f"old_{key}": old,
        f"heading_{key}": "Oude kop",
        f"reason_{key}": "kop “Oude kop” lijkt op veld “x”",
        f"text_{key}": text,
    }
    return row | ({f"take_{key}": "on"} if take else {})


def test_confirming_nothing_ticked_fills_nothing_and_keeps_the_text(client, profile, editor):
    client.force_login(editor)
    response = client.post(
        _confirm_url(profile),
        {
            "base_version": profile.version,
            **_posted_row("basiskwaliteit", "Oud", "Mijn aangepaste tekst", take=False),
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Vink ten minste één veld aan waarin u de oude tekst wilt overnemen." in body
    assert ">Mijn aangepaste tekst</textarea>" in body
    assert 'name="take_basiskwaliteit" value="on">' in body
    assert Profile.objects.get(pk=profile.pk).version == profile.version


def test_confirming_a_text_too_long_for_its_field_fills_nothing_and_names_the_field(
    client, profile, editor
):
    client.force_login(editor)
    response = client.post(
        _confirm_url(profile),
        {
            "base_version": profile.version,
            **_posted_row("visie_passend_onderwijs", "Oude visie", "x" * 3001),
            **_posted_row("basiskwaliteit", "Oud", "Past wel."),
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Er is niets ingevuld." in body
    assert 'id="err-visie_passend_onderwijs">maximaal 3000 tekens, dit zijn er 3001' in body
    assert ">Past wel.</textarea>" in body and "Waarom: kop “Oude kop” lijkt op veld “x”." in body
    assert Profile.objects.get(pk=profile.pk).version == profile.version


def test_confirming_on_a_version_changed_meanwhile_fills_nothing_and_offers_the_new_one(
    client, profile, editor
):
    client.force_login(editor)
    response = client.post(
        _confirm_url(profile),
        {"base_version": profile.version - 1, **_posted_row("basiskwaliteit", "Oud", "Tekst")},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert (
        "Het profiel is intussen gewijzigd; er is niets ingevuld. Kijk de velden na en bevestig "
        "opnieuw." in body
    )
    assert f'name="base_version" value="{profile.version}"' in body
    assert Profile.objects.get(pk=profile.pk).version == profile.version


# --- the API: profile_import ---------------------------------------------------------------------


def _api(client, profile, user, data):
    token = ApiToken.issue(user, "test")[1]
    return client.post(
        f"/api/v1/profiles/{profile.pk}/import/",
        data,
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def test_the_api_previews_without_saving(client, profile, editor):
    response = _api(client, profile, editor, {"file": _docx(word_sops.numbered_headings())})
    assert response.status_code == 200
    answer = response.json()
    assert answer["confirmed"] is False and answer["base_version"] == profile.version
    fields = {s["field"]: s for s in answer["suggestions"]}
    assert set(fields) == {"visie_passend_onderwijs", "basiskwaliteit", "aanmelden_toelichting"}
    assert (
        fields["basiskwaliteit"]["reason"] == "kop “Basiskwaliteit” lijkt op veld “Basiskwaliteit”"
    )
    assert answer["fixed_texts"] == [
        {"key": "zorgplicht_tekst", "title": "Zorgplicht", "heading": "Zorgplicht"}
    ]
    assert Profile.objects.get(pk=profile.pk).version == profile.version


def test_the_api_fills_what_fits_with_confirm_and_names_what_is_too_long(client, profile, editor):
    data = {"file": _docx(word_sops.long_vision()), "confirm": "true"}
    response = _api(client, profile, editor, data)
    assert response.status_code == 200
    answer = response.json()
    assert answer["confirmed"] is True
    assert answer["filled"] == ["basiskwaliteit"]
    assert answer["too_long"] == ["visie_passend_onderwijs"]
    assert answer["version"] == profile.version + 1
    assert "<p>" in answer["answers"]["basiskwaliteit"]
    profile.refresh_from_db()
    assert profile.revisions.get(number=profile.version).reason == Revision.Reason.IMPORT


def test_the_api_refuses_a_bad_file_in_dutch(client, profile, editor):
    response = _api(client, profile, editor, {"file": _docx(word_sops.without_headings())})
    assert response.status_code == 422
    answer = response.json()
    assert answer["error"] == "Het bestand is niet ingelezen; er is niets opgeslagen."
    assert answer["problems"][0]["message"].startswith("In het bestand zijn geen koppen gevonden.")
    missing = _api(client, profile, editor, {})
    assert missing.status_code == 422
    assert missing.json()["error"] == "Stuur het bestand mee als multipart-veld 'file'."


def test_the_api_refuses_a_file_over_the_limit_with_413(client, profile, editor, monkeypatch):
    monkeypatch.setattr(word_import, "MAX_IMPORT_BYTES", 2048)
    response = _api(client, profile, editor, {"file": _docx(word_sops.styled_headings())})
    assert response.status_code == 413
    assert response.json()["error"] == (
        "Het bestand is groter dan 2 kB; sla het SOP op zonder afbeeldingen en probeer het opnieuw."
    )
    assert Profile.objects.get(pk=profile.pk).version == profile.version


def test_the_api_refuses_a_locked_profile_and_a_team_member(client, profile, editor, team_member):
    data = {"file": _docx(word_sops.styled_headings())}
    assert _api(client, profile, team_member, data).status_code == 403
    _lock(profile)
    response = _api(client, profile, editor, {"file": _docx(word_sops.styled_headings())})
    assert response.status_code == 403
    assert response.json()["error"] == LOCKED

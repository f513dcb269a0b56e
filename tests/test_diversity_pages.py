"""The Invulschema pages: import with preview and confirm, filling in by hand, the chapter aside."""

from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from steunwijzer.instruments.diversity import services
from steunwijzer.instruments.diversity.models import Invulschema, SchemeVersion
from steunwijzer.instruments.diversity.pupil_file import MAX_IMPORT_BYTES
from tests.diversity_helpers import export, pupils, this_year

pytestmark = pytest.mark.django_db


def url(school, step="", year=None):
    return f"/scholen/{school.brin_code}/verscheidenheid/{year or this_year()}/{step}"


def upload(client, school, data, name="export.csv"):
    return client.post(url(school, "inlezen/"), {"file": SimpleUploadedFile(name, data)})


def fitting_export(school, heavy_group="6"):
    """An export whose total matches the school's 240 pupils; group 6 passes both signals."""
    rows = pupils(heavy_group, "geen", 15) + pupils(heavy_group, "arrangement", 7)
    rows += pupils(heavy_group, "basis", 7)
    for group in ("1/2", "3", "4", "5", "7", "8"):
        rows += pupils(group, "geen", 30) + pupils(group, "basis", 5)
    rows += pupils("8", "geen", 1)
    assert len(rows) == school.pupil_count == 240
    return export(rows)


def test_an_editor_imports_with_a_preview_first_and_stores_on_confirm(client, editor, school):
    client.force_login(editor)
    response = upload(client, school, fitting_export(school))
    assert response.status_code == 302 and response.url.endswith("inlezen/bevestigen/")
    assert not Invulschema.objects.exists()
    preview = client.get(response.url)
    text = preview.content.decode()
    assert "Controleren en opslaan" in text and "240 leerlingen geteld" in text
    assert "In groep 6 met 29 leerlingen hebben 7 leerlingen" in text
    assert not Invulschema.objects.exists()
    saved = client.post(response.url, {"confirm": "1"})
    assert saved.status_code == 302
    invulschema = Invulschema.objects.get()
    assert invulschema.source == Invulschema.Source.IMPORT
    assert invulschema.counts["6"] == {"geen": 15, "extra": 7, "basis": 7}
    page = client.get(saved.url).content.decode()
    assert "Verscheidenheidsindex per groep" in page and "signaal" in page
    # The session kept counts only, and is emptied after saving.
    assert f"diversity-import-{school.pk}-{this_year()}" not in client.session


def test_cancelling_the_preview_stores_nothing(client, editor, school):
    client.force_login(editor)
    confirm = upload(client, school, fitting_export(school)).url
    client.post(confirm, {"cancel": "1"})
    assert not Invulschema.objects.exists()
    assert client.get(confirm).status_code == 302


def test_a_file_with_errors_stores_nothing_and_names_row_and_column(client, editor, school):
    client.force_login(editor)
    response = upload(client, school, export([("6", "geen"), ("12", "geen")]))
    assert response.status_code == 422
    assert "Regel 3, kolom &#x27;Groep&#x27;: onbekende groep &#x27;12&#x27;" in (
        response.content.decode()
    )
    assert not Invulschema.objects.exists()


def test_a_total_that_disagrees_with_the_pupil_count_is_explained_and_can_be_corrected(
    client, editor, school
):
    client.force_login(editor)
    confirm = upload(client, school, export(pupils("6", "geen", 25))).url
    preview = client.get(confirm).content.decode()
    assert "In totaal 25 leerlingen, maar bij de school staan 240 leerlingen" in preview
    refused = client.post(confirm, {"confirm": "1"})
    assert refused.status_code == 200 and not Invulschema.objects.exists()
    client.post(confirm, {"confirm": "1", "update_pupil_count": "1"})
    school.refresh_from_db()
    assert school.pupil_count == 25 and Invulschema.objects.get().result.pupils == 25


def test_a_failure_while_saving_leaves_nothing_half_written(client, editor, school):
    client.force_login(editor)
    confirm = upload(client, school, export(pupils("6", "geen", 25))).url
    with (
        mock.patch.object(Invulschema, "save", side_effect=RuntimeError("disk full")),
        mock.patch.object(services.Invulschema.objects, "select_for_update") as lock,
    ):
        lock.return_value.get_or_create.side_effect = RuntimeError("disk full")
        with pytest.raises(RuntimeError):
            client.post(confirm, {"confirm": "1", "update_pupil_count": "1"})
    school.refresh_from_db()
    assert school.pupil_count == 240  # the pupil count update was rolled back too
    assert not Invulschema.objects.exists() and not SchemeVersion.objects.exists()


def test_a_50_mb_upload_is_refused_before_it_is_read(client, editor, school):
    client.force_login(editor)
    with mock.patch("django.http.request.HttpRequest._load_post_and_files") as parse:
        response = client.post(
            url(school, "inlezen/"),
            data=b"x",
            content_type="multipart/form-data; boundary=x",
            CONTENT_LENGTH=str(50 * 1024 * 1024),
        )
    assert response.status_code == 413
    assert "Wat u verstuurt (50 MB) is groter dan de grens van 20 MB" in response.content.decode()
    parse.assert_not_called()
    assert MAX_IMPORT_BYTES == 20 * 1024 * 1024


def test_an_editor_fills_in_by_hand(client, editor, school):
    client.force_login(editor)
    form = client.get(url(school, "invullen/"))
    assert form.status_code == 200 and 'name="group-0"' in form.content.decode()
    data = {
        "rows": "2",
        "group-0": "6",
        "c-0-geen": "200",
        "c-0-tlv": "10",
        "d-0-gedrag": "4",
        "group-1": "5/6",
        "c-1-extra": "30",
    }
    response = client.post(url(school, "invullen/"), data)
    assert response.status_code == 302
    invulschema = Invulschema.objects.get()
    assert invulschema.counts == {"6": {"geen": 200, "tlv": 10}, "5/6": {"extra": 30}}
    assert invulschema.domain_counts == {"6": {"gedrag": 4}}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"group-0": "6", "c-0-geen": "-3"},
            "Rij 1 (6), kolom &#x27;Geen specifieke ondersteuningsbehoefte&#x27;: "
            "een aantal kan niet negatief zijn",
        ),
        ({"group-0": "6", "c-0-geen": "drie"}, "&#x27;drie&#x27; is geen geheel getal"),
        ({"group-0": "", "c-0-geen": "3"}, "Rij 1: vul de groep in"),
        ({"group-0": "9", "c-0-geen": "240"}, "onbekende groep &#x27;9&#x27;"),
        (
            {"group-0": "6", "c-0-geen": "12"},
            "In totaal 12 leerlingen, maar bij de school staan 240",
        ),
    ],
)
def test_bad_hand_input_is_explained_and_nothing_is_stored(client, editor, school, data, message):
    client.force_login(editor)
    response = client.post(url(school, "invullen/"), {"rows": "1", **data})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Invulschema.objects.exists()


def test_the_example_export_can_be_downloaded(client, editor):
    client.force_login(editor)
    response = client.get("/verscheidenheid/voorbeeldbestand.csv")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"Groep;Categorie;Domein")


def test_the_chapter_on_extra_support_shows_the_signal_sentences(client, editor, school, profile):
    services.invulschema_save(
        school=school,
        school_year=profile.school_year,
        counts={"6": {"geen": 15, "basis": 7, "extra": 5, "tlv": 2}},
        update_pupil_count=True,
    )
    client.force_login(editor)
    chapter = next(
        c for c in profile.sop_format.chapters if c.mandatory_part == "extra_ondersteuning"
    )
    page = client.get(f"/profielen/{profile.pk}/hoofdstuk/{chapter.key}/").content.decode()
    assert "Verscheidenheidsindex " + profile.school_year in page
    assert "In groep 6 met 29 leerlingen hebben 7 leerlingen" in page
    other = next(c for c in profile.sop_format.chapters if c.mandatory_part == "visie")
    assert (
        "In groep 6"
        not in client.get(f"/profielen/{profile.pk}/hoofdstuk/{other.key}/").content.decode()
    )


def test_more_empty_rows_can_be_asked_for(client, editor, school):
    client.force_login(editor)
    page = client.get(url(school, "invullen/") + "?rijen=5").content.decode()
    assert 'name="group-12"' in page and 'name="group-13"' not in page  # 8 groups + 5
    assert client.get(url(school, "invullen/") + "?rijen=veel").status_code == 200

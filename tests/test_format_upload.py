"""Partnership staff check and import a new version of their SOP model in the browser."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH
from steunwijzer.regional_model.models import FormatVersion

SOURCE = DEFAULT_FORMAT_PATH.read_text(encoding="utf-8")


def url(partnership):
    return reverse("format_versions", args=[partnership.slug])


def upload(client, partnership, text, action="import"):
    model = SimpleUploadedFile("model.yaml", text.encode())
    return client.post(url(partnership), {"model": model, "action": action})


def test_staff_imports_a_new_version(client, partnership, format_version, staff):
    client.force_login(staff)
    response = upload(client, partnership, SOURCE.replace('version: "2.0"', 'version: "2.1"'))
    assert response.status_code == 302
    assert FormatVersion.objects.current_for(partnership).version == "2.1"
    page = client.get(url(partnership)).content.decode()
    assert "2.1" in page and "huidig" in page


def test_validate_only_imports_nothing(client, partnership, staff):
    client.force_login(staff)
    response = upload(client, partnership, SOURCE, action="validate")
    assert "Het model is in orde." in response.content.decode()
    assert not FormatVersion.objects.exists()


def test_it_lists_problems_with_their_line(client, partnership, staff):
    client.force_login(staff)
    response = upload(client, partnership, SOURCE.replace("type: long_text", "type: tekst", 1))
    body = response.content.decode()
    assert response.status_code == 422
    assert "model.yaml:" in body and "tekst" in body
    assert not FormatVersion.objects.exists()


def test_it_refuses_the_same_version_twice(client, partnership, format_version, staff):
    client.force_login(staff)
    response = upload(client, partnership, SOURCE)
    assert response.status_code == 422
    assert "verhoog het versienummer" in response.content.decode()


def test_it_asks_for_a_file(client, partnership, staff):
    client.force_login(staff)
    response = client.post(url(partnership), {"action": "import"})
    assert response.status_code == 400
    assert "Kies een YAML-bestand" in response.content.decode()


def test_staff_downloads_the_yaml_of_a_version(client, partnership, format_version, staff):
    client.force_login(staff)
    response = client.get(
        reverse("format_version_source", args=[partnership.slug, format_version.pk])
    )
    assert response.content.decode() == SOURCE
    assert "haaglanden-2.0.yaml" in response["Content-Disposition"]


@pytest.mark.parametrize("persona", ["editor", "officer", "other_staff", "outsider"])
def test_only_staff_manage_the_model(request, client, partnership, format_version, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(partnership)).status_code == 403
    assert upload(client, partnership, SOURCE.replace('"2.0"', '"9.9"')).status_code == 403
    source_url = reverse("format_version_source", args=[partnership.slug, format_version.pk])
    assert client.get(source_url).status_code == 403
    assert FormatVersion.objects.count() == 1


def test_profiles_keep_their_version_and_new_ones_take_the_current(
    client, partnership, format_version, profile, other_school, staff, other_editor
):
    from steunwijzer.profiles.services import profile_create

    client.force_login(staff)
    upload(client, partnership, SOURCE.replace('version: "2.0"', 'version: "2.1"'))
    profile.refresh_from_db()
    assert profile.format_version == format_version
    new = profile_create(school=other_school, school_year="2026-2027", user=other_editor)
    assert new.format_version.version == "2.1"

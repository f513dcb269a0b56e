"""Uploads are known by their content, whole, never by their name; too large is refused early."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steunwijzer.core.uploads import UploadRefused, check_upload
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.services import profile_create
from tests import documents

TEN_MB = 10 * 1024 * 1024
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
EVERY_KIND = ("pdf", "docx", "png", "jpeg")


@pytest.mark.parametrize(
    "name, content",
    [
        ("logo.png", SVG_WITH_SCRIPT),
        ("sop.pdf", HTML),
        ("sop.docx", documents.EXE),
        ("foto.jpg", documents.EXE),
        # Right first bytes, wrong rest: HTML behind a PDF header, a PNG that stops after its
        # signature, a JPEG start without an image.
        ("sop.pdf", b"%PDF-" + HTML),
        ("sop.pdf", b"%PDF-1.7\n" + HTML),
        ("logo.png", b"\x89PNG\r\n\x1a\n" + SVG_WITH_SCRIPT),
        ("foto.jpg", b"\xff\xd8\xff" + HTML),
        ("sop.docx", documents.ZIP_WITHOUT_WORD),
        ("sop.docx", documents.DOCM),
    ],
)
def test_it_refuses_a_renamed_or_disguised_file(name, content):
    with pytest.raises(UploadRefused):
        check_upload(SimpleUploadedFile(name, content), allowed=EVERY_KIND, max_bytes=TEN_MB)


@pytest.mark.parametrize(
    "name, content, kind",
    [
        ("verklaring.bin", documents.PDF, ".pdf"),
        ("sop", documents.DOCX, ".docx"),
        ("logo.jpg", documents.PNG, ".png"),
        ("foto.png", documents.JPEG, ".jpg"),
    ],
)
def test_the_stored_name_gets_the_extension_of_the_content(name, content, kind):
    checked = check_upload(SimpleUploadedFile(name, content), allowed=EVERY_KIND, max_bytes=TEN_MB)
    assert checked.filename.endswith(kind)


def test_a_too_large_upload_is_refused_without_being_read():
    class Huge:
        name, size = "sop.pdf", 16 * 1024 * 1024

        def read(self, *args):
            raise AssertionError("a file known to be too large is never read")

    with pytest.raises(UploadRefused) as caught:
        check_upload(Huge(), allowed=("pdf",), max_bytes=15 * 1024 * 1024)
    assert caught.value.message == "het bestand is groter dan 15 MB"


def test_the_own_document_page_says_in_dutch_that_a_file_is_too_large(
    client, school, editor, format_version
):
    profile = profile_create(school=school, school_year="2026-2027", user=editor, kind="own")
    client.force_login(editor)
    big = SimpleUploadedFile("sop.pdf", documents.PDF + b"\x00" * (15 * 1024 * 1024))
    response = client.post(reverse("own_document_upload", args=[profile.pk]), {"document": big})
    assert "te groot: een document mag hoogstens 15 MB zijn" in response.content.decode()
    assert Profile.objects.get(pk=profile.pk).version == profile.version


def test_a_request_larger_than_any_upload_is_refused_before_it_is_read(client, editor, profile):
    client.force_login(editor)
    response = client.generic(
        "POST",
        reverse("own_document_upload", args=[profile.pk]),
        b"x",
        CONTENT_LENGTH=str(settings.MAX_REQUEST_BYTES + 1),
        CONTENT_TYPE="multipart/form-data; boundary=x",
    )
    assert response.status_code == 413
    assert "groter dan de grens van 20 MB" in response.content.decode()


def test_the_api_gets_the_refusal_in_json(client):
    response = client.generic(
        "PATCH",
        "/api/v1/profiles/1/",
        b"{}",
        CONTENT_LENGTH=str(10**9),
        CONTENT_TYPE="application/json",
    )
    assert response.status_code == 413 and "groter dan" in response.json()["error"]


def test_uploads_never_go_whole_into_memory():
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024
    assert settings.MAX_REQUEST_BYTES < 32 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= settings.MAX_REQUEST_BYTES

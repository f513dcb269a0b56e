"""One check for every upload (by content, with each caller's Dutch words) and one download."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.core.stored_file import check_document
from steunwijzer.core.tokens import hash_token
from steunwijzer.core.uploads import (
    DOCX,
    FILENAME_MAX_LENGTH,
    JPEG,
    PDF,
    PNG,
    CheckedFile,
    UploadRefused,
    attachment_response,
    check_upload,
    size_text,
)
from steunwijzer.organisations.models import display_name
from steunwijzer.route.models import Deadline
from tests import documents
from tests.route_helpers import MEETING, fill, step

PNG_BYTES = documents.PNG
JPEG_BYTES = documents.JPEG
TEN_MB = 10 * 1024 * 1024


def upload(content: bytes, name="bestand.bin"):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


class Stream(io.BytesIO):
    """A file as it may come in (API, other clients): its name untouched by Django."""

    def __init__(self, content: bytes, name: str):
        super().__init__(content)
        self.name = name


def refusal(content: bytes, **kwargs) -> UploadRefused:
    with pytest.raises(UploadRefused) as caught:
        check_upload(upload(content), **kwargs)
    return caught.value


@pytest.mark.parametrize(
    "content, allowed, content_type",
    [
        (documents.PDF, ("pdf",), PDF),
        (documents.DOCX, ("pdf", "docx"), DOCX),
        (PNG_BYTES, ("png", "jpeg"), PNG),
        (JPEG_BYTES, ("png", "jpeg"), JPEG),
    ],
)
def test_it_knows_each_kind_by_its_content(content, allowed, content_type):
    checked = check_upload(upload(content), allowed=allowed, max_bytes=TEN_MB)
    assert checked == CheckedFile(content, content_type, checked.filename)
    assert checked.size == len(content)


@pytest.mark.parametrize(
    "content, allowed",
    [
        (documents.PDF, ("png", "jpeg")),
        (PNG_BYTES, ("pdf",)),
        (documents.DOCX, ("pdf",)),
        (documents.EXE, ("pdf", "docx", "png", "jpeg")),
        (documents.ZIP_WITHOUT_WORD, ("pdf", "docx")),
    ],
)
def test_it_refuses_what_is_not_allowed(content, allowed):
    refused = refusal(content, allowed=allowed, max_bytes=TEN_MB)
    assert refused.code == "not_allowed"


def test_the_default_messages_are_those_of_the_mr_statement():
    not_pdf = refusal(b"MZ\x90\x00", allowed=("pdf",), max_bytes=TEN_MB)
    assert not_pdf.message == "alleen een PDF-bestand is mogelijk"
    too_large = refusal(documents.PDF + b"\x00" * TEN_MB, allowed=("pdf",), max_bytes=TEN_MB)
    assert too_large.message == "het bestand is groter dan 10 MB"
    assert refusal(b"", allowed=("pdf",), max_bytes=TEN_MB).message == "het bestand is leeg"
    other = refusal(b"x", allowed=("pdf", "docx", "png"), max_bytes=TEN_MB)
    assert other.message == "alleen een PDF-, Word- of PNG-bestand is mogelijk"


def test_a_caller_words_a_refusal_its_own_way():
    refused = refusal(
        b"<svg/>", allowed=("png",), max_bytes=1024, messages={"not_allowed": "Geen PNG."}
    )
    assert refused.message == "Geen PNG." and isinstance(refused, ValidationError)
    macro = refusal(documents.DOCM, allowed=("docx",), max_bytes=TEN_MB)
    assert macro.code == "macros" and "macro" in macro.message


def test_it_never_reads_more_than_it_may_keep():
    class Endless(Stream):
        """No size known beforehand, like a stream: only what is read counts."""

        asked = []

        def read(self, n=-1):
            self.asked.append(n)
            return documents.PDF + b"\x00" * n

    stream = Endless(b"", "verklaring.pdf")
    with pytest.raises(UploadRefused) as caught:
        check_upload(stream, allowed=("pdf",), max_bytes=1000)
    assert caught.value.code == "too_large" and stream.asked == [1001]


@pytest.mark.parametrize(
    "n_bytes, text",
    [
        (TEN_MB, "10 MB"),
        (500 * 1024, "500 kB"),
        (1536 * 1024, "1,5 MB"),
        (800, "800 bytes"),
        (4 * 1024**3, "4 GB"),
    ],
)
def test_sizes_read_as_dutch_people_write_them(n_bytes, text):
    assert size_text(n_bytes) == text


@pytest.mark.parametrize(
    "name, kind, expected",
    [
        ("C:\\Users\\ib\\SOP 2026.pdf", "pdf", "SOP 2026.pdf"),
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ("sop\r\nX-Header: 1.docx", "docx", "sopX-Header 1.docx"),
        ('logo"<script>.PNG', "png", "logoscript.png"),
        ("", "jpeg", "document.jpg"),
        ("...", "pdf", "document.pdf"),
    ],
)
def test_the_filename_is_a_plain_name_with_the_real_extension(name, kind, expected):
    content = {"pdf": documents.PDF, "docx": documents.DOCX, "png": PNG_BYTES}.get(kind, JPEG_BYTES)
    checked = check_upload(Stream(content, name), allowed=(kind,), max_bytes=TEN_MB)
    assert checked.filename == expected


@given(st.text(max_size=400))
def test_every_filename_is_short_and_printable(name):
    checked = check_document(Stream(documents.PDF, name))
    assert len(checked.filename) <= FILENAME_MAX_LENGTH and checked.filename.endswith(".pdf")
    assert checked.filename.isprintable() and "/" not in checked.filename


def test_the_documents_keep_their_own_words():
    with pytest.raises(UploadRefused, match="Dit is geen PDF- of Word-bestand"):
        check_document(upload(b"tekst"))
    with pytest.raises(UploadRefused, match=r"Dit bestand is leeg\."):
        check_document(upload(b""))


def test_a_download_is_never_shown_inline_nor_cached():
    response = attachment_response(b"%PDF-", PDF, 'SOP "De Regenboog" \u2013 2026.pdf')
    assert response.content == b"%PDF-" and response["Content-Type"] == PDF
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''")
    assert "%E2%80%93" in disposition and '"De' not in disposition
    plain = attachment_response("a: 1\n", "application/yaml; charset=utf-8", "model-1.yaml")
    assert plain.content == b"a: 1\n"
    assert plain["Content-Disposition"] == 'attachment; filename="model-1.yaml"'


def test_the_statement_and_the_model_are_downloads(
    client, profile, editor, mr_member, partnership, format_version, staff
):
    fill(profile, editor)
    step(profile, editor, "request_advice")
    client.force_login(mr_member)
    client.post(
        reverse("profile_transition", args=[profile.pk, "give_advice"]),
        {"advice": "positief", **MEETING, "statement": upload(documents.PDF, "mr.pdf")},
    )
    advice = profile.transitions.get(action="give_advice")
    response = client.get(reverse("transition_statement", args=[profile.pk, advice.pk]))
    assert response.content == documents.PDF and response["Content-Type"] == PDF
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith('attachment; filename="adviesverklaring-')

    client.force_login(staff)
    source = client.get(
        reverse("format_version_source", args=[partnership.slug, format_version.pk])
    )
    assert source["Content-Type"] == "application/yaml; charset=utf-8"
    assert source["Cache-Control"] == "private, no-store"
    assert source["Content-Disposition"].startswith("attachment; filename=")


# --- Dutch dates, shared token hashing ---------------------------------------------------------


def test_a_deadline_reads_as_a_dutch_date(partnership):
    deadline = Deadline(partnership=partnership, school_year="2026-2027", due_on=date(2026, 9, 1))
    assert str(deadline).endswith("2026-2027: 1 september 2026")


def test_setting_a_deadline_says_the_date_in_dutch(client, partnership, staff):
    client.force_login(staff)
    url = reverse("partnership_deadlines", args=[partnership.slug])
    response = client.post(url, {"school_year": "2027-2028", "due_on": "2027-08-25"}, follow=True)
    assert "De termijn voor 2027-2028 is nu 25 augustus 2027." in response.content.decode()


def test_api_tokens_and_invitations_hash_tokens_the_same_way(editor, school, mailoutbox):
    from steunwijzer.api.models import ApiToken
    from steunwijzer.organisations.models import Invitation, Role
    from steunwijzer.organisations.services import invitation_create

    token, raw = ApiToken.issue(editor, "script")
    assert token.token_hash == hash_token(raw)
    invitation_create(
        inviter=editor, email="a@example.nl", role=Role.MR_MEMBER, organisation=school
    )
    raw_invitation = mailoutbox[-1].body.split("/uitnodiging/")[1].split("/")[0]
    assert Invitation.objects.get().token_hash == hash_token(raw_invitation)


def test_the_invitation_names_who_sent_it(client, editor, school, mailoutbox):
    from steunwijzer.organisations.models import Role
    from steunwijzer.organisations.services import invitation_create

    editor.first_name, editor.last_name = "Sandra", "Verhoeven"
    editor.save()
    invitation_create(
        inviter=editor, email="a@example.nl", role=Role.MR_MEMBER, organisation=school
    )
    raw = mailoutbox[-1].body.split("/uitnodiging/")[1].split("/")[0]
    body = client.get(f"/uitnodiging/{raw}/").content.decode()
    assert f"De uitnodiging komt van {display_name(editor)}." in body
    assert "Sandra Verhoeven" in body

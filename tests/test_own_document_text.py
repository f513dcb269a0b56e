"""An own-model SOP keeps the region's promises: the uploaded PDF or Word file is read (in the
bounded child process), its fixed texts are checked, the headings suggest where the mandatory
parts are, and a missing fixed text holds the step to the MR."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st
from weasyprint import HTML

from steunwijzer.profiles import document_text
from steunwijzer.profiles.document_text import (
    Heading,
    extract,
    missing_sentences,
    suggest_locations,
    words,
)
from steunwijzer.profiles.models import OwnDocument
from steunwijzer.profiles.services import (
    own_document_set_locations,
    own_document_upload,
    profile_create,
)
from steunwijzer.route.services import WrongState, profile_transition
from tests.documents import (
    FIXED_TEXTS,
    SOP_PARTS,
    sop_docx,
    sop_lines,
    text_pdf,
    upload,
)
from tests.publication_helpers import to_state_from_filled
from tests.test_own_model import LOCATIONS

ZORGPLICHT_START = "Sinds de invoering van passend onderwijs hebben schoolbesturen zorgplicht."
OPEN, CLOSE = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"
WITHOUT_FIXED_TEXTS = [*SOP_PARTS[:3], ("4. Zorgplicht", ["Wij houden ons aan de zorgplicht."])]


@pytest.fixture
def own_profile(school, format_version, editor):
    return profile_create(school=school, school_year="2026-2027", user=editor, kind="own")


def weasyprint_pdf(parts) -> bytes:
    """A PDF as a word processor makes one: a narrow justified column, hyphenated in Dutch,
    so words break at line ends ("zorg-plicht") and lines carry extra spaces."""
    body = "".join(
        f"<h1>{heading}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
        for heading, paragraphs in parts
    )
    style = "p { hyphens: auto; text-align: justify; width: 7cm } h1 { font-size: 14pt }"
    return HTML(
        string=f'<html lang="nl"><style>{style}</style><body>{body}</body></html>'
    ).write_pdf()


# --- the comparison ------------------------------------------------------------------------


def test_words_join_a_word_broken_at_a_line_end_and_ignore_case_quotes_and_spacing():
    assert words(f"De  ZORG-\nplicht van het {OPEN}bestuur{CLOSE}") == [
        "de",
        "zorgplicht",
        "van",
        "het",
        "bestuur",
    ]
    assert words("zorg\u00adplicht") == words("zorg\u2010\n  plicht") == ["zorgplicht"]


def test_a_fixed_text_is_found_across_line_breaks_hyphens_and_curly_quotes():
    fixed = 'Een school heeft "zorgplicht". Dit geldt altijd.'
    document = "EEN school\nheeft “zorg-\nplicht”.   Dit geldt\naltijd."
    assert missing_sentences(document, fixed) == []


def test_the_sentences_the_document_lacks_are_named_in_order():
    fixed = "Eerste zin staat er. Tweede zin ontbreekt. Derde zin ook niet."
    assert missing_sentences("Eerste zin staat er.", fixed) == [
        "Tweede zin ontbreekt.",
        "Derde zin ook niet.",
    ]


@settings(max_examples=40, deadline=None)
@given(width=st.integers(min_value=12, max_value=120), upper=st.booleans())
def test_any_wrapping_of_the_fixed_text_is_found(width, upper):
    import textwrap

    for fixed in FIXED_TEXTS:
        wrapped = "\n".join(
            textwrap.wrap(fixed, width, break_long_words=False, break_on_hyphens=False)
        )
        assert missing_sentences(wrapped.upper() if upper else wrapped, fixed) == []


def test_running_headers_and_page_numbers_do_not_break_a_sentence_across_pages():
    cut = FIXED_TEXTS[0].index(" ", 300)  # in the middle of a sentence, between two words
    first, second = FIXED_TEXTS[0][:cut], FIXED_TEXTS[0][cut:]
    pdf = text_pdf(
        [["SOP De Regenboog", first, "Pagina 1"], ["SOP De Regenboog", second, "Pagina 2"]]
    )
    assert missing_sentences(extract(pdf, document_text.PDF).text, FIXED_TEXTS[0]) == []


def test_headings_suggest_where_each_part_is():
    headings = [
        Heading("Inhoud", 1),
        Heading("Sinds de invoering van passend onderwijs hebben schoolbesturen zorgplicht", 3),
        Heading("Hoofdstuk 2 Basisondersteuning", 2),
        Heading("4. Zorgplicht", 3),
    ]
    parts = {
        "basisondersteuning": ["Basisondersteuning"],
        "zorgplicht": ["Zorgplicht"],
        "visie": ["Visie op passend onderwijs", "visie"],
    }
    assert suggest_locations(headings, parts) == {
        "basisondersteuning": Heading("Hoofdstuk 2 Basisondersteuning", 2),
        "zorgplicht": Heading("4. Zorgplicht", 3),
    }


def test_a_table_of_contents_line_is_no_heading():
    pdf = text_pdf(
        [["Inhoud", "4. Zorgplicht .......... 7", "Tekst."], ["4. Zorgplicht", "Tekst."]]
    )
    assert extract(pdf, document_text.PDF).headings == (
        Heading("Inhoud", 1),
        Heading("4. Zorgplicht", 2),
    )


# --- at upload -----------------------------------------------------------------------------


def test_a_hyphenated_pdf_with_the_fixed_texts_passes(own_profile, editor):
    data = weasyprint_pdf(SOP_PARTS)
    read = extract(data, document_text.PDF).text
    assert "\u2010\n" in read or "-\n" in read  # the test covers words broken at line ends
    document = own_document_upload(profile=own_profile, user=editor, upload=upload("s.pdf", data))
    assert document.fixed_texts_missing == []
    assert document.suggested_locations["zorgplicht"] == {"heading": "4. Zorgplicht", "page": 1}


def test_a_word_document_with_the_fixed_texts_passes(own_profile, editor):
    document = own_document_upload(
        profile=own_profile, user=editor, upload=upload("s.docx", sop_docx())
    )
    assert document.fixed_texts_missing == []
    assert document.suggested_locations == {
        "visie": {"heading": "1. Onze visie op passend onderwijs", "page": None},
        "basisondersteuning": {"heading": "2. Basisondersteuning", "page": None},
        "extra_ondersteuning": {"heading": "3. Extra ondersteuning", "page": None},
        "zorgplicht": {"heading": "4. Zorgplicht", "page": None},
    }


@pytest.mark.parametrize(
    "make",
    [
        lambda: upload("s.pdf", text_pdf([sop_lines(WITHOUT_FIXED_TEXTS)])),
        lambda: upload("s.docx", sop_docx(WITHOUT_FIXED_TEXTS)),
    ],
    ids=["pdf", "docx"],
)
def test_a_document_without_the_fixed_texts_is_stored_with_what_it_lacks(own_profile, editor, make):
    document = own_document_upload(profile=own_profile, user=editor, upload=make())
    assert document.fixed_texts_missing == [
        {"part": "zorgplicht", "label": "Zorgplicht", "quote": ZORGPLICHT_START},
        {
            "part": "zorgplicht",
            "label": "Zorgplicht",
            "quote": "Er blijft altijd ruimte voor dialoog en onderzoek bij een aanmelding van …",
        },
    ]


def test_the_quote_is_the_sentence_that_is_missing(own_profile, editor):
    text = FIXED_TEXTS[0].replace("De periode van zes weken", "De termijn van zes weken")
    parts = [*SOP_PARTS[:3], ("4. Zorgplicht", [text, FIXED_TEXTS[1]])]
    document = own_document_upload(
        profile=own_profile, user=editor, upload=upload("s.docx", sop_docx(parts))
    )
    assert [m["quote"] for m in document.fixed_texts_missing] == [
        "De periode van zes weken kan eenmalig met vier weken worden verlengd."
    ]


def test_a_scanned_pdf_without_text_is_refused_with_advice(client, own_profile, editor):
    client.force_login(editor)
    response = client.post(
        reverse("own_document_upload", args=[own_profile.pk]),
        {"document": upload("scan.pdf", text_pdf([[], []]))},
    )
    assert response.status_code == 400
    assert (
        "Dit PDF-bestand bevat geen tekst (een scan?). Sla het document op als PDF vanuit Word"
        in response.content.decode()
    )
    assert not OwnDocument.objects.filter(profile=own_profile).exists()
    own_profile.refresh_from_db()
    assert own_profile.version == 0


def test_a_word_file_without_text_is_refused(own_profile, editor):
    with pytest.raises(ValidationError, match="Dit Word-bestand bevat geen tekst"):
        own_document_upload(profile=own_profile, user=editor, upload=upload("s.docx", sop_docx([])))
    assert not OwnDocument.objects.filter(profile=own_profile).exists()


def test_a_damaged_pdf_is_refused(own_profile, editor):
    damaged = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    with pytest.raises(ValidationError, match="kan niet worden gelezen"):
        own_document_upload(profile=own_profile, user=editor, upload=upload("s.pdf", damaged))
    assert not OwnDocument.objects.filter(profile=own_profile).exists()


def test_a_document_that_needs_more_memory_than_the_child_has_is_refused(
    own_profile, editor, monkeypatch
):
    """The bounded child's limit holds: reading this document takes more than it may."""
    monkeypatch.setattr(document_text, "READ_MEMORY_MB", 60)
    big = text_pdf([sop_lines()] * 400)
    with pytest.raises(ValidationError, match="kost te veel geheugen"):
        own_document_upload(profile=own_profile, user=editor, upload=upload("s.pdf", big))
    assert not OwnDocument.objects.filter(profile=own_profile).exists()


def test_a_document_that_takes_too_long_is_refused(own_profile, editor, monkeypatch):
    def too_long(*args, **kwargs):
        raise document_text.Overrun("time")

    monkeypatch.setattr(document_text, "run_bounded", too_long)
    with pytest.raises(ValidationError, match="duurt te lang"):
        own_document_upload(profile=own_profile, user=editor, upload=upload("s.docx", sop_docx()))


# --- the page, the route and the public page -------------------------------------------------


def test_the_page_prefills_the_locations_from_the_headings(client, own_profile, editor):
    own_document_upload(
        profile=own_profile, user=editor, upload=upload("s.pdf", text_pdf([sop_lines()]))
    )
    client.force_login(editor)
    body = client.get(reverse("own_document", args=[own_profile.pk])).content.decode()
    assert 'value="blz. 1, 4. Zorgplicht"' in body
    assert 'value="blz. 1, 2. Basisondersteuning"' in body
    assert "We hebben alvast ingevuld waar de onderdelen lijken te staan" in body
    assert "Uw document bevat de vaste teksten van het samenwerkingsverband." in body
    # Once the school saved its own locations, those are shown and nothing is suggested.
    own_document_set_locations(profile=own_profile, user=editor, locations=LOCATIONS)
    body = client.get(reverse("own_document", args=[own_profile.pk])).content.decode()
    assert 'value="Bijlage 1"' in body and "lijken te staan" not in body


def test_the_page_says_which_fixed_text_is_missing(client, own_profile, editor):
    own_document_upload(
        profile=own_profile, user=editor, upload=upload("s.docx", sop_docx(WITHOUT_FIXED_TEXTS))
    )
    client.force_login(editor)
    body = client.get(reverse("own_document", args=[own_profile.pk])).content.decode()
    assert f"Zorgplicht: “{ZORGPLICHT_START}” ontbreekt." in body


def test_a_missing_fixed_text_holds_the_step_to_the_mr(client, own_profile, editor, mr_member):
    own_document_upload(
        profile=own_profile, user=editor, upload=upload("s.docx", sop_docx(WITHOUT_FIXED_TEXTS))
    )
    own_document_set_locations(profile=own_profile, user=editor, locations=LOCATIONS)
    expected = (
        f"Het SOP is nog niet compleet: De vaste tekst van {OPEN}Zorgplicht{CLOSE} staat niet "
        f"in het document: “{ZORGPLICHT_START}” ontbreekt."
    )
    with pytest.raises(WrongState) as refused:
        profile_transition(profile_id=own_profile.pk, user=editor, action="request_advice")
    assert str(refused.value).startswith(expected)
    client.force_login(editor)
    response = client.post(reverse("profile_transition", args=[own_profile.pk, "request_advice"]))
    assert response.status_code == 409
    # The route page holds the step back and lists what is missing.
    missing = expected.removeprefix("Het SOP is nog niet compleet: ")
    assert missing in response.content.decode()
    own_profile.refresh_from_db()
    assert own_profile.state == "concept"
    # With the fixed texts in the document, the step is taken.
    own_document_upload(profile=own_profile, user=editor, upload=upload("s.docx", sop_docx()))
    profile_transition(profile_id=own_profile.pk, user=editor, action="request_advice")
    own_profile.refresh_from_db()
    assert own_profile.state == "bij_mr"


def test_a_document_stored_before_documents_were_read_must_be_uploaded_again(
    client, own_profile, editor, mr_member
):
    own_document_upload(profile=own_profile, user=editor, upload=upload("s.docx", sop_docx()))
    own_document_set_locations(profile=own_profile, user=editor, locations=LOCATIONS)
    OwnDocument.objects.filter(profile=own_profile).update(fixed_texts_missing=None)
    with pytest.raises(WrongState, match="Het document is nog niet gecontroleerd op de vaste"):
        profile_transition(profile_id=own_profile.pk, user=editor, action="request_advice")
    client.force_login(editor)
    body = client.get(reverse("own_document", args=[own_profile.pk])).content.decode()
    assert "Dit document is nog niet gecontroleerd op de vaste teksten van het huidige" in body


def test_the_public_page_shows_the_regions_fixed_texts_beside_the_document(
    client, own_profile, editor, mr_member, officer, staff
):
    own_document_upload(profile=own_profile, user=editor, upload=upload("s.docx", sop_docx()))
    own_document_set_locations(profile=own_profile, user=editor, locations=LOCATIONS)
    to_state_from_filled(own_profile, editor=editor, mr=mr_member, officer=officer, staff=staff)
    html = client.get("/scholen/12AB/").content.decode()
    assert 'href="/scholen/12AB/2026-2027/eigen-document"' in html
    assert "De vaste teksten van het samenwerkingsverband" in html
    assert ZORGPLICHT_START in html
    assert "Er blijft altijd ruimte voor dialoog en onderzoek" in html

"""Reading an old SOP in Word: the bounded reader, the matching to the model's fields, and a
Dutch message for every bad file (tests/word_sops.py builds the documents)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.core.bounded import Overrun
from steunwijzer.profiles import word_import
from steunwijzer.profiles.answers import LONG_TEXT_MAX
from steunwijzer.profiles.sop_matching import STOP_WORDS, THRESHOLD, likeness, match
from steunwijzer.profiles.word_import import ImportRefused, read_old_sop, reason_text
from steunwijzer.profiles.word_sop import Part, read_parts

from . import word_sops

pytestmark = pytest.mark.django_db


def _matching(data: bytes, school_type="bao"):
    return match(word_sops.SOP_FORMAT, read_parts(data), school_type, LONG_TEXT_MAX)


def _suggested(matching) -> dict:
    return {s.field_key: s for s in matching.suggestions}


def test_word_heading_styles_titled_like_the_model_go_to_their_fields():
    matching = _matching(word_sops.styled_headings())
    suggested = _suggested(matching)
    assert list(suggested) == ["visie_passend_onderwijs", "ouders_en_leerlingen", "basiskwaliteit"]
    assert suggested["visie_passend_onderwijs"].text == word_sops.VISION
    assert suggested["ouders_en_leerlingen"].text == word_sops.PARENTS
    # A Word bullet list becomes the editor's "- " list.
    assert suggested["basiskwaliteit"].text == (
        f"{word_sops.QUALITY}\n\n- Onze leerkrachten werken met het directe instructiemodel."
    )
    assert all(s.found_in == "field" and s.score == 1.0 for s in matching.suggestions)


def test_the_zorgplicht_text_is_recognised_and_copied_into_no_field():
    for data in (word_sops.styled_headings(), word_sops.numbered_headings()):
        matching = _matching(data)
        (found,) = matching.fixed_texts
        assert (found.key, found.title) == ("zorgplicht_tekst", "Zorgplicht")
        assert found.paragraphs == len(word_sops.zorgplicht_paragraphs())
        zorgplicht = next(p for p in matching.parts if p.heading == "Zorgplicht")
        assert zorgplicht.paragraphs == []
        assert not any("zorgplicht" in s.text.lower() for s in matching.suggestions)


def test_bold_headings_with_the_schools_own_titles_are_matched_by_their_words():
    matching = _matching(word_sops.bold_headings())
    suggested = _suggested(matching)
    assert set(suggested) == {
        "visie_passend_onderwijs",
        "grenzen_niet_bieden",
        "aanmelden_toelichting",
    }
    vision = suggested["visie_passend_onderwijs"]
    assert (vision.found_in, vision.label, vision.text) == (
        "section",
        "Onze visie",
        word_sops.VISION,
    )
    assert suggested["grenzen_niet_bieden"].text == word_sops.LIMITS
    assert suggested["aanmelden_toelichting"].text == word_sops.SIGN_UP
    # The title page and the part like no field are left for the school to place.
    unplaced = [matching.parts[i].heading for i in matching.unplaced]
    assert unplaced == ["", "Het jaar in vogelvlucht"]


def test_numbered_headings_are_headings_and_a_numbered_sentence_is_not():
    matching = _matching(word_sops.numbered_headings())
    assert [(p.heading, p.level) for p in matching.parts] == [
        ("Visie op passend onderwijs", 1),
        ("Basiskwaliteit", 2),
        ("Zorgplicht", 1),
        ("Aanmelden op onze school", 2),
    ]
    suggested = _suggested(matching)
    assert set(suggested) == {"visie_passend_onderwijs", "basiskwaliteit", "aanmelden_toelichting"}
    assert suggested["visie_passend_onderwijs"].text.endswith(
        "kijken naar wat een kind nodig heeft."
    )


def test_a_field_for_another_school_type_gets_nothing():
    matching = _matching(word_sops.bold_headings(), school_type="sbo")
    assert "verwijzing_sbo_so" not in _suggested(matching)


def test_a_text_longer_than_its_field_is_marked_with_both_lengths():
    suggested = _suggested(_matching(word_sops.long_vision()))
    vision = suggested["visie_passend_onderwijs"]
    assert vision.too_long and vision.max_length == 3000 and len(vision.text) > 3000
    assert word_import.too_long_text(len(vision.text), vision.max_length) == (
        f"De oude tekst heeft {len(vision.text)} tekens; in dit veld passen er ten hoogste 3000. "
        "Maak de tekst korter voordat u hem overneemt."
    )
    assert not suggested["basiskwaliteit"].too_long


def test_the_reason_is_one_dutch_sentence():
    matching = _matching(word_sops.bold_headings())
    texts = {s.field_key: reason_text(matching, s) for s in matching.suggestions}
    assert texts["visie_passend_onderwijs"] == "kop “Onze visie” lijkt op paragraaf “Onze visie”"
    assert texts["grenzen_niet_bieden"] == (
        "kop “Wat wij niet kunnen bieden” lijkt op veld “Wat kunnen wij niet bieden?”"
    )
    numbered = _matching(word_sops.numbered_headings())
    chapter = next(s for s in numbered.suggestions if s.found_in == "section")
    assert reason_text(numbered, chapter) == (
        "kop “Aanmelden op onze school” lijkt op paragraaf “Aanmelden op onze school”"
    )


words = st.text(alphabet="abcdefghij ", min_size=0, max_size=30)


@given(words, words)
def test_likeness_is_between_zero_and_one_and_the_same_both_ways(a, b):
    assert 0.0 <= likeness(a, b) <= 1.0
    assert likeness(a, b) == likeness(b, a)


@given(st.text(alphabet="klmnopqrs", min_size=3, max_size=12).filter(lambda w: w not in STOP_WORDS))
def test_a_heading_is_like_itself_whatever_its_numbering_and_capitals(word):
    assert likeness(f"2.1 {word.upper()}", word) == 1.0 >= THRESHOLD


LABELS = [f.label for f in word_sops.SOP_FORMAT.fields.values()] + [
    s.title for c in word_sops.SOP_FORMAT.chapters for s in c.sections
]
part_lists = st.lists(
    st.builds(
        Part,
        heading=st.one_of(st.sampled_from(LABELS), words),
        level=st.integers(1, 3),
        paragraphs=st.lists(st.text(min_size=1, max_size=400), max_size=3),
    ),
    max_size=12,
)


@given(part_lists, st.sampled_from(["bao", "sbo", "so"]))
def test_each_field_gets_one_part_and_each_part_one_field(parts, school_type):
    matching = match(word_sops.SOP_FORMAT, parts, school_type, LONG_TEXT_MAX)
    fields = [s.field_key for s in matching.suggestions]
    used = [s.part for s in matching.suggestions]
    assert len(set(fields)) == len(fields) and len(set(used)) == len(used)
    assert not set(used) & set(matching.unplaced)
    for s in matching.suggestions:
        field = word_sops.SOP_FORMAT.field(s.field_key)
        assert field.type == "long_text" and field.applies_to(school_type)
        assert s.score >= THRESHOLD and s.text and s.too_long == (len(s.text) > s.max_length)


# --- bad files, each with its Dutch message ------------------------------------------------------


def _upload(data: bytes, name="sop.docx"):
    return SimpleUploadedFile(name, data)


def _refusal(profile, data: bytes, name="sop.docx") -> str:
    with pytest.raises(ImportRefused) as refused:
        read_old_sop(_upload(data, name), profile)
    return str(refused.value)


NOT_WORD = "Dit is geen Word-bestand (.docx); sla het SOP op als .docx en probeer het opnieuw."


def test_a_file_that_is_not_a_word_file_is_refused(profile):
    assert _refusal(profile, b"%PDF-1.7 een pdf", "sop.pdf") == NOT_WORD
    assert _refusal(profile, b"Visie\nOnze visie", "sop.txt") == NOT_WORD


def test_a_broken_word_package_is_refused_as_not_a_word_file(profile):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", "geen xml <")
    assert _refusal(profile, out.getvalue()) == NOT_WORD


def test_an_empty_file_is_refused(profile):
    assert _refusal(profile, b"") == "Het bestand is leeg."


def test_a_document_without_headings_is_refused(profile):
    assert _refusal(profile, word_sops.without_headings()) == (
        "In het bestand zijn geen koppen gevonden. Geef de hoofdstukken een kopstijl "
        "(Kop 1, Kop 2), maak ze vet of nummer ze (1., 2.1) en probeer het opnieuw."
    )


def test_a_file_over_the_limit_is_refused_before_it_is_read(profile, monkeypatch):
    monkeypatch.setattr(word_import, "MAX_IMPORT_BYTES", 2048)
    monkeypatch.setattr(word_import, "run_bounded", pytest.fail)
    assert _refusal(profile, word_sops.styled_headings()) == (
        "Het bestand is groter dan 2 kB; sla het SOP op zonder afbeeldingen en probeer het opnieuw."
    )


@pytest.mark.parametrize("reason", ["time", "memory", "failed"])
def test_a_file_that_overruns_the_child_is_refused(profile, monkeypatch, reason):
    def overrun(*args, **kwargs):
        raise Overrun(reason)

    monkeypatch.setattr(word_import, "run_bounded", overrun)
    assert _refusal(profile, word_sops.styled_headings()) == (
        "Het inlezen kostte te veel tijd of geheugen; is het een gewoon Word-document?"
    )


def test_a_zip_bomb_in_a_word_file_is_stopped_in_the_child(profile):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        with zipfile.ZipFile(io.BytesIO(word_sops.styled_headings())) as real:
            for item in real.infolist():
                if item.filename != "word/document.xml":
                    package.writestr(item, real.read(item))
        with package.open("word/document.xml", "w") as xml:
            block = b" " * (1 << 20)
            for _ in range(600):
                xml.write(block)
    assert _refusal(profile, out.getvalue()) == (
        "Het inlezen kostte te veel tijd of geheugen; is het een gewoon Word-document?"
    )

"""Three old SOPs in Word, built the three ways schools build their headings, for the import
(tests/test_word_import*.py). Built by code with python-docx; nothing committed as a blob."""

import io

import docx

from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format

SOP_FORMAT = parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"))[0]
VISION = "Wij geloven dat elk kind het best leert in de eigen wijk, samen met zijn vrienden."
PARENTS = "Ouders zijn partners: wij spreken hen drie keer per jaar over de ontwikkeling."
QUALITY = "De inspectie beoordeelde ons onderwijs in 2024 als voldoende op alle standaarden."
LIMITS = "Wij kunnen geen leerlingen opvangen die een volledig eigen leerlijn nodig hebben."
SIGN_UP = "Na de aanmelding voeren wij binnen twee weken een gesprek met de ouders."
YEAR = "Dit jaar vierden wij ons vijftigjarig bestaan met een groot feest in de wijk."


def zorgplicht_paragraphs() -> list[str]:
    fixed = next(
        item
        for section in SOP_FORMAT.chapter("zorgplicht").sections
        for item in section.items
        if item.kind == "fixed_text" and item.key == "zorgplicht_tekst"
    )
    return [p.replace("**", "") for p in fixed.text.split("\n\n") if p.strip()]


def _bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def styled_headings() -> bytes:
    """(a) Word's heading styles, titled like the model's chapters and fields."""
    d = docx.Document()
    d.add_heading("Visie op passend onderwijs", level=1)
    d.add_heading("Onze visie op passend onderwijs", level=2)
    d.add_paragraph(VISION)
    d.add_heading("Zo betrekken wij ouders en leerlingen", level=2)
    d.add_paragraph(PARENTS)
    d.add_heading("Basisondersteuning", level=1)
    d.add_heading("Basiskwaliteit", level=2)
    d.add_paragraph(QUALITY)
    d.add_paragraph(
        "Onze leerkrachten werken met het directe instructiemodel.", style="List Bullet"
    )
    d.add_heading("Zorgplicht", level=1)
    for paragraph in zorgplicht_paragraphs():
        d.add_paragraph(paragraph)
    return _bytes(d)


def bold_headings() -> bytes:
    """(b) Bold paragraphs as headings, with titles of the school's own."""
    d = docx.Document()
    d.add_paragraph("Schoolondersteuningsprofiel De Regenboog 2025-2026")
    for title, text in (
        ("Onze visie", VISION),
        ("Wat wij niet kunnen bieden", LIMITS),
        ("Het jaar in vogelvlucht", YEAR),
        ("Aanmelden", SIGN_UP),
    ):
        d.add_paragraph().add_run(title).bold = True
        d.add_paragraph(text)
    return _bytes(d)


def numbered_headings() -> bytes:
    """(c) Numbered headings ("1.", "2.1") in plain paragraphs, the zorgplicht text inside,
    copied with other capitals and spaces."""
    d = docx.Document()
    d.add_paragraph("1. Visie op passend onderwijs")
    d.add_paragraph(VISION)
    d.add_paragraph("1. Wij werken handelingsgericht en kijken naar wat een kind nodig heeft.")
    d.add_paragraph("2.1 Basiskwaliteit")
    d.add_paragraph(QUALITY)
    d.add_paragraph("4. Zorgplicht")
    for paragraph in zorgplicht_paragraphs():
        d.add_paragraph("  " + paragraph.upper().replace(" ", "   "))
    d.add_paragraph("4.1 Aanmelden op onze school")
    d.add_paragraph(SIGN_UP)
    return _bytes(d)


def without_headings() -> bytes:
    d = docx.Document()
    d.add_paragraph(VISION)
    d.add_paragraph(QUALITY)
    return _bytes(d)


def long_vision() -> bytes:
    """A vision longer than its field's 3000 characters."""
    d = docx.Document()
    d.add_heading("Onze visie op passend onderwijs", level=1)
    for _ in range(40):
        d.add_paragraph(VISION)
    d.add_heading("Basiskwaliteit", level=1)
    d.add_paragraph(QUALITY)
    return _bytes(d)

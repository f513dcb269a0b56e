"""Every app's Dutch catalogue is complete and compiled (docs/localisation.md).

Each `django.po` under src/ has Dutch for every msgid (no empty msgstr, nothing fuzzy) and the
Dutch header; `msgfmt --check` accepts it (placeholders match); and its `django.mo` holds
exactly the messages of the `.po`, so nobody forgot `compilemessages`. That the catalogues
hold every msgid of the code is the CI step `python -m tests.catalogues` (makemessages)."""

import gettext
import shutil
import subprocess

import pytest
from django.utils import translation

from tests.catalogues import SRC, catalogues, problems, read_po

CATALOGUES = catalogues()


def ids(po):
    return str(po.relative_to(SRC))


def test_there_are_catalogues():
    assert CATALOGUES, "no src/**/locale/nl/LC_MESSAGES/django.po found"


@pytest.mark.parametrize("po", CATALOGUES, ids=ids)
def test_the_catalogue_has_dutch_for_every_message(po):
    assert problems(po) == [], "\n".join(problems(po))


@pytest.mark.parametrize("po", CATALOGUES, ids=ids)
def test_msgfmt_accepts_the_catalogue(po):
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "msgfmt not found: install gettext (./dev test does, as root)"
    result = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("po", CATALOGUES, ids=ids)
def test_the_mo_file_is_compiled_from_the_po_file(po):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"{mo} is missing: run compilemessages in the app folder"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    compiled.pop("", None)  # the header: msgfmt leaves out POT-Creation-Date
    expected = {}
    for entry in read_po(po)[1:]:
        msgid = entry.msgid if entry.context is None else f"{entry.context}\x04{entry.msgid}"
        if entry.plural is None:
            expected[msgid] = entry.msgstr[0]
        else:
            for n, text in entry.msgstr.items():
                expected[(msgid, n)] = text
    assert compiled == expected, f"{mo} is out of date: run compilemessages in the app folder"


def test_the_reader_sees_empty_and_fuzzy_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: nl\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Done"\nmsgstr "Klaar"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Guess"\nmsgstr "Gok"\n\n'
        'msgctxt "menu"\nmsgid "%(n)s school"\nmsgid_plural "%(n)s schools"\n'
        'msgstr[0] "%(n)s school"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    found = problems(po)
    assert len(found) == 3
    assert "'Empty' has no Dutch" in found[0]
    assert "'Guess' is marked fuzzy" in found[1]
    assert "(context 'menu') has no Dutch" in found[2]


@pytest.mark.parametrize("po", CATALOGUES, ids=ids)
def test_our_dutch_is_what_shows(po):
    """Django merges every catalogue, the installed apps' first: Django's own admin says
    "Afmelden" for "Log out". A msgid another catalogue also has must come with a context."""
    shown_otherwise = []
    with translation.override("nl"):
        for entry in read_po(po)[1:]:
            if entry.plural is not None:
                continue
            shown = (
                translation.pgettext(entry.context, entry.msgid)
                if entry.context
                else translation.gettext(entry.msgid)
            )
            if shown != entry.msgstr[0]:
                shown_otherwise.append(f"{entry.msgid!r}: {shown!r}, not {entry.msgstr[0]!r}")
    assert shown_otherwise == [], "\n".join(shown_otherwise)

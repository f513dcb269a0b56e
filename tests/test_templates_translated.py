"""Every text a user reads in a template is marked for translation (English msgid, Dutch
catalogue): a template with text outside {% translate %}/{% blocktranslate %} fails here,
naming the file, the line and the text (tests/template_text.py says what counts as text)."""

from pathlib import Path

import pytest

import steunwijzer
from tests.template_text import templates, untranslated

ROOT = Path(steunwijzer.__file__).parent


@pytest.mark.parametrize("path", templates(ROOT), ids=lambda p: str(p.relative_to(ROOT)))
def test_template_text_is_marked_for_translation(path):
    assert untranslated(path) == [], "\n".join(map(str, untranslated(path)))


def test_the_checker_finds_text_and_leaves_marked_text_alone(tmp_path):
    template = tmp_path / "templates" / "page.html"
    template.parent.mkdir()
    template.write_text(
        "{% load i18n %}\n"
        '<h1 title="Uitleg">{% translate "Schools" %}</h1>\n'
        "<p>{{ count }} scholen</p>\n"
        "{% blocktranslate %}Near {{ place }}{% endblocktranslate %}\n"
        "<script>const a = 'tekst';</script><!-- notitie -->\n"
        '<button type="submit" value="Zoeken"></button>\n'
        "<p>{{ n }} &amp; {% translate 'more' %}</p>\n",
        encoding="utf-8",
    )
    found = {(u.line, u.text) for u in untranslated(template)}
    assert found == {(2, "Uitleg"), (3, "scholen"), (6, "Zoeken")}

"""The editor's plain markup converts to safe HTML and back without losing text."""

from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.profiles.richtext import html_to_markup, html_to_plain, markup_to_html


def test_it_makes_paragraphs_lists_bold_and_links():
    html = markup_to_html(
        "Eerste alinea\nmet tweede regel.\n\n- een\n- **twee**\n\n1. stap\n2. stap\n\n"
        "Zie [de schoolgids](https://school.example/gids)."
    )
    assert html == (
        "<p>Eerste alinea<br>met tweede regel.</p>"
        "<ul><li>een</li><li><strong>twee</strong></li></ul>"
        "<ol><li>stap</li><li>stap</li></ol>"
        '<p>Zie <a href="https://school.example/gids" rel="noopener noreferrer">'
        "de schoolgids</a>.</p>"
    )


def test_it_escapes_typed_html():
    html = markup_to_html('<script>alert("x")</script> & <b onmouseover=x>')
    assert "<script" not in html and "<b" not in html
    assert "&lt;script&gt;" in html


def test_it_does_not_link_script_urls():
    assert "href" not in markup_to_html("[klik](javascript:alert(1))")


def test_it_converts_stored_html_back_to_markup():
    text = "Alinea een.\n\n- punt een\n- punt **twee**\n\nZie [gids](https://x.example/g)."
    assert html_to_markup(markup_to_html(text)) == text


def test_it_gives_plain_text_with_spaces_between_blocks():
    assert html_to_plain("<p>Een &amp; twee</p><ul><li>drie</li></ul>") == "Een & twee drie"


words = (
    st.text(
        alphabet=st.characters(
            whitelist_categories=("L", "N"), whitelist_characters=" .,;:!?'\"&<>"
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)


@given(st.lists(words, min_size=1, max_size=6))
def test_round_trip_keeps_every_paragraph(paragraphs):
    text = "\n\n".join(paragraphs)
    assert html_to_plain(markup_to_html(text)) == " ".join(" ".join(p.split()) for p in paragraphs)
    assert markup_to_html(html_to_markup(markup_to_html(text))) == markup_to_html(text)

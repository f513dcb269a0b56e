"""The editor's markup: what it allows, the HTML and plain text derived from it, and the way
back from HTML (the API's long text) that renders the same HTML again."""

from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.profiles.richtext import (
    bullet_items,
    html_to_markup,
    markup_to_html,
    markup_to_lines,
    markup_to_plain,
    normalize_markup,
    sanitize_html,
)


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


def test_a_list_right_under_a_line_of_text_is_a_list():
    assert markup_to_html("Wij bieden:\n- rust\n- structuur") == (
        "<p>Wij bieden:</p><ul><li>rust</li><li>structuur</li></ul>"
    )


def test_it_escapes_typed_html():
    html = markup_to_html('<script>alert("x")</script> & <b onmouseover=x>')
    assert "<script" not in html and "<b" not in html
    assert "&lt;script&gt;" in html


def test_it_links_only_to_the_web_and_e_mail():
    assert "href" not in markup_to_html("[klik](javascript:alert(1))")
    assert "href" not in markup_to_html("[klik](JavaScript:alert(1))")
    assert "href" not in markup_to_html("[klik](data:text/html,x)")
    assert "href" not in markup_to_html("[pad](/beheer/)")
    assert 'href="mailto:ib@school.example"' in markup_to_html("[mail](mailto:ib@school.example)")


def test_what_markdown_knows_but_the_editor_does_not_stays_as_typed():
    typed = (
        "# Kop\n> citaat\n`code` *schuin* _ook_ __niet vet__ &amp; ![foto](https://x.example/a.png)"
    )
    assert markup_to_html(typed) == (
        "<p># Kop<br>&gt; citaat<br>`code` *schuin* _ook_ __niet vet__ &amp;amp; "
        '!<a href="https://x.example/a.png" rel="noopener noreferrer">foto</a></p>'
    )
    assert markup_to_plain(typed) == (
        "# Kop > citaat `code` *schuin* _ook_ __niet vet__ &amp; !foto"
    )


def test_it_gives_plain_text_with_spaces_between_blocks_and_lines():
    text = "Een & **twee**\nregel\n\n- drie\n- [vier](https://x.example)"
    assert markup_to_plain(text) == "Een & twee regel drie vier"
    assert markup_to_plain(text, link_targets=True) == (
        "Een & twee regel drie vier (https://x.example)"
    )
    assert markup_to_plain("[https://x.example](https://x.example)", link_targets=True) == (
        "https://x.example"
    )


def test_bullet_items_are_the_first_lines_of_the_bullets():
    text = "Intro\n\n- Eerste. Meer\n  tweede regel\n- **Vet** punt\n\n1. genummerd"
    assert bullet_items(text) == ["Eerste. Meer", "Vet punt"]


def test_the_stored_markup_has_unix_lines_and_no_trailing_spaces():
    assert normalize_markup("  een  \r\ntwee\r\n\r\n") == "een\ntwee"


def test_html_from_the_api_becomes_markup_that_renders_the_same_html():
    for html in [
        "<p>Een<br>- geen lijst<br>2024. geen lijst</p><ul><li>a</li></ul><ul><li>b</li></ul>",
        "<p>**geen vet**, [geen link](https://x.example) en C:\\pad\\*</p>",
        "<ol><li>a<ul><li>b</li></ul></li><li>c</li></ol><ol><li>d</li></ol>",
        '<p><strong>Let</strong> <a href="https://x.example/?a=1&amp;b=2">op</a></p>',
    ]:
        assert markup_to_html(html_to_markup(html)) == sanitize_html(html), html


def test_html_from_the_api_is_sanitised_first():
    assert html_to_markup('<p onclick="x">a<script>b</script></p>') == "a"
    assert html_to_markup('<a href="javascript:alert(1)">klik</a>') == "klik"


words = (
    st.text(
        alphabet=st.characters(
            whitelist_categories=("L", "N"), whitelist_characters=" .,;:!?'\"&<>*_[]()\\-+#`"
        ),
        min_size=1,
        max_size=30,
    )
    .map(str.strip)
    .filter(bool)
)
# Bold and link text start and end with a letter: Markdown reads "**" next to punctuation
# differently from the old converter (the API's exotic HTML may not round-trip exactly).
tight = st.from_regex(r"[A-Za-z]([A-Za-z ]{0,10}[A-Za-z])?", fullmatch=True)
inline = st.one_of(
    words.map(lambda w: w.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")),
    tight.map(lambda w: f"<strong>{w}</strong>"),
    tight.map(lambda w: f'<a href="https://x.example/{w.replace(" ", "")}">{w}</a>'),
)
line = st.lists(inline, min_size=1, max_size=4).map(" ".join)
block = st.one_of(
    st.lists(line, min_size=1, max_size=3).map(lambda ls: "<p>" + "<br>".join(ls) + "</p>"),
    st.lists(line, min_size=1, max_size=3).map(
        lambda ls: "<ul>" + "".join(f"<li>{x}</li>" for x in ls) + "</ul>"
    ),
    st.lists(line, min_size=1, max_size=3).map(
        lambda ls: "<ol>" + "".join(f"<li>{x}</li>" for x in ls) + "</ol>"
    ),
)


@given(st.lists(block, min_size=1, max_size=4).map("".join))
def test_any_html_the_editor_could_have_stored_round_trips(html):
    stored = sanitize_html(html)
    assert markup_to_html(html_to_markup(stored)) == stored


@given(st.lists(words, min_size=1, max_size=6))
def test_every_paragraph_keeps_its_text(paragraphs):
    text = "\n\n".join(paragraphs)
    assert markup_to_plain(html_to_markup(markup_to_html(text))) == markup_to_plain(text)
    assert markup_to_html(html_to_markup(markup_to_html(text))) == markup_to_html(text)


def test_the_check_reads_a_line_per_paragraph_list_item_and_break():
    text = "Wij  helpen.\nOok thuis.\n\n- **lezen**;\n- [rekenen](https://x.nl).\n\nKlaar."
    assert markup_to_lines(text) == "Wij helpen.\nOok thuis.\nlezen;\nrekenen.\nKlaar."
    assert markup_to_lines("") == ""

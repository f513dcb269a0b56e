"""Why a school matches: the text around the searched word, cut at whole words."""

from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.publication.finder import SNIPPET_CHARS, snippets
from steunwijzer.publication.search_index import words_of

TEXT = (
    "In groep drie werken we met een kleine instructie in een groepje. In elke unit is een "
    "stiltelokaal waar leerlingen rustig kunnen werken. Het hele team werkt met dezelfde "
    "aanpak en daarom gaat het goed."
)


def test_it_cuts_at_whole_words_and_names_the_question():
    [(label, snippet)] = snippets([["Aanpak", TEXT]], "Stilte")
    assert label == "Aanpak"
    assert "stiltelokaal" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    inner = snippet.strip("…")
    assert inner in TEXT
    assert TEXT[TEXT.index(inner) - 1] == " "


def test_it_finds_nothing_without_the_word():
    assert snippets([["Aanpak", TEXT]], "taalklas") == []
    assert snippets([["Aanpak", TEXT]], "") == []


words = st.text(alphabet="abcdefghij ", min_size=1, max_size=300)


@given(text=words, word=st.text(alphabet="abcdefghij", min_size=1, max_size=6))
def test_a_snippet_is_short_holds_the_word_and_comes_from_the_text(text, word):
    for _, snippet in snippets([["L", text]], word):
        inner = snippet.removeprefix("…").removesuffix("…")
        assert word in inner
        assert inner in text
        assert len(inner) <= SNIPPET_CHARS // 2 + len(word) + SNIPPET_CHARS


@given(st.text(max_size=200))
def test_words_are_distinct_lowercase_and_searchable(text):
    found = words_of(text)
    assert found == sorted(set(found))
    assert all(w == w.lower() and len(w) >= 2 and len(w) <= 40 for w in found)
    assert words_of(" ".join(found)) == found

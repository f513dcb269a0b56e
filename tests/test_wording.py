"""Vague phrasing and jargon detection, and the partnership's editable lists."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.quality_check.presenters import list_error_message
from steunwijzer.quality_check.wording import (
    DEFAULT_JARGON,
    DEFAULT_VAGUE_PHRASES,
    ListError,
    jargon_in,
    parse_jargon_list,
    parse_phrase_list,
    vague_phrases_in,
)


def test_default_lists_cover_the_issue():
    for phrase in (
        "indien mogelijk",
        "waar nodig",
        "in principe",
        "zoveel mogelijk",
        "zo veel mogelijk",
        "in overleg",
        "waar mogelijk",
        "indien nodig",
        "in sommige gevallen",
        "afhankelijk van de situatie",
        "naar vermogen",
        "binnen de mogelijkheden",
        "op maat",
        "passend aanbod",
        "zo nodig",
    ):
        assert phrase in DEFAULT_VAGUE_PHRASES
    for term in ("arrangement", "basisondersteuning", "OPP", "TLV", "SBO", "SO", "leerlijn"):
        assert DEFAULT_JARGON[term]


def test_vague_phrases_found_with_their_sentence():
    text = (
        "Wij helpen uw kind indien mogelijk in de klas. "
        "In principe doen we dat zo veel mogelijk in overleg met u. "
        "Zo nodigen wij u uit."
    )
    assert vague_phrases_in(text) == [
        ("indien mogelijk", "Wij helpen uw kind indien mogelijk in de klas."),
        ("in principe", "In principe doen we dat zo veel mogelijk in overleg met u."),
        ("zo veel mogelijk", "In principe doen we dat zo veel mogelijk in overleg met u."),
        ("in overleg", "In principe doen we dat zo veel mogelijk in overleg met u."),
    ]


def test_vague_phrases_whole_words_only():
    # "op maatwerk" is not "op maat"; "zo nodigen" is not "zo nodig".
    assert vague_phrases_in("Wij leveren op maatwerk. Zo nodigen wij u uit.") == []
    # Case and spacing don't matter; the sentence comes back with whitespace collapsed.
    assert vague_phrases_in("Wij werken OP \n MAAT.") == []  # a line break ends a sentence
    assert vague_phrases_in("Wij werken OP  MAAT.") == [("op maat", "Wij werken OP MAAT.")]


def test_vague_phrases_custom_list():
    assert vague_phrases_in("Dit doen we later.", ("later",)) == [("later", "Dit doen we later.")]
    assert vague_phrases_in("Indien mogelijk.", ()) == []


def test_jargon_found_with_plural_and_in_order_of_use():
    text = (
        "De groepsplannen beschrijven arrangementen. "
        "Wij kijken naar ondersteuningsbehoeften en remedieren waar nodig."
    )
    assert [term for term, _ in jargon_in(text)] == [
        "groepsplan",
        "arrangement",
        "ondersteuningsbehoefte",
        "remediëren",
    ]
    assert jargon_in("Een arrangement.")[0] == ("arrangement", DEFAULT_JARGON["arrangement"])


def test_jargon_spelling_variants():
    assert [t for t, _ in jargon_in("Wij doen aan preteaching.")] == ["pre-teaching"]
    assert [t for t, _ in jargon_in("Wij doen aan pre teaching.")] == ["pre-teaching"]
    assert [t for t, _ in jargon_in("Vraag het de IB\u2019ers.")] == ["IB'er"]
    assert [t for t, _ in jargon_in("Wij doen aan Compacten en Verrijken.")] == [
        "compacten en verrijken"
    ]
    assert [t for t, _ in jargon_in("Handelingsgerichte aanpak.")] == ["handelingsgericht"]


def test_jargon_word_boundaries_and_abbreviations():
    assert jargon_in("Het onderwijsarrangement staat vast.") == []
    assert [t for t, _ in jargon_in("Een plek in het SO of SBO.")] == ["SO", "SBO"]
    assert jargon_in("so what, dat is opp-ervlakkig") == []
    assert [t for t, _ in jargon_in("Het OPP en het ontwikkelingsperspectiefplan.")] == [
        "OPP",
        "ontwikkelingsperspectiefplan",
    ]


def test_jargon_custom_list():
    assert jargon_in("Het MDO is gepland.", {"MDO": "een overleg over uw kind"}) == [
        ("MDO", "een overleg over uw kind")
    ]


# --- editable lists ------------------------------------------------------------------


def test_parse_phrase_list():
    text = "indien mogelijk\n\n# opmerking\n  waar   nodig  \nIndien mogelijk\n"
    assert parse_phrase_list(text) == ("indien mogelijk", "waar nodig")
    assert parse_phrase_list("") == ()


def refusal(parse, text: str) -> str:
    """The message the partnership reads for a list the parser refuses (`wording` is pure
    and raises a code; `presenters.list_error_message` words it)."""
    with pytest.raises(ListError) as caught:
        parse(text)
    return list_error_message(caught.value)


def test_parse_phrase_list_errors_name_the_line():
    assert re.search(
        r"^Regel 2: .*'='", refusal(parse_phrase_list, "in principe\narrangement = pakket")
    )
    assert re.search(r"^Regel 3: .*geen woord", refusal(parse_phrase_list, "a\nb\n..."))
    assert re.search(r"^Regel 1: .*te lang", refusal(parse_phrase_list, "x" * 101))


def test_parse_jargon_list():
    text = "# term = uitleg\narrangement = pakket extra hulp\n\nTLV=toestemming voor het SO\n"
    assert parse_jargon_list(text) == {
        "arrangement": "pakket extra hulp",
        "TLV": "toestemming voor het SO",
    }
    # "=" inside the explanation is kept.
    assert parse_jargon_list("a = b = c") == {"a": "b = c"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("arrangement = pakket\nleerlijn", r"^Regel 2: 'leerlijn' heeft geen '='"),
        ("= uitleg", r"^Regel 1: vóór de '=' ontbreekt de term"),
        ("\nleerlijn = ", r"^Regel 2: na de '=' ontbreekt de uitleg voor 'leerlijn'"),
        ("SO = a\n\nso = b", r"^Regel 3: 'so' staat al op regel 1"),
        ("... = uitleg", r"^Regel 1: de term '...' bevat geen woord"),
    ],
)
def test_parse_jargon_list_errors_name_the_line(text, message):
    assert re.search(message, refusal(parse_jargon_list, text))


def test_default_lists_round_trip_through_the_parsers():
    assert parse_phrase_list("\n".join(DEFAULT_VAGUE_PHRASES)) == DEFAULT_VAGUE_PHRASES
    jargon_text = "\n".join(f"{term} = {plain}" for term, plain in DEFAULT_JARGON.items())
    assert parse_jargon_list(jargon_text) == DEFAULT_JARGON


# --- properties ----------------------------------------------------------------------


@given(st.text())
def test_detectors_never_crash_and_report_real_sentences(text):
    for phrase, sentence in vague_phrases_in(text):
        assert phrase in DEFAULT_VAGUE_PHRASES
        assert sentence
    terms = [term for term, _ in jargon_in(text)]
    assert len(terms) == len(set(terms))


@given(st.sampled_from(DEFAULT_VAGUE_PHRASES), st.sampled_from(["", "Wij helpen. "]))
def test_every_default_phrase_is_found(phrase, prefix):
    text = f"{prefix}Dat doen wij {phrase} voor uw kind."
    assert (phrase, f"Dat doen wij {phrase} voor uw kind.") in vague_phrases_in(text)


@given(st.sampled_from(sorted(DEFAULT_JARGON)))
def test_every_default_term_is_found(term):
    assert term in [t for t, _ in jargon_in(f"Wij noemen {term} in ons profiel.")]

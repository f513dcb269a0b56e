"""Distinctiveness: shingles, Jaccard similarity, and the corpus of other schools' chapters."""

import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from steunwijzer.profiles.richtext import markup_to_plain
from steunwijzer.quality_check.distinctive import (
    DEFAULT_THRESHOLD,
    ChapterText,
    Corpus,
    Similarity,
    chapter_text,
    compact,
    example_text,
    shingles,
    similarity,
)
from steunwijzer.regional_model.sop_format import Chapter, Field, Section, SopFormat

WORDS = st.sampled_from(["de", "kat", "zit", "op", "mat", "school", "kind", "ouder", "zorg"])
TEXTS = st.lists(WORDS, max_size=30).map(" ".join)
SETS = st.frozensets(st.integers(0, 40), max_size=25)


# --- shingles -------------------------------------------------------------------------------


def test_shingles_are_stable_hashes_of_word_trigrams():
    # "De kat zit op" -> "de kat zit", "kat zit op": two trigrams, crc32 of the joined words.
    expected = {zlib.crc32(b"de kat zit"), zlib.crc32(b"kat zit op")}
    assert shingles("De kat zit op") == expected


def test_shingles_ignore_case_and_punctuation():
    assert shingles("De kat, zit! (op) de MAT.") == shingles("de kat zit op de mat")


def test_short_text_gives_its_words():
    assert shingles("Hallo wereld") == {zlib.crc32(b"hallo"), zlib.crc32(b"wereld")}
    assert shingles("") == frozenset()
    assert shingles("...") == frozenset()


def test_shingle_size_is_a_parameter():
    # Bigrams of "a b c": "a b", "b c".
    assert shingles("a b c", n=2) == {zlib.crc32(b"a b"), zlib.crc32(b"b c")}


# --- similarity -----------------------------------------------------------------------------


def test_hand_worked_jaccard():
    # "de kat zit op de mat":  de kat zit | kat zit op | zit op de | op de mat
    # "de kat zit op de bank": de kat zit | kat zit op | zit op de | op de bank
    # common 3, union 4 + 4 - 3 = 5: 3 / 5 = 0.6
    a = shingles("de kat zit op de mat")
    b = shingles("de kat zit op de bank")
    assert similarity(a, b) == pytest.approx(0.6)


def test_hand_worked_jaccard_on_short_texts():
    # {hallo, wereld} and {hallo}: common 1, union 2: 1 / 2 = 0.5
    assert similarity(shingles("hallo wereld"), shingles("hallo")) == 0.5
    # "a b c d" -> {a b c, b c d}; "b c d e" -> {b c d, c d e}: common 1, union 3: 1/3
    assert similarity(shingles("a b c d"), shingles("b c d e")) == pytest.approx(1 / 3)


def test_identical_texts_are_one_and_disjoint_texts_zero():
    text = "Wij werken handelingsgericht en betrekken ouders bij elke stap."
    assert similarity(shingles(text), shingles(text)) == 1.0
    assert similarity(shingles("de kat zit op de mat"), shingles("een hond loopt in het park")) == 0


def test_two_empty_sets_are_zero():
    assert similarity(frozenset(), frozenset()) == 0.0
    assert similarity(frozenset(), frozenset({1})) == 0.0


@given(TEXTS, TEXTS)
def test_similarity_is_symmetric_and_between_zero_and_one(a, b):
    sa, sb = shingles(a), shingles(b)
    assert similarity(sa, sb) == similarity(sb, sa)
    assert 0.0 <= similarity(sa, sb) <= 1.0


@given(TEXTS)
def test_a_non_empty_text_is_identical_to_itself(text):
    s = shingles(text)
    assert similarity(s, s) == (1.0 if s else 0.0)


# --- Corpus ---------------------------------------------------------------------------------

BASE = (
    "Op onze school krijgt ieder kind onderwijs dat past. Wij werken handelingsgericht en "
    "kijken naar wat een kind nodig heeft. Ouders zijn partner en denken mee over de aanpak. "
    "De intern begeleider ondersteunt de leerkrachten bij het opstellen van plannen. "
    "We werken samen met het wijkteam en de jeugdarts. Bij twijfel overleggen we snel."
)
OWN = (
    "Bij De Regenboog leren kinderen in units van twee leerjaren, met een vaste coach. "
    "Ons team heeft veel ervaring met taalontwikkelingsstoornissen en meertalige gezinnen."
)


def chapter(school_id, text, key="visie"):
    return ChapterText(school_id, f"School {school_id}", key, shingles(text))


def test_corpus_counts_matches_above_threshold_and_excludes_the_school_itself():
    texts = [chapter(i, BASE.replace("onze school", f"school {i}")) for i in range(1, 6)]
    texts.append(chapter(6, OWN))
    texts.append(chapter(7, BASE, key="zorgplicht"))  # another chapter: never compared
    corpus = Corpus(texts, {"visie": shingles(BASE)})

    result = corpus.compare("visie", shingles(BASE.replace("onze school", "school 1")),
                            exclude_school_id=1)  # fmt: skip

    assert result.matches == 4  # schools 2..5, not itself (1), not the own text (6)
    assert set(result.matched_schools) == {"School 2", "School 3", "School 4", "School 5"}
    assert DEFAULT_THRESHOLD <= result.lowest_match <= result.best < 1.0
    assert result.example_similarity >= DEFAULT_THRESHOLD
    assert result.threshold == DEFAULT_THRESHOLD
    assert result.match_percent == int(result.lowest_match * 100)


def test_own_text_is_distinctive():
    corpus = Corpus([chapter(i, BASE) for i in range(1, 4)], {"visie": shingles(BASE)})
    result = corpus.compare("visie", shingles(OWN), exclude_school_id=9)
    assert result.matches == 0
    assert result.best < 0.1
    assert result.match_percent == 0
    assert result.example_similarity < result.threshold


def test_without_exclusion_the_school_itself_counts():
    corpus = Corpus([chapter(1, BASE)])
    assert corpus.compare("visie", shingles(BASE)).matches == 1
    assert corpus.compare("visie", shingles(BASE), exclude_school_id=1).matches == 0


def test_unknown_chapter_and_empty_text_match_nothing():
    corpus = Corpus([chapter(1, BASE), chapter(2, "")])
    assert len(corpus) == 1  # the empty chapter is left out
    assert corpus.compare("onbekend", shingles(BASE)) == Similarity(0.0, 0, 0.0, 0.8)
    assert corpus.compare("visie", frozenset()).matches == 0


def test_the_percentage_holds_for_every_school_counted():
    assert Similarity(0.0, 1, 0.934, 0.8, 0.934).match_percent == 93
    assert Similarity(0.0, 12, 0.97, 0.8, 0.90).match_percent == 90


def test_threshold_must_be_a_fraction():
    with pytest.raises(ValueError):
        Corpus([], threshold=0)
    with pytest.raises(ValueError):
        Corpus([], threshold=1.5)


def brute_force(texts, query, threshold, exclude):
    scores = [
        (similarity(query, t.shingles), t.school_name) for t in texts if t.school_id != exclude
    ]
    found = [(score, name) for score, name in scores if score >= threshold]
    return {
        "matches": len(found),
        "best": max((score for score, _ in scores), default=0.0),
        "lowest_match": min((score for score, _ in found), default=0.0),
        "names": sorted(name for _, name in found),
    }


@settings(max_examples=300)
@given(
    st.lists(SETS, max_size=25),
    SETS,
    st.floats(0.01, 1.0),
    st.integers(0, 30),
    st.booleans(),
)
def test_pruning_gives_the_same_result_as_comparing_with_everyone(
    sets, query, threshold, exclude, compacted
):
    texts = [ChapterText(i, f"School {i}", "visie", s) for i, s in enumerate(sets)]
    expected = brute_force([t for t in texts if t.shingles], query, threshold, exclude)
    if compacted:  # as the app holds them: arrays, not sets
        texts = [
            ChapterText(t.school_id, t.school_name, "visie", compact(t.shingles)) for t in texts
        ]
    result = Corpus(texts, threshold=threshold).compare("visie", query, exclude_school_id=exclude)
    assert result.matches == expected["matches"]
    assert result.best == expected["best"]
    assert result.lowest_match == expected["lowest_match"]
    assert sorted(result.matched_schools) == expected["names"]


# --- chapter and example texts --------------------------------------------------------------


def small_format():
    fields = (
        Field("visie_tekst", "long_text", "Visie", example="Wij geloven in <elk> kind."),
        Field("motto", "short_text", "Motto", example="Samen sterk"),
        Field("aantal", "number", "Aantal", example="12"),
        Field("keuze", "single_choice", "Keuze"),
    )
    visie = Chapter("visie", "Visie", sections=(Section("s", "S", items=fields),))
    return SopFormat("f", "F", "1", chapters=(visie,)), visie


def test_chapter_text_takes_the_text_answers_only():
    sop_format, visie = small_format()
    answers = {
        "visie_tekst": "Elk kind & elke ouder\n\ntelt.",
        "motto": " Samen sterk ",
        "aantal": 12,
        "keuze": "a",
    }
    text = chapter_text(sop_format, visie, answers, markup_to_plain)
    assert text == "Elk kind & elke ouder telt.\nSamen sterk"
    assert chapter_text(sop_format, "visie", answers, markup_to_plain) == text
    assert chapter_text(sop_format, "onbekend", answers, markup_to_plain) == ""
    assert chapter_text(sop_format, visie, {}, markup_to_plain) == ""


def test_chapter_text_uses_the_given_to_plain():
    sop_format, visie = small_format()
    text = chapter_text(sop_format, visie, {"visie_tekst": "**x**"}, to_plain=str.upper)
    assert text == "**X**"


def test_example_text_joins_the_text_fields_examples():
    _, visie = small_format()
    assert example_text(visie) == "Wij geloven in <elk> kind.\nSamen sterk"

"""Every field type accepts its own kind of value and names the path of anything else."""

import pytest

from steunwijzer.profiles.answers import AnswerError, clean_answers
from steunwijzer.profiles.richtext import markup_to_html
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format

FORMAT, _ = parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"), "haaglanden")


def clean(school_type="bao", **changes):
    return clean_answers(FORMAT, changes, school_type)


def problems(**changes):
    with pytest.raises(AnswerError) as caught:
        clean(**changes)
    return {p.path: p.message for p in caught.value.problems}


def test_it_keeps_valid_values_of_every_type():
    cleaned = clean(
        contactpersoon_ondersteuning="  Ilse Begeleider ",
        onderwijsconcept="dalton",
        expertise_aanbod=["autisme", "dyslexie"],
        aantal_groepen="8",
        gemiddelde_groepsgrootte="25,5",
        evaluatie_laatste="2026-06-30",
        schoolgids_url="https://school.example/schoolgids",
        expertise_team=[{"expertise": "Dyslexie", "functie": "IB", "uren_per_week": "4"}, {}],
    )
    assert cleaned["contactpersoon_ondersteuning"] == "Ilse Begeleider"
    assert cleaned["expertise_aanbod"] == ["dyslexie", "autisme"]  # model order
    assert cleaned["aantal_groepen"] == 8
    assert cleaned["gemiddelde_groepsgrootte"] == 25.5
    assert cleaned["expertise_team"] == [
        {"expertise": "Dyslexie", "functie": "IB", "uren_per_week": 4}
    ]


def test_it_names_the_path_of_an_unknown_field():
    assert problems(bestaat_niet="x") == {
        "answers.bestaat_niet": "dit veld bestaat niet in het model"
    }


def test_it_names_the_cell_of_a_bad_table_value():
    found = problems(expertise_team=[{"expertise": "x"}, {"uren_per_week": "veel"}])
    assert "answers.expertise_team[1].uren_per_week" in found


def test_it_refuses_unknown_table_columns():
    assert "answers.expertise_team[0].naam" in problems(expertise_team=[{"naam": "x"}])


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"onderwijsconcept": "waldorf"}, "answers.onderwijsconcept"),
        ({"expertise_aanbod": ["astrologie"]}, "answers.expertise_aanbod"),
        ({"expertise_aanbod": "dyslexie"}, "answers.expertise_aanbod"),
        ({"aantal_groepen": True}, "answers.aantal_groepen"),
        ({"aantal_groepen": "NaN"}, "answers.aantal_groepen"),
        ({"evaluatie_laatste": "30-06-2026"}, "answers.evaluatie_laatste"),
        ({"schoolgids_url": "javascript:alert(1)"}, "answers.schoolgids_url"),
        ({"schoolgids_url": "www.school.nl"}, "answers.schoolgids_url"),
        ({"contactpersoon_ondersteuning": "x" * 301}, "answers.contactpersoon_ondersteuning"),
        ({"visie_passend_onderwijs": 12}, "answers.visie_passend_onderwijs"),
    ],
)
def test_it_rejects_bad_values(changes, path):
    assert path in problems(**changes)


def test_it_refuses_a_field_meant_for_another_school_type():
    found = problems(doelgroep_toelaatbaarheid="Leerlingen met een TLV.")
    assert found == {
        "answers.doelgroep_toelaatbaarheid": "dit veld geldt niet voor dit soort school"
    }
    assert clean("sbo", doelgroep_toelaatbaarheid="Leerlingen met een TLV.")


def test_long_text_is_stored_as_typed_and_only_ever_shown_escaped():
    typed = (
        '<p onclick="x()">Hallo<script>alert(1)</script>'
        "[link](javascript:alert(1))<img src=x onerror=alert(1)></p>"
    )
    cleaned = clean(visie_passend_onderwijs=f"  {typed}\r\n")
    assert cleaned["visie_passend_onderwijs"] == typed
    html = markup_to_html(typed)
    assert "<script" not in html and "<img" not in html and "<p onclick" not in html
    assert "href" not in html and html.startswith("<p>&lt;p onclick")


def test_it_treats_long_text_without_words_as_empty():
    assert clean(visie_passend_onderwijs=" \r\n ")["visie_passend_onderwijs"] == ""
    assert clean(visie_passend_onderwijs="[](https://x.example)")["visie_passend_onderwijs"] == ""


def test_it_refuses_answers_that_are_not_an_object():
    with pytest.raises(AnswerError):
        clean_answers(FORMAT, ["x"], "bao")

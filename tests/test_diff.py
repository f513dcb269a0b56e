"""Properties of the field-by-field, word-by-word differences between two sets of answers."""

from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.core.dates import date_text
from steunwijzer.core.numbers import dutch_number
from steunwijzer.profiles.diff import answer_text, diff_answers, diff_words
from steunwijzer.regional_model.sop_format import (
    Chapter,
    Choice,
    Column,
    Field,
    Section,
    SopFormat,
)

CHOICES = (Choice("ib", "Intern begeleider"), Choice("logo", "Logopedist"), Choice("rt", "RT"))
FORMAT = SopFormat(
    id="test",
    name="Testmodel",
    version="1",
    chapters=(
        Chapter(
            key="visie",
            number="1",
            title="Visie",
            sections=(
                Section(
                    key="s1",
                    title="Visie",
                    items=(
                        Field(key="visie", type="long_text", label="Onze visie"),
                        Field(key="naam", type="short_text", label="Naam"),
                    ),
                ),
            ),
        ),
        Chapter(
            key="extra",
            number="2",
            title="Extra ondersteuning",
            sections=(
                Section(
                    key="s2",
                    title="Expertise",
                    items=(
                        Field(
                            key="expertise", type="checklist", label="Expertise", choices=CHOICES
                        ),
                        Field(
                            key="team",
                            type="table",
                            label="Team",
                            columns=(
                                Column("wie", "Wie"),
                                Column("uren", "Uren", type="number"),
                                Column("rol", "Rol", type="single_choice", choices=CHOICES),
                            ),
                        ),
                        Field(key="groepen", type="number", label="Aantal groepen"),
                        Field(key="evaluatie", type="date", label="Evaluatie"),
                        Field(
                            key="sbo", type="short_text", label="Alleen SBO", school_types=("sbo",)
                        ),
                    ),
                ),
            ),
        ),
    ),
)

words = st.text(alphabet="ab \n.", max_size=40)
texts = st.one_of(words, st.text(max_size=30))
rows = st.lists(
    st.fixed_dictionaries(
        {
            "wie": st.sampled_from(["", "Ilse", "Sam de Vries"]),
            "uren": st.one_of(st.none(), st.integers(0, 40), st.just(2.5)),
            "rol": st.sampled_from(["", "ib", "logo"]),
        }
    ),
    max_size=3,
)
answers = st.fixed_dictionaries(
    {},
    optional={
        "visie": st.one_of(words, st.just("")),
        "naam": texts,
        "expertise": st.lists(st.sampled_from(["ib", "logo", "rt"]), unique=True),
        "team": rows,
        "groepen": st.one_of(st.none(), st.integers(0, 12)),
        "evaluatie": st.sampled_from(["", "2026-06-30", "2027-01-15"]),
        "sbo": texts,
    },
)


def joined(segments, *ops):
    return "".join(text for op, text in segments if op in ops)


@given(texts, texts)
def test_equal_and_deleted_text_is_the_old_text_and_equal_and_inserted_the_new(old, new):
    segments = diff_words(old, new)
    assert joined(segments, "equal", "delete") == old
    assert joined(segments, "equal", "insert") == new
    assert all(text for _, text in segments)


@given(texts)
def test_identical_texts_are_one_equal_segment(text):
    assert diff_words(text, text) == ((("equal", text),) if text else ())


@given(answers, answers)
def test_every_field_diff_rebuilds_both_texts(old, new):
    for diff in diff_answers(FORMAT, old, new, "bao", dutch_number, date_text):
        before = joined(diff.segments, "equal", "delete")
        after = joined(diff.segments, "equal", "insert")
        assert before == answer_text(diff.field, old.get(diff.field_key), dutch_number, date_text)
        assert after == answer_text(diff.field, new.get(diff.field_key), dutch_number, date_text)
        assert before != after
        assert diff.status == ("added" if not before else "removed" if not after else "changed")


@given(answers)
def test_identical_answers_have_no_differences(same):
    assert diff_answers(FORMAT, same, dict(same), "bao", dutch_number, date_text) == []


def test_a_worked_example():
    old = {
        "visie": "Elk kind hoort erbij.\n\n- Wij werken met een IB'er.",
        "naam": "De Regenboog",
        "expertise": ["ib"],
        "team": [{"wie": "Ilse", "uren": 8, "rol": "ib"}],
        "evaluatie": "2026-06-30",
        "sbo": "niet voor bao",
    }
    new = {
        "visie": "Elk kind hoort er echt bij.\n\n- Wij werken met twee IB'ers.",
        "naam": "De Regenboog",
        "expertise": ["ib", "logo"],
        "team": [{"wie": "Ilse", "uren": 2.5, "rol": "ib"}, {"wie": "Sam", "rol": "logo"}],
        "groepen": 8,
        "sbo": "ook niet",
    }
    diffs = diff_answers(FORMAT, old, new, "bao", dutch_number, date_text)
    assert [(d.chapter_key, d.field_key, d.status) for d in diffs] == [
        ("visie", "visie", "changed"),
        ("extra", "expertise", "changed"),
        ("extra", "team", "changed"),
        ("extra", "groepen", "added"),
        ("extra", "evaluatie", "removed"),
    ]
    visie, expertise, team, groepen, evaluatie = diffs
    assert visie.label == "Onze visie" and visie.chapter.heading == "1. Visie"
    assert visie.segments == (
        ("equal", "Elk kind hoort "),
        ("delete", "erbij."),
        ("insert", "er echt bij."),
        ("equal", " Wij werken met "),
        ("delete", "een IB'er."),
        ("insert", "twee IB'ers."),
    )
    assert expertise.segments == (
        ("equal", "Intern begeleider"),
        ("insert", "\nLogopedist"),
    )
    assert joined(team.segments, "equal", "delete") == "Wie: Ilse; Uren: 8; Rol: Intern begeleider"
    assert joined(team.segments, "equal", "insert") == (
        "Wie: Ilse; Uren: 2,5; Rol: Intern begeleider\nWie: Sam; Rol: Logopedist"
    )
    assert groepen.segments == (("insert", "8"),)
    assert evaluatie.segments == (("delete", "30 juni 2026"),)


def test_a_changed_link_target_is_a_difference():
    old = {"visie": "Zie [de schoolgids](https://a.example/gids)."}
    new = {"visie": "Zie [de schoolgids](https://b.example/gids)."}
    [diff] = diff_answers(FORMAT, old, new, "bao", dutch_number, date_text)
    assert joined(diff.segments, "equal", "delete") == "Zie de schoolgids (https://a.example/gids)."
    assert ("insert", "(https://b.example/gids).") in diff.segments

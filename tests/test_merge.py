"""Properties of the field-by-field merge that keeps concurrent edits from being lost."""

from hypothesis import given
from hypothesis import strategies as st

from steunwijzer.profiles.merge import merge_answers

keys = st.sampled_from(["a", "b", "c", "d", "e"])
values = st.integers(min_value=0, max_value=3)
answers = st.dictionaries(keys, values, max_size=5)
changes = st.dictionaries(keys, st.one_of(st.none(), values), max_size=5)


@given(answers, answers, changes)
def test_nothing_others_saved_is_lost(base, current, mine):
    merge = merge_answers(base, current, mine)
    if merge.conflicts:
        assert merge.answers == current and merge.saved == []
        return
    for key in current.keys() - mine.keys():
        assert merge.answers.get(key) == current[key]


@given(answers, answers, changes)
def test_every_change_is_applied_or_reported(base, current, mine):
    merge = merge_answers(base, current, mine)
    if merge.conflicts:
        for key in merge.conflicts:
            assert base.get(key) != current.get(key) != mine[key]
        return
    for key, value in mine.items():
        assert merge.answers.get(key) == value


@given(answers, changes)
def test_without_concurrent_saves_there_is_never_a_conflict(base, mine):
    merge = merge_answers(base, dict(base), mine)
    assert merge.conflicts == [] and merge.from_others == []
    assert merge.saved == sorted(k for k in mine if base.get(k) != merge.answers.get(k))


def test_a_worked_example():
    merge = merge_answers({"a": 1, "b": 1}, {"a": 2, "b": 1, "c": 5}, {"b": 3, "a": 2})
    assert merge.answers == {"a": 2, "b": 3, "c": 5}
    assert merge.saved == ["b"]  # a was already 2
    assert merge.from_others == ["c"]
    assert merge_answers({"a": 1}, {"a": 2}, {"a": 3}).conflicts == ["a"]

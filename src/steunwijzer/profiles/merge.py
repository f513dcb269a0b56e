"""Three-way merge of answers, field by field. Pure Python, so it is tested on its own.

`base` is what the editor started from, `current` what is stored now, `mine` the editor's
changes (None empties a field). A field counts as changed by others when base and current
differ; it is a conflict only when the editor changed it too, to something else.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Merge:
    answers: dict
    saved: list[str]
    conflicts: list[str]
    from_others: list[str]


def merge_answers(base: dict, current: dict, mine: dict) -> Merge:
    others = {k for k in base.keys() | current.keys() if base.get(k) != current.get(k)}
    conflicts = sorted(k for k, value in mine.items() if k in others and current.get(k) != value)
    from_others = sorted(others - mine.keys())
    if conflicts:
        return Merge(dict(current), [], conflicts, from_others)
    answers = dict(current)
    for key, value in mine.items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    saved = sorted(k for k in mine if current.get(k) != answers.get(k))
    return Merge(answers, saved, [], from_others)

"""Refused input, with every problem named by the path of the field it concerns."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    message: str


class ProblemsError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.path}: {p.message}" for p in problems))
        self.problems = problems

"""The problems a regional SOP model can have: `FormatProblem` and the `FormatError` holding them.

Pure Python, no Django. A module of its own so the loader (`loader.py`) and the YAML checker
(`yaml_checker.py`) can both raise them without importing each other; `loader.py` re-exports
both, and that is where the rest of the code imports them from.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class FormatProblem:
    """One thing wrong with a model file, pointing at the line and the place in the model."""

    file: str
    line: int | None
    path: str
    message: str

    def __str__(self):
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class FormatError(Exception):
    """The model cannot be used; `.problems` lists everything that is wrong with it."""

    def __init__(self, problems: list[FormatProblem]):
        self.problems = list(problems)
        super().__init__(str(self))

    def __str__(self):
        return "\n".join(str(problem) for problem in self.problems)

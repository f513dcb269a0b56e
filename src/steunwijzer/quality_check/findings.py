"""What the SOP-check reports. Pure Python: a finding is a code with its values; the sentence
a user reads is made from them, in the user's language, by `presenters.py`."""

from dataclasses import dataclass, field

# The check labels as the dashboards (another app) read them; the SOP-check's own pages show the
# translated `presenters.CHECK_LABELS`, in the same order.
# The five checks, in the order the overviews show them; their labels are in presenters.py.
CHECKS = ("complete", "concrete", "readable", "concise", "distinctive")
BLOCK, WARN = "block", "warn"


@dataclass(frozen=True)
class Finding:
    check: str
    code: str
    severity: str
    chapter_key: str | None = None
    field_key: str | None = None
    excerpt: str = ""
    # The explanation of a term from the partnership's own list (jargon); the standard tips of
    # the other codes are added by `presenters.present`.
    suggestion: str = ""
    # Named values for the code's sentence, as (name, value) pairs: a finding stays hashable.
    params: tuple[tuple[str, object], ...] = ()
    # The sentence, in the user's language: empty until `presenters.present` fills it in.
    message: str = ""

    @property
    def blocks(self) -> bool:
        return self.severity == BLOCK


@dataclass
class CheckReport:
    findings: list[Finding] = field(default_factory=list)
    # Per chapter key: [(section title, ReadabilityStats)] for the sections with text.
    readability: dict = field(default_factory=dict)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocks]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocks]

    def for_chapter(self, key: str) -> list[Finding]:
        return [f for f in self.findings if f.chapter_key == key]

    def for_field(self, key: str) -> list[Finding]:
        return [f for f in self.findings if f.field_key == key]

    def counts_by_check(self) -> dict[str, int]:
        counts = dict.fromkeys(CHECKS, 0)
        for f in self.findings:
            counts[f.check] += 1
        return counts

    def as_dict(self) -> dict:
        return {
            "blocking": len(self.blocking),
            "warnings": len(self.warnings),
            "counts": self.counts_by_check(),
            "findings": [
                {
                    "check": f.check,
                    "code": f.code,
                    "severity": f.severity,
                    "message": f.message,
                    "chapter": f.chapter_key,
                    "field": f.field_key,
                    "excerpt": f.excerpt,
                    "suggestion": f.suggestion,
                }
                for f in self.findings
            ],
        }

"""What the SOP-check reports. Pure Python."""

from dataclasses import dataclass, field

CHECKS = {
    "complete": "Compleet",
    "concrete": "Concreet",
    "readable": "Leesbaar (B1)",
    "concise": "Bondig",
    "distinctive": "Eigen",
}
BLOCK, WARN = "block", "warn"


@dataclass(frozen=True)
class Finding:
    check: str
    code: str
    severity: str
    message: str
    chapter_key: str | None = None
    field_key: str | None = None
    excerpt: str = ""
    suggestion: str = ""

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

from django import template

from steunwijzer.quality_check.presenters import CHECK_LABELS
from steunwijzer.quality_check.report import check_profile

register = template.Library()


@register.simple_tag
def sop_check_report(profile):
    """The SOP-check of the profile for the editor's panels: the editor (profiles) shows it
    without importing the check, which sits above it."""
    return check_profile(profile)


@register.filter
def check_label(check: str) -> str:
    return CHECK_LABELS.get(check, check)


@register.simple_tag
def chapter_findings(report, chapter_key):
    """Findings about the chapter as a whole (field findings show beside their field)."""
    return [f for f in report.for_chapter(chapter_key) if not f.field_key] if report else []


@register.simple_tag
def field_findings(report, field_key):
    return report.for_field(field_key) if report else []


@register.filter
def get_total(counter, key):
    return counter.get(key, 0)


@register.simple_tag
def chapter_readability(report, chapter_key):
    return report.readability.get(chapter_key, []) if report else []


@register.simple_tag
def chapter_summary(report, chapter_key):
    """For the panel's one line: how many findings the chapter has (on fields too), and whether
    its readability is good (no section below B1), or None when it has no text to measure."""
    if not report:
        return {"points": 0, "readable": None}
    findings = report.for_chapter(chapter_key)
    readable = None
    if report.readability.get(chapter_key):
        readable = not any(f.code == "not_b1" for f in findings)
    return {"points": len(findings), "readable": readable}

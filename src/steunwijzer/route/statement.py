"""The MR's adviesverklaring (or instemmingsverklaring) as a PDF, made from the timeline."""

from django.template.loader import render_to_string

from steunwijzer.core.dates import as_day
from steunwijzer.core.pdf_render import render_pdf

from .labels import decision_label


def board_reasons(transition) -> str:
    """The board's reasons for establishing the version the MR advised against, if it did."""
    later = transition.profile.transitions.filter(pk__gt=transition.pk).order_by("pk")
    # Only an establishment of the version this advice was about: before the MR advised again.
    next_advice = later.filter(action__in=("give_advice", "give_consent")).first()
    if next_advice is not None:
        later = later.filter(pk__lt=next_advice.pk)
    establish = later.filter(action="establish").first()
    return establish.payload.get("reasons", "") if establish else ""


def statement_html(transition) -> str:
    """The statement as HTML, the PDF's source."""
    payload = transition.payload
    return render_to_string(
        "route/statement_pdf.html",
        {
            "t": transition,
            "profile": transition.profile,
            "consent": transition.action == "give_consent",
            "decision": decision_label(payload.get("advice") or payload.get("decision")),
            "board_reasons": board_reasons(transition),
            # Dates as dates, so the template writes them the Dutch way ("24 november 2026").
            "decided_on": as_day(payload.get("date")),
            "meeting_on": as_day(payload.get("meeting_on")),
        },
    )


def statement_pdf(transition) -> bytes:
    return render_pdf(statement_html(transition), pdf_variant="pdf/ua-1")


def statement_filename(transition) -> str:
    kind = "instemmingsverklaring" if transition.action == "give_consent" else "adviesverklaring"
    school = transition.profile.school
    return f"{kind}-{school.brin}{school.vestiging}-{transition.profile.school_year}.pdf"

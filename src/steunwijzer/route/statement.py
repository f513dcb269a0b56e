"""The MR's adviesverklaring (or instemmingsverklaring) as a PDF, made from the timeline."""

from django.template.loader import render_to_string

from steunwijzer.core.pdf_render import render_pdf
from steunwijzer.profiles.dates import as_day

from .labels import decision_label


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

"""The MR's adviesverklaring (or instemmingsverklaring) as a PDF, made from the timeline."""

from django.template.loader import render_to_string

from steunwijzer.core.pdf_render import render_pdf

from .labels import decision_label


def statement_pdf(transition) -> bytes:
    payload = transition.payload
    html = render_to_string(
        "route/statement_pdf.html",
        {
            "t": transition,
            "profile": transition.profile,
            "consent": transition.action == "give_consent",
            "decision": decision_label(payload.get("advice") or payload.get("decision")),
        },
    )
    return render_pdf(html, pdf_variant="pdf/ua-1")


def statement_filename(transition) -> str:
    kind = "instemmingsverklaring" if transition.action == "give_consent" else "adviesverklaring"
    school = transition.profile.school
    return f"{kind}-{school.brin}{school.vestiging}-{transition.profile.school_year}.pdf"

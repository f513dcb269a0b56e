"""The MR's adviesverklaring (or instemmingsverklaring) as a PDF, made from the timeline."""

from django.template.loader import render_to_string

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


def statement_pdf(transition) -> bytes:
    payload = transition.payload
    html = render_to_string(
        "route/statement_pdf.html",
        {
            "t": transition,
            "profile": transition.profile,
            "consent": transition.action == "give_consent",
            "decision": decision_label(payload.get("advice") or payload.get("decision")),
            "board_reasons": board_reasons(transition),
        },
    )
    return render_pdf(html, pdf_variant="pdf/ua-1")


def statement_filename(transition) -> str:
    kind = "instemmingsverklaring" if transition.action == "give_consent" else "adviesverklaring"
    school = transition.profile.school
    return f"{kind}-{school.brin}{school.vestiging}-{transition.profile.school_year}.pdf"

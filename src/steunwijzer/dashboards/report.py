"""The year's analysis as a PDF the partnership can put before its board (WeasyPrint)."""

from django.template.loader import render_to_string

from steunwijzer.core.pdf_render import render_pdf


def report_pdf(data) -> bytes:
    html = render_to_string("dashboards/report_pdf.html", data)
    return render_pdf(html, pdf_variant="pdf/ua-1")

"""The year's analysis as a PDF the partnership can put before its board (WeasyPrint)."""

from django.template.loader import render_to_string


def report_pdf(data) -> bytes:
    # Imported here: WeasyPrint loads Pango, which only the PDF needs.
    from weasyprint import HTML

    html = render_to_string("dashboards/report_pdf.html", data)
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")

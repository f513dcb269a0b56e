"""The partnership's dress on every page: its colour as CSS, its logo, and the context
processor that names the partnership whose name, logo and colour a page shows."""

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from .models import Partnership


def theme(request):
    """The partnership whose name, logo and colour dress the page.

    Steunwijzer is usually installed for one partnership; with several, the first one
    styles the shared pages and each partnership's own pages pass theirs explicitly.
    """
    return {"theme_partnership": Partnership.objects.defer("logo").order_by("pk").first()}


@require_GET
def theme_css(request, slug):
    """The partnership's colour as CSS custom properties, so pages need no inline styles."""
    partnership = Partnership.objects.filter(slug=slug).first()
    colour = partnership.main_colour if partnership else "#2b5f75"
    css = f":root {{ --sw-brand: {colour}; }}\n"
    response = HttpResponse(css, content_type="text/css")
    response["Cache-Control"] = "public, max-age=300"
    return response


@require_GET
def theme_logo(request, slug):
    partnership = Partnership.objects.filter(slug=slug).exclude(logo_type="").first()
    if partnership is None:
        raise Http404("Geen logo.")
    response = HttpResponse(bytes(partnership.logo), content_type=partnership.logo_type)
    response["Cache-Control"] = "public, max-age=300"
    return response

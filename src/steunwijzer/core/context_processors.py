from steunwijzer.organisations.models import Partnership


def theme(request):
    """The partnership whose name, logo and colour dress the page.

    Steunwijzer is usually installed for one partnership; with several, the first one
    styles the shared pages and each partnership's own pages pass theirs explicitly.
    """
    return {"theme_partnership": Partnership.objects.defer("logo").order_by("pk").first()}

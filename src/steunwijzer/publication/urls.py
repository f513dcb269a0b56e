from django.urls import include, path, register_converter

from . import converters

register_converter(converters.BrinConverter, "brin")
register_converter(converters.VestigingConverter, "vestiging")
register_converter(converters.SchoolYearConverter, "schooljaar")
register_converter(converters.SchoolCodeConverter, "schoolcode")

# Downloads first, so `sop.pdf` is never read as part of a page path.
urlpatterns = [
    path("", include("steunwijzer.publication.export_urls")),
    path("", include("steunwijzer.publication.page_urls")),
]

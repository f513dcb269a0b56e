"""The demo's published SOPs download as PDF, Word and schoolgids chapter, and as the zip."""

import io
import zipfile

from django.contrib.auth import get_user_model
from django.urls import reverse

from steunwijzer.demo.build import DEMO_PASSWORD, DEMO_SLUG
from steunwijzer.profiles.models import Profile
from steunwijzer.publication.exports import EXPORTS
from steunwijzer.publication.lookup import public_path_kwargs
from tests.export_helpers import body
from tests.two_factor_helpers import verify_session


def test_every_published_demo_sop_downloads(demo, client):
    published = list(
        Profile.objects.filter(published_revision__isnull=False).select_related("school")
    )
    assert published
    for profile in published:
        for export in EXPORTS.values():
            url = reverse(export.url_name, kwargs=public_path_kwargs(profile.school))
            response = client.get(url)
            assert response.status_code == 200, url
            assert response["Content-Type"] == export.content_type
    client.login(username="swv", password=DEMO_PASSWORD)
    verify_session(client, get_user_model().objects.get(username="swv"))
    year = published[0].school_year
    response = client.get(
        reverse("partnership_publications_zip", kwargs={"slug": DEMO_SLUG, "schooljaar": year})
    )
    names = zipfile.ZipFile(io.BytesIO(body(response))).namelist()
    assert len(names) == 1 + sum(1 for p in published if p.school_year == year)

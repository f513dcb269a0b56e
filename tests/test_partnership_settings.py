"""Partnership staff set the name, colour and logo that dress their region's pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from steunwijzer.core.school_year import school_year_of
from tests import documents

PNG = documents.PNG


def url(partnership):
    return reverse("partnership_settings", args=[partnership.slug])


def post(client, partnership, **extra):
    data = {
        "name": "SWV Nieuw",
        "short_name": "Nieuw",
        "main_colour": "#1a2b3c",
        "contact_email": "",
        "website": "",
        "cycle_years": 1,
    }
    data.update(extra)
    return client.post(url(partnership), data)


def test_staff_changes_name_and_colour(client, partnership, staff):
    client.force_login(staff)
    assert client.get(url(partnership)).status_code == 200
    year = school_year_of(timezone.localdate())
    response = post(client, partnership, schoolgids_route_from=year)
    assert response.status_code == 302
    partnership.refresh_from_db()
    assert (partnership.name, partnership.main_colour) == ("SWV Nieuw", "#1a2b3c")
    assert partnership.schoolgids_route_from == year
    css = client.get(reverse("theme_css", args=[partnership.slug])).content.decode()
    assert "--sw-brand: #1a2b3c" in css


def test_staff_uploads_a_logo_that_every_page_shows(client, partnership, staff):
    client.force_login(staff)
    post(client, partnership, logo_file=SimpleUploadedFile("logo.png", PNG))
    logo = client.get(reverse("theme_logo", args=[partnership.slug]))
    assert logo["Content-Type"] == "image/png" and logo.content == PNG
    assert reverse("theme_logo", args=[partnership.slug]) in client.get("/").content.decode()


def test_it_refuses_a_logo_that_is_not_an_image_by_content(client, partnership, staff):
    client.force_login(staff)
    svg = SimpleUploadedFile("logo.png", b"<svg onload='alert(1)'></svg>")
    response = post(client, partnership, logo_file=svg)
    assert response.status_code == 400
    assert "Dit is geen PNG- of JPEG-afbeelding." in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.logo_type == "" and partnership.name != "SWV Nieuw"


def test_it_refuses_a_logo_that_is_too_large(client, partnership, staff):
    client.force_login(staff)
    big = SimpleUploadedFile("logo.png", PNG + b"\x00" * 600_000)
    response = post(client, partnership, logo_file=big)
    assert "te groot" in response.content.decode()


def test_it_refuses_a_colour_that_is_not_a_colour(client, partnership, staff):
    client.force_login(staff)
    response = post(client, partnership, main_colour="red;}x{")
    assert response.status_code == 400
    assert "Gebruik een kleur als #1a2b3c." in response.content.decode()


@pytest.mark.parametrize("persona", ["editor", "officer", "mr_member", "other_staff", "outsider"])
def test_others_may_not_change_the_partnership(request, client, partnership, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(partnership)).status_code == 403
    assert post(client, partnership).status_code == 403


def test_theme_logo_is_404_without_a_logo(client, partnership):
    assert client.get(reverse("theme_logo", args=[partnership.slug])).status_code == 404


def test_staff_choose_whether_receipt_comes_before_publication(client, partnership, staff):
    client.force_login(staff)
    page = client.get(url(partnership)).content.decode()
    assert "ontvangst vóór publicatie" in page.lower()
    assert partnership.receipt_before_publication
    post(client, partnership)  # an unticked box: schools may publish right after delivery
    partnership.refresh_from_db()
    assert not partnership.receipt_before_publication
    post(client, partnership, receipt_before_publication="on")
    partnership.refresh_from_db()
    assert partnership.receipt_before_publication

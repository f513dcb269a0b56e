"""The partnership's SOP-check overview and its own lists of vague phrases and jargon."""

import pytest
from django.urls import reverse

from steunwijzer.quality_check.models import CheckSettings


def test_staff_see_per_school_and_region_what_fails(client, partnership, profile, staff):
    client.force_login(staff)
    body = client.get(reverse("partnership_checks", args=[partnership.slug])).content.decode()
    assert "De Regenboog" in body
    assert "verplicht veld leeg" in body  # the most common finding in the region


@pytest.mark.parametrize("persona", ["editor", "officer", "other_staff", "outsider"])
def test_others_do_not_see_the_overview(request, client, partnership, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("partnership_checks", args=[partnership.slug])).status_code == 403
    assert client.get(reverse("check_settings", args=[partnership.slug])).status_code == 403


def test_staff_set_their_own_lists(client, partnership, profile, editor, staff):
    client.force_login(staff)
    response = client.post(
        reverse("check_settings", args=[partnership.slug]),
        {
            "vague_phrases": "naar bevind van zaken",
            "jargon": "groepsdoorbraak = extra les",
        },
    )
    assert response.status_code == 302
    phrases, jargon = CheckSettings.lists_for(partnership)
    assert phrases == ("naar bevind van zaken",) and jargon == {"groepsdoorbraak": "extra les"}


def test_the_settings_page_says_where_the_model_makes_a_term_plain(client, partnership, staff):
    client.force_login(staff)
    page = client.get(reverse("check_settings", args=[partnership.slug])).content.decode()
    assert "niet aangewezen in het antwoord op een vraag waarvan het label" in page
    assert 'aria-describedby="jargon-help"' in page


def test_a_malformed_list_is_explained_and_not_stored(client, partnership, staff):
    client.force_login(staff)
    response = client.post(
        reverse("check_settings", args=[partnership.slug]),
        {
            "vague_phrases": "",
            "jargon": "leerlijn zonder uitleg",
        },
    )
    assert response.status_code == 422
    assert "Regel 1" in response.content.decode()
    assert CheckSettings.lists_for(partnership)[1]  # still the default list
    assert not CheckSettings.objects.filter(partnership=partnership).exists()

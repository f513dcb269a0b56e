"""The page that compares two versions of a profile, with inserted and deleted text marked."""

import pytest
from django.urls import reverse

from steunwijzer.profiles.comparisons import comparison_presets
from steunwijzer.profiles.services import profile_update

READERS = ["editor", "team_member", "mr_member", "officer", "staff"]
STRANGERS = ["other_editor", "other_officer", "other_staff", "outsider"]


def save(profile, user, **changes):
    profile.refresh_from_db()
    return profile_update(
        profile_id=profile.pk, user=user, base_version=profile.version, changes=changes
    )


@pytest.fixture
def edited(profile, editor):
    save(profile, editor, visie_passend_onderwijs="Elk kind hoort erbij.")
    save(profile, editor, visie_passend_onderwijs="Elk kind hoort er echt bij.")
    profile.refresh_from_db()
    return profile


def url(profile, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("profile_diff", args=[profile.pk]) + (f"?{query}" if query else "")


@pytest.mark.parametrize("persona", READERS)
def test_it_shows_the_differences_to_every_reader(request, client, edited, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(url(edited, van=1, naar=2))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Versie 1 vergeleken met versie 2" in html
    assert (
        '<del><span class="sw-visually-hidden">verwijderd: </span>erbij.</del>'
        '<ins><span class="sw-visually-hidden">ingevoegd: </span>er echt bij.</ins>'
    ) in html


@pytest.mark.parametrize("persona", STRANGERS)
def test_it_refuses_everyone_else(request, client, edited, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(url(edited, van=0, naar=2))
    assert response.status_code == 403
    assert "hoort er echt bij" not in response.content.decode()


def test_it_compares_the_current_version_with_the_one_before_by_default(client, edited, editor):
    client.force_login(editor)
    response = client.get(url(edited))
    assert response.context["comparison"].old.number == 1
    assert response.context["comparison"].new.number == 2
    assert "1 veld verschilt" in response.content.decode()


def test_it_offers_every_version_by_number_date_and_author(client, edited, editor):
    client.force_login(editor)
    response = client.get(url(edited))
    labels = [label for _, label in response.context["revisions"]]
    assert len(labels) == 3
    assert labels[0].startswith("Versie 2 — ") and labels[0].endswith(" — Eva de Directeur")
    created = edited.revisions.get(number=2).created_at
    assert f" {created.year} " in labels[0]


def test_it_offers_the_previous_and_the_first_version_as_quick_links(client, edited, editor):
    assert comparison_presets(edited) == [
        ("t.o.v. vorige versie", 1),
        ("t.o.v. eerste versie", 0),
    ]
    client.force_login(editor)
    html = client.get(url(edited)).content.decode()
    assert f'{url(edited)}?van=1&amp;naar=2">t.o.v. vorige versie' in html
    assert f'{url(edited)}?van=0&amp;naar=2">t.o.v. eerste versie' in html


def test_a_new_profile_has_no_presets_and_no_differences(client, profile, editor):
    assert comparison_presets(profile) == []
    client.force_login(editor)
    response = client.get(url(profile))
    assert response.status_code == 200
    assert "Geen verschillen" in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"van": 7, "naar": 2}, "Versie 7 bestaat niet bij dit profiel."),
        ({"van": 0, "naar": 99}, "Versie 99 bestaat niet bij dit profiel."),
        ({"van": "een", "naar": 2}, "Een versienummer is een geheel getal"),
    ],
)
def test_it_rejects_unknown_versions_with_a_clear_message(client, edited, editor, params, message):
    client.force_login(editor)
    response = client.get(url(edited, **params))
    assert response.status_code == 404
    assert message in response.content.decode()
    assert 'name="van"' in response.content.decode()  # the form is there to choose again


def test_it_escapes_what_schools_typed(client, profile, editor):
    save(profile, editor, contactpersoon_ondersteuning="<script>alert(1)</script>")
    client.force_login(editor)
    html = client.get(url(profile)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_history_links_each_version_to_its_differences(client, edited, editor):
    client.force_login(editor)
    html = client.get(reverse("profile_revisions", args=[edited.pk])).content.decode()
    assert f'href="{url(edited)}?van=1&amp;naar=2">vergelijk met vorige' in html
    assert f'href="{url(edited)}">Twee versies vergelijken' in html


def test_the_preview_links_to_the_differences_and_the_review(client, edited, officer):
    client.force_login(officer)
    html = client.get(reverse("profile_preview", args=[edited.pk])).content.decode()
    assert f'href="{url(edited)}">Verschillen' in html
    assert f'href="{reverse("profile_review", args=[edited.pk])}">Beoordelen en opmerkingen' in html

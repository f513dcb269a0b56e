"""The editor: fixed texts in place, saving, autosave, conflicts and validation messages."""

import pytest
from django.urls import reverse

from steunwijzer.profiles.services import profile_update


@pytest.fixture
def signed_in(client, editor):
    client.force_login(editor)
    return client


def chapter_url(profile, key, action=""):
    name = {
        "": "profile_chapter",
        "autosave": "profile_autosave",
        "conflict": "profile_resolve_conflict",
    }[action]
    return reverse(name, args=[profile.pk, key])


def test_it_shows_fixed_texts_questions_and_progress(signed_in, profile):
    body = signed_in.get(chapter_url(profile, "zorgplicht")).content.decode()
    assert "Sinds de invoering van passend onderwijs hebben schoolbesturen zorgplicht" in body
    assert "Vaste tekst van het samenwerkingsverband" in body
    assert "verplichte velden ingevuld" in body
    visie = signed_in.get(chapter_url(profile, "visie")).content.decode()
    assert "Vanuit welke visie werken wij aan passend onderwijs?" in visie


def test_it_saves_the_chapter_and_records_who(signed_in, profile, editor):
    response = signed_in.post(
        chapter_url(profile, "visie"),
        {
            "base_version": 0,
            # As a browser posts a textarea: Windows line ends, a trailing space.
            "f-visie_passend_onderwijs": "Wij geloven in **kansen**. \r\n\r\n- samen\r\n- dichtbij",
            "f-schoolpopulatie": "",
        },
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.version == 1
    # What was typed is what is stored; pages derive the HTML from it.
    assert profile.answers["visie_passend_onderwijs"] == (
        "Wij geloven in **kansen**.\n\n- samen\n- dichtbij"
    )
    assert "schoolpopulatie" not in profile.answers
    assert profile.revisions.first().author == editor


def test_it_autosaves_and_returns_the_new_version(signed_in, profile):
    response = signed_in.post(
        chapter_url(profile, "schoolgegevens", "autosave"),
        {"base_version": 0, "f-aantal_groepen": "8"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Opgeslagen om" in body
    assert 'id="base-version" name="base_version" value="1" hx-swap-oob="true"' in body
    profile.refresh_from_db()
    assert profile.answers["aantal_groepen"] == 8
    assert profile.revisions.first().reason == "autosave"


def test_it_only_saves_fields_the_editor_changed(signed_in, profile, second_editor):
    # Another editor fills in a field after this editor opened the chapter (at version 0).
    profile_update(
        profile_id=profile.pk,
        user=second_editor,
        base_version=0,
        changes={"gemiddelde_groepsgrootte": 27},
    )
    response = signed_in.post(
        chapter_url(profile, "schoolgegevens", "autosave"),
        {"base_version": 0, "f-aantal_groepen": "8", "f-gemiddelde_groepsgrootte": ""},
    )
    assert response.status_code == 200
    profile.refresh_from_db()
    assert profile.answers == {"gemiddelde_groepsgrootte": 27, "aantal_groepen": 8}
    # The stale field is sent back fresh so the next save does not undo the other's work.
    body = response.content.decode()
    assert 'id="field-gemiddelde_groepsgrootte" hx-swap-oob="true"' in body
    assert 'value="27"' in body


def test_it_shows_both_texts_on_a_conflict_and_lets_the_editor_choose(
    signed_in, profile, second_editor
):
    profile_update(
        profile_id=profile.pk,
        user=second_editor,
        base_version=0,
        changes={"contactpersoon_ondersteuning": "Ilse Begeleider (IB)"},
    )
    response = signed_in.post(
        chapter_url(profile, "schoolgegevens"),
        {
            "base_version": 0,
            "f-contactpersoon_ondersteuning": "Eva de Directeur",
            "f-aantal_groepen": "8",
        },
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Iemand anders heeft hetzelfde veld gewijzigd" in body
    assert "Eva de Directeur" in body and "Ilse Begeleider (IB)" in body
    profile.refresh_from_db()
    assert profile.version == 1

    pending = response.context["pending"]
    chosen = signed_in.post(
        chapter_url(profile, "schoolgegevens", "conflict"),
        {
            "base_version": 1,
            "pending": pending,
            "choice-contactpersoon_ondersteuning": "theirs",
        },
    )
    assert chosen.status_code == 302
    profile.refresh_from_db()
    assert profile.answers["contactpersoon_ondersteuning"] == "Ilse Begeleider (IB)"
    assert profile.answers["aantal_groepen"] == 8


def test_autosave_reports_a_conflict_without_saving(signed_in, profile, second_editor):
    profile_update(
        profile_id=profile.pk, user=second_editor, base_version=0, changes={"aantal_groepen": 9}
    )
    response = signed_in.post(
        chapter_url(profile, "schoolgegevens", "autosave"),
        {"base_version": 0, "f-aantal_groepen": "8"},
    )
    assert response.status_code == 409
    assert 'id="conflict-panel" hx-swap-oob="true"' in response.content.decode()
    profile.refresh_from_db()
    assert profile.answers["aantal_groepen"] == 9


def test_it_saves_over_its_own_autosave_still_in_flight(signed_in, profile):
    # The autosave of a half-ticked list lands after the page sent its explicit save.
    page = {"base_version": 0, "edit_session": "a1" * 16}
    signed_in.post(
        chapter_url(profile, "schoolgegevens", "autosave"), {**page, "f-aantal_groepen": "8"}
    )
    response = signed_in.post(
        chapter_url(profile, "schoolgegevens"), {**page, "f-aantal_groepen": "9"}
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.answers["aantal_groepen"] == 9 and profile.version == 2


def test_another_page_of_the_same_editor_still_gets_the_conflict(signed_in, profile):
    signed_in.post(
        chapter_url(profile, "schoolgegevens", "autosave"),
        {"base_version": 0, "edit_session": "a1" * 16, "f-aantal_groepen": "8"},
    )
    response = signed_in.post(
        chapter_url(profile, "schoolgegevens"),
        {"base_version": 0, "edit_session": "b2" * 16, "f-aantal_groepen": "9"},
    )
    assert response.status_code == 409
    profile.refresh_from_db()
    assert profile.answers["aantal_groepen"] == 8


def test_own_saves_are_passed_only_up_to_someone_elses(profile, editor, second_editor):
    def save(user, base, session, **changes):
        profile_update(
            profile_id=profile.pk,
            user=user,
            base_version=base,
            changes=changes,
            edit_session=session,
        )

    save(editor, 0, "mine", aantal_groepen=8)
    save(second_editor, 1, "theirs", gemiddelde_groepsgrootte=26)
    save(editor, 2, "mine", aantal_groepen=9)
    profile.refresh_from_db()
    assert profile.version_past_own_saves(0, "mine") == 1
    assert profile.version_past_own_saves(2, "mine") == 3
    assert profile.version_past_own_saves(0, "") == 0


def test_it_explains_invalid_input_next_to_the_field(signed_in, profile):
    response = signed_in.post(
        chapter_url(profile, "schoolgids"),
        {
            "base_version": 0,
            "f-schoolgids_url": "schoolgids.nl",
            "f-evaluatie_laatste": "2026-06-30",
        },
    )
    body = response.content.decode()
    assert response.status_code == 422
    assert "verwacht een volledig webadres dat begint met https://" in body
    assert 'aria-invalid="true"' in body
    assert 'value="schoolgids.nl"' in body  # what was typed stays in the form
    profile.refresh_from_db()
    assert profile.version == 0  # the valid date was not saved on its own either


def test_it_rejects_a_save_without_version(signed_in, profile):
    response = signed_in.post(chapter_url(profile, "schoolgegevens"), {"f-aantal_groepen": "8"})
    assert response.status_code == 400
    assert "Laad de pagina opnieuw" in response.content.decode()


def test_it_answers_404_for_an_unknown_chapter(signed_in, profile):
    assert signed_in.get(chapter_url(profile, "bestaat-niet")).status_code == 404


def test_it_saves_table_rows_and_drops_empty_ones(signed_in, profile):
    signed_in.post(
        chapter_url(profile, "extra_ondersteuning"),
        {
            "base_version": 0,
            "f-expertise_team-0-expertise": "Dyslexie",
            "f-expertise_team-0-functie": "leerkracht",
            "f-expertise_team-0-uren_per_week": "4",
            "f-expertise_team-1-expertise": "",
            "f-expertise_team-1-functie": "",
            "f-expertise_aanbod": ["dyslexie", "gedrag"],
        },
    )
    profile.refresh_from_db()
    assert profile.answers["expertise_team"] == [
        {"expertise": "Dyslexie", "functie": "leerkracht", "uren_per_week": 4}
    ]
    assert profile.answers["expertise_aanbod"] == ["dyslexie", "gedrag"]


def test_preview_shows_answers_and_missing_required_fields(signed_in, profile, editor):
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=0,
        changes={
            "visie_passend_onderwijs": "Elk kind hoort erbij.",
            "expertise_aanbod": ["dyslexie"],
        },
    )
    body = signed_in.get(reverse("profile_preview", args=[profile.pk])).content.decode()
    assert "Elk kind hoort erbij." in body
    assert "<li>Dyslexie</li>" in body
    assert "verplichte velden leeg" in body
    assert "Sinds de invoering van passend onderwijs" in body


def test_nothing_typed_runs_as_script(signed_in, profile):
    signed_in.post(
        chapter_url(profile, "visie"),
        {
            "base_version": 0,
            "f-visie_passend_onderwijs": "<script>alert(1)</script>[x](javascript:alert(2))",
        },
    )
    signed_in.post(
        chapter_url(profile, "schoolgegevens"),
        {
            "base_version": 1,
            "f-contactpersoon_ondersteuning": '"><img src=x onerror=alert(3)>',
        },
    )
    for url in [
        reverse("profile_preview", args=[profile.pk]),
        chapter_url(profile, "visie"),
        chapter_url(profile, "schoolgegevens"),
    ]:
        body = signed_in.get(url).content.decode()
        assert "<script>alert" not in body
        assert "<img src=x" not in body
        assert 'href="javascript' not in body


def test_it_restores_a_revision(signed_in, profile, editor):
    profile_update(
        profile_id=profile.pk, user=editor, base_version=0, changes={"aantal_groepen": 8}
    )
    profile_update(
        profile_id=profile.pk, user=editor, base_version=1, changes={"aantal_groepen": 10}
    )
    history = signed_in.get(reverse("profile_revisions", args=[profile.pk])).content.decode()
    assert "Aantal groepen" in history
    response = signed_in.post(reverse("profile_revision_restore", args=[profile.pk, 1]))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.answers["aantal_groepen"] == 8 and profile.version == 3

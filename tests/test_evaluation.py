"""The yearly evaluation: when, by whom, what changed and why, and the next date."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from steunwijzer.profiles.models import Evaluation
from steunwijzer.profiles.services import evaluation_record, profile_create
from tests.test_new_school_year import publish, written

TODAY = timezone.localdate()


def form_data(**extra):
    data = {
        "evaluated_on": TODAY.isoformat(),
        "evaluated_by": "directeur en IB'er met het team",
        "what_changed": "Een taalspecialist erbij; de grens bij gedrag is scherper beschreven.",
        "why": "Meer leerlingen met een taalachterstand in groep 3.",
        "next_evaluation": (TODAY + timedelta(days=365)).isoformat(),
    }
    data.update(extra)
    return data


def record(profile, user, **extra):
    values = form_data(**extra)
    values["evaluated_on"] = date.fromisoformat(values["evaluated_on"])
    values["next_evaluation"] = date.fromisoformat(values["next_evaluation"])
    return evaluation_record(profile=profile, user=user, **values)


def url(profile):
    return reverse("profile_evaluation", args=[profile.pk])


def test_the_editor_records_an_evaluation(client, profile, editor):
    client.force_login(editor)
    page = client.get(url(profile))
    assert page.status_code == 200 and "Evaluatie vastleggen" in page.content.decode()
    response = client.post(url(profile), form_data())
    assert response.status_code == 302
    evaluation = profile.evaluations.get()
    assert evaluation.evaluated_by == "directeur en IB'er met het team"
    assert (evaluation.created_by, evaluation.created_by_name) == (editor, "Eva de Directeur")
    body = client.get(url(profile)).content.decode()
    assert "Een taalspecialist erbij" in body and "Meer leerlingen met een taalachterstand" in body


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"next_evaluation": TODAY.isoformat()},
            "De volgende evaluatie moet na de datum van deze evaluatie liggen.",
        ),
        (
            {"evaluated_on": (TODAY + timedelta(days=1)).isoformat()},
            "De evaluatiedatum kan niet in de toekomst liggen.",
        ),
        (
            {"next_evaluation": (TODAY + timedelta(days=5 * 365)).isoformat()},
            "Plan de volgende evaluatie binnen vier jaar",
        ),
        ({"evaluated_on": "31-02-2026"}, "Voer een geldige datum in."),
        ({"why": ""}, "Dit veld is verplicht."),
        ({"evaluated_by": "   "}, "Dit veld is verplicht."),
    ],
)
def test_it_rejects_wrong_dates_and_empty_fields_in_dutch(
    client, profile, editor, changes, message
):
    client.force_login(editor)
    response = client.post(url(profile), form_data(**changes))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Evaluation.objects.exists()


def test_the_service_checks_the_dates_too(profile, editor):
    with pytest.raises(ValidationError) as caught:
        record(profile, editor, next_evaluation=TODAY.isoformat())
    assert "next_evaluation" in caught.value.message_dict


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "officer", "staff"])
def test_other_readers_see_the_evaluations_read_only(request, client, profile, editor, persona):
    record(profile, editor)
    user = request.getfixturevalue(persona)
    client.force_login(user)
    page = client.get(url(profile))
    body = page.content.decode()
    assert page.status_code == 200 and "Een taalspecialist erbij" in body
    assert "Evaluatie vastleggen" not in body
    assert client.post(url(profile), form_data()).status_code == 403
    with pytest.raises(PermissionDenied):
        record(profile, user)
    assert Evaluation.objects.count() == 1


@pytest.mark.parametrize("persona", ["other_editor", "other_officer", "other_staff", "outsider"])
def test_strangers_see_no_evaluations(request, client, profile, editor, persona):
    record(profile, editor)
    client.force_login(request.getfixturevalue(persona))
    response = client.get(url(profile))
    assert response.status_code == 403
    assert "Een taalspecialist erbij" not in response.content.decode()


def test_this_years_page_shows_last_years_evaluations(client, school, format_version, editor):
    last = written(school, editor, year="2025-2026")
    record(last, editor, what_changed="Vorig jaar: de aanmeldprocedure herschreven.")
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    client.force_login(editor)
    body = client.get(url(new)).content.decode()
    assert "Evaluaties bij het SOP 2025-2026" in body
    assert "Vorig jaar: de aanmeldprocedure herschreven." in body


def test_a_profile_copied_from_last_year_asks_for_an_evaluation(
    client, school, format_version, editor
):
    publish(written(school, editor, year="2025-2026"))
    new = profile_create(school=school, school_year="2026-2027", user=editor)
    assert new.needs_evaluation()
    client.force_login(editor)
    chapter = reverse("profile_chapter", args=[new.pk, "visie"])
    assert "Leg de evaluatie vast" in client.get(chapter).content.decode()
    record(new, editor)
    assert not new.needs_evaluation()
    assert "Leg de evaluatie vast" not in client.get(chapter).content.decode()


def test_a_fresh_profile_does_not_ask_for_an_evaluation(client, profile, editor):
    assert not profile.needs_evaluation()
    client.force_login(editor)
    chapter = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    assert "Leg de evaluatie vast" not in chapter
    assert url(profile) in chapter


def test_the_editor_still_records_an_evaluation_once_published(
    client, school, format_version, editor
):
    published = publish(written(school, editor, year="2025-2026"))
    client.force_login(editor)
    assert client.post(url(published), form_data()).status_code == 302
    assert published.evaluations.count() == 1

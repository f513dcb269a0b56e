"""IJK pages: who may read, score, observe and invite; saving with and without htmx."""

import re

import pytest
from django.urls import reverse

from steunwijzer.instruments.ijk.models import IndicatorScore, Observation, PeerObserver
from steunwijzer.instruments.ijk.services import peer_assign
from tests.documents import EXE, PDF, upload
from tests.ijk_helpers import YEAR, fill

READERS = ["editor", "team_member", "mr_member", "officer", "staff"]
NOT_READERS = ["other_editor", "other_officer", "other_staff", "outsider"]
NOT_EDITORS = ["team_member", "mr_member", "officer", "staff", "other_editor", "outsider"]


def url(name, school, *extra):
    return reverse(name, args=[school.pk, YEAR, *extra])


def as_(client, request, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    return user


def observe(client, school, **post):
    data = {"observed_on": "2026-10-01", "group_name": "groep 5", **post}
    return client.post(url("ijk_observation_new", school), data)


@pytest.mark.parametrize("page", ["ijk_evaluation", "ijk_result", "ijk_observations"])
@pytest.mark.parametrize("persona", READERS)
def test_everyone_with_a_role_at_the_school_reads_the_ijk(client, request, school, page, persona):
    fill(school, request.getfixturevalue("editor"))
    as_(client, request, persona)
    response = client.get(url(page, school))
    assert response.status_code == 200
    assert "IJK" in response.content.decode() or "Kijkwijzer" in response.content.decode()


@pytest.mark.parametrize("page", ["ijk_evaluation", "ijk_result", "ijk_observations"])
@pytest.mark.parametrize("persona", NOT_READERS)
def test_others_cannot_read_the_ijk(client, request, school, page, persona):
    as_(client, request, persona)
    assert client.get(url(page, school)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, school):
    response = client.get(url("ijk_evaluation", school))
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_an_unknown_school_year_is_not_found(client, editor, school):
    client.force_login(editor)
    assert client.get(reverse("ijk_evaluation", args=[school.pk, "2026-2028"])).status_code == 404


def test_the_current_year_link_redirects(client, editor, school):
    client.force_login(editor)
    response = client.get(reverse("ijk_current", args=[school.pk]))
    assert response.status_code == 302 and "/ijk/20" in response["Location"]


def test_readers_see_scores_without_a_form(client, editor, team_member, school):
    fill(school, editor, OP1=4)
    client.force_login(team_member)
    page = client.get(url("ijk_evaluation", school)).content.decode()
    assert "27 van 27 indicatoren gescoord" in page
    assert "Score: 4</strong> (goed)" in page
    assert 'name="score-' not in page and 'id="ijk-form"' not in page


# --- the whole IJK as one form, one save ----------------------------------------------------


def domains(page):
    """The opening tag of each domain's fold, in page order."""
    return re.findall(r'<details class="sw-ijk-group"[^>]*>', page)


def test_the_editor_sees_one_form_folded_per_domain_with_one_save_button(client, editor, school):
    fill(school, editor, OP1=4)
    client.force_login(editor)
    page = client.get(url("ijk_evaluation", school)).content.decode()
    assert page.count('id="ijk-form"') == 1
    form = page.split('id="ijk-form"')[1].split("</form>")[0]
    assert form.count('type="submit"') == 1  # one save for all 27 indicators
    assert page.count('<details class="sw-ijk-group"') >= 2
    assert "27 van 27 indicatoren gescoord" in page and 'name="score-OP1"' in page


def test_one_save_stores_every_changed_indicator_and_leaves_empty_ones_open(client, editor, school):
    client.force_login(editor)
    response = client.post(
        url("ijk_evaluation", school),
        {"score-OP1": "3", "score-IJK03": "4", "explanation-IJK03": "Elke dag zichtbaar."},
    )
    assert response.status_code == 302
    rows = {r.indicator: (r.score, r.explanation) for r in IndicatorScore.objects.all()}
    assert rows == {"OP1": (3, ""), "IJK03": (4, "Elke dag zichtbaar.")}
    # Back on the page, the two domains worked in are still open, the progress counts on.
    assert response["Location"].startswith(url("ijk_evaluation", school) + "?open=")
    page = client.get(response["Location"]).content.decode()
    assert "2 indicatoren opgeslagen." in page and "2 van 27 indicatoren gescoord" in page
    assert [" open" in tag for tag in domains(page)] == [True, True]


def test_a_second_save_sends_only_what_changed(client, editor, school):
    client.force_login(editor)
    client.post(url("ijk_evaluation", school), {"score-OP1": "3", "score-OP2": "2"})
    before = IndicatorScore.objects.get(indicator="OP1").updated_at
    response = client.post(url("ijk_evaluation", school), {"score-OP1": "3", "score-OP2": "3"})
    assert IndicatorScore.objects.get(indicator="OP1").updated_at == before
    assert IndicatorScore.objects.get(indicator="OP2").score == 3
    page = client.get(response["Location"]).content.decode()
    assert "1 indicator opgeslagen." in page
    assert [" open" in tag for tag in domains(page)] == [True, False]  # only where it worked
    again = client.post(url("ijk_evaluation", school), {"score-OP1": "3", "score-OP2": "3"})
    assert again["Location"] == url("ijk_evaluation", school)
    assert "Er was niets veranderd" in client.get(again["Location"]).content.decode()


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"score-OP2": "4"}, "een toelichting verplicht"),
        ({"score-OP2": "9"}, "kies een score van 1 tot en met 4"),
        ({"explanation-OP2": "Nog geen score."}, "kies een score van 1 tot en met 4"),
        ({"score-OP2": "3", "evidence_url-OP2": "ftp://x"}, "moet een webadres zijn"),
        ({"score-OP2": "3", "evidence-OP2": upload("rapport.pdf", EXE)}, "PDF"),
    ],
)
def test_one_refused_indicator_saves_nothing_and_keeps_the_input(
    client, editor, school, post, message
):
    client.force_login(editor)
    response = client.post(
        url("ijk_evaluation", school), {"score-OP1": "3", "explanation-OP1": "Goed.", **post}
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert message in page and "Er is niets opgeslagen: 1 indicator vraagt aandacht" in page
    assert 'href="#ind-OP2"' in page
    assert 'id="s-OP1-3" name="score-OP1" value="3" checked' in page  # the input is kept
    assert ">Goed.</textarea>" in page
    assert not IndicatorScore.objects.exists()


@pytest.mark.parametrize("persona", NOT_EDITORS)
def test_only_school_editors_save_the_form(client, request, school, persona):
    as_(client, request, persona)
    response = client.post(url("ijk_evaluation", school), {"score-OP1": "3"})
    assert response.status_code == 403
    assert not IndicatorScore.objects.exists()


def test_the_editor_saves_one_indicator_with_a_plain_post(client, editor, school):
    client.force_login(editor)
    response = client.post(
        url("ijk_score", school, "OP1"), {"score": "4", "explanation": "Nieuw aanbod."}
    )
    assert response.status_code == 302 and response["Location"].endswith("#ind-OP1")
    row = IndicatorScore.objects.get()
    assert (row.indicator, row.standard, row.score, row.explanation) == (
        "OP1",
        "OP1",
        4,
        "Nieuw aanbod.",
    )


def test_htmx_gets_the_indicator_back_with_the_progress(client, editor, school):
    client.force_login(editor)
    response = client.post(
        url("ijk_score", school, "IJK03"), {"score": "2"}, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="ind-IJK03"' in page and "Opgeslagen." in page
    assert 'hx-swap-oob="true"' in page and "1 van 27 indicatoren gescoord" in page


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"score": "4"}, "een toelichting verplicht"),
        ({"score": "7"}, "kies een score van 1 tot en met 4"),
        ({}, "kies een score van 1 tot en met 4"),
        ({"score": "3", "evidence_url": "ftp://x"}, "moet een webadres zijn"),
    ],
)
def test_refused_scores_are_explained_and_nothing_is_saved(client, editor, school, post, message):
    client.force_login(editor)
    response = client.post(url("ijk_score", school, "OP1"), post)
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not IndicatorScore.objects.exists()
    htmx = client.post(url("ijk_score", school, "OP1"), post, HTTP_HX_REQUEST="true")
    assert message in htmx.content.decode() and "Niet opgeslagen" in htmx.content.decode()


def test_an_unknown_indicator_is_not_found(client, editor, school):
    client.force_login(editor)
    assert client.post(url("ijk_score", school, "OP9"), {"score": "3"}).status_code == 404
    htmx = client.post(url("ijk_score", school, "OP9"), {"score": "3"}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 404
    assert not IndicatorScore.objects.exists()


def test_evidence_is_checked_by_content_and_served_to_readers(
    client, editor, officer, outsider, school
):
    client.force_login(editor)
    refused = client.post(
        url("ijk_score", school, "OP1"),
        {"score": "4", "explanation": "Zie rapport.", "evidence": upload("rapport.pdf", EXE)},
    )
    assert refused.status_code == 422
    assert "PDF" in refused.content.decode() and not IndicatorScore.objects.exists()
    client.post(
        url("ijk_score", school, "OP1"),
        {"score": "4", "explanation": "Zie rapport.", "evidence": upload("rapport.pdf", PDF)},
    )
    row = IndicatorScore.objects.get()
    assert row.filename == "rapport.pdf" and row.content_type == "application/pdf"
    client.force_login(officer)
    response = client.get(reverse("ijk_evidence_file", args=[row.pk]))
    assert response.status_code == 200 and bytes(response.content) == PDF
    client.force_login(outsider)
    assert client.get(reverse("ijk_evidence_file", args=[row.pk])).status_code == 403


def test_evidence_can_be_removed(client, editor, school):
    client.force_login(editor)
    client.post(url("ijk_score", school, "OP1"), {"score": "3", "evidence": upload("r.pdf", PDF)})
    client.post(url("ijk_score", school, "OP1"), {"score": "3", "remove_evidence": "1"})
    assert not IndicatorScore.objects.get().has_file


@pytest.mark.parametrize("persona", NOT_EDITORS)
def test_only_school_editors_score(client, request, school, persona):
    as_(client, request, persona)
    assert client.post(url("ijk_score", school, "OP1"), {"score": "3"}).status_code == 403
    assert not IndicatorScore.objects.exists()


def test_the_result_compares_with_last_year_and_summarises(client, editor, school):
    fill(school, editor, year="2025-2026", score=2)
    fill(school, editor, score=3, OP3=4, KA1=1)
    client.force_login(editor)
    page = client.get(url("ijk_result", school)).content.decode()
    assert "Vergeleken met 2025-2026" in page
    assert "<svg" in page and "Cijfers als tabel" in page
    assert "Sterk: didactisch handelen." in page
    assert "Hier werken we aan: kwaliteitszorg." in page


@pytest.mark.parametrize("persona", ["officer"])
def test_the_board_officer_records_an_observation(client, request, school, editor, persona):
    fill(school, editor, OP3=4)
    as_(client, request, persona)
    assert client.get(url("ijk_observation_new", school)).status_code == 200
    response = observe(client, school, **{"note-uitleg": "Heldere uitleg.", "score-OP3": "2"})
    observation = Observation.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "ijk_observation", args=[observation.pk]
    )
    assert observation.observer_role == "board_officer"
    assert observation.scores == {"OP3": 2} and observation.notes == {"uitleg": "Heldere uitleg."}
    result = client.get(url("ijk_result", school)).content.decode()
    assert "Verschil van 2 of meer punten" in result


@pytest.mark.parametrize("persona", ["editor", "team_member", "mr_member", "staff", "other_editor"])
def test_others_do_not_observe_without_an_invitation(client, request, school, persona):
    as_(client, request, persona)
    assert client.get(url("ijk_observation_new", school)).status_code == 403
    assert observe(client, school, **{"score-OP3": "2"}).status_code == 403


def test_an_invited_peer_observes_and_reads_only_their_observation(
    client, editor, other_editor, school
):
    peer_assign(school=school, school_year=YEAR, user=editor, peer=other_editor)
    client.force_login(other_editor)
    observe(client, school, **{"score-SK2": "3"})
    observation = Observation.objects.get()
    assert observation.observer_role == "peer"
    assert client.get(reverse("ijk_observation", args=[observation.pk])).status_code == 200
    assert client.get(url("ijk_result", school)).status_code == 403
    home = client.get(reverse("ijk_observer_home")).content.decode()
    assert "De Regenboog" in home


@pytest.mark.parametrize(
    ("post", "path_message"),
    [
        ({"group_name": "", "score-OP3": "2"}, "Vul de groep in"),
        ({"observed_on": "2999-01-01", "score-OP3": "2"}, "niet in de toekomst"),
        ({"observed_on": "gisteren", "score-OP3": "2"}, "Vul de datum"),
        ({"score-OP3": "9"}, "kies een score"),
        ({"score-KA3": "3"}, "hoort bij geen Kijkwijzer-item"),
        ({}, "minstens één indicator"),
    ],
)
def test_refused_observations_are_explained(client, officer, school, post, path_message):
    client.force_login(officer)
    response = observe(client, school, **post)
    assert response.status_code == 422
    assert path_message in response.content.decode()
    assert not Observation.objects.exists()


def test_the_observation_form_warns_against_pupil_names(client, officer, school):
    client.force_login(officer)
    assert "Noem geen leerlingen" in client.get(url("ijk_observation_new", school)).content.decode()


@pytest.mark.parametrize("persona", ["editor", "officer"])
def test_the_school_and_its_board_invite_peers(client, request, school, other_editor, persona):
    as_(client, request, persona)
    response = client.post(url("ijk_peer_assign", school), {"peer": other_editor.pk})
    assert response.status_code == 302
    assert PeerObserver.objects.get().user == other_editor


@pytest.mark.parametrize("persona", ["team_member", "mr_member", "staff"])
def test_others_cannot_invite_peers(client, request, school, other_editor, persona):
    as_(client, request, persona)
    assert client.post(url("ijk_peer_assign", school), {"peer": other_editor.pk}).status_code == 403


def test_only_editors_of_other_schools_can_be_invited(
    client, editor, second_editor, outsider, school
):
    client.force_login(editor)
    for peer in (second_editor, outsider):
        response = client.post(url("ijk_peer_assign", school), {"peer": peer.pk})
        assert response.status_code == 422
        assert "andere school" in response.content.decode()
    assert not PeerObserver.objects.exists()


@pytest.mark.parametrize("persona", ["editor", "team_member", "mr_member", "officer", "outsider"])
def test_observations_are_read_by_the_school_and_the_observer(
    client, request, school, officer, persona
):
    client.force_login(officer)
    observe(client, school, **{"score-OP3": "3"})
    pk = Observation.objects.get().pk
    as_(client, request, persona)
    expected = 403 if persona == "outsider" else 200
    assert client.get(reverse("ijk_observation", args=[pk])).status_code == expected

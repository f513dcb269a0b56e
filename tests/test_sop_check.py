"""The SOP-check on profiles: what blocks the step to the MR, what only warns."""

import re
from dataclasses import replace
from datetime import date

import pytest
from django.urls import reverse

from steunwijzer.instruments.diversity.services import invulschema_save
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.services import profile_update
from steunwijzer.quality_check.checks import CheckInput, jargon_for, run_checks
from steunwijzer.quality_check.distinctive import ChapterText, Corpus, chapter_text, shingles
from steunwijzer.quality_check.presenters import present
from steunwijzer.quality_check.report import check_profile, check_profiles
from steunwijzer.quality_check.wording import DEFAULT_JARGON, DEFAULT_VAGUE_PHRASES
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format
from steunwijzer.route.services import WrongState
from tests.deadline_helpers import set_today
from tests.route_helpers import complete_answers, fill, step
from tests.test_api_profiles import auth

FORMAT, _ = parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"), "haaglanden")
VAGUE = (
    "Indien mogelijk bieden wij waar nodig een arrangement aan. In principe wordt de "
    "onderwijsbehoefte in een handelingsplan beschreven; we remediëren in de klas."
)


def codes(report):
    return {(f.check, f.code) for f in report.findings}


def run(answers, corpus=None, **facts):
    """The pure check, its findings worded as the pages show them."""
    return present(
        run_checks(
            CheckInput(
                FORMAT,
                answers,
                "bao",
                DEFAULT_VAGUE_PHRASES,
                DEFAULT_JARGON,
                to_plain=_plain,
                corpus=corpus,
                school_id=1,
                **facts,
            )
        )
    )


def _plain(value):
    from steunwijzer.profiles.richtext import markup_to_lines

    return markup_to_lines(value)


@pytest.fixture
def answers(profile):
    return complete_answers(profile)


def test_a_complete_profile_has_nothing_that_blocks(answers):
    assert run(answers).blocking == []


def test_an_empty_mandatory_chapter_blocks(answers):
    for key in ("visie_passend_onderwijs", "ouders_en_leerlingen", "schoolpopulatie"):
        answers.pop(key, None)
    report = run(answers)
    assert ("complete", "mandatory_part_missing") in codes(report)
    assert any("Visie op passend onderwijs" in f.message for f in report.blocking)


def test_an_empty_required_field_blocks(answers):
    answers.pop("schoolgids_url")
    [finding] = [f for f in run(answers).blocking if f.field_key == "schoolgids_url"]
    assert finding.code == "required_empty"


def test_the_next_evaluation_must_come_after_the_last(answers):
    answers["evaluatie_volgende"] = "2026-01-01"
    assert ("complete", "evaluation_order") in codes(run(answers))


def test_vague_phrases_and_jargon_are_shown_with_their_sentence(answers):
    answers["arrangementen"] = VAGUE
    report = run(answers)
    vague = [f for f in report.findings if f.code == "vague_phrase"]
    assert {f.excerpt for f in vague} >= {
        "Indien mogelijk bieden wij waar nodig een arrangement aan."
    }
    jargon = {f.excerpt.lower() for f in report.findings if f.code == "jargon"}
    assert {"onderwijsbehoefte", "handelingsplan", "remediëren"} <= jargon
    assert all(f.suggestion for f in report.findings if f.code == "jargon")
    assert not [f for f in report.findings if f.code == "vague_phrase" and f.blocks]


def _jargon_by_field(answers) -> dict[str, set[str]]:
    found = {}
    for f in run(answers).findings:
        if f.code == "jargon":
            found.setdefault(f.field_key, set()).add(f.excerpt)
    return found


def test_a_term_the_model_asks_for_is_no_jargon_in_the_answer_to_that_question(answers):
    """The help of the contact person says "Meestal is dit de intern begeleider (IB'er). Noem
    de naam en de functie"; the label "Arrangementen en extra aanbod" names the arrangement."""
    answers["contactpersoon_ondersteuning"] = "Fatima el Amrani, intern begeleider (IB'er)"
    answers["arrangementen"] = "Een arrangement is extra hulp voor één leerling."
    found = _jargon_by_field(answers)
    assert "contactpersoon_ondersteuning" not in found and "arrangementen" not in found


def test_the_models_use_elsewhere_does_not_make_a_term_plain(answers):
    """Asked for in another field, only in the model's example texts (groepsplan, leerlijn) or
    only in its fixed texts (zorgplicht): a parent reading this answer needs it explained."""
    answers["arrangementen"] = (
        "De intern begeleider maakt een groepsplan; de zorgplicht geldt. Zo nodig remediëren we."
    )
    answers["grens_bereikt"] = "Dan krijgt de leerling een arrangement."
    found = _jargon_by_field(answers)
    assert found["arrangementen"] == {
        "intern begeleider",
        "groepsplan",
        "zorgplicht",
        "remediëren",
    }
    assert found["grens_bereikt"] == {"arrangement"}


def test_a_term_is_flagged_once_at_its_first_use_outside_the_question_that_asks_for_it(answers):
    answers["contactpersoon_ondersteuning"] = "Fatima el Amrani, intern begeleider"
    # Its help asks for "de rol van de leerkracht, de intern begeleider en het ondersteuningsteam".
    answers["ondersteuningsstructuur"] = "De intern begeleider bespreekt het met de ouders."
    answers["arrangementen"] = "De intern begeleider vraagt het aan."
    answers["grens_bereikt"] = "De intern begeleider belt de ouders."
    found = _jargon_by_field(answers)
    assert [key for key, terms in found.items() if "intern begeleider" in terms] == [
        "arrangementen"
    ]


def test_jargon_for_a_field_leaves_out_only_what_its_label_or_help_names():
    items = tuple(DEFAULT_JARGON.items())
    contact = FORMAT.field("contactpersoon_ondersteuning")
    assert set(DEFAULT_JARGON) - dict(jargon_for(contact, items)).keys() == {
        "intern begeleider",
        "IB'er",
    }
    bare = replace(contact, label="Contactpersoon", help="")
    assert dict(jargon_for(bare, items)).keys() == DEFAULT_JARGON.keys()


def test_generic_limits_block(answers):
    answers["grenzen_niet_bieden"] = "Wij kunnen niet alles."
    answers["grens_bereikt"] = "Dan zoeken wij samen."
    assert ("concrete", "limits_generic") in {(f.check, f.code) for f in run(answers).blocking}


def test_limits_should_speak_of_group_size_composition_and_staff(answers):
    text = "Wij bieden geen begeleiding bij ernstige medische problemen. " * 4
    for key in (
        "grenzen_niet_bieden",
        "grens_bereikt",
        "groepsgrootte_en_samenstelling",
        "deskundigheid_en_beschikbaarheid",
    ):
        answers[key] = text
    found = codes(run(answers))
    assert {
        ("concrete", "limits_without_groepsgrootte"),
        ("concrete", "limits_without_groepssamenstelling"),
        ("concrete", "limits_without_personeel"),
    } <= found


def test_hard_to_read_text_is_flagged(answers):
    answers["visie_passend_onderwijs"] = (
        "Onze onderwijsorganisatie implementeert geïntegreerde ondersteuningsstructuren "
        "waarbij interdisciplinaire samenwerkingsverbanden gefaciliteerd worden teneinde "
        "optimale ontwikkelingsmogelijkheden voor individuele leerlingen te realiseren en "
        "tegelijkertijd pedagogisch-didactische professionalisering te bevorderen binnen "
        "de schoolorganisatie."
    )
    found = codes(run(answers))
    assert ("readable", "not_b1") in found and ("readable", "long_sentence") in found


def test_over_the_word_budget_is_a_warning(answers):
    answers["visie_passend_onderwijs"] = "Wij helpen elk kind. " * 120
    [finding] = [f for f in run(answers).findings if f.code == "over_budget"]
    assert not finding.blocks and "telt" in finding.message


def test_a_chapter_like_many_other_schools_is_flagged(answers):
    text = "Wij werken met een vast team en bespreken elke leerling elke zes weken met ouders."
    answers["arrangementen"] = f"{text} {text}"
    own = shingles(chapter_text(FORMAT, FORMAT.chapter("extra_ondersteuning"), answers, _plain))
    alike = [ChapterText(n, f"School {n}", "extra_ondersteuning", own) for n in range(2, 14)]
    [finding] = [f for f in run(answers, Corpus(alike)).findings if f.code == "like_other_schools"]
    assert "komt voor 100% overeen met 12 andere scholen" in finding.message.lower()
    unlike = [
        ChapterText(n, f"School {n}", "extra_ondersteuning", shingles(f"Eigen tekst {n}"))
        for n in range(2, 14)
    ]
    assert not [f for f in run(answers, Corpus(unlike)).findings if f.check == "distinctive"]


def test_request_advice_is_stopped_while_something_mandatory_is_open(profile, editor, mr_member):
    profile_update(
        profile_id=profile.pk, user=editor, base_version=0, changes={"aantal_groepen": 8}
    )
    with pytest.raises(WrongState, match="Het SOP is nog niet compleet"):
        step(profile, editor, "request_advice")
    fill(profile, editor)
    step(profile, editor, "request_advice")


def test_an_own_model_profile_is_checked_on_its_document(school, format_version, editor):
    from steunwijzer.profiles.services import profile_create

    own = profile_create(school=school, school_year="2026-2027", user=editor, kind="own")
    report = check_profile(own)
    assert report.blocking and {f.code for f in report.findings} == {"own_part_missing"}


def test_profile_check_in_the_api(client, profile, editor):
    data = client.get(f"/api/v1/profiles/{profile.pk}/check/", **auth(editor)).json()
    assert data["blocking"] > 0 and data["version"] == 0
    assert {"complete", "concrete", "readable", "concise", "distinctive"} == set(data["counts"])


@pytest.mark.parametrize("persona", ["other_editor", "other_staff", "outsider"])
def test_profile_check_is_refused_to_strangers(request, client, profile, persona):
    response = client.get(
        f"/api/v1/profiles/{profile.pk}/check/", **auth(request.getfixturevalue(persona))
    )
    assert response.status_code == 403


def test_the_editor_shows_findings_and_autosave_refreshes_them(client, profile, editor):
    client.force_login(editor)
    url = reverse("profile_chapter", args=[profile.pk, "extra_ondersteuning"])
    assert "SOP-check van dit hoofdstuk" in client.get(url).content.decode()
    response = client.post(
        reverse("profile_autosave", args=[profile.pk, "extra_ondersteuning"]),
        {"base_version": 0, "f-arrangementen": "Indien mogelijk helpen wij."},
    )
    body = response.content.decode()
    assert 'id="check-arrangementen" class="sw-check-field" hx-swap-oob="true"' in body
    assert "Indien mogelijk helpen wij." in body and "Vage formulering" in body


def test_the_route_and_review_pages_summarise_the_check(client, profile, editor, officer):
    client.force_login(editor)
    body = client.get(reverse("profile_route", args=[profile.pk])).content.decode()
    # The step to the MR is held back by the check, which lists what is still open.
    # Not every point is an empty mandatory field (limits described too generally is one), so
    # the sentence counts points, and says as many as it links.
    said = re.search(r"Los eerst deze (\d+) punten op\. Elke link brengt u naar het veld:", body)
    held = body.split('class="sw-check-list sw-held-items"')[1].split("</ul>")[0]
    assert said and int(said.group(1)) == held.count("<li>")
    client.force_login(officer)
    body = client.get(reverse("profile_review", args=[profile.pk])).content.decode()
    assert "SOP-check" in body


def test_the_editor_shows_readability_per_section(client, profile, editor):
    profile_update(
        profile_id=profile.pk,
        user=editor,
        base_version=0,
        changes={"visie_passend_onderwijs": "Elk kind hoort erbij. Wij helpen."},
    )
    client.force_login(editor)
    body = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    assert "Leesbaarheid per paragraaf" in body
    # The panel is folded; its summary line sums the chapter up.
    assert '<details class="sw-check-details">' in body
    assert "punt om naar te kijken, leesbaarheid: goed" in body or (
        "Niets om naar te kijken, leesbaarheid: goed" in body
    )
    profile.refresh_from_db()
    report = check_profile(profile)
    [(_title, stats)] = report.readability["visie"][:1]
    assert stats.sentence_count == 2 and stats.word_count == 6


def test_the_panel_summary_counts_the_chapter_and_follows_an_autosave(client, profile, editor):
    client.force_login(editor)
    body = client.post(
        reverse("profile_autosave", args=[profile.pk, "visie"]),
        {"base_version": 0, "f-visie_passend_onderwijs": VAGUE + " " + VAGUE},
        HTTP_HX_REQUEST="true",
    ).content.decode()
    # Out of band, the summary and the body only: an opened panel stays open.
    assert '<span id="check-summary" hx-swap-oob="innerHTML">' in body
    assert '<div id="check-body" hx-swap-oob="innerHTML">' in body
    assert 'id="check-panel"' not in body
    report = check_profile(Profile.objects.get(pk=profile.pk))
    count = len(report.for_chapter("visie"))
    assert count > 1 and f"{count} punten om naar te kijken" in body


def test_the_long_text_toolbar_is_enhancement_only(client, profile, editor):
    client.force_login(editor)
    body = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    # Hidden until the script (a file, no inline script) shows it; each button names its field.
    assert 'role="toolbar" aria-label="Opmaak van Onze visie op passend onderwijs"' in body
    assert "data-sw-toolbar hidden" in body
    assert body.count('aria-controls="f-visie_passend_onderwijs"') == 3
    assert "/static/profiles/toolbar.js" in body and "<script>" not in body
    # Without JavaScript the hint still explains the markup.
    assert "**vet**" in body


def test_a_list_after_a_paragraph_is_not_part_of_its_last_sentence(answers):
    """The check reads a line per paragraph and list item: the items are sentences of their
    own, so a paragraph and its list do not make one long (or passive) sentence."""
    answers["visie_passend_onderwijs"] = "Het plan wordt met de ouders besproken.\n\n" + "\n".join(
        f"- wij helpen elk kind in groep {n} met lezen en rekenen" for n in range(5)
    )
    report = run(answers)
    [(_title, stats)] = report.readability["visie"][:1]
    assert stats.sentence_count == 6
    assert stats.passive_sentences == ["Het plan wordt met de ouders besproken."]
    visie = [f for f in report.findings if f.field_key == "visie_passend_onderwijs"]
    assert not [f for f in visie if f.code == "long_sentence"]


def _with_pupils(answers, pupil_count):
    return run(answers, pupil_count=pupil_count)


def test_it_warns_when_the_groups_do_not_match_the_pupils_of_the_school_data(answers):
    answers = {**answers, "aantal_groepen": 13, "gemiddelde_groepsgrootte": "24"}
    (finding,) = [f for f in _with_pupils(answers, 245).findings if f.code == "figures_disagree"]
    assert not finding.blocks and finding.field_key == "gemiddelde_groepsgrootte"
    assert finding.message == (
        "13 groepen van gemiddeld 24 leerlingen is ongeveer 312 leerlingen, maar bij de "
        "schoolgegevens staan 245 leerlingen. Kijk het aantal groepen en de gemiddelde "
        "groepsgrootte na."
    )


@pytest.mark.parametrize("pupils", [312, 306, 318, None, 0])
def test_rounded_averages_and_unknown_counts_do_not_warn(answers, pupils):
    # 13 groups: a rounded average is at most 6.5 pupils off in total.
    answers = {**answers, "aantal_groepen": "13", "gemiddelde_groepsgrootte": 24}
    assert "figures_disagree" not in {f.code for f in _with_pupils(answers, pupils).findings}


def _counted(answers, *, pupils=None, groups=None, counted_pupils=None, established_on=None):
    return run(
        answers,
        pupil_count=pupils,
        counted_groups=groups,
        counted_pupils=counted_pupils,
        established_on=established_on,
    )


def test_it_warns_when_the_groups_differ_from_the_invulschema(answers):
    answers = {**answers, "aantal_groepen": 13, "gemiddelde_groepsgrootte": 24}
    report = _counted(answers, pupils=312, groups=12, counted_pupils=312)
    (finding,) = [f for f in report.findings if f.code == "groups_differ_from_invulschema"]
    assert not finding.blocks and finding.field_key == "aantal_groepen"
    assert finding.chapter_key == FORMAT.chapter_of("aantal_groepen").key
    assert finding.message == (
        "In het profiel staan 13 groepen, maar het Invulschema van dit schooljaar heeft 12 "
        "groepen met leerlingen. Verbeter het aantal groepen of het Invulschema."
    )


def test_it_warns_when_the_school_data_differ_from_the_invulschema(answers):
    answers = {**answers, "aantal_groepen": 12, "gemiddelde_groepsgrootte": 26}
    report = _counted(answers, pupils=245, groups=12, counted_pupils=312)
    (finding,) = [f for f in report.findings if f.code == "pupils_differ_from_invulschema"]
    assert not finding.blocks
    assert finding.message == (
        "Bij de schoolgegevens staan 245 leerlingen, maar het Invulschema van dit schooljaar "
        "telt 312 leerlingen. Ouders zien het aantal uit het Invulschema: verbeter de "
        "schoolgegevens of het Invulschema."
    )


@pytest.mark.parametrize(
    ("groups", "counted_pupils"), [(12, 312), (None, None), (12, None), (None, 312)]
)
def test_figures_that_agree_with_the_invulschema_or_without_one_do_not_warn(
    answers, groups, counted_pupils
):
    answers = {**answers, "aantal_groepen": "12", "gemiddelde_groepsgrootte": 26}
    report = _counted(answers, pupils=312, groups=groups, counted_pupils=counted_pupils)
    assert not {"groups_differ_from_invulschema", "pupils_differ_from_invulschema"} & {
        f.code for f in report.findings
    }


def test_it_warns_when_the_next_evaluation_comes_before_the_establishment(answers):
    answers = {**answers, "evaluatie_laatste": "2025-06-19", "evaluatie_volgende": "2026-06-17"}
    report = _counted(answers, established_on=date(2026, 6, 24))
    (finding,) = [f for f in report.findings if f.code == "evaluation_before_establishment"]
    assert not finding.blocks and finding.field_key == "evaluatie_volgende"
    assert finding.message == (
        "De volgende evaluatie (17 juni 2026) valt vóór de dag waarop het profiel is "
        "vastgesteld (24 juni 2026). Kies een datum na de vaststelling."
    )
    for established in (date(2025, 7, 7), date(2026, 6, 17), None):
        report = _counted(answers, established_on=established)
        assert "evaluation_before_establishment" not in {f.code for f in report.findings}


def test_a_stored_profile_is_held_against_its_invulschema(profile, answers, editor, monkeypatch):
    set_today(monkeypatch, date(2026, 12, 1))  # in the profile's school year 2026-2027
    school = profile.school
    groups = ("1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b", "5", "6", "7", "8")
    counts = {group: {"geen": 26} for group in groups}
    invulschema_save(
        school=school,
        school_year=profile.school_year,
        counts=counts,
        user=editor,
        update_pupil_count=True,
    )
    profile.answers = {**answers, "aantal_groepen": 13, "gemiddelde_groepsgrootte": 24}
    [(_, report)] = check_profiles([profile])
    found = {f.code: f for f in report.findings}
    assert found["groups_differ_from_invulschema"].params == (("groups", 13), ("counted", 12))
    assert "pupils_differ_from_invulschema" not in found

    school.pupil_count = 245
    school.save()
    profile.refresh_from_db()
    profile.answers = {**answers, "aantal_groepen": 12, "gemiddelde_groepsgrootte": 26}
    [(_, report)] = check_profiles([profile])
    found = {f.code: f for f in report.findings}
    assert found["pupils_differ_from_invulschema"].params == (("pupils", 245), ("counted", 312))
    assert "groups_differ_from_invulschema" not in found


def test_the_school_data_is_not_held_against_another_years_invulschema(
    profile, answers, editor, monkeypatch
):
    """The school data's count is today's: an earlier year's SOP is not held against it."""
    set_today(monkeypatch, date(2027, 9, 1))
    groups = ("1a", "1b", "2a", "2b", "3a", "3b", "4a", "4b", "5", "6", "7", "8")
    invulschema_save(
        school=profile.school,
        school_year=profile.school_year,
        counts={group: {"geen": 26} for group in groups},
        user=editor,
    )
    profile.answers = {**answers, "aantal_groepen": 12, "gemiddelde_groepsgrootte": 26}
    [(_, report)] = check_profiles([profile])
    assert "pupils_differ_from_invulschema" not in {f.code for f in report.findings}
    assert profile.school.pupil_count != 312

"""The demo data set: `manage.py load_demo` and the personas `steunwijzer demo` prints."""

import re
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunwijzer.core.school_year import school_year_of
from steunwijzer.dashboards.overview import school_rows, schools_in
from steunwijzer.demo.build import (
    DEMO_LOGINS,
    DEMO_PASSWORD,
    DEMO_SLUG,
    FLAGSHIP_BRIN,
    demo_loaded,
)
from steunwijzer.demo.security import DEMO_TOTP_KEY
from steunwijzer.organisations.models import Board, Membership, Partnership, Role, School
from steunwijzer.profiles.models import Profile
from steunwijzer.profiles.states import BEFORE_BOARD
from steunwijzer.publication.lookup import public_path_kwargs, publication_dates
from steunwijzer.quality_check.report import check_profile
from steunwijzer.review.models import Comment
from steunwijzer.route.deadlines import is_late, school_year_bounds
from steunwijzer.route.lifecycle import route_of, transitions_for
from steunwijzer.route.models import Deadline, ReminderSent, Transition
from steunwijzer.route.statement import statement_html
from tests.route_helpers import MEETING
from tests.two_factor_helpers import current_code, verify_session

PERSONAS = {
    "directeur",
    "ib",
    "leerkracht",
    "mr",
    "directeur2",
    "kwaliteit",
    "kwaliteit2",
    "eenpitter",
    "swv",
    "beheer",
}


SOP_ROUTE_STATES = {
    "concept",
    "bij_mr",
    "advies_gegeven",
    "bij_bestuur",
    "vastgesteld",
    "aangeleverd",
    "ontvangen",
    "gepubliceerd",
}


# Every test reads the one demo of this module (tests/demo_helpers.py); what a test changes
# is rolled back after it.
pytestmark = pytest.mark.usefixtures("demo")


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_builds_the_demo(client, demo):
    assert not demo.loaded_before
    assert demo_loaded()
    assert "Demodata geladen" in demo.output

    boards = Board.objects.filter(partnership__slug=DEMO_SLUG)
    assert boards.count() == 3
    assert any(board.is_single_school for board in boards)
    schools = School.objects.filter(board__partnership__slug=DEMO_SLUG)
    assert schools.count() >= 10
    assert schools.filter(school_type=School.Type.SBO).exists()
    assert schools.filter(profiles=None).exists(), "a school without a profile shows 'SOP starten'"

    for username, _ in DEMO_LOGINS:
        assert client.login(username=username, password=DEMO_PASSWORD), username
        client.logout()

    profiles = list(Profile.objects.filter(school__in=schools))
    flagship = next(p for p in profiles if p.school.brin == FLAGSHIP_BRIN)
    assert flagship.revisions.count() >= 3
    authors = set(flagship.revisions.values_list("author__username", flat=True))
    assert {"directeur", "ib"} <= authors
    assert flagship.answers and flagship.missing_required(), "the flagship is partly filled"

    complete = [p for p in profiles if not p.missing_required()]
    assert complete
    assert any(p.school.school_type == School.Type.SBO for p in complete)
    assert any(p.answers == {} for p in profiles)
    partly = [p for p in profiles if p.answers and p.missing_required()]
    assert flagship in partly


def test_it_refuses_to_load_twice():
    counts = (School.objects.count(), Profile.objects.count(), get_user_model().objects.count())
    with pytest.raises(CommandError, match="al geladen"):
        load_demo()
    assert counts == (
        School.objects.count(),
        Profile.objects.count(),
        get_user_model().objects.count(),
    )


def test_every_demo_login_exists():
    assert {username for username, _ in DEMO_LOGINS} == PERSONAS
    users = get_user_model().objects
    for username, description in DEMO_LOGINS:
        user = users.get(username=username)
        assert user.check_password(DEMO_PASSWORD)
        assert user.first_name and user.last_name and user.email.endswith("@example.nl")
        assert user.memberships.exists(), username
        assert description

    eenpitter = set(
        Membership.objects.filter(user__username="eenpitter").values_list("role", flat=True)
    )
    assert eenpitter == {Role.SCHOOL_EDITOR, Role.BOARD_OFFICER}
    beheer = users.get(username="beheer")
    assert beheer.is_staff and beheer.is_superuser
    assert beheer.memberships.filter(role=Role.PLATFORM_ADMIN).exists()


def demo_profiles():
    return list(
        Profile.objects.filter(school__board__partnership__slug=DEMO_SLUG).select_related(
            "school__board"
        )
    )


def test_the_demo_has_sops_in_every_state_of_the_route():
    profiles = demo_profiles()
    assert not SOP_ROUTE_STATES - {p.state for p in profiles}, "a state without a profile"

    # Every SOP past the school was complete when it left, and nobody established a version
    # they wrote, except the éénpitter's director, on the record.
    for profile in profiles:
        if profile.state != "concept":
            assert not profile.missing_required(), profile
    for step in Transition.objects.filter(action="establish", profile__in=profiles):
        wrote = step.profile.revisions.filter(author=step.actor).exists()
        assert not wrote or step.payload.get("exception"), step

    returned = [
        p
        for p in profiles
        if p.state == "bij_bestuur" and p.transitions.filter(action="return_to_school").exists()
    ]
    assert returned, "one SOP was sent back by the board once and resubmitted"
    remarks = returned[0].transitions.get(action="return_to_school").payload["remarks"]
    assert remarks


def test_one_board_runs_the_schoolgids_route_end_to_end():
    schoolgids = [p for p in demo_profiles() if route_of(p).key == "schoolgids"]
    assert {p.school.board.name for p in schoolgids} == {"Stichting Vliet en Duin"}
    published = [p for p in schoolgids if p.state == "gepubliceerd"]
    assert published
    profile = published[0]
    actions = list(profile.transitions.order_by("pk").values_list("action", flat=True))
    assert actions == [
        "record_pupil_views",
        "request_consent",
        "give_consent",
        "submit_to_board",
        "establish",
        "deliver",
        "acknowledge",
        "publish",
    ]
    views = profile.transitions.get(action="record_pupil_views").payload
    assert views["method"] == "leerlingenraad" and views["views"] and views["response"]
    assert profile.transitions.get(action="give_consent").payload["decision"] == "instemming"
    assert profile.established_revision is not None
    assert profile.published_revision == profile.established_revision


def test_the_eenpitter_delivers_directly_and_its_advice_can_be_downloaded(client):
    profile = next(p for p in demo_profiles() if p.school.board.is_single_school)
    assert profile.state == "aangeleverd"
    assert profile.establish_exception
    establish = profile.transitions.get(action="establish")
    assert establish.actor.username == "eenpitter" and establish.payload["exception"]
    assert profile.transitions.get(action="deliver").actor.username == "eenpitter"

    advice = profile.transitions.get(action="give_advice")
    assert not advice.attachment, "the statement is made from the record, nothing uploaded"
    url = reverse("transition_statement", args=[profile.pk, advice.pk])
    for username in ("eenpitter", "swv"):  # its board, and the partnership
        client.login(username=username, password=DEMO_PASSWORD)
        verify_session(client, get_user_model().objects.get(username=username))
        response = client.get(url)
        assert response.status_code == 200, username
        assert response["Content-Type"] == "application/pdf"
        assert b"".join(response).startswith(b"%PDF-")
        client.logout()


def test_every_demo_statement_names_its_meeting_chair_and_secretary():
    decisions = Transition.objects.filter(action__in=("give_advice", "give_consent"))
    assert decisions.filter(action="give_consent").exists()
    for record in decisions.select_related("profile__school"):
        html = statement_html(record)
        payload = record.payload
        assert payload["chair_name"] in html and payload["secretary_name"] in html
        assert payload["chair_name"] != payload["secretary_name"]
        assert date.fromisoformat(payload["meeting_on"]) <= date.fromisoformat(payload["date"])
        meeting_row = html.split("Vergadering van de MR", 1)[1].split("</tr>", 1)[0]
        assert date_format(date.fromisoformat(payload["meeting_on"]), "j F Y") in meeting_row


def test_some_demo_schools_are_late(client):
    today = timezone.localdate()
    profiles = demo_profiles()
    due = Deadline.objects.due_dates_for(profiles)
    school_year = school_year_of(today)
    partnership_due = Deadline.objects.get(board=None, school_year=school_year).due_on
    assert today <= partnership_due
    board_due = Deadline.objects.get(
        board__name="Stichting Haagse Kansrijke Scholen", school_year=school_year
    ).due_on
    assert board_due < partnership_due

    late = [p for p in profiles if is_late(p.state, due[p.pk], today)]
    if today > school_year_bounds(school_year)[0]:  # on 1 August no date can have passed yet
        assert late and all(p.state in BEFORE_BOARD for p in late)
        assert {p.school.board.name for p in late} == {"Stichting Haagse Kansrijke Scholen"}
        client.login(username="kwaliteit", password=DEMO_PASSWORD)
        verify_session(client, get_user_model().objects.get(username="kwaliteit"))
        assert "te laat" in client.get(reverse("todo")).content.decode()
        # The day's reminder run went out, and the partnership sees what it sent.
        assert ReminderSent.objects.filter(kind="late", school__in={p.school for p in late})
        client.login(username="swv", password=DEMO_PASSWORD)
        verify_session(client, get_user_model().objects.get(username="swv"))
        page = client.get(reverse("partnership_overview", args=[DEMO_SLUG])).content.decode()
        assert "Verstuurd op" in page  # the table of sent reminders, not "nog geen"


def test_the_flagship_is_an_editable_concept_with_open_comments():
    profiles = demo_profiles()
    flagship = next(p for p in profiles if p.school.brin == FLAGSHIP_BRIN)
    directeur = get_user_model().objects.get(username="directeur")
    assert flagship.state == "concept" and flagship.can_edit(directeur)
    assert not flagship.transitions.exists()

    threads = flagship.comments.threads()
    assert flagship.comments.open().count() >= 2
    resolved = threads.filter(resolved_at__isnull=False)
    assert resolved.count() == 1 and resolved.get().replies.exists()
    authors = set(threads.values_list("author__username", flat=True))
    assert {"mr", "kwaliteit"} <= authors
    assert all(thread.field_key for thread in threads)

    # Also open remarks on an SOP the MR has in hand.
    later = Comment.objects.open().filter(profile__in=profiles).exclude(profile__state="concept")
    assert later.exists()


def test_the_demo_shows_a_spread_of_sop_check_findings():
    reports = {p.school.name: check_profile(p) for p in demo_profiles()}

    clean = {name for name, report in reports.items() if not report.findings}
    assert {"OBS De Zeester", "RKBS De Lindeboom"} <= clean, "written in plain language"
    assert any(report.blocking for report in reports.values()), "a half-written SOP blocks"
    assert any(report.warnings and not report.blocking for report in reports.values()), (
        "a complete SOP that can still be written more clearly"
    )


def test_demo_schools_are_delivered_before_they_are_received():
    today = timezone.localdate()
    partnership = Partnership.objects.get(slug=DEMO_SLUG)
    rows = school_rows(schools_in(partnership=partnership), school_year_of(today), today)
    received = [r for r in rows if r.received_on]
    assert received
    for row in received:
        assert row.delivered_on <= date.fromisoformat(row.received_on), row.school.name
    for row in rows:
        if row.delivered_on:
            assert row.established_on <= row.delivered_on <= today, row.school.name
        if row.state == "gepubliceerd":
            assert row.delivered_on, f"{row.school.name} went through the route"


TWO_STEP_ROLES = {Role.BOARD_OFFICER, Role.PARTNERSHIP_STAFF, Role.PLATFORM_ADMIN}


def test_every_board_and_partnership_persona_signs_in_with_the_published_key(client):
    """The éénpitter's director-governor too: its board role asks for the second step, and
    the README's demo key answers it, instead of a new enrolment with a random key."""
    with_two_step = set(
        Membership.objects.filter(user__username__in=PERSONAS, role__in=TWO_STEP_ROLES).values_list(
            "user__username", flat=True
        )
    )
    assert "eenpitter" in with_two_step
    for username in sorted(with_two_step):
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        assert device.key == DEMO_TOTP_KEY, username
        client.post(reverse("login"), {"username": username, "password": DEMO_PASSWORD})
        asked = client.get(reverse("home"))
        assert asked.status_code == 302 and asked.url.startswith("/inloggen/code/"), username
        response = client.post("/inloggen/code/", {"code": current_code(device, steps_ahead=1)})
        assert response.status_code == 302 and "/inloggen/" not in response.url, username
        assert "/account/" not in response.url, "no new enrolment"
        client.logout()


def test_the_readmes_mr_finds_an_sop_waiting_for_her_advice(client):
    mr = get_user_model().objects.get(username="mr")
    waiting = [
        p
        for p in demo_profiles()
        if p.state == "bij_mr" and "give_advice" in transitions_for(p, mr)
    ]
    assert [p.school.name for p in waiting] == ["OBS Het Klaverblad"]
    client.login(username="mr", password=DEMO_PASSWORD)
    todo = client.get(reverse("todo")).content.decode()
    assert "OBS Het Klaverblad" in todo
    route = client.get(reverse("profile_route", args=[waiting[0].pk])).content.decode()
    assert f'action="/profielen/{waiting[0].pk}/route/give_advice/"' in route
    # …and gives it, as the README says.
    response = client.post(
        reverse("profile_transition", args=[waiting[0].pk, "give_advice"]),
        {"advice": "positief", "motivation": "", **MEETING},
    )
    assert response.status_code == 302
    waiting[0].refresh_from_db()
    assert waiting[0].state == "advies_gegeven"


def test_the_readme_lists_every_demo_login_and_its_two_step_accounts():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for username, _description in DEMO_LOGINS:
        assert f"| `{username}` |" in readme, username
    two_step = readme.split("**Two-step verification in the demo.**")[1].split("hold board")[0]
    for username in ("kwaliteit", "kwaliteit2", "eenpitter", "swv", "beheer"):
        assert f"`{username}`" in two_step, username


@pytest.mark.parametrize("path", ["/", "/inloggen/"])
def test_parents_find_the_way_to_the_school_finder(client, path):
    body = client.get(path, follow=True).content.decode()
    assert 'href="/scholen/"' in body
    assert "Zoekt u een school?" in body and "Naar de scholenzoeker" in body


FIGURE_CODES = {
    "groups_differ_from_invulschema",
    "pupils_differ_from_invulschema",
    "evaluation_before_establishment",
}


def test_the_demo_profiles_agree_with_their_invulschema_and_their_dates():
    for profile in demo_profiles():
        found = {f.code for f in check_profile(profile).findings} & FIGURE_CODES
        assert not found, (profile.school.name, profile.school_year, found)
        if profile.published_revision_id:
            dates = publication_dates(profile)
            assert date.fromisoformat(str(dates["next_evaluation"])) > profile.established_on, (
                profile.school.name,
                profile.school_year,
            )


def test_no_demo_school_page_shows_two_numbers_of_pupils(client):
    published = [p for p in demo_profiles() if p.published_revision_id]
    assert len({p.school_id for p in published}) >= 5
    for profile in published:
        kwargs = {**public_path_kwargs(profile.school), "schooljaar": profile.school_year}
        html = client.get(reverse("public_school", kwargs=kwargs)).content.decode()
        counts = set(re.findall(r"<dt>Leerlingen</dt><dd>([^<]+)</dd>", html))
        counts |= set(re.findall(r"Aantal leerlingen: ([^<]+?)\.", html))
        assert len(counts) == 1, (profile.school.name, profile.school_year, counts)
        assert "vóór de dag waarop het profiel is vastgesteld" not in html

"""A new partnership goes live on an empty installation, as docs/onboarding.md walks it: the
one command on the server, then in the browser the staff's invitation, schools from the DUO
sample, the boards' names, districts, people from a list, the model edited and published, and
one school from last year's Word SOP through the route to its public page. Each person has a
browser of their own; axe and the overlap check at the pages a partnership meets first, on a
laptop and a phone.
"""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from steunwijzer.organisations.models import Partnership
from steunwijzer.profiles.models import Profile
from tests import word_sops
from tests.browser.conftest import assert_no_axe_violations, offline
from tests.browser.layout import overlapping_or_clipped_text
from tests.route_helpers import complete_answers

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAMPLE = (
    Path(__file__).parents[2]
    / "src/steunwijzer/organisations/samples/duo-vestigingen-po-hofstad.csv"
)
NAME = "SWV Passend Onderwijs Zuidrand"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PEOPLE = (
    "naam;e-mail;rol;school of bestuur\n"
    "Dirk Directeur;dirk@regenboog.example;directeur;17XK00\n"
    "Karin Kwaliteit;karin@bestuur.example;kwaliteitsmedewerker;99101\n"
    "Dirk Directeur;dirk@regenboog.example;directeur;17XK00\n"
)
DISTRICTS = "2540-2549; Escamp\n2580-2589; Scheveningen"
MEETING = {
    "Datum van de MR-vergadering (verplicht)": "2026-11-20",
    "Naam van de voorzitter van de MR (verplicht)": "Karin de Voorzitter",
    "Naam van de secretaris van de MR (verplicht)": "Sander Secretaris",
}
SIZES = ({"width": 1280, "height": 900}, {"width": 390, "height": 844})


def check_layout(page):
    """axe, no overlapping or clipped text and nothing wider than the screen, on a laptop
    and on a phone; the product name in the header stays one word on one line."""
    for size in SIZES:
        page.set_viewport_size(size)
        assert_no_axe_violations(page)
        assert overlapping_or_clipped_text(page) == [], page.url
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
            f"{page.url} is wider than {size['width']} px"
        )
        name = page.locator(".sw-brand__name")
        assert name.evaluate("e => e.getClientRects().length") == 1, "the name breaks"
    page.set_viewport_size(SIZES[0])


def invitation_link(email: str) -> str:
    message = next(m for m in reversed(mail.outbox) if m.to == [email])
    return re.search(r"https?://\S+(/uitnodiging/\S+/)", message.body).group(1)


def person(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    offline(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def accept(page, email: str, first_name: str):
    page.goto(invitation_link(email))
    page.get_by_label("Voornaam").fill(first_name)
    page.get_by_label("Achternaam").fill("Zuidrand")
    page.get_by_label("Wachtwoord", exact=True).fill("Zuidrand-gaat-live-26")
    page.get_by_label("Wachtwoord (nogmaals)").fill("Zuidrand-gaat-live-26")
    page.get_by_role("button", name="Account maken en uitnodiging accepteren").click()
    expect(page.get_by_text("Welkom! U bent nu")).to_be_visible()


def take_step(page, profile_pk, button, *, choose=None, fields=None, tick=None):
    page.goto(reverse("profile_route", args=[profile_pk]))
    form = page.locator("form.sw-step", has=page.get_by_role("button", name=button))
    if choose:
        form.get_by_label(choose, exact=True).check()
    for label, value in (fields or {}).items():
        form.get_by_label(label).fill(value)
    if tick:
        form.get_by_label(tick).check()
    form.get_by_role("button", name=button).click()
    expect(page.get_by_text("Het SOP is nu:")).to_be_visible()


def fill_what_is_missing(page, profile_pk):
    """The director fills, chapter by chapter in the editor, each required field the SOP-check
    names (the values the route tests use)."""
    profile = Profile.objects.get(pk=profile_pk)
    wanted = {k: v for k, v in complete_answers(profile).items() if not profile.answers.get(k)}
    for chapter in profile.chapters:
        keys = [f.key for f in profile.applicable_fields(chapter) if f.key in wanted]
        if not keys:
            continue
        page.goto(reverse("profile_chapter", args=[profile_pk, chapter.key]))
        for key in keys:
            value, name = wanted[key], f"f-{key}"
            if isinstance(value, list) and value and isinstance(value[0], dict):  # a table
                for column, cell in value[0].items():
                    box = page.locator(f"[name='{name}-0-{column}']")
                    if box.evaluate("e => e.tagName") == "SELECT":
                        box.select_option(str(cell))
                    else:
                        box.fill(str(cell))
            elif isinstance(value, list):  # a checklist
                for choice in value:
                    page.locator(f"[name='{name}'][value='{choice}']").check()
            elif page.locator(f"[name='{name}'][type='radio']").count():
                page.locator(f"[name='{name}'][value='{value}']").check()
            else:
                page.locator(f"[name='{name}']").fill(str(value))
        page.get_by_role("button", name="Opslaan", exact=True).click()
        expect(page.get_by_text("Uw wijzigingen zijn opgeslagen.")).to_be_visible()


def test_a_new_partnership_goes_live(browser, live_server, settings):
    settings.SITE_URL = live_server.url
    out = StringIO()
    call_command(
        "partnership",
        "create",
        "zuidrand",
        name=NAME,
        staff="anna@swv-zuidrand.example",
        stdout=out,
    )
    assert "is aangemaakt (zuidrand)" in out.getvalue()
    partnership = Partnership.objects.get(slug="zuidrand")

    # The staff member: account, schools, districts, people, model.
    staff = person(browser, live_server)
    accept(staff, "anna@swv-zuidrand.example", "Anna")
    staff.goto("/")
    expect(staff.get_by_text("Er zijn nog geen scholen.")).to_be_visible()
    check_layout(staff)
    # The link beside "no schools yet" (the list above the table has it too).
    staff.get_by_role("link", name=f"Scholen en besturen van {NAME} inlezen uit DUO").last.click()
    staff.get_by_label("Het bestand met schoolvestigingen van DUO (CSV)").set_input_files(SAMPLE)
    staff.get_by_role("button", name="Laat zien wat er verandert").click()
    expect(staff.get_by_text("11 nieuwe scholen.")).to_be_visible()
    check_layout(staff)
    staff.get_by_role("button", name="Deze scholen inlezen").click()
    expect(staff.get_by_text("De scholen zijn ingelezen.")).to_be_visible()
    staff.get_by_role("link", name="Namen van de besturen").click()
    board = staff.get_by_label("Bestuursnummer 99101")
    expect(board).to_have_value("Bestuur 99101")
    check_layout(staff)
    board.fill("Stichting Zuidrandscholen")
    staff.get_by_role("button", name="De namen opslaan").click()
    expect(staff.get_by_text("1 bestuur kreeg een andere naam")).to_be_visible()

    staff.goto("/")
    staff.get_by_role("link", name=f"Wijken van {NAME} per postcode").click()
    staff.get_by_label("Wijken per postcode").fill(DISTRICTS)
    staff.get_by_role("button", name="Laat zien waar elke school terechtkomt").click()
    expect(staff.get_by_role("cell", name="Escamp (verandert)")).to_be_visible()
    check_layout(staff)
    staff.get_by_role("button", name="Opslaan en de wijken toewijzen").click()
    expect(staff.get_by_text("De wijken zijn opgeslagen")).to_be_visible()

    staff.goto("/")
    staff.get_by_role("link", name=f"Mensen uitnodigen voor {NAME} met een lijst").click()
    staff.get_by_label("Lijst van mensen om uit te nodigen (CSV)").set_input_files(
        {"name": "mensen.csv", "mimeType": "text/csv", "buffer": PEOPLE.encode()}
    )
    staff.get_by_role("button", name="De lijst controleren").click()
    expect(staff.get_by_text("overgeslagen: staat al op regel 2")).to_be_visible()
    check_layout(staff)
    staff.get_by_role("button", name="De uitnodigingen versturen").click()
    expect(staff.get_by_text("2 mensen zijn uitgenodigd.")).to_be_visible()

    staff.goto("/")
    staff.get_by_role("link", name=f"SOP-model van {NAME}").click()
    staff.get_by_role("link", name="Bewerken in de browser").click()
    source = staff.get_by_label("Het model in YAML")
    yaml = source.input_value()
    edited = yaml.replace("name: Haaglanden SOP-model", "name: Zuidrand SOP-model", 1)
    source.fill(edited.replace('version: "2.0"', 'version: "2026.1"', 1))
    source.press("End")
    expect(staff.get_by_text("Zuidrand SOP-model 2026.1 heeft geen problemen.")).to_be_visible()
    staff.get_by_role("button", name="Publiceren als nieuwe versie").click()
    expect(staff.get_by_text("Zuidrand SOP-model 2026.1 is gepubliceerd.")).to_be_visible()
    check_layout(staff)

    # The board's quality officer accepts before any SOP reaches the board.
    officer = person(browser, live_server)
    accept(officer, "karin@bestuur.example", "Karin")

    # The director: last year's Word SOP in, what is missing filled, the MR invited.
    director = person(browser, live_server)
    accept(director, "dirk@regenboog.example", "Dirk")
    director.get_by_role("button", name="SOP 2026-2027 starten").click()
    expect(director.get_by_text("Zuidrand SOP-model 2026.1")).to_be_visible()
    profile_pk = Profile.objects.get(school__brin="17XK").pk
    director.get_by_role("link", name="Vorig SOP inlezen").click()
    director.get_by_label("Vorig SOP").set_input_files(
        {"name": "SOP 2025.docx", "mimeType": DOCX, "buffer": word_sops.styled_headings()}
    )
    director.get_by_role("button", name="Bestand inlezen").click()
    expect(director.get_by_text("Vaste tekst “Zorgplicht” herkend")).to_be_visible()
    director.get_by_role("button", name="Aangevinkte velden invullen").click()
    expect(director.get_by_text("3 velden zijn ingevuld uit het vorige SOP.")).to_be_visible()

    director.goto(reverse("profile_route", args=[profile_pk]))
    expect(director.locator(".sw-held-items li").first).to_be_visible()
    fill_what_is_missing(director, profile_pk)
    director.goto(reverse("profile_route", args=[profile_pk]))
    held = director.locator(".sw-step--held")
    expect(held).to_contain_text("nog geen MR-lid")
    check_layout(director)
    held.get_by_role("link", name="Iemand uitnodigen").click()
    director.get_by_label("Rol en organisatie").select_option(label="MR-lid — OBS De Regenboog")
    director.get_by_label("E-mailadres").fill("marieke@ouders.example")
    director.get_by_role("button", name="Uitnodiging versturen").click()
    expect(director.get_by_text("De uitnodiging is verstuurd")).to_be_visible()
    check_layout(director)

    mr = person(browser, live_server)
    accept(mr, "marieke@ouders.example", "Marieke")

    # The route: advice, the board, the partnership's receipt, publication.
    take_step(director, profile_pk, "Advies vragen aan de MR")
    take_step(mr, profile_pk, "Advies geven", choose="positief", fields=MEETING)
    take_step(director, profile_pk, "Naar het bestuur sturen")
    take_step(
        officer,
        profile_pk,
        "Vaststellen",
        tick="Ik stel deze versie van het SOP vast namens het bestuur.",
    )
    take_step(officer, profile_pk, "Aanleveren bij het samenwerkingsverband")
    take_step(staff, profile_pk, "Ontvangst bevestigen")
    take_step(director, profile_pk, "Publiceren")

    public = person(browser, live_server)
    public.goto("/scholen/17XK/")
    expect(public.get_by_role("heading", name="OBS De Regenboog", level=1)).to_be_visible()
    expect(public.get_by_text(word_sops.VISION)).to_be_visible()
    expect(public.get_by_text("Escamp (Den Haag)")).to_be_visible()
    expect(public.get_by_text("Stichting Zuidrandscholen")).to_be_visible()
    check_layout(public)
    assert Profile.objects.get(pk=profile_pk).state == "gepubliceerd"
    assert Profile.objects.get(pk=profile_pk).school.board.partnership == partnership

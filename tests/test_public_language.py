"""The public pages for parents can be read in English; everything else is always Dutch.

core.middleware.PublicLanguageMiddleware activates the visitor's language (the cookie of
Django's set_language, else Accept-Language) under settings.TRANSLATED_PATH_PREFIXES only, and
the kept public pages key on the language (publication/page_cache.py)."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from steunwijzer.publication.page_cache import page_key

COOKIE = settings.LANGUAGE_COOKIE_NAME


def english_client() -> Client:
    client = Client()
    client.cookies[COOKIE] = "en"
    return client


def html_of(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


# Allowed: the public pages in English.


def test_the_finder_is_english_after_choosing_english(published):
    client = Client(enforce_csrf_checks=True)  # the switch's form carries no CSRF token
    dutch = html_of(client.get("/scholen/"))
    assert '<html lang="nl"' in dutch and "Scholen zoeken op ondersteuning" in dutch
    assert 'name="language" value="en" lang="en"' in dutch  # the switch offers English

    chosen = client.post("/i18n/setlang/", {"language": "en", "next": "/scholen/"})
    assert chosen.status_code == 302 and chosen["Location"] == "/scholen/"
    assert chosen.cookies[COOKIE].value == "en"

    response = client.get("/scholen/")
    english = html_of(response)
    assert response["Content-Language"] == "en"
    assert '<html lang="en"' in english
    assert "Find schools by support" in english and "Search words" in english
    assert "Scholen zoeken op ondersteuning" not in english and "Zoekwoorden" not in english
    assert "1 school found" in english
    assert "The school support profiles (SOPs) themselves are in Dutch" in english
    assert 'name="language" value="nl" lang="nl"' in english  # and back

    client.post("/i18n/setlang/", {"language": "nl", "next": "/scholen/"})
    assert "Scholen zoeken op ondersteuning" in html_of(client.get("/scholen/"))


def test_the_browser_language_is_used_without_a_choice(published):
    response = Client().get("/scholen/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert "Find schools by support" in html_of(response)
    assert response["Content-Language"] == "en"
    assert {v.strip() for v in response["Vary"].split(",")} == {"Accept-Language", "Cookie"}
    # A cookie for Dutch wins over the browser.
    client = Client()
    client.cookies[COOKIE] = "nl"
    assert "Scholen zoeken op ondersteuning" in html_of(
        client.get("/scholen/", HTTP_ACCEPT_LANGUAGE="en")
    )


def test_the_school_page_in_english_says_the_sop_is_in_dutch(published):
    html = html_of(english_client().get("/scholen/12AB/"))
    assert '<html lang="en"' in html
    assert "The school support profiles (SOPs) themselves are in Dutch" in html
    assert "School year and version" in html and "In short" in html
    assert f"version {published.published_revision.number}" in html
    assert 'name="next" value="/scholen/12AB/"' in html
    # The school's own text stays as the school wrote it.
    assert "Wij kunnen geen verpleegkundige zorg de hele dag bieden." in html


def test_comparison_and_an_unknown_page_in_english(two_published):
    client = english_client()
    compare = html_of(client.get("/scholen/vergelijk/", {"s": ["12AB00", "34CD00"]}))
    assert "Compare schools" in compare and "side by side" in compare
    # The switch comes back to this comparison, made from the codes only (the page is kept).
    assert 'name="next" value="/scholen/vergelijk/?s=12AB00&amp;s=34CD00"' in compare
    problem = client.get("/scholen/vergelijk/", {"s": "12AB00"})
    assert problem.status_code == 400
    assert "Choose two or three schools to compare." in problem.content.decode()
    missing = client.get("/scholen/99ZZ/")
    assert missing.status_code == 404
    assert "Page not found" in missing.content.decode()
    assert '<html lang="en"' in missing.content.decode()


def test_the_downloads_stay_dutch_documents(published):
    """The files are the school's document: Dutch, in any language of the pages."""
    from steunwijzer.publication import export_views

    rendered = []

    class Probe:
        def render(self, sop):
            rendered.append(translation.get_language())
            return b""

    with translation.override("en"):
        export_views._render_dutch(Probe(), None)
    assert rendered == ["nl"]


# Denied: the application, the API and the admin are always Dutch.


@pytest.mark.parametrize("client_of", [english_client, Client], ids=["cookie", "browser"])
@pytest.mark.parametrize("path", ["/", "/inloggen/", "/beheer/login/", "/api/v1/public/profiles/"])
def test_other_pages_stay_dutch(client_of, path, published):
    response = client_of().get(path, HTTP_ACCEPT_LANGUAGE="en", follow=True)
    assert response["Content-Language"] == "nl"
    assert "Accept-Language" not in response.get("Vary", "")
    body = response.content.decode()
    if "<html" in body:
        assert 'lang="nl"' in body and 'lang="en"' not in body
        assert "Skip to content" not in body and "Username" not in body


def test_the_admin_login_is_dutch_with_an_english_cookie(db):
    body = english_client().get("/beheer/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Gebruikersnaam" in body


def test_a_request_after_an_english_page_is_dutch_again(published):
    english_client().get("/scholen/")
    assert translation.get_language() == "nl"


# The kept pages keep both languages apart.


def test_the_kept_pages_keep_both_languages_apart(published):
    dutch_client, english = Client(), english_client()
    for _ in range(2):  # the second round is served from the kept responses
        dutch = dutch_client.get("/scholen/12AB/")
        in_english = english.get("/scholen/12AB/")
        assert "Schooljaar en versie" in html_of(dutch)
        assert "School year and version" not in html_of(dutch)
        assert "School year and version" in html_of(in_english)
        assert "Schooljaar en versie" not in html_of(in_english)
        assert dutch["ETag"] != in_english["ETag"]
    # A Dutch visitor's ETag does not get the English page a 304, nor the reverse.
    assert english.get("/scholen/12AB/", HTTP_IF_NONE_MATCH=dutch["ETag"]).status_code == 200


def test_a_page_key_names_the_language():
    with translation.override("en"):
        english = page_key("school", "v1", "/scholen/12AB/")
    with translation.override("nl"):
        dutch = page_key("school", "v1", "/scholen/12AB/")
    assert english != dutch


def test_the_in_short_questions_are_in_the_readers_language(published):
    dutch = html_of(Client().get("/scholen/12AB/"))
    english = html_of(english_client().get("/scholen/12AB/"))
    asked = [
        ("Wat kan mijn kind hier krijgen?", "What can my child get here?"),
        ("Wat kan de school niet bieden?", "What can the school not offer?"),
        ("Wat gebeurt er dan?", "What happens then?"),
        ("Met wie neem ik contact op?", "Who do I contact?"),
    ]
    shown = [(nl, en) for nl, en in asked if nl in dutch]
    assert shown  # the fixture's answers fill at least one question
    for nl, en in shown:
        assert f'lang="en">{en}</h3>' in english and nl not in english

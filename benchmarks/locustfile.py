"""Load test: parents on public pages, school teams autosaving, officers and partnership staff
on their overviews, against a running Steunwijzer with the demo data (`steunwijzer load_demo`).

    DATABASE_URL=postgres://…/steunwijzer_bench .venv/bin/locust -f benchmarks/locustfile.py \
        --host http://127.0.0.1:8107 --headless --users 50 --spawn-rate 10 --run-time 2m

The pages are not listed here: at the start, every GET page of the URL configuration is filled
with demo data (a published school's BRIN, the flagship SOP, the board, the partnership…) and
tried once per kind of visitor; the pages that answer 200 make up that visitor's mix. New pages
(public pages, overviews) join the mix without a change here. LOAD_WEIGHTS ("parent=6,team=2,
officer=2") sets the mix of visitors. The database is read once, at the start, to find the demo
objects; the load itself goes over HTTP only. Any non-2xx answer counts as a failure, so
`locust` exits with 1 on any error.
"""

import os
import random
import re
from html.parser import HTMLParser
from itertools import count

import django
from locust import HttpUser, between, events, task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "steunwijzer.settings")
PASSWORD = os.getenv("LOAD_PASSWORD", "steunwijzer-demo")
WEIGHTS = dict(
    (part.split("=")[0], int(part.split("=")[1]))
    for part in os.getenv("LOAD_WEIGHTS", "parent=6,team=2,officer=2").split(",")
)
# Pages left out of every mix: downloads, sign-in, one-time links and the admin.
SKIPPED = re.compile(
    r"(^api/|^beheer|inloggen|uitloggen|wachtwoord|uitnodiging|\.pdf|\.yaml|\.csv|\.xlsx|"
    r"\.docx|\.zip|bestand|healthz|thema/|autosave|conflict|herstellen|verwijderen|intrekken)"
)
TARGETS: dict[str, list[tuple[str, str]]] = {}
SESSIONS: dict = {}  # kind of visitor → the cookie jar of its signed-in session
FIELDS: list[tuple[str, str]] = []  # (autosave URL, textarea name) per team visitor
_next_field = count()


def _demo_objects() -> dict:
    django.setup()
    from steunwijzer.demo.build import DEMO_SLUG, FLAGSHIP_BRIN
    from steunwijzer.organisations.models import Board, Partnership, School
    from steunwijzer.profiles.models import Profile

    flagship = Profile.objects.filter(school__brin=FLAGSHIP_BRIN).order_by("-school_year").first()
    published = (
        Profile.objects.exclude(published_revision=None).select_related("school").first()
        or flagship
    )
    return {
        "profile": flagship,
        "published": published,
        "school": School.objects.get(pk=flagship.school_id),
        "board": Board.objects.get(pk=flagship.school.board_id),
        "partnership": Partnership.objects.get(slug=DEMO_SLUG),
    }


def _fill(route: str, demo: dict) -> str | None:
    """The route with each parameter taken from the demo; None when one is unknown."""
    school, published = demo["school"], demo["published"]
    values = {
        "pk": demo["profile"].pk if route.startswith("profielen/") else None,
        "school_id": school.pk,
        "board_id": demo["board"].pk,
        "slug": demo["partnership"].slug,
        "brin": published.school.brin,
        "vestiging": published.school.vestiging,
        "schooljaar": published.school_year,
        "school_year": published.school_year,
        "chapter": demo["profile"].chapters[0].key,
        "number": demo["profile"].version,
    }

    def value(match):
        found = values.get(match.group(2))
        if found is None:
            raise KeyError(match.group(2))
        return str(found)

    try:
        return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)
    except KeyError:
        return None


def _routes(patterns=None, prefix=""):
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and not SKIPPED.search(route):
            yield route, entry.name


class _Form(HTMLParser):
    """The chapter form's fields as the browser would post them."""

    def __init__(self):
        super().__init__()
        self.data, self._textarea, self._select = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name:
            if a.get("type") in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.setdefault(name, []).append(a.get("value", "on"))
            elif a.get("type") not in ("submit", "button", "file"):
                self.data[name] = [a.get("value", "")]
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = [a.get("value", "")]

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data


def _login(client, username):
    client.get("/inloggen/", name="sign in")
    token = client.cookies.get("csrftoken", "")
    response = client.post(
        "/inloggen/",
        {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token},
        headers={"Referer": client.base_url + "/inloggen/"},
        name="sign in",
        allow_redirects=False,
    )
    if response.status_code != 302:
        raise RuntimeError(f"{username} could not sign in: {response.status_code}")
    # Sign-in leads home; a person with an authenticator app is sent on to the code page.
    home = client.get("/", name="sign in", allow_redirects=False)
    if "/inloggen/code/" in home.headers.get("Location", ""):
        _second_step(client)


def _second_step(client):
    """The demo's officers have an authenticator app with the demo key: enter its code."""
    from django_otp.oath import totp

    from steunwijzer.demo.security import DEMO_TOTP_KEY

    client.get("/inloggen/code/", name="second step")
    response = client.post(
        "/inloggen/code/",
        {
            "code": f"{totp(bytes.fromhex(DEMO_TOTP_KEY)):06d}",
            "csrfmiddlewaretoken": client.cookies.get("csrftoken", ""),
        },
        headers={"Referer": client.base_url + "/inloggen/code/"},
        name="second step",
        allow_redirects=False,
    )
    if response.status_code != 302:
        raise RuntimeError(f"the second step was refused: {response.status_code}")


@events.test_start.add_listener
def _discover(environment, **kwargs):
    """Try every page once per kind of visitor; keep those that answer 200."""
    import requests

    demo = _demo_objects()
    candidates = [(name, _fill(route, demo)) for route, name in _routes()]
    candidates = [(name, path) for name, path in candidates if path]
    for kind, username in (("parent", None), ("team", "directeur"), ("officer", "kwaliteit")):
        session = requests.Session()
        session.base_url = environment.host
        session.get = _prefixed(session.get, environment.host)
        session.post = _prefixed(session.post, environment.host)
        if username:
            _login(session, username)
            SESSIONS[kind] = session.cookies
        TARGETS[kind] = [
            (name, path)
            for name, path in candidates
            if session.get(path, allow_redirects=False).status_code == 200
        ]
    # Before the public pages exist, parents meet the one public page there is.
    TARGETS["parent"] = TARGETS["parent"] or [("login", "/inloggen/")]
    profile = demo["profile"]
    FIELDS.extend(
        (f"/profielen/{profile.pk}/hoofdstuk/{chapter.key}/", f"f-{field.key}")
        for chapter in profile.chapters
        for field in profile.applicable_fields(chapter)
        if field.type == "long_text"
    )
    for kind, pages in TARGETS.items():
        print(f"{kind}: {len(pages)} pages: {', '.join(name or path for name, path in pages)}")


def _prefixed(method, host):
    def call(path, *args, name=None, **kwargs):
        return method(host + path, *args, **kwargs)

    return call


class _Visitor(HttpUser):
    abstract = True
    wait_time = between(1, 3)
    kind = ""
    username = None

    def on_start(self):
        # Visitors of a kind share the session signed in while finding the pages: an
        # authenticator code is accepted once, so officers cannot each sign in anew.
        if self.username:
            self.client.cookies.update(SESSIONS[self.kind])

    @task(4)
    def browse(self):
        pages = TARGETS.get(self.kind) or []
        if pages:
            name, path = random.choice(pages)
            self.client.get(path, name=f"{self.kind}: {name}")


class Parent(_Visitor):
    """A parent comparing schools: public pages only, no sign-in."""

    weight = WEIGHTS.get("parent", 6)
    kind = "parent"


class Officer(_Visitor):
    """A board's quality officer on the to-do list, the delivery page and the overviews."""

    weight = WEIGHTS.get("officer", 2)
    kind = "officer"
    username = "kwaliteit"


class Team(_Visitor):
    """A directeur writing: opens a chapter and autosaves one text field of their own."""

    weight = WEIGHTS.get("team", 2)
    kind = "team"
    username = "directeur"

    def on_start(self):
        super().on_start()
        self.chapter_url, self.field = FIELDS[next(_next_field) % len(FIELDS)]

    @task(6)
    def autosave(self):
        page = self.client.get(self.chapter_url, name="team: chapter editor")
        form = _Form()
        form.feed(page.text)
        data = form.data
        data[self.field] = [f"Tekst van {self.field} om {random.randint(0, 10**6)}."]
        self.client.post(
            self.chapter_url + "autosave/",
            data,
            headers={
                "X-CSRFToken": self.client.cookies.get("csrftoken", ""),
                "HX-Request": "true",
                "Referer": self.host + self.chapter_url,
            },
            name="team: autosave",
        )

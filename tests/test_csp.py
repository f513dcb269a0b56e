"""Content Security Policy without 'unsafe-inline', the other security headers, templates
without inline script or style, and `check --deploy` clean with HTTPS on."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import steunwijzer

pytestmark = pytest.mark.django_db

SRC = Path(steunwijzer.__file__).parent


def is_pdf_template(name: str) -> bool:
    """Rendered only by WeasyPrint into a PDF, never served as HTML: <style> is fine there.
    Such templates carry "pdf" in their file name (statement_pdf.html, _pdf_style.html)."""
    return "pdf" in Path(name).stem


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"\s(data-)?hx-on", re.I), "hx-on attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    parts = [part.strip().split(" ", 1) for part in header.split(";") if part.strip()]
    return {name: value for name, value in parts}


def test_every_page_carries_a_strict_policy(client):
    policy = directives(client.get("/inloggen/"))
    assert policy == {
        "default-src": "'self'",
        "script-src": "'self'",
        "style-src": "'self'",
        # The finder's map tiles, from exactly the host of MAP_TILE_URL and no other.
        "img-src": "'self' data: https://service.pdok.nl",
        "font-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    assert "unsafe" not in client.get("/inloggen/")["Content-Security-Policy"]


def test_the_map_tiles_host_follows_the_setting():
    """Another tile server (MAP_TILE_URL) is allowed instead, by its origin only; none: no
    tile host at all."""
    code = (
        "from steunwijzer import settings as s; "
        "print(s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"
    )
    env = {**os.environ, "MAP_TILE_URL": "https://tiles.example.nl/brt/{z}/{x}/{y}.png"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.stdout.strip() == "[\"'self'\", 'data:', 'https://tiles.example.nl']"
    env["MAP_TILE_URL"] = ""
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert run.stdout.strip() == "[\"'self'\", 'data:']"


def test_signed_in_pages_carry_it_too(client, editor):
    client.force_login(editor)
    assert "script-src 'self'" in client.get("/")["Content-Security-Policy"]


def test_the_other_security_headers(client):
    response = client.get("/inloggen/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_htmx_is_told_not_to_add_its_own_style_element(client):
    body = client.get("/inloggen/").content.decode()
    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles":false' in body


TEMPLATES = {
    path.as_posix().split("/templates/", 1)[1]: path
    for path in sorted(SRC.glob("**/templates/**/*.html"))
}


@pytest.mark.parametrize("name", sorted(n for n in TEMPLATES if not is_pdf_template(n)))
def test_no_template_has_inline_script_or_style(name):
    text = TEMPLATES[name].read_text(encoding="utf-8")
    found = [what for pattern, what in INLINE if pattern.search(text)]
    assert not found, f"{name}: {', '.join(found)}"


def test_check_deploy_is_clean_with_https(tmp_path):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE would fail the check; production has none.
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "steunwijzer.settings",
        "STEUNWIJZER_DATA_DIR": str(tmp_path),
        "SECRET_KEY": "a-long-and-random-production-secret-key-" + "x" * 40,
        "HTTPS": "True",
        "BEHIND_PROXY": "True",
        "ALLOWED_HOSTS": "steunwijzer.example",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr

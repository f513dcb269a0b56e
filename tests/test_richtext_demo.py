"""Storing the markup instead of HTML changes nothing a reader sees (issue 15).

The old path is the converter as it was (tests/richtext_before.py): markup → HTML on save,
that HTML shown. The new path derives the HTML from the stored markup with markdown-it-py.
Every long-text answer of the demo, every page and download of a published demo SOP, and
the data migration are compared between the two.
"""

import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse

from steunwijzer.profiles import richtext
from steunwijzer.profiles.models import Profile, Revision
from steunwijzer.profiles.templatetags import sop as sop_tags
from steunwijzer.publication import document, in_short
from steunwijzer.publication.lookup import public_path_kwargs
from steunwijzer.publication.page_cache import keep_store
from steunwijzer.publication.pdf import sop_pdf_html
from steunwijzer.publication.published import published_sop
from steunwijzer.publication.word import render_sop_docx
from steunwijzer.regional_model.loader import DEFAULT_FORMAT_PATH, parse_format
from tests import richtext_before as before
from tests.export_helpers import docx_text

migration = importlib.import_module("steunwijzer.profiles.migrations.0007_long_text_as_markup")


def same(html: str) -> str:
    """Whitespace only is not a difference: runs become one space, none beside a tag."""
    return re.sub(r"\s*(<[^>]+>)\s*", r"\1", " ".join(html.split()))


def demo_long_texts() -> list[tuple[str, str]]:
    """(where, markup) for every filled long-text answer of every demo profile and revision."""
    found = []
    for profile in Profile.objects.select_related("format_version"):
        keys = [f.key for f in profile.sop_format.fields.values() if f.type == "long_text"]
        versions = [("nu", profile.answers)] + [
            (f"versie {r.number}", r.answers) for r in profile.revisions.all()
        ]
        for version, answers in versions:
            found += [
                (f"{profile.pk} {version} {key}", answers[key]) for key in keys if answers.get(key)
            ]
    return found


def test_every_demo_answer_renders_as_before(demo):
    texts = demo_long_texts()
    assert len(texts) > 500
    for where, markup in texts:
        old_html = before.markup_to_html(markup)
        assert same(richtext.markup_to_html(markup)) == same(old_html), where
        assert richtext.markup_to_plain(markup) == before.html_to_plain(old_html), where


def test_the_migration_turns_every_stored_demo_answer_into_markup_that_renders_the_same(demo):
    for where, markup in demo_long_texts():
        old_html = before.markup_to_html(markup)
        migrated = migration.html_to_markup(old_html)
        assert richtext.markup_to_html(migrated) == old_html, where
        assert migration.markup_to_html(migrated) == old_html, where
        # The textarea shows what it showed before.
        assert migrated == before.html_to_markup(old_html), where


def test_the_migration_converts_the_database_and_back(demo):
    long_keys = {
        p.pk: [f.key for f in p.sop_format.fields.values() if f.type == "long_text"]
        for p in Profile.objects.all()
    }
    markup = {p.pk: dict(p.answers) for p in Profile.objects.all()}
    for profile in Profile.objects.all():  # the database as it was: long text as HTML
        for key in long_keys[profile.pk]:
            if profile.answers.get(key):
                profile.answers[key] = before.markup_to_html(profile.answers[key])
        profile.save(update_fields=["answers"])
    stored_html = {p.pk: dict(p.answers) for p in Profile.objects.all()}
    revision = Revision.objects.exclude(answers={}).first()
    revision_markup = dict(revision.answers)

    migration.forwards(apps, None)
    for profile in Profile.objects.all():
        for key in long_keys[profile.pk]:
            value = profile.answers.get(key)
            assert richtext.markup_to_html(value or "") == (stored_html[profile.pk].get(key) or "")
            assert value == markup[profile.pk].get(key) or value == richtext.html_to_markup(
                stored_html[profile.pk][key]
            )
    migration.backwards(apps, None)
    assert {p.pk: p.answers for p in Profile.objects.all()} == stored_html
    revision.refresh_from_db()
    assert revision.answers != revision_markup  # revisions are converted too


def _fixed_texts(sop_format) -> list[str]:
    texts = [c.intro for c in sop_format.chapters]
    texts += [f.example for f in sop_format.fields.values()]
    for chapter in sop_format.chapters:
        for section in chapter.sections:
            texts.append(section.intro)
            texts += [item.text for item in section.items if item.kind == "fixed_text"]
    return [t for t in texts if t]


# A "- " line straight under a line of text: the old converter kept it in the paragraph with
# its dash, Markdown starts a bullet list there (what the region's text means).
_LIST_UNDER_TEXT = re.compile(r"^(?![-*] |\d+[.)] ).+\n[-*] ", re.MULTILINE)


def test_the_models_fixed_texts_render_as_before_but_a_list_right_under_a_line():
    sop_format, _ = parse_format(DEFAULT_FORMAT_PATH.read_text(encoding="utf-8"))
    listed = 0
    for text in _fixed_texts(sop_format):
        old_html, new_html = before.markup_to_html(text), richtext.markup_to_html(text)
        if _LIST_UNDER_TEXT.search(text):
            listed += 1
            assert "<ul>" in new_html and "<br>- " in old_html
            continue
        assert new_html == old_html, text
    assert listed == 1


@pytest.fixture
def old_path(monkeypatch):
    """Render the way it was done before: answers through the old converter."""

    def use_old_path():
        def to_html(text):  # fixed texts are compared on their own, above
            return richtext.markup_to_html(text) if text in fixed else before.markup_to_html(text)

        def bullets(text):
            lines = before.html_to_markup(before.markup_to_html(text)).splitlines()
            return [line[2:] for line in lines if line.startswith("- ")]

        fixed = {t for p in Profile.objects.all() for t in _fixed_texts(p.sop_format)}
        monkeypatch.setattr(sop_tags, "markup_to_html", to_html)
        monkeypatch.setattr(document, "markup_to_html", to_html)
        monkeypatch.setattr(in_short, "markup_to_plain", lambda t: before.html_to_plain(to_html(t)))
        monkeypatch.setattr(in_short, "bullet_items", bullets)
        keep_store().clear()

    return use_old_path


def test_the_public_pages_and_downloads_of_the_demo_read_as_before(demo, client, old_path):
    published = list(Profile.objects.filter(published_revision__isnull=False))
    assert published

    def outputs():
        keep_store().clear()
        shown = {}
        for profile in published:
            url = reverse("public_school", kwargs=public_path_kwargs(profile.school))
            sop = published_sop(profile)
            shown[profile.pk] = (
                same(client.get(url).content.decode()),
                same(sop_pdf_html(sop)),
                docx_text(render_sop_docx(sop)),
            )
        return shown

    new = outputs()
    old_path()
    assert outputs() == new

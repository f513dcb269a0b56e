"""Review comments: who may place them, threads one level deep, and who resolves them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from steunwijzer.organisations.models import Role
from steunwijzer.review.models import Comment, open_comment_count
from steunwijzer.review.services import comment_create, comment_reopen, comment_resolve
from tests.conftest import grant, make_user

READERS = ["editor", "second_editor", "team_member", "mr_member", "officer", "staff"]
STRANGERS = ["other_editor", "other_officer", "other_staff", "outsider"]
NON_EDITOR_READERS = ["team_member", "mr_member", "officer", "staff"]


@pytest.fixture
def thread(profile, officer):
    return comment_create(
        profile=profile,
        user=officer,
        chapter_key="visie",
        field_key="visie_passend_onderwijs",
        body="Kunt u concreter zijn?",
    )


@pytest.fixture
def other_mr_member(other_school):
    user = make_user("mr_elders")
    grant(user, Role.MR_MEMBER, school=other_school)
    return user


def post_comment(client, profile, **data):
    return client.post(reverse("comment_create", args=[profile.pk]), data)


@pytest.mark.parametrize("persona", READERS)
def test_it_lets_every_reader_comment(request, client, profile, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = post_comment(
        client, profile, chapter="visie", field="visie_passend_onderwijs", body="Mooi geschreven."
    )
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("profile_review", args=[profile.pk]) + f"#opmerking-{comment.pk}"
    assert (comment.author, comment.body) == (user, "Mooi geschreven.")
    assert comment.profile_version == profile.version


@pytest.mark.parametrize("persona", [*STRANGERS, "other_mr_member"])
def test_it_refuses_comments_from_everyone_else(request, client, profile, persona):
    client.force_login(request.getfixturevalue(persona))
    response = post_comment(client, profile, chapter="visie", body="Ik kijk mee.")
    assert response.status_code == 403
    assert not Comment.objects.exists()
    assert client.get(reverse("profile_review", args=[profile.pk])).status_code == 403


def test_it_sends_anonymous_visitors_to_login(client, profile):
    response = post_comment(client, profile, chapter="visie", body="Hallo")
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert not Comment.objects.exists()


def test_it_keeps_the_author_name_when_the_account_goes(thread, officer):
    officer.first_name, officer.last_name = "Karin", "Kwaliteit"
    officer.save()
    thread.refresh_from_db()
    assert thread.author_name == "kwaliteit"  # the name at the time of writing
    officer.delete()
    thread.refresh_from_db()
    assert thread.author is None and thread.author_name == "kwaliteit"


def test_a_reply_to_a_reply_joins_the_thread(profile, thread, editor, mr_member):
    answer = comment_create(
        profile=profile, user=editor, chapter_key="visie", body="Dat passen we aan.", parent=thread
    )
    follow_up = comment_create(
        profile=profile, user=mr_member, chapter_key="zorgplicht", body="Graag.", parent=answer
    )
    assert answer.parent == thread and follow_up.parent == thread
    assert (follow_up.chapter_key, follow_up.field_key) == ("visie", "visie_passend_onderwijs")
    assert list(thread.replies.all()) == [answer, follow_up]
    assert open_comment_count(profile) == 1


def test_it_refuses_a_reply_to_another_profiles_thread(client, profile, other_profile, editor):
    elsewhere = Comment.objects.create(
        profile=other_profile, chapter_key="visie", body="Elders", profile_version=0
    )
    client.force_login(editor)
    response = post_comment(client, profile, parent=elsewhere.pk, body="Hier?")
    assert response.status_code == 404
    with pytest.raises(ValidationError):
        comment_create(profile=profile, user=editor, chapter_key="", body="x", parent=elsewhere)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    ("chapter", "field", "message"),
    [
        ("bestaat_niet", "", "Dit hoofdstuk bestaat niet in het SOP-model van dit profiel."),
        ("", "", "Dit hoofdstuk bestaat niet in het SOP-model van dit profiel."),
        (
            "visie",
            "aantal_groepen",
            "Dit veld hoort niet bij hoofdstuk 1. Visie op passend onderwijs.",
        ),
        ("visie", "onzin", "Dit veld hoort niet bij hoofdstuk 1. Visie op passend onderwijs."),
    ],
)
def test_it_rejects_unknown_chapters_and_fields(client, profile, officer, chapter, field, message):
    client.force_login(officer)
    response = post_comment(client, profile, chapter=chapter, field=field, body="Opmerking")
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Comment.objects.exists()
    with pytest.raises(ValidationError, match=message):
        comment_create(
            profile=profile, user=officer, chapter_key=chapter, field_key=field, body="x"
        )


@pytest.mark.parametrize("body", ["", "   \r\n  "])
def test_it_refuses_an_empty_comment(client, profile, officer, body):
    client.force_login(officer)
    response = post_comment(client, profile, chapter="visie", body=body)
    assert response.status_code == 422
    assert "Schrijf eerst uw opmerking." in response.content.decode()
    assert not Comment.objects.exists()


def test_it_refuses_a_comment_over_2000_characters_and_keeps_the_text(client, profile, officer):
    client.force_login(officer)
    body = "lang " * 401
    response = post_comment(client, profile, chapter="visie", field="schoolpopulatie", body=body)
    html = response.content.decode()
    assert response.status_code == 422
    assert "maximaal 2000 tekens lang; deze heeft er 2005" in html
    assert f">{body}</textarea>" in html
    assert '<option value="schoolpopulatie" selected>' in html
    assert not Comment.objects.exists()


def test_it_counts_a_line_break_as_one_character(profile, officer):
    comment = comment_create(
        profile=profile, user=officer, chapter_key="visie", body="a" * 1999 + "\r\n"
    )
    assert comment.body == "a" * 1999 + "\n"


def test_it_stores_the_text_as_typed_and_shows_it_escaped(client, profile, officer, editor):
    body = '<script>alert("x")</script> & <b>vet</b>\nTweede regel'
    client.force_login(officer)
    post_comment(client, profile, chapter="visie", field="visie_passend_onderwijs", body=body)
    assert Comment.objects.get().body == body
    for user, url in [
        (officer, reverse("profile_review", args=[profile.pk])),
        (editor, reverse("profile_chapter", args=[profile.pk, "visie"])),
    ]:
        client.force_login(user)
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<b>vet</b>" not in html
        assert (
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in html
        )
        assert "<br>Tweede regel" in html


@pytest.mark.parametrize("persona", ["editor", "second_editor"])
def test_school_editors_resolve_and_reopen_threads(request, client, profile, thread, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    response = client.post(reverse("comment_resolve", args=[thread.pk]))
    assert response.url == reverse("profile_review", args=[profile.pk]) + f"#opmerking-{thread.pk}"
    thread.refresh_from_db()
    assert thread.is_resolved and thread.resolved_by == user
    assert open_comment_count(profile) == 0
    client.post(reverse("comment_reopen", args=[thread.pk]))
    thread.refresh_from_db()
    assert not thread.is_resolved and thread.resolved_by is None


@pytest.mark.parametrize("persona", [*NON_EDITOR_READERS, *STRANGERS])
def test_only_school_editors_resolve(request, client, profile, thread, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.post(reverse("comment_resolve", args=[thread.pk])).status_code == 403
    thread.refresh_from_db()
    assert not thread.is_resolved
    with pytest.raises(PermissionDenied):
        comment_resolve(comment=thread, user=user)


@pytest.mark.parametrize("persona", NON_EDITOR_READERS)
def test_only_school_editors_reopen(request, client, profile, thread, editor, persona):
    comment_resolve(comment=thread, user=editor)
    client.force_login(request.getfixturevalue(persona))
    assert client.post(reverse("comment_reopen", args=[thread.pk])).status_code == 403
    thread.refresh_from_db()
    assert thread.is_resolved


def test_resolving_a_reply_resolves_its_thread(profile, thread, editor):
    reply = comment_create(
        profile=profile, user=editor, chapter_key="", body="Gedaan.", parent=thread
    )
    assert comment_resolve(comment=reply, user=editor) == thread
    thread.refresh_from_db()
    assert thread.is_resolved
    assert comment_reopen(comment=reply, user=editor).resolved_at is None


def test_it_returns_to_the_form_page_but_never_elsewhere(client, profile, thread, editor):
    client.force_login(editor)
    chapter = reverse("profile_chapter", args=[profile.pk, "visie"])
    response = client.post(reverse("comment_resolve", args=[thread.pk]), {"next": chapter})
    assert response.url == f"{chapter}#opmerking-{thread.pk}"
    response = client.post(
        reverse("comment_reopen", args=[thread.pk]), {"next": "https://evil.example/"}
    )
    assert response.url == reverse("profile_review", args=[profile.pk]) + f"#opmerking-{thread.pk}"


def test_it_refuses_get_requests_that_would_change_anything(client, thread, editor):
    client.force_login(editor)
    assert client.get(reverse("comment_resolve", args=[thread.pk])).status_code == 405


@pytest.mark.parametrize("persona", READERS)
def test_the_review_page_shows_the_document_threads_and_forms(request, client, thread, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("profile_review", args=[thread.profile_id]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "De Regenboog" in html and "Kunt u concreter zijn?" in html
    assert (
        'Opmerkingen bij 1. Visie op passend onderwijs <span class="sw-muted">(1 open)</span>'
        in html
    )
    assert 'id="over-zorgplicht"' in html and "Het hele hoofdstuk" in html
    shows_resolve = ">Opgelost</button>" in html
    assert shows_resolve == (persona in ("editor", "second_editor"))


def test_the_editor_sees_open_threads_of_the_chapter_only(client, profile, thread, editor):
    client.force_login(editor)
    visie = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    assert "Open opmerkingen bij dit hoofdstuk (1)" in visie
    assert "Kunt u concreter zijn?" in visie and ">Opgelost</button>" in visie
    assert 'Beoordelen en opmerkingen</a> <span class="sw-muted">(1 open)</span>' in visie
    other = client.get(reverse("profile_chapter", args=[profile.pk, "zorgplicht"]))
    assert "Kunt u concreter zijn?" not in other.content.decode()
    comment_resolve(comment=thread, user=editor)
    visie = client.get(reverse("profile_chapter", args=[profile.pk, "visie"])).content.decode()
    assert "Kunt u concreter zijn?" not in visie

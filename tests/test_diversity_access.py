"""Who may read and who may change a school's Invulschema, on the pages and in the API."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from steunwijzer.api.models import ApiToken
from steunwijzer.instruments.diversity.services import invulschema_save
from tests.diversity_helpers import export, pupils, this_year

pytestmark = pytest.mark.django_db

READERS = ["editor", "team_member", "mr_member", "officer", "staff"]
NOT_READERS = ["other_editor", "other_officer", "other_staff", "outsider"]
NOT_EDITORS = ["team_member", "mr_member", "officer", "staff", *NOT_READERS]


@pytest.fixture
def stored(school):
    return invulschema_save(school=school, school_year=this_year(), counts={"6": {"geen": 240}})


def page(school, step=""):
    return f"/scholen/{school.brin_code}/verscheidenheid/{this_year()}/{step}"


def api(school, step=""):
    return f"/api/v1/schools/{school.brin_code}/years/{this_year()}/diversity/{step}"


def token(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {ApiToken.issue(user, 'test')[1]}"}


@pytest.mark.parametrize("persona", READERS)
def test_people_whose_role_reaches_the_school_may_read(client, request, school, stored, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.get(page(school)).status_code == 200
    assert client.get(api(school), **token(user)).status_code == 200


@pytest.mark.parametrize("persona", NOT_READERS)
def test_others_may_not_read(client, request, school, stored, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    assert client.get(page(school)).status_code == 403
    assert client.get(api(school), **token(user)).status_code == 403


def test_anonymous_is_sent_to_sign_in(client, school, stored):
    assert client.get(page(school)).status_code == 302
    assert client.get(api(school)).status_code == 401


@pytest.mark.parametrize("persona", NOT_EDITORS)
def test_only_the_schools_editors_may_fill_in_or_import(client, request, school, stored, persona):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    for step in ("invullen/", "inlezen/", "inlezen/bevestigen/"):
        assert client.get(page(school, step)).status_code == 403
    body = '{"counts": {"6": {"geen": 240}}}'
    put = client.put(api(school), body, content_type="application/json", **token(user))
    assert put.status_code == 403

    data = {"file": SimpleUploadedFile("x.csv", export(pupils("6", "geen", 240)))}
    assert client.post(api(school, "import/"), data, **token(user)).status_code == 403


def test_the_schools_editor_may_fill_in_and_import(client, editor, school, stored):
    client.force_login(editor)
    for step in ("invullen/", "inlezen/"):
        assert client.get(page(school, step)).status_code == 200

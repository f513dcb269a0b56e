"""Two-step verification: required for board and partnership roles, optional for everyone,
with recovery codes, and wrong codes limited per account. The suite's settings turn the requirement
off (force_login everywhere); these tests turn it on."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunwijzer.api.models import ApiToken
from steunwijzer.demo.security import DEMO_TOTP_KEY
from steunwijzer.organisations import two_factor
from steunwijzer.organisations.models import Role
from tests.conftest import PASSWORD, grant, make_user
from tests.two_factor_helpers import current_code, enrolling_device, verify_session

pytestmark = pytest.mark.django_db

CODE_PAGE = "/inloggen/code/"
ENROL = "/account/tweestapsverificatie/"
DISABLE = "/account/tweestapsverificatie/uitzetten/"
REGENERATE = "/account/tweestapsverificatie/herstelcodes/"
PAGES = ["/", "/te-doen/", "/account/", "/uitnodigen/"]


@pytest.fixture(autouse=True)
def _required(settings):
    settings.STEUNWIJZER_REQUIRE_2FA = True
    # django-otp slows down after a wrong code; these tests try a right one straight after.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def admin(db):
    user = make_user("platformbeheer")
    grant(user, Role.PLATFORM_ADMIN)
    return user


def sign_in(client, username):
    response = client.post("/inloggen/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


def enable(user) -> tuple[TOTPDevice, list[str]]:
    device = two_factor.enrolment_device(user)
    codes = two_factor.two_factor_enable(user=user, device=device, code=current_code(device))
    device.refresh_from_db()
    return device, codes


@pytest.mark.parametrize("persona", ["officer", "staff", "admin"])
def test_board_and_partnership_roles_without_an_app_must_enrol_first(client, request, persona):
    user = request.getfixturevalue(persona)
    sign_in(client, user.username)
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(ENROL + "?next="), url
    page = client.get(ENROL)
    body = page.content.decode()
    assert page.status_code == 200
    assert "verplicht" in body and 'src="data:image/svg+xml' in body
    assert two_factor.secret_text(enrolling_device(user, client=client)) in body
    assert not TOTPDevice.objects.filter(user=user).exists(), "showing the key stores nothing"


@pytest.mark.parametrize("persona", ["editor", "team_member", "mr_member", "outsider"])
def test_school_roles_are_not_forced(client, request, persona):
    user = request.getfixturevalue(persona)
    sign_in(client, user.username)
    assert client.get("/").status_code == 200


def test_the_requirement_can_be_turned_off(client, officer, settings):
    settings.STEUNWIJZER_REQUIRE_2FA = False
    sign_in(client, "kwaliteit")
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("persona", ["officer", "staff", "admin", "editor"])
def test_anyone_with_an_app_is_asked_for_a_code_on_every_page(client, request, persona):
    user = request.getfixturevalue(persona)
    enable(user)
    response = sign_in(client, user.username)
    assert response.url == "/"
    for url in [*PAGES, ENROL]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(CODE_PAGE + "?next="), url


def test_a_code_from_the_app_completes_the_sign_in(client, officer):
    device, _ = enable(officer)
    sign_in(client, "kwaliteit")
    page = client.get(CODE_PAGE + "?next=/te-doen/")
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in page.content.decode()
    # No header of links that only lead back here, and no unread count before the code.
    assert 'class="sw-usernav"' not in page.content.decode()
    response = client.post(
        CODE_PAGE, {"code": current_code(device, steps_ahead=1), "next": "/te-doen/"}
    )
    assert response.status_code == 302 and response.url == "/te-doen/"
    for url in PAGES:
        assert client.get(url).status_code == 200, url


def test_a_wrong_code_gets_a_dutch_error(client, officer):
    enable(officer)
    sign_in(client, "kwaliteit")
    response = client.post(CODE_PAGE, {"code": "000000"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "Deze code klopt niet" in body and 'role="alert"' in body
    assert client.get("/").status_code == 302
    assert client.post(CODE_PAGE, {"code": ""}).status_code == 400


def test_an_offsite_next_is_ignored(client, officer):
    device, _ = enable(officer)
    sign_in(client, "kwaliteit")
    code = current_code(device, steps_ahead=1)
    response = client.post(CODE_PAGE, {"code": code, "next": "https://evil.example/"})
    assert response.url == "/"


def test_a_recovery_code_works_once(client, officer):
    _device, codes = enable(officer)
    assert len(codes) == 10 and len(set(codes)) == 10
    sign_in(client, "kwaliteit")
    response = client.post(CODE_PAGE, {"code": codes[0].upper()}, follow=True)
    assert response.status_code == 200
    assert "nog 9 over" in response.content.decode()
    client.post("/uitloggen/")
    sign_in(client, "kwaliteit")
    again = client.post(CODE_PAGE, {"code": codes[0]})
    assert again.status_code == 400 and "Deze code klopt niet" in again.content.decode()


def test_wrong_codes_lock_the_code_step(client, officer):
    device, _ = enable(officer)
    sign_in(client, "kwaliteit")
    for _ in range(4):
        assert client.post(CODE_PAGE, {"code": "111111"}).status_code == 400
    locked = client.post(CODE_PAGE, {"code": "111111"})
    assert locked.status_code == 429
    assert "Te veel mislukte pogingen" in locked.content.decode()
    assert "_auth_user_id" not in client.session, "a locked-out session is signed out"
    # Signing in again with the password leads to the same lock, even with the right code.
    sign_in(client, "kwaliteit")
    assert client.get(CODE_PAGE).status_code == 429
    assert "_auth_user_id" not in client.session
    sign_in(client, "kwaliteit")
    assert client.post(CODE_PAGE, {"code": current_code(device, steps_ahead=1)}).status_code == 429


def test_wrong_codes_are_limited_per_account_across_addresses(officer, staff):
    device, _ = enable(officer)
    staff_device, _ = enable(staff)
    first, second, third = (Client(REMOTE_ADDR=f"10.0.{n}.1") for n in (1, 2, 3))
    sign_in(first, "kwaliteit")
    for _ in range(3):
        assert first.post(CODE_PAGE, {"code": "111111"}).status_code == 400
    sign_in(second, "kwaliteit")
    assert second.post(CODE_PAGE, {"code": "222222"}).status_code == 400
    assert second.post(CODE_PAGE, {"code": "222222"}).status_code == 429
    # From a third address the password is accepted, but the code step stays locked.
    sign_in(third, "kwaliteit")
    assert third.post(CODE_PAGE, {"code": current_code(device, steps_ahead=1)}).status_code == 429
    # Another account behind the same addresses is not affected.
    staff_client = Client(REMOTE_ADDR="10.0.2.1")
    sign_in(staff_client, staff.username)
    code = current_code(staff_device, steps_ahead=1)
    assert staff_client.post(CODE_PAGE, {"code": code}).status_code == 302


def test_an_attackers_wrong_passwords_do_not_lock_the_code_step(client, officer):
    device, _ = enable(officer)
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    for _ in range(5):
        attacker.post("/inloggen/", {"username": "kwaliteit", "password": "geraden-wachtwoord"})
    sign_in(client, "kwaliteit")
    response = client.post(CODE_PAGE, {"code": current_code(device, steps_ahead=1)})
    assert response.status_code == 302 and client.get("/").status_code == 200


def test_the_code_step_lock_ends_after_the_cool_off(client, officer, settings):
    device, _ = enable(officer)
    sign_in(client, "kwaliteit")
    for _ in range(5):
        client.post(CODE_PAGE, {"code": "111111"})
    sign_in(client, "kwaliteit")
    assert client.get(CODE_PAGE).status_code == 429
    past = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(minutes=1)
    AccessAttempt.objects.update(attempt_time=past)
    sign_in(client, "kwaliteit")
    response = client.post(CODE_PAGE, {"code": current_code(device, steps_ahead=1)})
    assert response.status_code == 302 and client.get("/").status_code == 200


def test_wrong_codes_when_turning_it_off_count_for_the_account_too(client, editor):
    enable(editor)
    other = Client(REMOTE_ADDR="10.0.9.9")
    for browser in (client, other):
        sign_in(browser, "editor")
        verify_session(browser, editor)
    for _ in range(4):
        assert client.post(DISABLE, {"code": "999999"}).status_code == 400
    assert other.post(DISABLE, {"code": "999999"}).status_code == 429
    assert "_auth_user_id" not in other.session
    assert two_factor.is_enabled(editor)


def test_enrolment_rejects_a_wrong_confirmation_code(client, editor):
    client.force_login(editor)
    client.get(ENROL)
    response = client.post(ENROL, {"code": "123456"})
    assert response.status_code == 400
    assert "Deze code klopt niet" in response.content.decode()
    assert not two_factor.is_enabled(editor)
    assert client.post(ENROL, {"code": ""}).status_code == 400


def test_enrolment_shows_ten_recovery_codes_once(client, editor):
    client.force_login(editor)
    client.get(ENROL)
    device = enrolling_device(editor, client=client)
    response = client.post(ENROL, {"code": current_code(device)})
    body = response.content.decode()
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    tokens = list(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
    assert len(tokens) == 10 and all(token in body for token in tokens)
    assert two_factor.is_enabled(editor)
    later = client.get(ENROL).content.decode()
    assert not any(token in later for token in tokens)
    assert "nog 10 herstelcodes over" in later
    assert client.get("/").status_code == 200, "the session that enrolled counts as verified"


def test_after_forced_enrolment_it_leads_on_to_where_the_person_was_going(client, officer):
    sign_in(client, officer.username)
    sent = client.get("/te-doen/")
    page = client.get(sent.url).content.decode()
    assert '<input type="hidden" name="next" value="/te-doen/">' in page
    device = enrolling_device(officer, client=client)
    done = client.post(ENROL, {"code": current_code(device), "next": "/te-doen/"})
    assert '<a class="utrecht-link" href="/te-doen/" id="verder">' in done.content.decode()
    assert client.get("/te-doen/").status_code == 200


def test_it_never_leads_on_to_another_site(client, editor):
    client.force_login(editor)
    client.get(ENROL)
    device = enrolling_device(editor, client=client)
    done = client.post(ENROL, {"code": current_code(device), "next": "https://evil.example/"})
    body = done.content.decode()
    assert "evil.example" not in body and 'href="/" id="verder"' in body


def test_the_account_page_links_to_it(client, editor):
    client.force_login(editor)
    body = client.get("/account/").content.decode()
    assert "Tweestapsverificatie aanzetten" in body and f'href="{ENROL}"' in body


def test_new_recovery_codes_replace_the_old_ones(editor):
    _device, old = enable(editor)
    new = two_factor.recovery_codes_issue(user=editor)
    assert not set(old) & set(new)
    assert two_factor.verify_code(editor, old[0]) is None
    assert two_factor.verify_code(editor, new[0]) is not None


def test_regenerating_codes_from_the_page(client, officer):
    device, old = enable(officer)
    sign_in(client, "kwaliteit")
    client.post(CODE_PAGE, {"code": current_code(device, steps_ahead=1)})
    response = client.post(REGENERATE)
    assert response.status_code == 200
    assert "de oude werken niet meer" in response.content.decode()
    assert two_factor.recovery_codes_left(officer) == 10
    assert not StaticToken.objects.filter(token__in=old).exists()


def test_disabling_needs_a_current_code(client, editor):
    device, codes = enable(editor)
    sign_in(client, "editor")
    client.post(CODE_PAGE, {"code": codes[0]})
    assert client.post(DISABLE, {"code": ""}).status_code == 400
    wrong = client.post(DISABLE, {"code": "999999"})
    assert wrong.status_code == 400 and "Deze code klopt niet" in wrong.content.decode()
    assert two_factor.is_enabled(editor)
    response = client.post(DISABLE, {"code": current_code(device, steps_ahead=1)})
    assert response.status_code == 302
    assert not two_factor.is_enabled(editor)
    assert not StaticToken.objects.filter(device__user=editor).exists()
    assert client.get("/").status_code == 200


def test_an_officer_who_disables_it_must_set_it_up_again(client, officer):
    _device, codes = enable(officer)
    sign_in(client, "kwaliteit")
    client.post(CODE_PAGE, {"code": codes[0]})
    client.post(DISABLE, {"code": codes[1]})
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith(ENROL)


def test_an_autosave_without_the_second_step_is_refused_not_redirected(client, officer):
    enable(officer)
    sign_in(client, "kwaliteit")
    response = client.post("/profielen/1/hoofdstuk/visie/autosave/", HTTP_HX_REQUEST="true")
    assert response.status_code == 401


def test_api_tokens_are_not_asked_for_a_code(client, officer):
    enable(officer)
    _token, raw = ApiToken.issue(officer, "script")
    response = client.get("/api/v1/profiles/", HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200


def test_the_demo_shows_the_current_code_only_in_demo_mode(client, officer, settings):
    TOTPDevice.objects.create(user=officer, name="Demo-app", key=DEMO_TOTP_KEY, confirmed=True)
    sign_in(client, "kwaliteit")
    assert "Demo: de code is" not in client.get(CODE_PAGE).content.decode()
    settings.STEUNWIJZER_DEMO = True
    body = client.get(CODE_PAGE).content.decode()
    assert "Demo: de code is" in body
    device = TOTPDevice.objects.get(user=officer)
    assert current_code(device) in body or current_code(device, steps_ahead=1) in body


def test_the_demo_never_shows_a_code_of_a_real_key(client, officer, settings):
    settings.STEUNWIJZER_DEMO = True
    enable(officer)
    sign_in(client, "kwaliteit")
    assert "Demo: de code is" not in client.get(CODE_PAGE).content.decode()

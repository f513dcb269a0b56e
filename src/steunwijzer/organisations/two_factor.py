"""Two-step verification (tweestapsverificatie): an authenticator app plus recovery codes.

The app holds a TOTP key (django-otp's TOTPDevice); ten single-use recovery codes (herstelcodes,
a StaticDevice) are the way in when the phone is lost. Who must use it: every board and
partnership role while STEUNWIJZER_REQUIRE_2FA is on; anyone else may turn it on, and is then
asked for a code at every sign-in too.
"""

from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from .models import Membership, Role

# Whether the signed-in person has an app, kept in the session from sign-in on so that pages
# do not ask the database on every request.
ENABLED_SESSION_KEY = "sw_two_factor"
# The key of an app being set up, kept in the session until the first code confirms it: showing
# the QR code writes nothing to the database.
ENROLMENT_SESSION_KEY = "sw_two_factor_enrolment"
REQUIRED_ROLES = {Role.BOARD_OFFICER, Role.PARTNERSHIP_STAFF, Role.PLATFORM_ADMIN}
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator-app"
RECOVERY_DEVICE_NAME = "Herstelcodes"


# Functions that may tell the code page the code a person's app shows now (the demo registers
# one for its published key); the first answer other than None is shown.
_CODE_HINTS: list = []


def register_code_hint(hint) -> None:
    if hint not in _CODE_HINTS:
        _CODE_HINTS.append(hint)


def code_hint(user) -> str | None:
    return next((code for hint in _CODE_HINTS if (code := hint(user)) is not None), None)


def is_required(user) -> bool:
    """Must this person verify a second step before doing anything else?"""
    return settings.STEUNWIJZER_REQUIRE_2FA and any(
        m.role in REQUIRED_ROLES for m in Membership.of(user)
    )


def is_enabled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def remember_enabled(request, enabled: bool) -> None:
    request.session[ENABLED_SESSION_KEY] = enabled


def enabled_in_session(request) -> bool:
    if ENABLED_SESSION_KEY not in request.session:
        remember_enabled(request, is_enabled(request.user))
    return request.session[ENABLED_SESSION_KEY]


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def enrolment_key(session) -> str:
    """The key being set up in this session: the same one until it is confirmed, so a reload
    keeps the QR code."""
    if not session.get(ENROLMENT_SESSION_KEY):
        session[ENROLMENT_SESSION_KEY] = default_key()
    return session[ENROLMENT_SESSION_KEY]


def enrolment_device(user, key: str | None = None) -> TOTPDevice:
    """The app being set up, not stored: `two_factor_enable` stores it."""
    return TOTPDevice(user=user, name=APP_DEVICE_NAME, key=key or default_key(), confirmed=False)


def app_device(user) -> TOTPDevice:
    """The person's confirmed app."""
    return TOTPDevice.objects.get(user=user, confirmed=True)


def normalise(code: str) -> str:
    # People copy codes with spaces or dashes ("123 456", "abcd-efgh").
    return "".join(ch for ch in code if ch.isalnum()).lower()


@transaction.atomic
def two_factor_enable(*, user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with its first code; return fresh recovery codes, or None if wrong.

    The device is stored unconfirmed on the first try, so django-otp's slowing down after a
    wrong code holds for the next try with the same key."""
    stored = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False, key=device.key)
        .first()
    )
    if stored is None:
        device.user, device.confirmed = user, False
        device.save()
        stored = device
    device = stored
    if not device.verify_token(normalise(code)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    return recovery_codes_issue(user=user)


@transaction.atomic
def recovery_codes_issue(*, user) -> list[str]:
    """Ten new recovery codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def two_factor_disable(*, user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def verify_code(user, code: str):
    """The device that accepts this app code or recovery code (used up), or None.

    Six digits go to the app, anything else to the recovery codes; each device slows down
    after failures (django-otp's throttling), and the caller counts failures for the lockout.
    """
    code = normalise(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    with transaction.atomic():
        for device in model.objects.filter(user=user, confirmed=True).select_for_update():
            if device.verify_token(code):
                return device
    return None


def secret_text(device: TOTPDevice) -> str:
    """The key as an authenticator app asks for it when typed in: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as an SVG image in a data: URI (allowed by img-src, no inline CSS)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)

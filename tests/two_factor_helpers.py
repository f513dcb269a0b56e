"""Two-step verification in tests: codes an authenticator app would show, a verified session."""

from base64 import b32decode

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from steunwijzer.organisations import two_factor


def current_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the app shows now (or `steps_ahead` periods later, to avoid a used one)."""
    if device.pk is not None:
        device.refresh_from_db()
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{code:06d}"


def enrolling_device(user, *, client=None, secret: str = "") -> TOTPDevice:
    """The app a person is setting up (not stored until confirmed): with the key from the test
    client's session, or typed over from the page (`secret`, in a browser test)."""
    if client is not None:
        key = client.session[two_factor.ENROLMENT_SESSION_KEY]
    else:
        key = b32decode(secret.replace(" ", "")).hex()
    return two_factor.enrolment_device(user, key)


def verify_session(client, user) -> None:
    """Mark a signed-in test client's session as having passed the second step."""
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()

"""Two-step verification in the demo: one published app key for the board and partnership personas.

The key is public (README, `steunwijzer demo`), so these devices protect nothing; they let a
visitor try the real second step. Only with STEUNWIJZER_DEMO on (set by `steunwijzer demo`
alone) does the code page show the current code, and only for a device with this very key.
"""

from base64 import b32encode

from django.conf import settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

# RFC 6238's test key ("12345678901234567890").
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"
DEMO_TOTP_SECRET = b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
# Every persona with a board or partnership role, which must use two-step verification: the
# éénpitter's director-governor too (its board role), or it would be sent to enrol a new key.
TWO_FACTOR_PERSONAS = ("kwaliteit", "kwaliteit2", "eenpitter", "swv", "beheer")


def install_two_factor(people: dict) -> None:
    for username in TWO_FACTOR_PERSONAS:
        TOTPDevice.objects.create(
            user=people[username], name="Demo-app", key=DEMO_TOTP_KEY, confirmed=True
        )


def demo_code(user) -> str | None:
    """The code a demo persona's app would show now; None outside the demo."""
    if not settings.STEUNWIJZER_DEMO:
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True, key=DEMO_TOTP_KEY).first()
    if device is None:
        return None
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if totp.t() <= device.last_t:
        # This step's code was used already (a second sign-in within 30 seconds): the next
        # step's code is accepted too.
        totp.time = totp.time + device.step
    return f"{totp.token():0{device.digits}d}"

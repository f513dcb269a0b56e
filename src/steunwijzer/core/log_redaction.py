"""The one-time secrets that travel in a path, kept out of the logs.

An invitation's token (`/uitnodiging/<token>/`) and a password reset's link
(`/wachtwoord-herstellen/<uid>/<token>/`, organisations/urls.py) would otherwise stand in the
access log's request line, in the Referer of every stylesheet and script such a page loads, and
in Django's "Not Found" warning for a token that no longer exists. Whoever reads the logs could
use them until they expire.
"""

import logging
import re

_SECRET_IN_PATH = re.compile(r"(/uitnodiging/|/wachtwoord-herstellen/[^/?#\s]+/)[^/?#\s\"']+")


def redact(text: str) -> str:
    """`text` with the secret part of every such path replaced by `…`."""
    return _SECRET_IN_PATH.sub(r"\1…", text)


class RedactSecrets(logging.Filter):
    """A logging filter (settings.LOGGING) that redacts the secrets from every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True

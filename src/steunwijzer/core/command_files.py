"""Files named on a command's line, checked before anything is read or written.

Commands that read a file (`restore`, `format`, `diversity` and `ijk` validate|import) answer
a missing, unreadable, empty, oversized or special file (a folder, a device, a pipe) with a
Dutch message and exit 1, before reading a byte of it; the size is checked with `os.stat`
first and then again while reading, so a file that grows meanwhile is cut off too. Commands
that write a file (`backup`, `avg export-*`) check the folder first, write to `<name>.deels`
and only give the file its name once it is complete: a failed write leaves nothing behind.
"""

import errno
import os
import stat
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from django.core.management.base import CommandError

from .uploads import size_text

T = TypeVar("T")

_REASONS = {
    errno.EACCES: "geen toegang",
    errno.EPERM: "geen toegang",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "de schijfruimte (quotum) is op",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.EIO: "leesfout van de schijf",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def reason(exc: OSError) -> str:
    """Why a file could not be read or written, in Dutch where we know the words."""
    return _REASONS.get(exc.errno, exc.strerror or exc.__class__.__name__)


def checked_input(file: str, *, max_bytes: int, what: str) -> int:
    """The size of `file`, or a CommandError saying why it cannot be what the command reads.

    `what` names what the file should be, for the size message ("een back-up")."""
    try:
        info = os.stat(file)
    except (FileNotFoundError, NotADirectoryError):
        raise CommandError(f"Bestand niet gevonden: {file}") from None
    except OSError as exc:
        raise CommandError(f"Bestand {file} kan niet gelezen worden: {reason(exc)}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise CommandError(f"{file} is een map, geen bestand.")
    if not stat.S_ISREG(info.st_mode):
        raise CommandError(f"{file} is geen gewoon bestand (maar een apparaat, pipe of socket).")
    if info.st_size == 0:
        raise CommandError(f"{file} is leeg: er staat niets in.")
    if info.st_size > max_bytes:
        raise CommandError(_too_large(file, info.st_size, max_bytes, what))
    return info.st_size


def _too_large(file: str, size: int, max_bytes: int, what: str) -> str:
    return f"{file} is te groot ({size_text(size)}); {what} is hooguit {size_text(max_bytes)}."


def read_input(file: str, *, max_bytes: int, what: str) -> bytes:
    """The bytes of `file`, after `checked_input`; never more than `max_bytes` are read."""
    checked_input(file, max_bytes=max_bytes, what=what)
    try:
        with open(file, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise CommandError(f"Bestand {file} kan niet gelezen worden: {reason(exc)}.") from None
    if len(data) > max_bytes:
        raise CommandError(_too_large(file, len(data), max_bytes, what))
    if not data:
        raise CommandError(f"{file} is leeg: er staat niets in.")
    return data


def checked_output(file: str) -> Path:
    """The path to write to, or a CommandError when its folder cannot take a new file."""
    path = Path(file)
    if path.is_dir():
        raise CommandError(f"{file} is een map; geef een bestandsnaam op, zoals {path / 'x.zip'}.")
    folder = path.parent
    if not folder.exists():
        raise CommandError(f"De map {folder} bestaat niet; maak hem eerst aan of kies een andere.")
    if not folder.is_dir():
        raise CommandError(f"{folder} is geen map; kies een bestandsnaam in een map.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise CommandError(f"In de map {folder} mag niet geschreven worden: geen toegang.")
    return path


def write_output(path: Path, write: Callable[[Path], T]) -> T:
    """`write(partial)` to `<name>.deels`, then rename it to `path`; on failure nothing stays
    behind and an OSError becomes a Dutch CommandError."""
    partial = path.with_name(path.name + ".deels")
    try:
        result = write(partial)
        partial.replace(path)
    except OSError as exc:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise CommandError(
            f"{path} kan niet geschreven worden: {reason(exc)}. Er is niets geschreven."
        ) from None
    except BaseException:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return result

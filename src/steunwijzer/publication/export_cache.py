"""Generated downloads kept as files, so a published version is rendered once.

Files live under `DATA_DIR/exports/<revision id>/<key>.<kind>` (kind: `sop.pdf`, `sop.docx`,
…); the key (see `PublishedSop.cache_key`) names the revision and the content version of its
partnership, which changes with anything else that changes the output.
A file is written to a temporary name and renamed into place, so a reader never sees half a
file and a failed render leaves nothing behind.
"""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from django.conf import settings


def export_dir() -> Path:
    return Path(settings.DATA_DIR) / "exports"


def cached_export(revision_id: int, key: str, kind: str, render: Callable[[], bytes]) -> BinaryIO:
    """The cached file, opened for reading; rendered first when it is not there yet.

    An open file, not a path: a newer rendering may remove the file the moment after, and an
    open file stays readable.
    """
    folder = export_dir() / str(revision_id)
    path = folder / f"{key}.{kind}"
    try:
        return path.open("rb")
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    data = render()
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=f".{kind}")
    handle = os.fdopen(fd, "w+b")
    try:
        handle.write(data)
        handle.flush()
        os.replace(tmp, path)
    except BaseException:
        handle.close()
        Path(tmp).unlink(missing_ok=True)
        raise
    handle.seek(0)
    # Older renderings of the same kind are out of date now.
    for old in folder.glob(f"*.{kind}"):
        if old != path and not old.name.startswith(".tmp-"):
            old.unlink(missing_ok=True)
    return handle

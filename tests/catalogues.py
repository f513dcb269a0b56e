"""The apps' Dutch catalogues (`<app>/locale/nl/LC_MESSAGES/django.po`), read without polib.

Used by tests/test_catalogues.py (every catalogue complete, and its .mo compiled from it) and
by `python -m tests.catalogues`, the CI step that runs `makemessages` for every app with a
`locale/` folder on a temporary copy and fails when the code has a msgid its catalogue lacks
(docs/localisation.md).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
PO = Path("locale/nl/LC_MESSAGES/django.po")
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    msgid: str = ""
    context: str | None = None
    plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str, str | None]:
        return (self.context, self.msgid, self.plural)


def _unquote(text: str) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"not a PO string: {text!r}")
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[1]), text[1:-1])


def read_po(path: Path) -> list[Entry]:
    """The entries of a PO file, the header (msgid "") first."""
    entries, entry, target = [], None, None

    def start():
        nonlocal entry
        if entry is None or entry.msgstr:
            entry = Entry()
            entries.append(entry)
        return entry

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#~"):
            start().obsolete = True
            continue
        if line.startswith("#,"):
            start().flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            if target is None:
                raise ValueError(f"{path}: a string without a keyword: {line}")
            kind, n = target
            if kind == "msgstr":
                entry.msgstr[n] += _unquote(line)
            else:
                setattr(entry, kind, getattr(entry, kind) + _unquote(line))
        elif keyword == "msgctxt":
            start().context, target = _unquote(rest), ("context", 0)
        elif keyword == "msgid":
            if entry is None or entry.msgstr:
                start()
            entry.msgid, target = _unquote(rest), ("msgid", 0)
        elif keyword == "msgid_plural":
            entry.plural, target = _unquote(rest), ("plural", 0)
        elif keyword.startswith("msgstr"):
            n = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
            entry.msgstr[n], target = _unquote(rest), ("msgstr", n)
        else:
            raise ValueError(f"{path}: cannot read {line!r}")
    return [e for e in entries if not e.obsolete]


def catalogues() -> list[Path]:
    return sorted(SRC.rglob(str(PO)))


def app_of(po: Path) -> Path:
    return po.parents[3]


def problems(po: Path) -> list[str]:
    """What is wrong with a catalogue: no Dutch header, an empty msgstr, a fuzzy entry."""
    entries = read_po(po)
    found = []
    header = entries[0] if entries and entries[0].msgid == "" else None
    if header is None:
        return [f"{po}: no header"]
    text = header.msgstr.get(0, "")
    for needed in (
        "Language: nl\n",
        "Content-Type: text/plain; charset=UTF-8\n",
        "Plural-Forms: nplurals=2; plural=(n != 1);\n",
    ):
        if needed not in text:
            found.append(f"{po}: the header lacks {needed.strip()!r}")
    if "fuzzy" in header.flags:
        found.append(f"{po}: the header is marked fuzzy")
    for entry in entries[1:]:
        name = f"{po}: {entry.msgid!r}" + (f" (context {entry.context!r})" if entry.context else "")
        if "fuzzy" in entry.flags:
            found.append(f"{name} is marked fuzzy")
        forms = 2 if entry.plural is not None else 1
        if any(not entry.msgstr.get(n) for n in range(forms)):
            found.append(f"{name} has no Dutch (empty msgstr)")
    return found


def missing_from_code(app: Path) -> list[str]:
    """Run makemessages on a copy of the app: the msgids the code has that the committed
    catalogue lacks (or has no Dutch for), and the ones it keeps that the code no longer has."""
    committed = read_po(app / PO)
    with tempfile.TemporaryDirectory(prefix="catalogue-") as tmp:
        copy = Path(tmp) / app.name
        shutil.copytree(app, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
        env["PYTHONPATH"] = os.pathsep.join(
            [str(SRC), str(SRC.parent), *filter(None, [env.get("PYTHONPATH")])]
        )
        # -P: the copied app's own modules (core/numbers.py) must not shadow the standard library.
        subprocess.run(
            [sys.executable, "-P", "-m", "django", "makemessages", "-l", "nl", "--no-obsolete",
             "--no-location", "--verbosity", "0"],
            cwd=copy, env=env, check=True,
        )  # fmt: skip
        fresh = read_po(copy / PO)
    have = {e.key for e in committed[1:]}
    want = {e.key for e in fresh[1:]}
    found = [f"{app / PO}: the code has {key[1]!r}, the catalogue has not" for key in want - have]
    found += [f"{app / PO}: {key[1]!r} is no longer in the code" for key in have - want]
    found += [p.replace(str(copy), str(app)) for p in problems_in(fresh, copy / PO)]
    return sorted(found)


def problems_in(entries: list[Entry], po: Path) -> list[str]:
    found = []
    for entry in entries[1:]:
        if "fuzzy" in entry.flags:
            found.append(f"{po}: {entry.msgid!r} comes out fuzzy from makemessages")
    return found


def main() -> int:
    apps = [app_of(po) for po in catalogues()]
    found = [problem for app in apps for problem in missing_from_code(app)]
    for problem in found:
        print(problem, file=sys.stderr)
    print(f"{len(apps)} catalogues checked against the code: {len(found)} problems.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

"""Back-up and restore of the whole database, the same on SQLite and PostgreSQL.

A back-up is a zip file:

    manifest.json              format name and version, when, Steunwijzer's version, the
                               database it came from, the applied migrations, rows per model
    data/<app>.<model>.json    every row of that model in Django's JSON serialisation (binary
                               fields such as logos and uploaded documents as base64), written
                               row by row so a large table never sits in memory whole

Content types and permissions are left out (migrate makes them) and referred to by natural key;
sessions are left out (people sign in again after a restore). Everything else is in, including
the tables of apps added later: the list of models comes from the app registry.

A restore checks the whole file before it changes anything: that it is a zip, not damaged
(every member is unpacked and its checksum checked), a Steunwijzer back-up of a known format,
complete (a data file per model the manifest counts, each valid JSON with that many rows),
and that it unpacks to at most BACKUP_MAX_UNPACKED_BYTES and fits in the temporary folder.
"""

import io
import json
import shutil
import tempfile
import zipfile
import zlib
from datetime import UTC, datetime, time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from steunwijzer.core.uploads import size_text

FORMAT = "steunwijzer-backup"
FORMAT_VERSION = 1
LEFT_OUT = {"contenttypes.contenttype", "auth.permission", "sessions.session"}


class ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes to milliseconds; a back-up keeps every microsecond."""

    def default(self, o):
        if isinstance(o, (datetime, time)):
            return o.isoformat()
        return super().default(o)


class BackupError(Exception):
    """A back-up that cannot be read or restored here, with a Dutch reason."""


def backed_up_models() -> list:
    """Every model, those others refer to by natural key (accounts) before those referring."""
    ordered = serializers.sort_dependencies(
        [(config, None) for config in apps.get_app_configs()], allow_cycles=True
    )
    return [
        model
        for model in ordered
        if model._meta.label_lower not in LEFT_OUT and not model._meta.proxy and model._meta.managed
    ]


def _steunwijzer_version() -> str:
    try:
        return version("steunwijzer")
    except PackageNotFoundError:
        return "onbekend"


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def backup_write(target) -> dict:
    """Write a back-up of the default database to `target` (a path or a binary file);
    returns the manifest. One read transaction, so the back-up is a consistent snapshot."""
    counts = {}
    with transaction.atomic(), zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for model in backed_up_models():
            label = model._meta.label_lower
            rows = model._base_manager.order_by("pk")
            with archive.open(f"data/{label}.json", "w") as raw:
                stream = io.TextIOWrapper(raw, encoding="utf-8")
                serializers.serialize(
                    "json",
                    rows.iterator(chunk_size=500),
                    stream=stream,
                    use_natural_foreign_keys=True,
                    cls=ExactEncoder,
                )
                stream.flush()
                stream.detach()
            counts[label] = rows.count()
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "steunwijzer_version": _steunwijzer_version(),
            "database": connection.vendor,
            "migrations": applied_migrations(),
            "counts": counts,
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, sort_keys=True))
    return manifest


# What reading a damaged zip member raises: a wrong checksum or a cut-off member (BadZipFile,
# EOFError), broken compressed data (zlib.error), a password (RuntimeError), a compression
# method Python does not know (NotImplementedError).
_DAMAGED = (zipfile.BadZipFile, EOFError, zlib.error, RuntimeError, NotImplementedError)
_NOT_RESTORED = "Er is niets teruggezet."
_CHUNK = 1024 * 1024


def _open_archive(source) -> zipfile.ZipFile:
    """The back-up as a zip; a BackupError for a file that is no zip, or a damaged one."""
    if hasattr(source, "read"):
        start = source.tell()
        magic = source.read(4)
        source.seek(start)
    else:
        with open(source, "rb") as handle:
            magic = handle.read(4)
    try:
        return zipfile.ZipFile(source)
    except zipfile.BadZipFile:
        if magic != b"PK\x03\x04":
            raise BackupError(
                "Dit bestand is geen zip-bestand en dus geen back-up van Steunwijzer (die maakt "
                "'steunwijzer backup'). " + _NOT_RESTORED
            ) from None
        raise BackupError(
            "Dit zip-bestand is beschadigd of onvolledig, bijvoorbeeld door een afgebroken "
            "download of kopie. " + _NOT_RESTORED + " Neem een andere back-up."
        ) from None


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        raw = archive.read("manifest.json")
    except KeyError:
        raise BackupError("Dit is geen back-up van Steunwijzer: manifest.json ontbreekt.") from None
    except _DAMAGED as exc:
        raise BackupError(
            f"manifest.json in de back-up is beschadigd ({exc}). {_NOT_RESTORED}"
        ) from None
    try:
        manifest = json.loads(raw)
    except ValueError:
        manifest = None
    if not isinstance(manifest, dict):
        raise BackupError("Dit is geen back-up van Steunwijzer: manifest.json is onleesbaar.")
    if manifest.get("format") != FORMAT:
        raise BackupError(
            "Dit is geen back-up van Steunwijzer: manifest.json hoort bij iets anders "
            f"(formaat {str(manifest.get('format'))[:40]!r})."
        )
    format_version = manifest.get("format_version")
    if not isinstance(format_version, int):
        raise BackupError(f"manifest.json van de back-up is beschadigd. {_NOT_RESTORED}")
    if format_version > FORMAT_VERSION:
        raise BackupError(
            f"Deze back-up heeft opmaakversie {format_version}; deze versie van "
            f"Steunwijzer kent alleen versie {FORMAT_VERSION} en lager. Werk Steunwijzer bij."
        )
    migrations, counts = manifest.get("migrations"), manifest.get("counts")
    if not (
        isinstance(migrations, dict)
        and all(
            isinstance(names, list) and all(isinstance(n, str) for n in names)
            for names in migrations.values()
        )
        and isinstance(counts, dict)
        and all(isinstance(c, int) and not isinstance(c, bool) and c >= 0 for c in counts.values())
    ):
        raise BackupError(f"manifest.json van de back-up is beschadigd. {_NOT_RESTORED}")
    return manifest


def _check_contents(archive: zipfile.ZipFile, manifest: dict, tmp: Path) -> list[str]:
    """The data files of the models with rows, in loading order: each found, not damaged,
    valid JSON with as many rows as the manifest says, unpacked into `tmp`."""
    order = {model._meta.label_lower: i for i, model in enumerate(backed_up_models())}
    wanted = []
    for label, count in manifest["counts"].items():
        if not count:
            continue
        if label not in order:
            raise BackupError(
                f"De back-up bevat gegevens van '{label[:60]}', dat deze versie van Steunwijzer "
                f"niet kent. {_NOT_RESTORED}"
            )
        try:
            wanted.append((order[label], label, count, archive.getinfo(f"data/{label}.json")))
        except KeyError:
            raise BackupError(
                f"De back-up is onvolledig: data/{label}.json ontbreekt. {_NOT_RESTORED}"
            ) from None
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > settings.BACKUP_MAX_UNPACKED_BYTES:
        raise BackupError(
            f"De back-up zou uitgepakt {size_text(unpacked)} worden, meer dan de grens van "
            f"{size_text(settings.BACKUP_MAX_UNPACKED_BYTES)} (BACKUP_MAX_UNPACKED_BYTES). "
            f"{_NOT_RESTORED} Is het bestand echt een back-up van Steunwijzer, zet de grens dan "
            "hoger."
        )
    needed = sum(info.file_size for *_, info in wanted)
    free = shutil.disk_usage(tmp).free
    if needed > free:
        raise BackupError(
            f"Uitgepakt is de back-up {size_text(needed)}, maar in de tijdelijke map {tmp.parent} "
            f"is nog {size_text(free)} vrij (TMPDIR kiest een andere map). {_NOT_RESTORED}"
        )
    files = []
    for _, label, count, info in sorted(wanted):
        path = tmp / f"{label}.json"
        _unpack(archive, info, path)
        _check_rows(path, label, count)
        files.append(str(path))
    return files


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Copy a member out in chunks; zipfile checks its length and checksum at the end."""
    try:
        with archive.open(info) as member, path.open("wb") as target:
            first = True
            while chunk := member.read(_CHUNK):
                if first and chunk.lstrip()[:1] != b"[":
                    raise BackupError(
                        f"{info.filename} in de back-up is geen lijst met rijen. {_NOT_RESTORED}"
                    )
                first = False
                target.write(chunk)
    except _DAMAGED as exc:
        raise BackupError(
            f"{info.filename} in de back-up is beschadigd ({exc}). {_NOT_RESTORED}"
        ) from None


def _check_rows(path: Path, label: str, count: int) -> None:
    try:
        with path.open("rb") as handle:
            rows = json.load(handle)
    except ValueError:
        rows = None
    if not isinstance(rows, list) or not all(
        isinstance(row, dict) and row.get("model") == label for row in rows
    ):
        raise BackupError(
            f"data/{label}.json in de back-up is beschadigd: geen geldige rijen van {label}. "
            + _NOT_RESTORED
        )
    if len(rows) != count:
        raise BackupError(
            f"data/{label}.json in de back-up heeft {len(rows)} rijen, het manifest noemt er "
            f"{count}: de back-up is beschadigd. {_NOT_RESTORED}"
        )


def _unknown_migrations(manifest) -> list[str]:
    known = set(MigrationExecutor(connection).loader.graph.nodes)
    return [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    ]


def _rows_present() -> int:
    tables = set(connection.introspection.table_names())
    return sum(
        model._base_manager.count()
        for model in backed_up_models()
        if model._meta.db_table in tables
    )


def _migration_targets(manifest) -> list[tuple[str, str | None]]:
    """Per app, the last migration the back-up had (None: the app did not exist yet)."""
    graph = MigrationExecutor(connection).loader.graph
    targets = []
    for app in sorted({app for app, _ in graph.nodes}):
        names = set(manifest["migrations"].get(app, []))
        leaves = [
            name
            for name in names
            if not any(
                child.key[0] == app and child.key[1] in names
                for child in graph.node_map[(app, name)].children
            )
        ]
        targets.append((app, max(leaves) if leaves else None))
    return targets


def backup_restore(source, *, replace: bool = False) -> dict:
    """Restore a back-up into this database: all rows or none.

    Refuses a back-up from a newer Steunwijzer (migrations this installation does not know)
    and a database that already holds data, unless `replace` is given: then everything in it
    is replaced. A back-up of an older Steunwijzer is loaded at its own schema and then
    migrated forward. Everything in the file is checked before anything is written; a file
    that is not a good back-up gives a BackupError with a Dutch reason."""
    with _open_archive(source) as archive, tempfile.TemporaryDirectory() as tmp:
        manifest = read_manifest(archive)
        unknown = _unknown_migrations(manifest)
        if unknown:
            raise BackupError(
                "Deze back-up komt van een nieuwere versie van Steunwijzer (onbekende "
                f"databasewijzigingen: {', '.join(unknown[:5])}). Werk Steunwijzer eerst bij."
            )
        present = _rows_present()
        if present and not replace:
            raise BackupError(
                f"De database is niet leeg ({present} rijen). Zet de back-up alleen terug in "
                "een lege database, of geef --yes om alles erin te vervangen."
            )
        files = _check_contents(archive, manifest, Path(tmp))
        call_command("migrate", interactive=False, verbosity=0)
        targets = _migration_targets(manifest)
        at_backup_schema = applied_migrations() == manifest["migrations"]
        if not at_backup_schema:
            executor = MigrationExecutor(connection)
            executor.migrate(targets)
        try:
            with transaction.atomic():
                if present:
                    call_command("flush", interactive=False, verbosity=0)
                if files:
                    call_command("loaddata", *files, verbosity=0)
                _check_counts(manifest)
        except Exception as exc:
            if not at_backup_schema:  # back to this version's schema, as it was
                call_command("migrate", interactive=False, verbosity=0)
            if isinstance(exc, BackupError):
                raise
            # The database's own words, on one line (PostgreSQL adds a DETAIL line).
            said = " ".join(str(exc).split())[:300]
            raise BackupError(
                f"De rijen uit de back-up passen niet in de database ({said}). " + _NOT_RESTORED
            ) from exc
        if not at_backup_schema:
            call_command("migrate", interactive=False, verbosity=0)
    return manifest


def _check_counts(manifest) -> None:
    for model in backed_up_models():
        label = model._meta.label_lower
        expected = manifest["counts"].get(label)
        if expected is not None and model._base_manager.count() != expected:
            raise BackupError(
                f"Na het terugzetten heeft {label} {model._base_manager.count()} rijen, de "
                f"back-up had er {expected}. Er is niets teruggezet."
            )

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
"""

import io
import json
import tempfile
import zipfile
from datetime import UTC, datetime, time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

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


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError):
        raise BackupError("Dit is geen back-up van Steunwijzer: manifest.json ontbreekt.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError("Dit is geen back-up van Steunwijzer.")
    if manifest.get("format_version", 0) > FORMAT_VERSION:
        raise BackupError(
            f"Deze back-up heeft opmaakversie {manifest['format_version']}; deze versie van "
            f"Steunwijzer kent alleen versie {FORMAT_VERSION} en lager. Werk Steunwijzer bij."
        )
    return manifest


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
    migrated forward."""
    with zipfile.ZipFile(source) as archive, tempfile.TemporaryDirectory() as tmp:
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
        call_command("migrate", interactive=False, verbosity=0)
        targets = _migration_targets(manifest)
        at_backup_schema = applied_migrations() == manifest["migrations"]
        if not at_backup_schema:
            executor = MigrationExecutor(connection)
            executor.migrate(targets)
        files = []
        order = {model._meta.label_lower: i for i, model in enumerate(backed_up_models())}
        for label, count in sorted(manifest["counts"].items(), key=lambda c: order.get(c[0], 0)):
            if not count:
                continue
            path = Path(tmp) / f"{label}.json"
            path.write_bytes(archive.read(f"data/{label}.json"))
            files.append(str(path))
        with transaction.atomic():
            if present:
                call_command("flush", interactive=False, verbosity=0)
            if files:
                call_command("loaddata", *files, verbosity=0)
            _check_counts(manifest)
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

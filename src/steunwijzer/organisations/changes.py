"""What changed: one content version per partnership, the key of every cache.

`Partnership.content_version` names the state of everything a partnership shows outside the
editor: its schools' public pages, finder rows, open data, downloads, the overviews' figures
and the SOP-check's corpus of published texts. Whatever changes any of that calls
`partnership_changed` inside its own transaction (the models' save and delete signals do it
for the admin, the shell and the services alike), so the new version becomes visible at the
same moment as the change. Caches never invalidate anything: they key on the version, and an
entry under an old version is simply never asked for again.

The version is a random UUID, not a number counted up: a database can go back in time (a
test's rollback, a restored back-up), and a counter would then give a state that was cached
before a number that was already used for another state. A random value is never reused, and
two concurrent changes cannot lose one another's bump, since neither reads the old value.

Read the version before the content it keys (`content_version` first, then the rows): a
change that commits in between then leaves the new content under the old version, which is
never asked for again, instead of the old content under the new one.
"""

import hashlib
import uuid
from collections.abc import Callable, Iterable

from django.db import connection
from django.db.models.signals import post_delete, post_save

from .models import Board, Partnership, School


def partnership_changed(*partnership_ids: int | None) -> None:
    """Give these partnerships a new content version (None is skipped), in the caller's
    transaction."""
    ids = sorted({pk for pk in partnership_ids if pk is not None})
    if ids:
        changed_where(pk__in=ids)


def changed_where(**partnership_filter) -> None:
    """A new content version for the partnerships that match, in one UPDATE: e.g.
    `boards__schools__pk=7` for the partnership of school 7."""
    Partnership.objects.filter(**partnership_filter).update(content_version=uuid.uuid4())


def everything_changed() -> None:
    """Every partnership gets a new content version (after the finder index is rebuilt)."""
    Partnership.objects.update(content_version=uuid.uuid4())


def follow(model, where: Callable[[object], dict], *, fields: Iterable[str] | None = None):
    """Make every save and delete of `model` a change of the partnerships `where(instance)`
    selects (keyword arguments of a Partnership filter), in the saving transaction.

    With `fields`, a save that names its `update_fields` counts only when it names one of
    these (a draft's autosave does not change what its partnership shows). Raw saves (loading
    a back-up) are left alone: the partnerships keep the versions they were saved with.
    Call from an AppConfig.ready.
    """
    shown = frozenset(fields) if fields is not None else None

    def saved(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or (shown is not None and update_fields is not None and not shown & update_fields):
            return
        changed_where(**where(instance))

    def deleted(sender, instance, **kwargs):
        changed_where(**where(instance))

    label = model._meta.label_lower
    post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{label}_changed")
    post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{label}_deleted")


def partnership_of_school(school_id: int) -> int | None:
    return (
        School.objects.filter(pk=school_id).values_list("board__partnership_id", flat=True).first()
    )


def partnership_of_board(board_id: int) -> int | None:
    return Board.objects.filter(pk=board_id).values_list("partnership_id", flat=True).first()


def content_version(partnership_ids: Iterable[int] | None = None) -> str:
    """A short name for the content versions of these partnerships (None: all of them), for
    a cache key; one query. It changes whenever one of them changes, is added or is removed."""
    if partnership_ids is None:
        return _hashed(_every_version())
    return _named(Partnership.objects.filter(pk__in=list(partnership_ids)))


# Per database connection (alias and vendor): the compiled query of every partnership's version.
_EVERY_VERSION_SQL: dict[tuple[str, str], tuple] = {}


def _every_version() -> list[tuple[int, object]]:
    """(pk, version) of every partnership, by a query the ORM compiles once per process.

    Every public request asks for it first (the kept responses, `publication.middleware`),
    and building the query through the ORM each time cost as much as the rest of serving a
    kept page."""
    named = (connection.alias, connection.vendor)
    if named not in _EVERY_VERSION_SQL:
        rows = Partnership.objects.order_by("pk").values_list("pk", "content_version")
        _EVERY_VERSION_SQL[named] = rows.query.sql_with_params()
    sql, params = _EVERY_VERSION_SQL[named]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def content_version_of_schools(**school_filter) -> str:
    """`content_version` of the partnerships of the schools that match (`brin="12AB"`,
    `profiles__pk=7`, …), in one query."""
    schools = School.objects.filter(**school_filter).values("board__partnership_id")
    return _named(Partnership.objects.filter(pk__in=schools))


def _named(partnerships) -> str:
    return _hashed(partnerships.order_by("pk").values_list("pk", "content_version"))


def _hashed(rows) -> str:
    # A raw row holds the database's form of the UUID (text in SQLite); to_python reads both.
    as_uuid = Partnership._meta.get_field("content_version").to_python
    named = ",".join(f"{pk}:{as_uuid(version).hex}" for pk, version in rows)
    return hashlib.sha256(named.encode()).hexdigest()[:32]

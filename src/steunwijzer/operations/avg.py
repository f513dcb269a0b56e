"""AVG: inzage (everything stored about one school or one person) and deleting a person.

Both exports find the rows by walking the models' relations, not by a list: a new app whose
models point at a school, a profile or a person is in the export without a change here.

- A school's export: the school, and every row that points at it, at a row pointing at it,
  and so on (profiles, revisions, steps, comments, documents, memberships, instruments…).
- A person's export: the account (without the password hash), every row that points at the
  account, rows with the account's username (sign-in records), and rows with its e-mail
  address (invitations). Secrets (password and token hashes, 2FA keys) are never exported.

Deleting a person removes the account and what only makes sense with it (memberships, tokens,
2FA devices, invitations to the address); the history keeps its meaning because revisions,
comments, steps and evaluations carry the author's name as it was recorded (`author_name`,
`actor_name`, `created_by_name`), while the link to the account becomes empty.
"""

import io
import json
import zipfile
from datetime import UTC, datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.db import models, transaction
from django.utils.translation import gettext as _

from steunwijzer.organisations.models import School

from .backup import ExactEncoder

FORMAT = "steunwijzer-inzage"
# Fields that hold secrets or credentials: never part of an export.
SECRET_FIELDS = {"password", "token_hash", "key", "secret", "bin_key", "token"}
# Upward or shared data: reached from a school's rows but not the school's own.
NOT_WALKED = {"auth.user", "organisations.partnership", "organisations.board"}


class AvgError(Exception):
    """A request that cannot be carried out, with a reason a person reads."""


def _reverse_relations(model):
    return [
        rel
        for rel in model._meta.get_fields(include_hidden=True)
        if rel.auto_created
        and not rel.concrete
        and (rel.one_to_many or rel.one_to_one)
        and rel.related_model._meta.label_lower not in NOT_WALKED
    ]


def rows_below(roots) -> dict:
    """Every row reachable from `roots` (model instances) by following relations that point
    at them, recursively; label → {pk: instance}. Each row is visited once."""
    found: dict[str, dict] = {}
    todo = list(roots)
    for root in roots:
        found.setdefault(root._meta.label_lower, {})[root.pk] = root
    while todo:
        model = type(todo[0])
        batch = [obj for obj in todo if type(obj) is model]
        todo = [obj for obj in todo if type(obj) is not model]
        for rel in _reverse_relations(model):
            related = rel.related_model
            rows = related._base_manager.filter(**{f"{rel.field.name}__in": batch})
            seen = found.setdefault(related._meta.label_lower, {})
            for row in rows:
                if row.pk not in seen:
                    seen[row.pk] = row
                    todo.append(row)
    return {label: rows for label, rows in found.items() if rows}


def _public_fields(model) -> list[str]:
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.name not in SECRET_FIELDS and not f.primary_key
    ]


def _zip(manifest: dict, found: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        counts = {}
        for label, rows in sorted(found.items()):
            model = apps.get_model(label)
            objects = sorted(rows.values(), key=lambda row: row.pk)
            archive.writestr(
                f"data/{label}.json",
                serializers.serialize(
                    "json", objects, fields=_public_fields(model), indent=2, cls=ExactEncoder
                ),
            )
            counts[label] = len(objects)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            **manifest,
            "counts": counts,
            "reading": (
                "Elk bestand in data/ bevat de rijen van één soort gegevens, met hun velden. "
                "Verwijzingen naar andere rijen zijn nummers (pk); accounts staan in "
                "people.json. Bestanden (PDF, Word, logo's) staan er als base64 in."
            ),
        }
        archive.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
    return buffer.getvalue()


def _people_in(found: dict) -> list[dict]:
    """Who the rows name: id, username and name of every account a row points at."""
    user_model = get_user_model()
    ids = set()
    for label, rows in found.items():
        model = apps.get_model(label)
        user_fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model is user_model
        ]
        for row in rows.values():
            ids.update(getattr(row, name) for name in user_fields)
    ids.discard(None)
    return [
        {"id": u.pk, "username": u.username, "name": u.get_full_name(), "email": u.email}
        for u in user_model.objects.filter(pk__in=ids).order_by("pk")
    ]


def school_export(brin: str) -> bytes:
    """A zip with everything stored about the school(s) with this BRIN (every vestiging)."""
    schools = list(School.objects.filter(brin=brin.strip().upper()).select_related("board"))
    if not schools:
        raise AvgError(_("There is no school with BRIN %(brin)s.") % {"brin": brin})
    found = rows_below(schools)
    manifest = {
        "about": "school",
        "brin": schools[0].brin,
        "schools": [f"{s.name} ({s.brin}{s.vestiging})" for s in schools],
        "board": schools[0].board.name,
        "partnership": schools[0].board.partnership.name,
        "people": _people_in(found),
    }
    return _zip(manifest, found)


def _person_rows(user) -> dict:
    """Rows that point at the account, carry its username, or its e-mail address."""
    found = {user._meta.label_lower: {user.pk: user}}
    for model in apps.get_models():
        if model is type(user):
            continue
        conditions = models.Q()
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is type(user):
                conditions |= models.Q(**{field.name: user})
            elif field.name == "username" and isinstance(field, models.CharField):
                conditions |= models.Q(username=user.username)
            elif field.name == "email" and isinstance(field, models.EmailField) and user.email:
                conditions |= models.Q(email__iexact=user.email)
        if conditions:
            rows = {row.pk: row for row in model._base_manager.filter(conditions)}
            if rows:
                found[model._meta.label_lower] = rows
    return found


def person_export(username: str) -> bytes:
    user = _user(username)
    found = _person_rows(user)
    manifest = {
        "about": "person",
        "username": user.username,
        "name": user.get_full_name(),
        "people": _people_in(found),
    }
    return _zip(manifest, found)


def _user(username: str):
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise AvgError(
            _("There is no account with username %(username)s.") % {"username": username}
        )
    return user


@transaction.atomic
def person_delete(*, username: str) -> dict:
    """Delete the account; returns how many rows of each kind went or lost the link.

    Rows that only belong to the account (memberships, tokens, 2FA devices, reminders sent
    to it) go with it; invitations to its address go too. The history (revisions, comments,
    steps, evaluations, documents, deadlines) stays, with the name as it was recorded there
    and an empty link to the account."""
    user = _user(username)
    user_model = type(user)
    if (
        user.is_superuser
        and not user_model.objects.filter(is_superuser=True).exclude(pk=user.pk).exists()
    ):
        raise AvgError("Dit is de laatste beheerder; maak eerst een andere beheerder aan.")
    unlinked = {}
    for rel in user_model._meta.get_fields(include_hidden=True):
        if rel.auto_created and not rel.concrete and rel.on_delete is models.SET_NULL:
            count = rel.related_model._base_manager.filter(**{rel.field.name: user}).count()
            if count:
                unlinked[rel.related_model._meta.label_lower] = count
    invitations = apps.get_model("organisations", "Invitation")
    removed_invitations = (
        invitations.objects.filter(email__iexact=user.email).delete()[0] if user.email else 0
    )
    _count, removed = user.delete()
    removed = dict(removed)
    if removed_invitations:
        removed["organisations.Invitation"] = removed_invitations
    return {"removed": removed, "unlinked": unlinked}

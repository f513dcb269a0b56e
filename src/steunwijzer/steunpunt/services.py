"""Sending, answering and deleting messages to the steunpunt, and what staff and schools see
of them. Services are keyword-only and atomic; the answer's e-mail leaves after the commit."""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from steunwijzer.organisations.models import School
from steunwijzer.regional_model.models import FormatVersion

from .models import Kind, ParentMessage
from .signals import message_received

SUPPORT_FIELD = "expertise_aanbod"  # the finder's support filters, the dekkend aanbod's kinds


def support_choices(partnership) -> list[tuple[str, str]]:
    """The kinds of support a parent can name: the choices of the partnership's model."""
    version = FormatVersion.objects.current_for(partnership)
    field = version.format.field(SUPPORT_FIELD) if version else None
    return [(c.key, c.label) for c in field.choices] if field else []


def sender_key(address: str, day) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}|{address}|{day}".encode()).hexdigest()


def sent_today(key: str) -> int:
    return ParentMessage.objects.filter(sender_key=key).count()


def retention_start(now):
    """Messages created before this moment are past the retention period."""
    return now - timedelta(days=round(settings.STEUNPUNT_RETENTION_MONTHS * 365 / 12))


@transaction.atomic
def message_send(
    *, school: School, kind: str, support: str, message: str, contact: dict, sender: str
) -> ParentMessage:
    now = timezone.now()
    message = ParentMessage.objects.create(
        partnership_id=school.board.partnership_id,
        school=school,
        kind=kind,
        support=support,
        message=message,
        contact_name=contact.get("name", ""),
        contact_email=contact.get("email", ""),
        contact_phone=contact.get("phone", ""),
        sender_key=sender_key(sender, timezone.localdate(now)),
        created_at=now,
    )
    message_received.send(sender=ParentMessage, message=message)
    return message


@transaction.atomic
def message_answer(*, message: ParentMessage, user, answer: str) -> ParentMessage:
    message.answer = answer
    message.answered_at = timezone.now()
    message.answered_by = user
    message.save(update_fields=["answer", "answered_at", "answered_by"])
    if message.contact_email:
        subject = _("Answer from the support point of %(partnership)s") % {
            "partnership": message.partnership.name
        }
        recipient = message.contact_email
        transaction.on_commit(
            lambda: send_mail(subject, answer, settings.DEFAULT_FROM_EMAIL, [recipient])
        )
    return message


@transaction.atomic
def messages_expire(*, now=None) -> int:
    """Delete every message older than the retention period; returns how many."""
    cutoff = retention_start(now or timezone.now())
    deleted, _ = ParentMessage.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def counts_per_school(partnership) -> list[dict]:
    """Per school and kind of support: how many questions and reports arrived (within the
    retention period, since older ones are gone)."""
    labels = dict(support_choices(partnership))
    rows = (
        ParentMessage.objects.filter(partnership=partnership)
        .values("school__name", "support", "kind")
        .annotate(n=Count("id"))
        .order_by("school__name", "support")
    )
    table: dict[tuple, dict] = {}
    for row in rows:
        key = (row["school__name"], row["support"])
        entry = table.setdefault(
            key,
            {
                "school": row["school__name"],
                "support": labels.get(row["support"], row["support"]),
                Kind.QUESTION: 0,
                Kind.PRACTICE: 0,
            },
        )
        entry[row["kind"]] += row["n"]
    return [
        {**e, "questions": e[Kind.QUESTION], "reports": e[Kind.PRACTICE]} for e in table.values()
    ]


def reports_about(school) -> list[dict]:
    """What parents reported about the school's practice against its SOP, without anything
    that says who sent it: the month, the kind of support and the text."""
    labels = dict(support_choices(school.board.partnership))
    return [
        {
            "month": m.created_at,
            "support": labels.get(m.support, m.support),
            "message": m.message,
        }
        for m in ParentMessage.objects.filter(school=school, kind=Kind.PRACTICE).only(
            "created_at", "support", "message"
        )
    ]

"""Inviting many people at once from a CSV list: name, e-mail, role, school or board.

Each line is checked and shown before anything is sent: unknown roles, schools and boards,
addresses that are not e-mail addresses, a person twice in the list, and people who already
have the role or an open invitation for it are reported and skipped; the rest are invited in
one transaction. The file is a short list typed by partnership staff (at most `MAX_LINES`
lines and `MAX_BYTES`), read with the standard csv module: in that size it cannot take long
or much memory, so it is not sent to the bounded child as DUO's and pupil files are.
"""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Board, Invitation, Membership, Partnership, Role, School
from .permissions import may_invite
from .services import invitation_create

MAX_BYTES = 200 * 1024
MAX_LINES = 1000

F = Membership.Function
# The words a list may use for a role, and the role and function they stand for.
ROLE_WORDS = {
    "directeur": (Role.SCHOOL_EDITOR, F.DIRECTOR),
    "intern begeleider": (Role.SCHOOL_EDITOR, F.INTERNAL_SUPERVISOR),
    "ib": (Role.SCHOOL_EDITOR, F.INTERNAL_SUPERVISOR),
    "ib'er": (Role.SCHOOL_EDITOR, F.INTERNAL_SUPERVISOR),
    "leerkracht": (Role.SCHOOL_TEAM, F.TEACHER),
    "team": (Role.SCHOOL_TEAM, F.OTHER),
    "mr ouder": (Role.MR_MEMBER, F.PARENT),
    "mr-ouder": (Role.MR_MEMBER, F.PARENT),
    "mr personeel": (Role.MR_MEMBER, F.STAFF),
    "mr-personeel": (Role.MR_MEMBER, F.STAFF),
    "kwaliteitsmedewerker": (Role.BOARD_OFFICER, F.OTHER),
    "bestuur": (Role.BOARD_OFFICER, F.OTHER),
    "samenwerkingsverband": (Role.PARTNERSHIP_STAFF, F.OTHER),
}
HEADER = ("naam", "e-mail", "rol", "school of bestuur")


@dataclass
class ListLine:
    line: int
    name: str
    email: str
    role: str = ""
    function: str = ""
    organisation: object = None
    problem: str = ""  # why this line is skipped; empty: it will be invited

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label) if self.role else ""


class ListRefused(Exception):
    """The list as a whole cannot be read (not CSV, no header, too long)."""


def read_list(data: bytes, partnership: Partnership, inviter) -> list[ListLine]:
    if len(data) > MAX_BYTES:
        raise ListRefused(_("The list is larger than 200 kB; split it in parts."))
    text = data.decode("utf-8-sig", errors="replace")
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows or [c.strip().lower() for c in rows[0]][:4] != list(HEADER):
        raise ListRefused(
            _("The first line must name the columns: naam, e-mail, rol, school of bestuur.")
        )
    if len(rows) > MAX_LINES + 1:
        raise ListRefused(_("The list has more than 1,000 people; split it in parts."))
    lines = [
        _line(number, row, partnership)
        for number, row in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in row)
    ]
    for line in lines:
        if not line.problem and not may_invite(inviter, line.role, line.organisation):
            line.problem = _(
                "you may not invite for this role; the school's director invites the team and "
                "the MR"
            )
    _mark_known(lines)
    return lines


def _line(number: int, row: list[str], partnership: Partnership) -> ListLine:
    cells = [" ".join(cell.split()) for cell in row] + [""] * 4
    name, email, role_word, where = cells[:4]
    line = ListLine(number, name, email.lower())
    try:
        validate_email(line.email)
    except ValidationError:
        line.problem = _("“%(email)s” is not an e-mail address") % {"email": email}
        return line
    if role_word.lower() not in ROLE_WORDS:
        line.problem = _("the role “%(role)s” is unknown") % {"role": role_word}
        return line
    line.role, line.function = ROLE_WORDS[role_word.lower()]
    if line.role == Role.PARTNERSHIP_STAFF:
        line.organisation = partnership
    elif line.role == Role.BOARD_OFFICER:
        line.organisation = _board(partnership, where)
        if line.organisation is None:
            line.problem = _("no board “%(where)s” in this partnership") % {"where": where}
    else:
        line.organisation = _school(partnership, where)
        if line.organisation is None:
            line.problem = _("no school “%(where)s” in this partnership") % {"where": where}
    return line


def _school(partnership: Partnership, code: str) -> School | None:
    code = code.upper().replace(" ", "")
    brin, vestiging = code[:4], code[4:] or "00"
    return School.objects.filter(
        board__partnership=partnership, brin=brin, vestiging=vestiging
    ).first()


def _board(partnership: Partnership, where: str) -> Board | None:
    boards = Board.objects.filter(partnership=partnership)
    return (
        boards.filter(board_number=where).first() if where.isdigit() else None
    ) or boards.filter(name__iexact=where).first()


def _mark_known(lines: list[ListLine]) -> None:
    """Twice in the list, already holding the role, or already invited and not yet expired."""
    seen: dict[tuple, int] = {}
    now = timezone.now()
    for line in lines:
        if line.problem:
            continue
        scope = {_scope(line.role): line.organisation}
        key = (line.email, line.role, line.organisation.pk)
        if key in seen:
            line.problem = _("already on line %(line)s") % {"line": seen[key]}
            continue
        seen[key] = line.line
        if Membership.objects.filter(
            user__email__iexact=line.email, role=line.role, **scope
        ).exists():
            line.problem = _("already has this role")
        elif Invitation.objects.filter(
            email=line.email, role=line.role, accepted_at=None, expires_at__gt=now, **scope
        ).exists():
            line.problem = _("already invited; re-send it from the list of invitations")


def _scope(role: str) -> str:
    return {
        Role.PARTNERSHIP_STAFF: "partnership",
        Role.BOARD_OFFICER: "board",
    }.get(role, "school")


@transaction.atomic
def invitations_send(*, inviter, lines: list[ListLine]) -> int:
    """Invite every line without a problem, all or none; returns how many were invited."""
    to_invite = [line for line in lines if not line.problem]
    for line in to_invite:
        invitation_create(
            inviter=inviter,
            email=line.email,
            role=line.role,
            organisation=line.organisation,
            function=line.function,
            name=line.name,
        )
    return len(to_invite)

"""Routes per partnership, and the timeline of every step a profile took.

A `Transition` is written once and never changed or removed: it is the audit trail that
boards and the partnership rely on (who advised, who established, what was delivered when).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.dates import date_text
from steunwijzer.organisations.models import Board, Partnership, School
from steunwijzer.profiles.models import STATE_LABELS, Profile

from .definitions import (
    SCHOOLGIDS_ROUTE,
    SOP_ROUTE,
    RouteDefinition,
    route_from_dict,
    route_to_dict,
)
from .labels import step_label


class RouteQuerySet(models.QuerySet):
    def definition_for(self, school: School, *, school_year: str) -> RouteDefinition:
        """The route a new profile of this school for `school_year` takes: the board's own;
        else, from the school year its partnership chose, law 36443's schoolgids route; else
        the partnership's default."""
        partnership = school.board.partnership
        routes = self.filter(partnership_id=partnership.pk)
        own = routes.filter(boards=school.board).first()
        if own:
            return own.definition_obj
        if partnership.takes_schoolgids_route(school_year):
            # Installed when chosen on the settings page; set another way (the admin), the
            # shipped definition serves until it is.
            route = routes.filter(key=SCHOOLGIDS_ROUTE.key).first()
            return route.definition_obj if route else SCHOOLGIDS_ROUTE
        default = routes.filter(is_default=True).first()
        return default.definition_obj if default else SOP_ROUTE


class Route(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="routes")
    key = models.SlugField(_("key"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    definition = models.JSONField(_("steps"))
    is_default = models.BooleanField(_("default route"), default=False)
    # Boards that follow this route instead of the partnership's default one.
    boards = models.ManyToManyField(Board, blank=True, related_name="routes")

    objects = RouteQuerySet.as_manager()

    class Meta:
        verbose_name = _("route")
        verbose_name_plural = _("routes")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "key"], name="unique_route_key"),
        ]

    def __str__(self):
        return self.name

    @property
    def definition_obj(self) -> RouteDefinition:
        return route_from_dict(self.definition)

    @classmethod
    def install(cls, partnership, definition: RouteDefinition, *, default=False, boards=()):
        route, _ = cls.objects.update_or_create(
            partnership=partnership,
            key=definition.key,
            defaults={
                "name": definition.name,
                "definition": route_to_dict(definition),
                "is_default": default,
            },
        )
        route.boards.add(*boards)
        return route


class ImmutableError(Exception):
    pass


class TransitionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError("Stappen in de tijdlijn kunnen niet worden gewijzigd.")

    def delete(self):
        raise ImmutableError("Stappen in de tijdlijn kunnen niet worden verwijderd.")


class Transition(models.Model):
    profile = models.ForeignKey(Profile, on_delete=models.PROTECT, related_name="transitions")
    action = models.CharField(_("action"), max_length=40)
    from_state = models.CharField(_("from"), max_length=20, choices=list(STATE_LABELS.items()))
    to_state = models.CharField(_("to"), max_length=20, choices=list(STATE_LABELS.items()))
    version = models.PositiveIntegerField(_("version of the profile"))
    payload = models.JSONField(_("recorded"), default=dict)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept so the timeline keeps its meaning after an account is deleted.
    actor_name = models.CharField(max_length=200)
    actor_roles = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)
    # A signed statement uploaded with the advice or consent (PDF), kept as it was sent.
    attachment = models.BinaryField(blank=True, default=b"")
    attachment_name = models.CharField(max_length=200, blank=True)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("step in the route")
        verbose_name_plural = _("steps in the route")

    def __str__(self):
        return f"{self.profile}: {self.action} ({self.from_state} → {self.to_state})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("Een stap in de tijdlijn kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("Een stap in de tijdlijn kan niet worden verwijderd.")

    @property
    def label(self) -> str:
        step = route_of(self.profile).step(self.action)
        return step_label(step) if step else self.action

    @property
    def is_statement(self) -> bool:
        """Advice or consent: there is an adviesverklaring to download."""
        return self.action in ("give_advice", "give_consent")


# --- Deadlines and reminders (the yearly cycle) ----------------------------------------------

from django.db.models import Q  # noqa: E402

from steunwijzer.core.validators import validate_school_year  # noqa: E402

from .deadlines import due_date  # noqa: E402
from .lifecycle import route_of  # noqa: E402


class DeadlineQuerySet(models.QuerySet):
    def _dates(self, partnership_ids, school_years) -> dict:
        """(partnership_id, board_id or None, school_year) → due_on, in one query."""
        rows = self.filter(
            partnership_id__in=set(partnership_ids), school_year__in=set(school_years)
        ).order_by()
        return {
            (row.partnership_id, row.board_id, row.school_year): row.due_on
            for row in rows.only("partnership_id", "board_id", "school_year", "due_on")
        }

    @staticmethod
    def _pick(dates, school, school_year):
        return DeadlineQuerySet._for_board(
            dates, school.board.partnership_id, school.board_id, school_year
        )

    @staticmethod
    def _for_board(dates, partnership_id, board_id, school_year):
        return due_date(
            school_year,
            dates.get((partnership_id, None, school_year)),
            dates.get((partnership_id, board_id, school_year)),
        )

    def due_dates_for_boards(self, partnership_id: int, board_ids, school_year: str) -> dict:
        """board pk → due date, for boards of one partnership, in one query."""
        dates = self._dates([partnership_id], [school_year])
        return {b: self._for_board(dates, partnership_id, b, school_year) for b in board_ids}

    def due_dates_by_board(self, boards, school_year: str) -> dict:
        """(partnership pk, board pk) → due date, for boards of any partnerships, in one query:
        for schools read as values rather than instances."""
        boards = set(boards)
        dates = self._dates([p for p, _board in boards], [school_year])
        return {(p, b): self._for_board(dates, p, b, school_year) for p, b in boards}

    def due_dates_for_schools(self, schools, school_year: str) -> dict:
        """school pk → due date, in one query. Load the schools with their board."""
        schools = list(schools)
        dates = self._dates([s.board.partnership_id for s in schools], [school_year])
        return {s.pk: self._pick(dates, s, school_year) for s in schools}

    def due_dates_for(self, profiles) -> dict:
        """profile pk → due date, in one query. Load the profiles with school__board."""
        profiles = list(profiles)
        dates = self._dates(
            [p.school.board.partnership_id for p in profiles], {p.school_year for p in profiles}
        )
        return {p.pk: self._pick(dates, p.school, p.school_year) for p in profiles}


class Deadline(models.Model):
    """When schools deliver their SOP to the board: the partnership's date, or a board's own."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="deadlines")
    # Empty: the partnership's date for all its boards; set: that board's own date.
    board = models.ForeignKey(
        Board, null=True, blank=True, on_delete=models.CASCADE, related_name="deadlines"
    )
    school_year = models.CharField(
        _("school year"), max_length=9, validators=[validate_school_year]
    )
    due_on = models.DateField(_("due at the board on"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        ordering = ["-school_year", "pk"]
        # Two constraints: SQLite cannot treat an empty board as equal in a single one.
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "school_year"],
                condition=Q(board=None),
                name="unique_partnership_deadline",
            ),
            models.UniqueConstraint(
                fields=["partnership", "board", "school_year"],
                condition=Q(board__isnull=False),
                name="unique_board_deadline",
            ),
        ]

    def __str__(self):
        return f"{self.board or self.partnership} {self.school_year}: {date_text(self.due_on)}"


class ReminderSent(models.Model):
    """One reminder e-mail that went out; the `remind` command never sends the same one twice.

    Keyed by school and school year, not by profile: a school that has not started its SOP
    is reminded too, and a reminder it got before starting is not sent again once it has.
    """

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    school_year = models.CharField(
        _("school year"), max_length=9, validators=[validate_school_year]
    )
    # "due_14", "due_3", "late", or "waiting_<state>_<transition id>".
    kind = models.CharField(_("kind"), max_length=80)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # The SOP it was about; empty when the school had not started it.
    profile = models.ForeignKey(
        Profile, null=True, blank=True, on_delete=models.SET_NULL, related_name="reminders"
    )
    sent_at = models.DateTimeField(_("sent on"), auto_now_add=True)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        # No nullable column in the key, so one constraint holds on SQLite and PostgreSQL alike.
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year", "kind", "recipient"],
                name="unique_school_reminder",
            ),
        ]

    def __str__(self):
        return f"{self.school} {self.school_year}: {self.kind} → {self.recipient}"

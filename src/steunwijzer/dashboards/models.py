"""Saved allocation scenarios: a dated division of a board's or the partnership's means."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from steunwijzer.core.validators import validate_school_year
from steunwijzer.organisations.models import Board, Membership, Partnership, Role

from .labels import BASES, UNIT_LABELS, UNIT_NAMES


class ScenarioQuerySet(models.QuerySet):
    def get_for_user(self, user, pk) -> "AllocationScenario":
        scenario = get_object_or_404(self.select_related("board", "partnership"), pk=pk)
        if not scenario.may_view(user):
            raise PermissionDenied(_("You have no access to this allocation."))
        return scenario

    def of_owner(self, *, partnership, board):
        return self.filter(partnership=partnership, board=board)


class AllocationScenario(models.Model):
    """One division of means, with the inputs and the result as they were on that day.

    `board` empty: the partnership divides its own means over all its schools.
    """

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="allocation_scenarios"
    )
    board = models.ForeignKey(
        Board, null=True, blank=True, on_delete=models.CASCADE, related_name="allocation_scenarios"
    )
    school_year = models.CharField(
        pgettext_lazy("allocation", "school year"), max_length=9, validators=[validate_school_year]
    )
    name = models.CharField(pgettext_lazy("allocation", "name"), max_length=200)
    unit = models.CharField(
        pgettext_lazy("allocation", "unit"), max_length=10, choices=list(UNIT_LABELS.items())
    )
    basis = models.CharField(
        pgettext_lazy("allocation", "basis"), max_length=12, choices=list(BASES.items())
    )
    total = models.DecimalField(
        pgettext_lazy("allocation", "total"), max_digits=14, decimal_places=2
    )
    fixed_base = models.DecimalField(
        pgettext_lazy("allocation", "fixed part per school"), max_digits=14, decimal_places=2
    )
    # The weights used and the shares per school and group, as computed when it was saved.
    result = models.JSONField(pgettext_lazy("allocation", "result"))
    created_on = models.DateField(pgettext_lazy("allocation", "date"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by_name = models.CharField(max_length=200, blank=True)

    objects = ScenarioQuerySet.as_manager()

    class Meta:
        verbose_name = gettext_lazy("allocation")
        verbose_name_plural = gettext_lazy("allocations")
        ordering = ["-school_year", "-created_on", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.school_year})"

    @property
    def owner(self):
        return self.board or self.partnership

    @property
    def unit_name(self) -> str:
        """The unit as the calculation writes it after a number: euro, fte, uur."""
        return str(UNIT_NAMES[self.unit])

    def get_list_url(self) -> str:
        """The owner's allocation page, where its saved scenarios are listed."""
        if self.board_id:
            return reverse("board_allocation", args=[self.board_id])
        return reverse("partnership_allocation", args=[self.partnership.slug])

    def may_view(self, user) -> bool:
        """The board's officers (board scenario), the partnership's staff (its own), admin."""
        for m in Membership.of(user):
            if m.role == Role.PLATFORM_ADMIN:
                return True
            if self.board_id and m.role == Role.BOARD_OFFICER and m.board_id == self.board_id:
                return True
            if (
                not self.board_id
                and m.role == Role.PARTNERSHIP_STAFF
                and m.partnership_id == self.partnership_id
            ):
                return True
        return False

"""The yearly evaluation of a school's SOP (Haaglanden agreement: part of the quality cycle).

A record says when the SOP was evaluated, by whom, what changed and why, and when the next
evaluation is due. It hangs on the profile of the year it was recorded in; last year's records
stay readable from this year's profile.
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.organisations.models import Membership

# The law asks for a new SOP at least every four years; the region asks for every year.
MAX_YEARS_TO_NEXT = 4


def years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Evaluation(models.Model):
    profile = models.ForeignKey(
        "profiles.Profile", on_delete=models.CASCADE, related_name="evaluations"
    )
    evaluated_on = models.DateField(gettext_lazy("evaluated on"))
    evaluated_by = models.CharField(
        gettext_lazy("evaluated by"),
        max_length=300,
        help_text=gettext_lazy(
            "Names or roles, for example: head teacher and IB'er with the team."
        ),
    )
    what_changed = models.TextField(gettext_lazy("what changed"), max_length=5000)
    why = models.TextField(gettext_lazy("why"), max_length=5000)
    next_evaluation = models.DateField(gettext_lazy("next evaluation"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept so the record still says who wrote it after an account is deleted.
    created_by_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("evaluation")
        verbose_name_plural = gettext_lazy("evaluations")
        ordering = ["-evaluated_on", "-pk"]

    def __str__(self):
        return f"Evaluatie {self.profile} op {self.evaluated_on}"

    @staticmethod
    def may_record(profile, user) -> bool:
        # Not tied to the concept state: a published SOP is exactly what gets evaluated.
        return Membership.is_school_editor(user, profile.school)

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.evaluated_on and self.evaluated_on > today:
            errors["evaluated_on"] = _("The evaluation date cannot be in the future.")
        if self.evaluated_on and self.next_evaluation:
            if self.next_evaluation <= self.evaluated_on:
                errors["next_evaluation"] = _(
                    "The next evaluation must come after the date of this evaluation."
                )
            elif self.next_evaluation > years_later(self.evaluated_on, MAX_YEARS_TO_NEXT):
                errors["next_evaluation"] = _(
                    "Plan the next evaluation within four years: the SOP must be established at "
                    "least that often."
                )
        for name in ("evaluated_by", "what_changed", "why"):
            value = getattr(self, name)
            if isinstance(value, str) and not value.strip() and name not in errors:
                errors[name] = _("Fill in this field.")
        if errors:
            raise ValidationError(errors)

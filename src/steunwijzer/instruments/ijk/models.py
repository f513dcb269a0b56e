"""Stored IJK catalogues, self-evaluations with their scores, Kijkwijzer observations and the
peers a school invites to observe.

A catalogue version never changes once imported: a self-evaluation and its observations keep
pointing at the version they started with, like a profile keeps its `FormatVersion`.
"""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.stored_file import StoredFile
from steunwijzer.organisations.models import Membership, Partnership, Role, School
from steunwijzer.organisations.permissions import is_board_officer_of
from steunwijzer.regional_model.models import ImportedVersion

from .catalogue import Catalogue, catalogue_from_dict


class CatalogueVersion(ImportedVersion):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="ijk_catalogues"
    )
    catalogue_id = models.SlugField(_("catalogue id"), max_length=60)

    class Meta:
        verbose_name = _("version of the IJK catalogue")
        verbose_name_plural = _("versions of the IJK catalogue")
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "catalogue_id", "version"], name="unique_ijk_catalogue"
            ),
        ]

    @cached_property
    def catalogue(self) -> Catalogue:
        return catalogue_from_dict(self.definition)


def may_read(user, school: School) -> bool:
    """Everyone with a role that reaches the school: team, MR, board, partnership."""
    return bool(Membership.roles_for(user, school))


def may_edit(user, school: School) -> bool:
    """Only the school's editors (directeur, IB'er) score the IJK."""
    return Membership.is_school_editor(user, school)


def may_assign_peers(user, school: School) -> bool:
    return may_edit(user, school) or is_board_officer_of(user, school.board)


class SelfEvaluation(models.Model):
    """A school team's IJK self-evaluation for one school year."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="ijk_evaluations")
    school_year = models.CharField(_("school year"), max_length=9)
    catalogue = models.ForeignKey(CatalogueVersion, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("IJK self-evaluation")
        verbose_name_plural = _("IJK self-evaluations")
        constraints = [
            models.UniqueConstraint(fields=["school", "school_year"], name="unique_ijk_year"),
        ]

    def __str__(self):
        return f"IJK {self.school} {self.school_year}"

    def score_map(self) -> dict[str, int]:
        return dict(self.scores.values_list("indicator", "score"))


class IndicatorScore(StoredFile):
    """The team's score for one indicator, with explanation and optional evidence.

    The standard's code is kept beside the indicator (the catalogue version never changes),
    so averages per standard over many schools are one query.
    """

    evaluation = models.ForeignKey(SelfEvaluation, on_delete=models.CASCADE, related_name="scores")
    indicator = models.CharField(_("indicator"), max_length=20)
    standard = models.CharField(_("standard"), max_length=20)
    score = models.PositiveSmallIntegerField(_("score"))
    explanation = models.TextField(_("explanation"), blank=True)
    evidence_url = models.URLField(_("link to evidence"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("score on an indicator")
        verbose_name_plural = _("scores on indicators")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "indicator"], name="unique_ijk_score"),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.score}"


class PeerObserver(models.Model):
    """A school editor of another school of the partnership, invited to observe this school."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="ijk_peers")
    school_year = models.CharField(_("school year"), max_length=9)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("peer observer")
        verbose_name_plural = _("peer observers")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "school_year", "user"], name="unique_ijk_peer"
            ),
        ]

    def __str__(self):
        return f"{self.user} observeert {self.school} ({self.school_year})"


def peer_candidates(school: School):
    """School editors of the partnership's other schools: who may be invited as a peer."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__role=Role.SCHOOL_EDITOR,
            memberships__school__board__partnership_id=school.board.partnership_id,
        )
        .exclude(memberships__school=school)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def may_observe(user, school: School, school_year: str) -> bool:
    """The board's quality officer, or a peer invited for this school and year."""
    if is_board_officer_of(user, school.board):
        return True
    return (
        user.is_authenticated
        and PeerObserver.objects.filter(school=school, school_year=school_year, user=user).exists()
        and any(
            m.role == Role.SCHOOL_EDITOR and m.school_id != school.pk for m in Membership.of(user)
        )
    )


def observable_schools(user, school_year: str):
    """Schools this person may observe in the year: their boards' schools, and invitations."""
    if not user.is_authenticated:
        return School.objects.none()
    boards = [m.board_id for m in Membership.of(user) if m.role == Role.BOARD_OFFICER]
    invited = PeerObserver.objects.filter(user=user, school_year=school_year).values("school")
    schools = School.objects.filter(models.Q(board_id__in=boards) | models.Q(pk__in=invited))
    return [
        s
        for s in schools.select_related("board").order_by("name")
        if may_observe(user, s, school_year)
    ]


class Observation(models.Model):
    """A Kijkwijzer observation in one group: what was seen per item, a score per indicator.

    The group is a free name ("groep 5", "5/6"); no pupil is ever named or stored.
    """

    class ObserverRole(models.TextChoices):
        BOARD_OFFICER = "board_officer", _("board quality officer")
        PEER = "peer", _("colleague from another school")

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="ijk_observations")
    school_year = models.CharField(_("school year"), max_length=9)
    catalogue = models.ForeignKey(CatalogueVersion, on_delete=models.PROTECT, related_name="+")
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    observer_name = models.CharField(_("observer"), max_length=200)
    observer_role = models.CharField(_("role"), max_length=20, choices=ObserverRole)
    observed_on = models.DateField(_("date"))
    group_name = models.CharField(_("group"), max_length=40)
    notes = models.JSONField(_("what there was to see"), default=dict)  # item key → text
    scores = models.JSONField(_("observed scores"), default=dict)  # indicator code → score
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Kijkwijzer observation")
        verbose_name_plural = _("Kijkwijzer observations")
        ordering = ["-observed_on", "-pk"]

    def __str__(self):
        return f"Observatie {self.group_name} {self.observed_on}"

    def may_read(self, user) -> bool:
        return may_read(user, self.school) or (
            user.is_authenticated and self.observer_id == user.pk
        )

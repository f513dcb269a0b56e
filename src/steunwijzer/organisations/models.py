"""Partnerships, boards, schools, and the people who work on their SOPs.

Who may see or change what is decided here, on the models, so views and the API ask the
same questions (`School.objects.visible_to(user)`, `Membership.roles_for`).
"""

import secrets
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steunwijzer.core.tokens import hash_token
from steunwijzer.core.validators import validate_school_year

# The law asks for a new SOP at least every four years.
MAX_CYCLE_YEARS = 4


class Partnership(models.Model):
    """A samenwerkingsverband: receives every school's SOP and sets the regional model."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40)
    slug = models.SlugField(unique=True)
    main_colour = models.CharField(
        _("main colour"),
        max_length=7,
        default="#2b5f75",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use a colour like #1a2b3c."))],
    )
    # Kept in the database (small, checked PNG/JPEG) so no media server is needed.
    logo = models.BinaryField(_("logo"), blank=True, default=b"", editable=True)
    logo_type = models.CharField(max_length=20, blank=True)
    contact_email = models.EmailField(_("email address for questions"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # Districts by postcode range, [[first, last, district], …] (organisations/districts.py):
    # DUO's file has no districts, so the partnership sets them once for all its schools.
    district_ranges = models.JSONField(_("districts by postcode"), default=list, blank=True)
    # The seed letter's order: the partnership receives the established SOP (with the
    # adviesverklaring), then the school publishes it.
    receipt_before_publication = models.BooleanField(
        _("receipt before publication"),
        default=True,
        help_text=_("Schools publish their SOP only after the partnership has confirmed receipt."),
    )
    # How many school years an established SOP holds (the law asks for at least every four);
    # it is checked every year with the evaluation. 1: a new SOP every school year.
    cycle_years = models.PositiveSmallIntegerField(
        _("SOP cycle in school years"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CYCLE_YEARS)],
        help_text=_(
            "1: a new SOP every school year. More: an established SOP holds for that many "
            "school years and the school checks it every year."
        ),
    )
    # Law 36443's route: from this school year on, new profiles take the schoolgids route
    # (route/definitions.py) unless their board has its own; blank: the SOP route. Profiles
    # under way keep the route they started with.
    schoolgids_route_from = models.CharField(
        _("school guide route from school year"),
        max_length=9,
        blank=True,
        validators=[validate_school_year],
    )
    # The ouder- en jeugdsteunpunt every partnership has by law (Wet 36443): where parents
    # turn with questions; shown on every school's public page.
    steunpunt_name = models.CharField(
        _("name of the parent and youth support point"), max_length=200, blank=True
    )
    steunpunt_email = models.EmailField(
        _("email address of the parent and youth support point"), blank=True
    )
    steunpunt_phone = models.CharField(
        _("phone number of the parent and youth support point"), max_length=30, blank=True
    )
    steunpunt_website = models.URLField(
        _("website of the parent and youth support point"), blank=True
    )
    # A plain-language summary per fixed text of the SOP model (by its key), shown to parents
    # above the fixed text, which itself stays as the model has it.
    fixed_text_summaries = models.JSONField(
        _("summaries of the fixed texts"), default=dict, blank=True
    )
    # Keys of the fixed texts Steunwijzer offered (`default: true` in the model) that the
    # partnership has confirmed as its own; only then are they labelled as its fixed texts.
    confirmed_fixed_texts = models.JSONField(_("confirmed fixed texts"), default=list, blank=True)
    # Names the state of everything the partnership shows outside the editor: public pages,
    # finder, open data, downloads, overviews, the SOP-check's corpus. Every cache keys on it;
    # `organisations.changes.partnership_changed` gives it a new random value with every such
    # change (docs/architecture.md, "What changed").
    content_version = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def owns_fixed_text(self, fixed_text) -> bool:
        """Whether this fixed text of the model is the partnership's own: one it wrote, or a
        text Steunwijzer offered that it has confirmed."""
        return not fixed_text.default or fixed_text.key in self.confirmed_fixed_texts

    def takes_schoolgids_route(self, school_year: str) -> bool:
        """Whether a profile started for `school_year` takes law 36443's schoolgids route."""
        return bool(self.schoolgids_route_from) and school_year >= self.schoolgids_route_from

    def staff_may_manage(self, user) -> bool:
        """Staff of this partnership, or platform admin (memberships read once per request)."""
        return any(
            m.role == Role.PLATFORM_ADMIN
            or (m.role == Role.PARTNERSHIP_STAFF and m.partnership_id == self.pk)
            for m in Membership.of(user)
        )


class Board(models.Model):
    """A schoolbestuur (bevoegd gezag). A board with one school is an éénpitter."""

    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="boards")
    name = models.CharField(_("name"), max_length=200)
    board_number = models.CharField(_("board number"), max_length=10, blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("school board")
        verbose_name_plural = _("school boards")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_single_school(self) -> bool:
        return self.schools.count() == 1

    def question_contact(self, *, asker=None) -> list[dict]:
        """Who answers the schools' questions about the SOP (seed letter): the board's quality
        officers, or the partnership for a board without one. Each: name, email, and via
        ("board" or "partnership"). The asker is never their own contact: the director of an
        éénpitter who is also its board's officer asks the partnership."""
        officers = Membership.objects.filter(board=self, role=Role.BOARD_OFFICER)
        if asker is not None:
            officers = officers.exclude(user=asker)
        officers = officers.select_related("user").order_by(
            "user__last_name", "user__first_name", "user__pk"
        )
        contacts = [
            {"name": display_name(m.user), "email": m.user.email, "via": "board"} for m in officers
        ]
        if contacts:
            return contacts
        partnership = self.partnership
        return [
            {"name": partnership.name, "email": partnership.contact_email, "via": "partnership"}
        ]


class SchoolQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Schools whose drafts this person may read: own team, MR, board, partnership."""
        if not user.is_authenticated:
            return self.none()
        if Membership.is_platform_admin(user):
            return self.all()
        mine = Membership.objects.filter(user=user)
        return self.filter(
            models.Q(pk__in=mine.exclude(school=None).values("school"))
            | models.Q(board__in=mine.filter(role=Role.BOARD_OFFICER).values("board"))
            | models.Q(
                board__partnership__in=mine.filter(role=Role.PARTNERSHIP_STAFF).values(
                    "partnership"
                )
            )
        ).distinct()


def brin_code(brin: str, vestiging: str) -> str:
    """A school's BRIN code with its branch number, e.g. "12AB00"."""
    return f"{brin}{vestiging}"


class School(models.Model):
    """A school location: BRIN plus vestiging (two digits, "00" for the main location)."""

    class Type(models.TextChoices):
        BAO = "bao", _("primary education")
        SBO = "sbo", _("special primary education")
        SO = "so", _("special education")

    board = models.ForeignKey(Board, on_delete=models.PROTECT, related_name="schools")
    brin = models.CharField(
        _("BRIN"),
        max_length=4,
        validators=[RegexValidator(r"^\d{2}[A-Z]{2}$", _("A BRIN is two digits and two letters."))],
    )
    vestiging = models.CharField(
        _("location number"),
        max_length=2,
        default="00",
        validators=[RegexValidator(r"^\d{2}$", _("A location number is two digits."))],
    )
    name = models.CharField(_("name"), max_length=200)
    school_type = models.CharField(
        _("type of school"), max_length=3, choices=Type, default=Type.BAO
    )
    street_address = models.CharField(_("address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=7)
    city = models.CharField(_("town"), max_length=100)
    municipality = models.CharField(_("municipality"), max_length=100)
    district = models.CharField(_("neighbourhood or district"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    denomination = models.CharField(_("denomination"), max_length=100, blank=True)
    pupil_count = models.PositiveIntegerField(_("number of pupils"), default=0)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("email address of contact person"), blank=True)
    contact_phone = models.CharField(_("phone number of contact person"), max_length=30, blank=True)
    # Where the school stands (WGS84): from the geocoder when the address changes
    # (organisations/receivers.py), or as the partnership corrected it. Empty: not known.
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["brin", "vestiging"], name="unique_brin_vestiging"),
        ]

    def __str__(self):
        return self.name

    @property
    def partnership(self) -> Partnership:
        return self.board.partnership

    @property
    def brin_code(self) -> str:
        return brin_code(self.brin, self.vestiging)

    @property
    def is_located(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Role(models.TextChoices):
    PARTNERSHIP_STAFF = "partnership_staff", _("partnership staff member")
    BOARD_OFFICER = "board_officer", _("board quality officer")
    SCHOOL_EDITOR = "school_editor", _("school editor (head or internal supervisor)")
    SCHOOL_TEAM = "school_team", _("team member")
    MR_MEMBER = "mr_member", _("MR member")
    PLATFORM_ADMIN = "platform_admin", _("platform administrator")


# Which organisation a membership of each role hangs on.
ROLE_SCOPE = {
    Role.PARTNERSHIP_STAFF: "partnership",
    Role.BOARD_OFFICER: "board",
    Role.SCHOOL_EDITOR: "school",
    Role.SCHOOL_TEAM: "school",
    Role.MR_MEMBER: "school",
    Role.PLATFORM_ADMIN: None,
}

# Who may invite whom: roles an inviter holds → roles they may hand out, at or below their scope.
INVITABLE_ROLES = {
    Role.PLATFORM_ADMIN: set(Role),
    Role.PARTNERSHIP_STAFF: {
        Role.PARTNERSHIP_STAFF,
        Role.BOARD_OFFICER,
        Role.SCHOOL_EDITOR,
    },
    Role.BOARD_OFFICER: {Role.BOARD_OFFICER, Role.SCHOOL_EDITOR},
    Role.SCHOOL_EDITOR: {Role.SCHOOL_EDITOR, Role.SCHOOL_TEAM, Role.MR_MEMBER},
}


class Membership(models.Model):
    """One role a person holds at one organisation. A person may hold several."""

    class Function(models.TextChoices):
        DIRECTOR = "directeur", _("head teacher")
        INTERNAL_SUPERVISOR = "ib", _("internal supervisor")
        TEACHER = "leerkracht", _("teacher")
        PARENT = "ouder", _("parent")
        STAFF = "personeel", _("staff member")
        OTHER = "", "—"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role)
    function = models.CharField(_("function"), max_length=20, choices=Function, blank=True)
    partnership = models.ForeignKey(Partnership, null=True, blank=True, on_delete=models.CASCADE)
    board = models.ForeignKey(Board, null=True, blank=True, on_delete=models.CASCADE)
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        # One constraint per scope: SQLite cannot treat NULLs as equal in a single one.
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", scope],
                condition=models.Q(**{f"{scope}__isnull": False}),
                name=f"unique_{scope}_membership",
            )
            for scope in ("partnership", "board", "school")
        ] + [
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(partnership=None, board=None, school=None),
                name="unique_unscoped_membership",
            ),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} {self.organisation or ''}".strip()

    @property
    def organisation(self):
        return self.partnership or self.board or self.school

    @classmethod
    def of(cls, user) -> list["Membership"]:
        """The person's memberships, read once per request (cached on the user object)."""
        if not user.is_authenticated:
            return []
        if not hasattr(user, "_sw_memberships"):
            # The partnership's slug and the board's name come along in the same query: the
            # header links staff to their partnership's pages by it, the home page and the
            # to-do list link officers to their board's pages.
            user._sw_memberships = list(
                cls.objects.filter(user=user)
                .select_related("partnership", "board")
                .only("role", "school_id", "board_id", "partnership__slug", "board__name")
            )
        return user._sw_memberships

    @classmethod
    def is_school_editor(cls, user, school) -> bool:
        """Directeur or IB'er of this school: the people who write its SOP."""
        return any(m.role == Role.SCHOOL_EDITOR and m.school_id == school.pk for m in cls.of(user))

    @classmethod
    def is_platform_admin(cls, user) -> bool:
        return any(m.role == Role.PLATFORM_ADMIN for m in cls.of(user))

    @classmethod
    def roles_for(cls, user, school: School) -> set[str]:
        """Every role this person holds that reaches this school."""
        roles = set()
        for m in cls.of(user):
            if (
                m.role == Role.PLATFORM_ADMIN
                or (m.school_id and m.school_id == school.pk)
                or (m.board_id and m.board_id == school.board_id)
                or (m.partnership_id and m.partnership_id == school.board.partnership_id)
            ):
                roles.add(m.role)
        return roles


def display_name(user) -> str:
    """How a person is named in histories and e-mails."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


class InvitationQuerySet(models.QuerySet):
    def by_token(self, raw_token: str):
        return self.filter(token_hash=hash_token(raw_token)).first()

    def find_open(self, raw_token: str):
        return (
            self.filter(token_hash=hash_token(raw_token), accepted_at=None)
            .filter(expires_at__gt=timezone.now())
            .first()
        )


class Invitation(models.Model):
    """An e-mailed invitation to take up a role; the link lets the invitee set a password."""

    email = models.EmailField(_("email address"))
    # As the inviter wrote it (a list of many invitations at once names each person).
    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role)
    function = models.CharField(
        _("function"), max_length=20, choices=Membership.Function, blank=True
    )
    partnership = models.ForeignKey(Partnership, null=True, blank=True, on_delete=models.CASCADE)
    board = models.ForeignKey(Board, null=True, blank=True, on_delete=models.CASCADE)
    school = models.ForeignKey(School, null=True, blank=True, on_delete=models.CASCADE)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} ({self.get_role_display()})"

    @property
    def organisation(self):
        return self.partnership or self.board or self.school

    def issue_token(self) -> str:
        """Set a fresh token; only its hash is stored, so the raw one goes out by e-mail once."""
        raw = secrets.token_urlsafe(32)
        self.token_hash = hash_token(raw)
        self.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
        return raw

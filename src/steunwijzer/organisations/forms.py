from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.core.forms import ButtonField
from steunwijzer.core.school_year import school_year_of, school_year_plus
from steunwijzer.core.uploads import EMPTY, NOT_ALLOWED, TOO_LARGE, check_upload

from .models import Board, Membership, Partnership


class UtrechtFormMixin:
    """Dress widgets in NL Design System classes.

    Django itself adds aria-invalid and aria-describedby ("<id>_helptext", "<id>_error"),
    which the organisations/_field.html include matches.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dress_fields()

    def dress_fields(self):
        """Also for fields a form adds after its __init__ (one per board, say)."""
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select):
                css = "utrecht-select utrecht-select--html-select"
            elif isinstance(widget, forms.CheckboxSelectMultiple):
                css = "utrecht-checkbox utrecht-checkbox--html-input"
            elif isinstance(widget, forms.RadioSelect):
                css = "utrecht-radio-button utrecht-radio-button--html-input"
            elif isinstance(widget, forms.CheckboxInput):
                css = "utrecht-checkbox utrecht-checkbox--html-input"
            elif getattr(widget, "input_type", "") in ("file", "color"):
                css = "sw-plain-input"
            else:
                css = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


def validate_password_nl(password, user=None):
    """Django's validators, with every message in Dutch."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError([_in_dutch(e) for e in error.error_list]) from None


def _in_dutch(error: ValidationError) -> ValidationError:
    # Django 5.2 reworded this message and its Dutch catalogue has not caught up yet.
    if error.code == "password_too_short":
        minimum = (error.params or {}).get("min_length", "")
        return ValidationError(
            _("This password is too short. Use at least %(minimum)s characters.")
            % {"minimum": minimum},
            code=error.code,
        )
    return error


class DutchPasswordMixin(auth_forms.SetPasswordMixin):
    def validate_password_for_user(self, user, password_field_name="password2"):
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                validate_password_nl(password, user)
            except ValidationError as error:
                self.add_error(password_field_name, error)


class LoginForm(UtrechtFormMixin, auth_forms.AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Email address or username")

    def clean_username(self):
        # People know their e-mail address better than an older username: accept both.
        value = self.cleaned_data["username"].strip()
        if "@" not in value:
            return value
        users = get_user_model().objects.filter(email__iexact=value)
        matches = list(users.values_list("username", flat=True)[:2])
        return matches[0] if len(matches) == 1 else value.lower()


class PasswordResetForm(UtrechtFormMixin, auth_forms.PasswordResetForm):
    pass


class SetPasswordForm(UtrechtFormMixin, DutchPasswordMixin, auth_forms.SetPasswordForm):
    pass


class PasswordChangeForm(UtrechtFormMixin, DutchPasswordMixin, auth_forms.PasswordChangeForm):
    pass


def target_value(role, organisation) -> str:
    if organisation is None:
        return str(role)
    return f"{role}:{organisation._meta.model_name}:{organisation.pk}"


def target_label(role, organisation) -> str:
    label = capfirst(role.label)
    return label if organisation is None else f"{label} — {organisation}"


class InvitationForm(UtrechtFormMixin, forms.Form):
    target = forms.ChoiceField(
        label=gettext_lazy("Role and organisation"),
        help_text=gettext_lazy("You only see the roles you may hand out yourself."),
    )
    email = forms.EmailField(
        label=gettext_lazy("Email address"),
        help_text=gettext_lazy(
            "The invitation goes to this address. The person will sign in with it."
        ),
        # "off": the browser would otherwise suggest the inviter's own address.
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    function = forms.ChoiceField(
        label=gettext_lazy("Function"),
        required=False,
        choices=[
            ("", gettext_lazy("None or other")),
            *((value, label) for value, label in Membership.Function.choices if value),
        ],
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {target_value(role, org): (role, org) for role, org in targets}
        choices = [(target_value(role, org), target_label(role, org)) for role, org in targets]
        if len(choices) > 1:
            choices.insert(0, ("", _("Choose a role and organisation")))
        self.fields["target"].choices = choices

    def clean_target(self):
        return self.targets[self.cleaned_data["target"]]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class AcceptInvitationForm(UtrechtFormMixin, DutchPasswordMixin, forms.Form):
    first_name = forms.CharField(
        label=gettext_lazy("First name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=gettext_lazy("Last name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1, password2 = auth_forms.SetPasswordMixin.create_password_fields(
        label1=gettext_lazy("Password"), label2=gettext_lazy("Password (again)")
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned_data = super().clean()
        self.validate_passwords()
        # An unsaved user lets the similarity validator compare with the name and address.
        candidate = get_user_model()(
            username=self.email,
            email=self.email,
            first_name=cleaned_data.get("first_name", ""),
            last_name=cleaned_data.get("last_name", ""),
        )
        self.validate_password_for_user(candidate, "password1")
        return cleaned_data


class NameForm(UtrechtFormMixin, forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        labels = {"first_name": gettext_lazy("First name"), "last_name": gettext_lazy("Last name")}
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Names appear in the revision history of every SOP, so they are not optional here.
        for field in self.fields.values():
            field.required = True


class ApiTokenForm(UtrechtFormMixin, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of the token"),
        max_length=100,
        help_text=gettext_lazy("For example the program or script that uses the token."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


LOGO_MAX_BYTES = 500 * 1024
LOGO_MESSAGES = {
    TOO_LARGE: gettext_lazy("This file is too large: a logo may be at most 500 kB."),
    NOT_ALLOWED: gettext_lazy("This is not a PNG or JPEG image."),
    EMPTY: gettext_lazy("This is not a PNG or JPEG image."),
}


# How many school years ahead a partnership may choose the schoolgids route from.
ROUTE_YEARS_AHEAD = 3


def route_choices(current_year: str, chosen: str) -> list[tuple[str, str]]:
    """The SOP route, or the schoolgids route from this school year or one of the next few.
    A year chosen earlier that has since passed stays on offer, so the form saves unchanged;
    a past year cannot be chosen anew (profiles of that year have mostly started)."""
    years = [school_year_plus(current_year, n) for n in range(ROUTE_YEARS_AHEAD + 1)]
    if chosen and chosen not in years:
        years.insert(0, chosen)
    return [("", _("SOP route"))] + [
        (year, _("School guide route (law 36443) from %(year)s") % {"year": year}) for year in years
    ]


class PartnershipForm(UtrechtFormMixin, forms.ModelForm):
    """Name, colour and logo that dress every page of the partnership."""

    logo_file = forms.FileField(
        label=gettext_lazy("New logo"),
        required=False,
        help_text=gettext_lazy(
            "PNG or JPEG, at most 500 kB. Leave empty to keep the current logo."
        ),
    )
    remove_logo = forms.BooleanField(label=gettext_lazy("Remove logo"), required=False)
    website = forms.URLField(label=gettext_lazy("Website"), required=False, assume_scheme="https")
    steunpunt_website = forms.URLField(
        label=gettext_lazy("Website of the parent and youth support point"),
        required=False,
        assume_scheme="https",
    )
    schoolgids_route_from = forms.ChoiceField(
        label=gettext_lazy("Route"),
        required=False,
        help_text=gettext_lazy(
            "Under law 36443 the SOP's content moves into the school guide, set every year, "
            "with a step in which pupils give their view first. SOPs already under way keep "
            "their route; a board with its own route keeps it."
        ),
        error_messages={
            "invalid_choice": gettext_lazy(
                "Choose the SOP route or the school guide route from this school year or a "
                "later one."
            )
        },
    )

    class Meta:
        model = Partnership
        fields = [
            "name",
            "short_name",
            "main_colour",
            "contact_email",
            "website",
            "receipt_before_publication",
            "cycle_years",
            "schoolgids_route_from",
            "steunpunt_name",
            "steunpunt_email",
            "steunpunt_phone",
            "steunpunt_website",
        ]
        widgets = {"main_colour": forms.TextInput(attrs={"type": "color"})}
        help_texts = {
            "main_colour": gettext_lazy("Use a dark colour: white text must be readable on it.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["schoolgids_route_from"].choices = route_choices(
            school_year_of(timezone.localdate()), self.instance.schoolgids_route_from
        )

    def clean_logo_file(self):
        upload = self.cleaned_data.get("logo_file")
        if not upload:
            return None
        # Checked by content, not by name: an SVG or renamed file could carry script.
        logo = check_upload(
            upload, allowed=("png", "jpeg"), max_bytes=LOGO_MAX_BYTES, messages=LOGO_MESSAGES
        )
        return logo.data, logo.content_type

    def save(self, commit=True):
        partnership = super().save(commit=False)
        if self.cleaned_data.get("remove_logo"):
            partnership.logo, partnership.logo_type = b"", ""
        if self.cleaned_data.get("logo_file"):
            partnership.logo, partnership.logo_type = self.cleaned_data["logo_file"]
        if commit:
            partnership.save()
        return partnership


class PreviewButtons(forms.Form):
    """Which button sent a page that previews before it stores: the one that confirms the
    preview (`confirm`, `assign`), or the one that asks for it."""

    confirm = ButtonField()
    assign = ButtonField()

    def pressed(self, name: str) -> bool:
        return self.is_valid() and self.cleaned_data[name]


class SchoolImportForm(UtrechtFormMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("DUO's file of school locations (CSV)"),
        help_text=gettext_lazy(
            "“Alle schoolvestigingen in het basisonderwijs” (and, for SBO and SO, “… in het "
            "speciaal basisonderwijs en (voortgezet) speciaal onderwijs”) from DUO's open data, "
            "as downloaded."
        ),
        error_messages={"required": gettext_lazy("Choose DUO's file.")},
    )
    municipalities = forms.CharField(
        label=gettext_lazy("Only these municipalities"),
        required=False,
        help_text=gettext_lazy(
            "Separated by commas, e.g. Den Haag, Rijswijk. Empty: every school in the file."
        ),
    )

    def clean_municipalities(self):
        return [m.strip() for m in self.cleaned_data["municipalities"].split(",") if m.strip()]


class DistrictRangesForm(UtrechtFormMixin, forms.Form):
    ranges = forms.CharField(
        label=gettext_lazy("Districts by postcode"),
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text=gettext_lazy(
            "One range per line: “2491-2499; Leidschenveen-Ypenburg”, or one postcode area: "
            "“2543; Escamp”. A school outside every range keeps its district."
        ),
    )


class BoardNamesForm(UtrechtFormMixin, forms.Form):
    """One name per board of the partnership; the board's number and schools say which it is."""

    def __init__(self, *args, boards, **kwargs):
        super().__init__(*args, **kwargs)
        self.boards = {f"board-{board.pk}": board for board in boards}
        for key, board in self.boards.items():
            schools = ", ".join(school.name for school in board.schools.all())
            self.fields[key] = forms.CharField(
                label=_("Board number %(number)s") % {"number": board.board_number or "—"},
                max_length=Board._meta.get_field("name").max_length,
                initial=board.name,
                help_text=_("Schools: %(schools)s") % {"schools": schools or "—"},
            )
        self.dress_fields()

    def names(self) -> dict[int, str]:
        return {board.pk: self.cleaned_data[key] for key, board in self.boards.items()}


class InvitationListForm(UtrechtFormMixin, forms.Form):
    file = forms.FileField(
        label=gettext_lazy("List of people to invite (CSV)"),
        help_text=gettext_lazy(
            "A CSV file with the columns naam, e-mail, rol and “school of bestuur” (the "
            "school's BRIN code, or the board's number or name). Roles: directeur, intern "
            "begeleider, leerkracht, team, mr-ouder, mr-personeel, kwaliteitsmedewerker, "
            "samenwerkingsverband."
        ),
        error_messages={"required": gettext_lazy("Choose the list.")},
    )


class TwoFactorCodeForm(UtrechtFormMixin, forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=40,
        help_text=gettext_lazy(
            "The six digits from your authenticator app, or one of your recovery codes."
        ),
        error_messages={"required": gettext_lazy("Enter the code.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )


class EnrolCodeForm(TwoFactorCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _("The six digits the app shows now.")


class SchoolLocationForm(UtrechtFormMixin, forms.Form):
    """Where the school really stands, in degrees (WGS84) as map sites show them."""

    latitude = forms.FloatField(
        label=gettext_lazy("Latitude"),
        min_value=50.7,
        max_value=53.6,
        help_text=gettext_lazy("Between 50.7 and 53.6 in the Netherlands, for example 52.0705."),
        localize=True,
        error_messages={
            "invalid": gettext_lazy("Enter the latitude as a number, such as 52.0705."),
            "min_value": gettext_lazy("That latitude lies outside the Netherlands."),
            "max_value": gettext_lazy("That latitude lies outside the Netherlands."),
        },
    )
    longitude = forms.FloatField(
        label=gettext_lazy("Longitude"),
        min_value=3.3,
        max_value=7.3,
        help_text=gettext_lazy("Between 3.3 and 7.3 in the Netherlands, for example 4.3007."),
        localize=True,
        error_messages={
            "invalid": gettext_lazy("Enter the longitude as a number, such as 4.3007."),
            "min_value": gettext_lazy("That longitude lies outside the Netherlands."),
            "max_value": gettext_lazy("That longitude lies outside the Netherlands."),
        },
    )

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.utils.text import capfirst

from steunwijzer.core.uploads import EMPTY, NOT_ALLOWED, TOO_LARGE, check_upload

from .models import Membership, Partnership


class UtrechtFormMixin:
    """Dress widgets in NL Design System classes.

    Django itself adds aria-invalid and aria-describedby ("<id>_helptext", "<id>_error"),
    which the organisations/_field.html include matches.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select):
                css = "utrecht-select utrecht-select--html-select"
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
            f"Dit wachtwoord is te kort. Gebruik minstens {minimum} tekens.", code=error.code
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
        self.fields["username"].label = "E-mailadres of gebruikersnaam"

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
        label="Rol en organisatie",
        help_text="U ziet alleen de rollen die u zelf mag uitdelen.",
    )
    email = forms.EmailField(
        label="E-mailadres",
        help_text="De uitnodiging gaat naar dit adres. Hiermee logt de persoon straks in.",
        # "off": the browser would otherwise suggest the inviter's own address.
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    function = forms.ChoiceField(
        label="Functie",
        required=False,
        choices=[
            ("", "Geen of anders"),
            *((value, label) for value, label in Membership.Function.choices if value),
        ],
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = {target_value(role, org): (role, org) for role, org in targets}
        choices = [(target_value(role, org), target_label(role, org)) for role, org in targets]
        if len(choices) > 1:
            choices.insert(0, ("", "Kies een rol en organisatie"))
        self.fields["target"].choices = choices

    def clean_target(self):
        return self.targets[self.cleaned_data["target"]]

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class AcceptInvitationForm(UtrechtFormMixin, DutchPasswordMixin, forms.Form):
    first_name = forms.CharField(
        label="Voornaam",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label="Achternaam",
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1, password2 = auth_forms.SetPasswordMixin.create_password_fields(
        label1="Wachtwoord", label2="Wachtwoord (nogmaals)"
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
        labels = {"first_name": "Voornaam", "last_name": "Achternaam"}
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
        label="Naam van de token",
        max_length=100,
        help_text="Bijvoorbeeld het programma of script dat de token gebruikt.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


LOGO_MAX_BYTES = 500 * 1024
LOGO_MESSAGES = {
    TOO_LARGE: "Dit bestand is te groot: een logo mag hoogstens 500 kB zijn.",
    NOT_ALLOWED: "Dit is geen PNG- of JPEG-afbeelding.",
    EMPTY: "Dit is geen PNG- of JPEG-afbeelding.",
}


class PartnershipForm(UtrechtFormMixin, forms.ModelForm):
    """Name, colour and logo that dress every page of the partnership."""

    logo_file = forms.FileField(
        label="Nieuw logo",
        required=False,
        help_text="PNG of JPEG, hoogstens 500 kB. Laat leeg om het huidige logo te houden.",
    )
    remove_logo = forms.BooleanField(label="Logo verwijderen", required=False)
    website = forms.URLField(label="Website", required=False, assume_scheme="https")

    class Meta:
        model = Partnership
        fields = ["name", "short_name", "main_colour", "contact_email", "website"]
        widgets = {"main_colour": forms.TextInput(attrs={"type": "color"})}
        help_texts = {
            "main_colour": "Gebruik een donkere kleur: witte tekst moet erop leesbaar zijn."
        }

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


class TwoFactorCodeForm(UtrechtFormMixin, forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        help_text="De zes cijfers uit uw authenticator-app, of een van uw herstelcodes.",
        error_messages={"required": "Vul de code in."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )


class EnrolCodeForm(TwoFactorCodeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = "De zes cijfers die de app nu laat zien."

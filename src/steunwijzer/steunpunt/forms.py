from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from steunwijzer.organisations.forms import UtrechtFormMixin

from .identity import BIRTH_DATE, BSN, CHILD_NAME, EMAIL, identity_found
from .models import MESSAGE_MAX, Kind

IDENTITY_MESSAGES = {
    BSN: _(
        "Your message seems to contain a citizen service number (BSN). Leave it out: the "
        "support point does not need to know who your child is."
    ),
    BIRTH_DATE: _(
        "Your message seems to contain a date of birth. Leave it out; you can mention your "
        "child's group instead."
    ),
    CHILD_NAME: _("Do not write your child's name. Write for example “my son in group 5”."),
    EMAIL: _(
        "Do not put an e-mail address in the message. Put yours in the field “E-mail "
        "address” below: only the support point sees it."
    ),
}


class AskForm(UtrechtFormMixin, forms.Form):
    # The page checks on the server (novalidate); a `required` radio would show as invalid,
    # in red, before the parent has chosen anything.
    use_required_attribute = False

    kind = forms.ChoiceField(
        label=_("What do you want to send?"), choices=Kind.choices, widget=forms.RadioSelect
    )
    support = forms.ChoiceField(label=_("Which support is it about?"), required=False)
    message = forms.CharField(
        label=_("Your question or report"),
        max_length=MESSAGE_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Do not write your child's name, date of birth or citizen service number (BSN). "
            "The support point can help you without them."
        ),
    )
    contact_name = forms.CharField(label=_("Your name"), max_length=200, required=False)
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Only if you want an answer by e-mail."),
    )
    contact_phone = forms.CharField(label=_("Telephone number"), max_length=40, required=False)
    # A field people do not see (hidden by CSS and from assistive technology): a robot that
    # fills every field gives itself away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, support_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["support"].choices = [("", _("Support in general")), *support_choices]
        self.fields["website"].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_message(self):
        message = self.cleaned_data["message"]
        found = identity_found(message, timezone.localdate())
        if found:
            raise forms.ValidationError([IDENTITY_MESSAGES[kind] for kind in found])
        return message


class AnswerForm(UtrechtFormMixin, forms.Form):
    answer = forms.CharField(
        label=_("Answer"), max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )

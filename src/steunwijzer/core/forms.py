"""Form fields and a form every app may use to read what is posted.

Every POST is read through a Django form (tests/test_form_input.py keeps views from reading
`request.POST` or `request.FILES` themselves). These fields keep the meaning the templates
and the API's clients already give their values.
"""

from django import forms


class FlagField(forms.Field):
    """True exactly when the posted value is `on`: a checkbox's value, or "true" in the API.

    Unlike BooleanField, no other value ("yes", "on", "0") counts, so the meaning of what
    clients send stays the one the template or the API documents."""

    widget = forms.HiddenInput

    def __init__(self, *, on: str, **kwargs):
        kwargs.setdefault("required", False)
        self.on = on
        super().__init__(**kwargs)

    def to_python(self, value):
        return value == self.on


class ButtonField(forms.Field):
    """True when the form was sent with this button: its name is in the data, any value."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        return value is not None


class UploadField(forms.FileField):
    """The uploaded file as sent, an empty one too: the app's own check (`check_upload`, a
    parser) refuses it with its own message. No "clear" checkbox is read."""

    widget = forms.FileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(**kwargs)


class NextForm(forms.Form):
    """Where to go on after the form (a hidden `next`); the view checks that it is our site."""

    next = forms.CharField(required=False, strip=False)

    def url(self) -> str:
        return self.cleaned_data["next"] if self.is_valid() else ""


def error_messages(form) -> list[str]:
    """Every message of a refused form, for a page that lists them above the form."""
    return [message for messages in form.errors.values() for message in messages]


def error_text(form) -> str:
    """Every message of a refused form in one line, for a page that shows one message."""
    return " ".join(error_messages(form))

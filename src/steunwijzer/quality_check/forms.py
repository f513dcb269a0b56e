from django import forms
from django.core.exceptions import ValidationError

from .presenters import list_error_message
from .wording import ListError, parse_jargon_list, parse_phrase_list


class CheckSettingsForm(forms.Form):
    """The partnership's own lists, stored as typed once each one reads."""

    vague_phrases = forms.CharField(required=False, strip=False)
    jargon = forms.CharField(required=False, strip=False)

    def clean_vague_phrases(self):
        return _readable(self.cleaned_data["vague_phrases"], parse_phrase_list)

    def clean_jargon(self):
        return _readable(self.cleaned_data["jargon"], parse_jargon_list)


def _readable(text: str, parse) -> str:
    try:
        parse(text)
    except ListError as exc:
        raise ValidationError(list_error_message(exc)) from None
    return text

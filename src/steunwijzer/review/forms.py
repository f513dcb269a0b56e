from django import forms

from steunwijzer.core.forms import NextForm


class CommentForm(NextForm):
    """A remark on a chapter (or one field of it), or a reply to a thread (`parent`); the
    service checks chapter, field and text, so they are optional here."""

    parent = forms.IntegerField(required=False)
    chapter = forms.CharField(required=False, strip=False)
    field = forms.CharField(required=False, strip=False)
    body = forms.CharField(required=False, strip=False)

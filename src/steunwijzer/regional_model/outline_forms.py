"""The forms of the form editor: one per kind of node, and the buttons that change the tree.

The forms only read what was typed (numbers as numbers, one line per choice or question); what
the model may say is checked by the loader's rules on the whole draft (format_outline.py), so a
form accepts an empty title and the draft then shows the loader's problem next to it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from steunwijzer.organisations.forms import UtrechtFormMixin

from .format_outline import (
    choices_from_text,
    choices_text,
    columns_from_text,
    columns_text,
    lines,
    requirement_rows,
)
from .presenters import FIELD_TYPE_LABELS
from .sop_format import COLUMN_TYPES, MANDATORY_PARTS

TEXT_LIMIT = 20_000
LINE_LIMIT = 500
SCHOOL_TYPE_CHOICES = [("bao", _("Primary school (bao)")), ("sbo", "SBO"), ("so", "SO")]
ACTIONS = (
    "up",
    "down",
    "remove",
    "add_chapter",
    "add_section",
    "add_field",
    "add_fixed_text",
)


def _draft_token(**kwargs):
    """The token of the draft the page showed (`services.format_draft_of`)."""
    return forms.RegexField(regex=r"^(d\d+\.\d+|v\d*)$", max_length=40, **kwargs)


def _line(label, **kwargs):
    return forms.CharField(label=label, required=False, max_length=LINE_LIMIT, **kwargs)


def _text(label, rows=4, **kwargs):
    widget = forms.Textarea(attrs={"rows": rows})
    return forms.CharField(
        label=label, required=False, max_length=TEXT_LIMIT, widget=widget, **kwargs
    )


def _key():
    return _line(
        _("Key"),
        help_text=_(
            "Lower-case letters, digits and _; stays the same when the title changes, as the "
            "schools' answers are kept under it."
        ),
    )


def _school_types():
    return forms.MultipleChoiceField(
        label=_("Only for these school types"),
        help_text=_("Tick none for every school type."),
        choices=SCHOOL_TYPE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


def _column_type_names() -> dict[str, str]:
    """Each column type's name in the partnership's language, as the columns textarea says it."""
    return {kind: str(FIELD_TYPE_LABELS[kind]) for kind in COLUMN_TYPES}


def _column_type_words() -> dict[str, str]:
    """What may name a column type in the textarea: its name, or the model file's word."""
    names = _column_type_names()
    return {**{kind: kind for kind in COLUMN_TYPES}, **{n.casefold(): k for k, n in names.items()}}


def _number(value):
    """A whole number as an int, so the YAML says 3 and not 3.0."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


class NodeForm(UtrechtFormMixin, forms.Form):
    """A node's attributes; `initial_from` reads a node, `values` gives the attributes back in
    the shape of the model file."""

    revision = _draft_token(widget=forms.HiddenInput)
    # Attributes the file names otherwise than the form.
    renamed: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The mixin dresses every other widget as a one-line textbox.
        for field in self.fields.values():
            if isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["class"] = "utrecht-checkbox utrecht-checkbox--html-input"
            elif isinstance(field.widget, forms.Textarea):
                field.widget.attrs["class"] = "utrecht-textarea utrecht-textarea--html-textarea"

    @classmethod
    def initial_from(cls, node: dict) -> dict:
        return {name: node.get(cls.renamed.get(name, name)) for name in cls.base_fields}

    def values(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("revision")
        return {self.renamed.get(name, name): value for name, value in data.items()}

    def field_for(self, attribute: str) -> str:
        """The form field a problem with this attribute of the node belongs to."""
        names = {v: k for k, v in self.renamed.items()}
        return names.get(attribute, attribute)


class ModelInfoForm(NodeForm):
    name = _line(_("Name"))
    version = _line(
        _("Version"), help_text=_("Raise it for every new version, for example from 2.0 to 2.1.")
    )
    description = _text(_("Description"))


class ChapterForm(NodeForm):
    key = _key()
    number = _line(
        _("Number"), help_text=_("Shown before the title, as in “2. Basisondersteuning”.")
    )
    title = _line(_("Title"))
    mandatory_part = forms.ChoiceField(
        label=_("Mandatory part this chapter covers"),
        choices=[("", _("None")), *list(MANDATORY_PARTS.items())],
        required=False,
    )
    intro = _text(_("Introduction"))
    word_budget = forms.IntegerField(label=_("Word budget"), required=False)
    guiding_questions = _text(_("Guiding questions"), help_text=_("One question per line."))
    school_types = _school_types()

    @classmethod
    def initial_from(cls, node):
        initial = super().initial_from(node)
        initial["guiding_questions"] = "\n".join(node.get("guiding_questions", ()))
        return initial

    def values(self):
        values = super().values()
        values["guiding_questions"] = lines(values["guiding_questions"])
        values["mandatory_part"] = values["mandatory_part"] or None
        return values


class SectionForm(NodeForm):
    key = _key()
    title = _line(_("Title"))
    intro = _text(_("Introduction"))


class FieldForm(NodeForm):
    renamed = {"key": "field"}

    key = _key()
    label = _line(_("Question or heading"))
    type = forms.ChoiceField(label=_("Type of field"), choices=list(FIELD_TYPE_LABELS.items()))
    required = forms.BooleanField(label=_("Required before the SOP goes to the MR"), required=False)
    help = _text(_("Help text"), rows=3)
    example = _text(_("Example answer"), rows=3)
    choices = _text(
        _("Choices (one choice or checklist)"),
        help_text=_(
            "One choice per line. The key under which answers are kept is made from the text; "
            "to keep a choice's key when you change its text, write the key before a | "
            "(“anders | Iets anders”)."
        ),
    )
    columns = _text(
        _("Columns (table)"),
        help_text=_(
            "One column per line, left to right: its heading; to keep a column's key when you "
            "change its heading, write the key before a | (“uren | Uren per week”). A column "
            "that is not short text gets its type after another |: Number, Date, Web address "
            "or One choice (“uren | Uren per week | Number”); a One choice column then gets "
            "its choices after a last |, separated by ; (“hoe_vaak | Hoe vaak? | One choice | "
            "Wekelijks; Maandelijks”)."
        ),
    )
    finder_label = _line(_("Heading in the school finder (checklist)"))
    max_length = forms.IntegerField(label=_("Maximum length in characters (text)"), required=False)
    min_value = forms.FloatField(label=_("Lowest value (number)"), required=False)
    max_value = forms.FloatField(label=_("Highest value (number)"), required=False)
    school_types = _school_types()

    @classmethod
    def initial_from(cls, node):
        initial = super().initial_from(node)
        initial["choices"] = choices_text(node.get("choices", ()))
        initial["columns"] = columns_text(node.get("columns", ()), _column_type_names())
        return initial

    def values(self):
        values = super().values()
        values["choices"] = choices_from_text(values["choices"])
        values["columns"] = columns_from_text(values["columns"], _column_type_words())
        values["min_value"] = _number(values["min_value"])
        values["max_value"] = _number(values["max_value"])
        return values


class FixedTextForm(NodeForm):
    renamed = {"key": "fixed_text"}

    key = _key()
    title = _line(_("Title"))
    text = _text(
        _("Wording"),
        rows=8,
        help_text=_("Plain text: an empty line starts a paragraph, “- ” a list item."),
    )
    default = forms.BooleanField(
        label=_("Offered by Steunwijzer; the partnership still confirms it"), required=False
    )


class RequirementsForm(UtrechtFormMixin, forms.Form):
    """Which mandatory parts the model requires, their names, the chapter that covers each and
    whether that chapter must hold a fixed text; a group of four fields per part."""

    revision = _draft_token(widget=forms.HiddenInput)

    def __init__(self, *args, chapters: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        for part, name in MANDATORY_PARTS.items():
            self.fields[f"{part}-required"] = forms.BooleanField(
                label=_("Every SOP of this model has this part"), required=False
            )
            self.fields[f"{part}-label"] = _line(
                _("Name schools see"), help_text=_("Empty: “%(name)s”.") % {"name": name}
            )
            self.fields[f"{part}-chapter"] = forms.ChoiceField(
                label=_("Chapter that covers it"),
                choices=[("", _("No chapter")), *chapters],
                required=False,
            )
            self.fields[f"{part}-fixed_text"] = forms.BooleanField(
                label=_("Its chapter must contain a fixed text"), required=False
            )
        self.dress_fields()

    @staticmethod
    def initial_from(document: dict) -> dict:
        initial = {}
        for row in requirement_rows(document, tuple(MANDATORY_PARTS)):
            for name in ("required", "label", "fixed_text"):
                initial[f"{row['part']}-{name}"] = row[name]
            chapter = row["chapter"]
            initial[f"{row['part']}-chapter"] = "" if chapter is None else str(chapter)
        return initial

    def groups(self) -> list[tuple[str, list]]:
        """The usual name of each part with its four fields, as the page shows them."""
        return [
            (name, [self[f"{part}-{n}"] for n in ("required", "label", "chapter", "fixed_text")])
            for part, name in MANDATORY_PARTS.items()
        ]

    def clean(self):
        data = super().clean()
        taken: dict[str, str] = {}
        for part, name in MANDATORY_PARTS.items():
            chapter = data.get(f"{part}-chapter")
            if chapter and chapter in taken:
                raise forms.ValidationError(
                    _("A chapter covers one mandatory part; you chose one for “%(a)s” and “%(b)s”.")
                    % {"a": taken[chapter], "b": name}
                )
            if chapter:
                taken[chapter] = name
        return data

    def rows(self) -> list[dict]:
        data = self.cleaned_data
        return [
            {
                "part": part,
                "required": data[f"{part}-required"],
                "label": data[f"{part}-label"].strip(),
                "chapter": int(data[f"{part}-chapter"]) if data[f"{part}-chapter"] else None,
                "fixed_text": data[f"{part}-fixed_text"],
            }
            for part in MANDATORY_PARTS
        ]


NODE_FORMS = {
    "model": ModelInfoForm,
    "chapter": ChapterForm,
    "section": SectionForm,
    "field": FieldForm,
    "fixed_text": FixedTextForm,
}


class OutlineActionForm(forms.Form):
    """A button of the outline: move, remove or add a node at `at` (a place in the tree)."""

    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    at = forms.CharField(required=False, max_length=20)
    revision = _draft_token()


class DraftForm(forms.Form):
    """Publishing or discarding the draft, as it was when the page was shown."""

    revision = _draft_token()

"""Words for what the pure modules give as codes: field types and the model comparison."""

from django.utils.translation import gettext_lazy as _

FIELD_TYPE_LABELS = {
    "short_text": _("Short text"),
    "long_text": _("Long text"),
    "single_choice": _("One choice"),
    "checklist": _("Checklist"),
    "table": _("Table"),
    "number": _("Number"),
    "date": _("Date"),
    "url": _("Web address"),
}

CHANGE_LABELS = {
    "added": _("Added"),
    "removed": _("Removed"),
    "changed": _("Changed"),
}

KIND_LABELS = {
    "model": _("Model"),
    "chapter": _("Chapter"),
    "section": _("Section"),
    "field": _("Field"),
    "fixed_text": _("Fixed text"),
}

ATTRIBUTE_LABELS = {
    "name": _("name"),
    "description": _("description"),
    "requirements": _("mandatory parts and fixed texts required"),
    "title": _("title"),
    "number": _("number"),
    "intro": _("introduction"),
    "mandatory_part": _("mandatory part"),
    "guiding_questions": _("guiding questions"),
    "word_budget": _("word budget"),
    "school_types": _("school types"),
    "type": _("type"),
    "label": _("label"),
    "help": _("help text"),
    "finder_label": _("heading in the school finder"),
    "required": _("required"),
    "example": _("example"),
    "choices": _("choices"),
    "columns": _("columns"),
    "max_length": _("maximum length"),
    "min_value": _("lowest value"),
    "max_value": _("highest value"),
    "text": _("wording"),
    "default": _("offered by Steunwijzer (to be confirmed)"),
    "chapter": _("chapter"),
}


def difference_rows(differences) -> list[dict]:
    """The comparison's differences as rows of the compare page."""
    return [
        {
            "change": d.change,
            "change_label": CHANGE_LABELS[d.change],
            "kind": KIND_LABELS[d.kind],
            "key": d.key,
            "title": d.title,
            "chapter": d.chapter,
            "attributes": [ATTRIBUTE_LABELS[a] for a in d.attributes],
        }
        for d in differences
    ]

"""The words around "In het kort" in the reader's language: each question's title and the
words that introduce its lists. The school's answers (`in_short.py`, pure) stay as written;
the page, the comparison, the PDF and the Word files all take these words from here."""

from django.utils.translation import gettext_lazy as _

TITLES = {
    "can_get": _("What can my child get here?"),
    "cannot": _("What can the school not offer?"),
    "then": _("What happens then?"),
    "contact": _("Who do I contact?"),
}
ITEMS_INTRO = {"can_get": _("For every child who needs it (basic support):")}
EXTRA_INTRO = _("The school can offer extra support with:")


def question_title(question) -> str:
    """The title of a question, or of a row of questions (the comparison's, a dict)."""
    key = question["key"] if isinstance(question, dict) else question.key
    return str(TITLES[key])


def items_intro(question) -> str:
    return str(ITEMS_INTRO.get(question.key, ""))

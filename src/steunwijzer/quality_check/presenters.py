"""The SOP-check in words: the sentence and the tip of each finding, in the user's language.

`checks.py` is pure and gives each finding a code and its values; the pages, the route and the
API read the findings as `present` words them (report.py presents every report it makes).
"""

from dataclasses import replace
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext, pgettext_lazy

from steunwijzer.core.dates import date_text

from .findings import CheckReport, Finding
from .wording import ListError

CHECK_LABELS = {
    "complete": pgettext_lazy("sop check", "Complete"),
    "concrete": pgettext_lazy("sop check", "Concrete"),
    "readable": pgettext_lazy("sop check", "Readable (B1)"),
    "concise": pgettext_lazy("sop check", "Concise"),
    "distinctive": pgettext_lazy("sop check", "Distinctive"),
}

# What a code means, in a few words (the region's overview of what fails most).
CODE_LABELS = {
    "required_empty": gettext_lazy("required field empty"),
    "mandatory_part_missing": gettext_lazy("mandatory part empty"),
    "evaluation_order": gettext_lazy("evaluation dates do not add up"),
    "figures_disagree": gettext_lazy("numbers do not match the school data"),
    "groups_differ_from_invulschema": gettext_lazy("groups differ from the Invulschema"),
    "pupils_differ_from_invulschema": gettext_lazy("pupils differ from the Invulschema"),
    "evaluation_before_establishment": gettext_lazy("next evaluation before establishment"),
    "vague_phrase": gettext_lazy("vague wording"),
    "limits_generic": gettext_lazy("limits too general"),
    "limits_without_groepsgrootte": gettext_lazy("limits without group size"),
    "limits_without_groepssamenstelling": gettext_lazy("limits without group composition"),
    "limits_without_personeel": gettext_lazy("limits without staff"),
    "not_b1": gettext_lazy("not at B1 level"),
    "long_sentence": gettext_lazy("long sentences"),
    "passive": gettext_lazy("passive voice"),
    "jargon": gettext_lazy("jargon without explanation"),
    "over_budget": gettext_lazy("too long"),
    "like_other_schools": gettext_lazy("resembles other schools"),
    "like_example": gettext_lazy("resembles the example text"),
    "own_part_missing": gettext_lazy("own model: part not given"),
    "own_fixed_text_missing": gettext_lazy("own model: fixed text missing"),
    "own_document_unread": gettext_lazy("own model: document not checked"),
}

# The sentence of each code; `like_other_schools` counts schools (see `_message`).
MESSAGES = {
    "mandatory_part_missing": gettext_noop(
        "The mandatory part '%(part)s' is still completely empty."
    ),
    "required_empty": gettext_noop("'%(field)s' is required and still empty."),
    "evaluation_order": gettext_noop("The next evaluation must come after the last evaluation."),
    "figures_disagree": gettext_noop(
        "%(groups)s groups of on average %(average)s pupils makes about %(product)s pupils, "
        "but the school data says %(pupils)s pupils. Check the number of groups and the "
        "average group size."
    ),
    "groups_differ_from_invulschema": gettext_noop(
        "The profile says %(groups)s groups, but the Invulschema of this school year has "
        "%(counted)s groups with pupils. Correct the number of groups or the Invulschema."
    ),
    "pupils_differ_from_invulschema": gettext_noop(
        "The school data says %(pupils)s pupils, but the Invulschema of this school year "
        "counts %(counted)s pupils. Parents see the number from the Invulschema: correct the "
        "school data or the Invulschema."
    ),
    "evaluation_before_establishment": gettext_noop(
        "The next evaluation (%(next)s) comes before the day the profile was established "
        "(%(established)s). Choose a date after the establishment."
    ),
    "vague_phrase": gettext_noop(
        "Vague wording: '%(phrase)s'. Write down what exactly parents can expect."
    ),
    "limits_generic": gettext_noop(
        "The limits are described too generally (fewer than %(words)s words). Write down what "
        "the school cannot offer and what parents can expect then."
    ),
    "limits_without_groepsgrootte": gettext_noop(
        "The limits say nothing about group size. The partnership asks to relate the limits "
        "to group size, composition of the group and staff."
    ),
    "limits_without_groepssamenstelling": gettext_noop(
        "The limits say nothing about group composition. The partnership asks to relate the "
        "limits to group size, composition of the group and staff."
    ),
    "limits_without_personeel": gettext_noop(
        "The limits say nothing about staff. The partnership asks to relate the limits to "
        "group size, composition of the group and staff."
    ),
    "not_b1": gettext_noop(
        "'%(title)s' is hard to read: Flesch-Douma %(score)s, on average %(words)s words per "
        "sentence, %(share)s%% of the sentences longer than 15 words. Make sentences shorter "
        "and choose shorter words."
    ),
    "long_sentence": gettext_noop("This sentence is longer than %(words)s words."),
    "passive": gettext_noop("Passive voice: say who does it."),
    "jargon": gettext_noop("Jargon '%(term)s': explain or replace it."),
    "over_budget": gettext_noop(
        "This chapter has %(count)s words; the partnership asks for at most %(budget)s."
    ),
    "like_example": gettext_noop(
        "Resembles the model's example text for %(percent)s%%. Write it in your own words, "
        "about your own school."
    ),
    "own_part_missing": gettext_noop("%(part)s is still missing."),
    "own_fixed_text_missing": gettext_noop(
        "The fixed text of '%(part)s' is not in the document: “%(quote)s” is missing. Copy the "
        "partnership's fixed text word for word into your document and upload it again."
    ),
    "own_document_unread": gettext_noop(
        "The document has not been checked for the partnership's fixed texts yet. Upload it "
        "again, so that Steunwijzer can check it."
    ),
}

# The standard tip of a code; a jargon finding's tip is the explanation from the list.
TIPS = {
    "vague_phrase": gettext_noop("Say when, how often, for whom and by whom."),
    "long_sentence": gettext_noop("Split the sentence in two."),
    "passive": gettext_noop("For example: 'The internal supervisor discusses …'."),
}


def finding_message(finding: Finding) -> str:
    """The finding's sentence in the active language."""
    values = {
        name: date_text(value) if isinstance(value, date) else value
        for name, value in finding.params
    }
    if finding.code == "like_other_schools":
        return (
            ngettext(
                "Matches %(percent)s%% with %(count)s other school. "
                "Describe what your school does differently.",
                "Matches %(percent)s%% with %(count)s other schools. "
                "Describe what your school does differently.",
                values["count"],
            )
            % values
        )
    return _(MESSAGES[finding.code]) % values


def finding_tip(finding: Finding) -> str:
    """The finding's tip in the active language ("" when it has none)."""
    if finding.code in TIPS:
        return _(TIPS[finding.code])
    return finding.suggestion


def present(report: CheckReport) -> CheckReport:
    """The report with every finding's sentence and tip filled in, in the active language."""
    return replace(
        report,
        findings=[
            replace(f, message=finding_message(f), suggestion=finding_tip(f))
            for f in report.findings
        ],
    )


def list_error_message(error: ListError) -> str:
    """What is wrong with a line of the partnership's list of vague phrases or jargon."""
    messages = {
        "phrase_with_equals": _(
            "Line %(line)s: '%(text)s' contains a '='. Put only the wording itself in this "
            "list, one per line."
        ),
        "phrase_without_word": _("Line %(line)s: the wording '%(item)s' contains no word."),
        "phrase_too_long": _(
            "Line %(line)s: the wording is too long (at most %(maximum)s characters)."
        ),
        "jargon_without_equals": _(
            "Line %(line)s: '%(text)s' has no '='. Use the form 'term = explanation'."
        ),
        "jargon_without_term": _("Line %(line)s: the term is missing before the '='."),
        "jargon_without_explanation": _(
            "Line %(line)s: the explanation for '%(term)s' is missing after the '='."
        ),
        "term_without_word": _("Line %(line)s: the term '%(item)s' contains no word."),
        "term_too_long": _("Line %(line)s: the term is too long (at most %(maximum)s characters)."),
        "jargon_twice": _("Line %(line)s: '%(term)s' is already on line %(first)s."),
    }
    return messages[error.code] % error.params

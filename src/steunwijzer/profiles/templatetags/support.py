"""What the editor shows beside the text: documents per chapter, the own document, a contact.

Template tags, so the chapter and preview views need not gather these themselves.
"""

from django import template
from django.db.models import F

from steunwijzer.profiles.own_document import RequiredText
from steunwijzer.profiles.own_document import own_document_of as _own_document_of
from steunwijzer.profiles.own_document import required_fixed_texts as _required_fixed_texts
from steunwijzer.profiles.supporting_documents import SupportingDocument

register = template.Library()


@register.simple_tag
def chapter_documents(profile, chapter) -> list[SupportingDocument]:
    """The partnership's and the school's documents that inform this chapter."""
    documents = (
        SupportingDocument.objects.without_content()
        .for_profile(profile)
        .order_by(F("school_id").asc(nulls_first=True), "kind", "title", "pk")
    )
    return [d for d in documents if d.informs(chapter)]


@register.simple_tag
def own_document_of(profile):
    return _own_document_of(profile)


@register.simple_tag
def required_fixed_texts(profile) -> list[RequiredText]:
    """The region's fixed texts an own document holds, shown beside it."""
    return _required_fixed_texts(profile.sop_format)


@register.simple_tag(takes_context=True)
def question_contact(context, profile) -> list[dict]:
    return profile.school.board.question_contact(asker=context["request"].user)

"""`question_title` and `items_intro` for the templates that show "In het kort"."""

from django import template

from steunwijzer.publication import in_short_words

register = template.Library()
register.filter("question_title", in_short_words.question_title)
register.filter("items_intro", in_short_words.items_intro)
register.simple_tag(lambda: str(in_short_words.EXTRA_INTRO), name="extra_intro")

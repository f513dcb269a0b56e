"""`{{ value|date_text }}`: a date, moment or ISO date text in the page's language
(`core.dates.date_text`)."""

from django import template

from steunwijzer.core.dates import date_text

register = template.Library()

register.filter("date_text", date_text)

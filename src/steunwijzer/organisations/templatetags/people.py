"""How people are named on pages: the same as in histories and e-mails."""

from django import template

from steunwijzer.organisations.models import display_name

register = template.Library()
register.filter("display_name", display_name)

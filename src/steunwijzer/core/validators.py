"""Field validators shared by several apps' models."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .school_year import is_valid_school_year


def validate_school_year(value):
    if not is_valid_school_year(value):
        raise ValidationError(_("Write the school year as 2026-2027."))

"""Field validators shared by several apps' models."""

from django.core.exceptions import ValidationError

from .school_year import is_valid_school_year


def validate_school_year(value):
    if not is_valid_school_year(value):
        raise ValidationError("Schrijf het schooljaar als 2026-2027.")

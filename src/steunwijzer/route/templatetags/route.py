"""Form fields of the route's step forms, with their errors tied to the input."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from steunwijzer.profiles.models import STATE_LABELS
from steunwijzer.route.labels import PUPIL_METHOD_LABELS, decision_label, route_name, step_label

register = template.Library()


def _error(errors, step, key, failed_action):
    if failed_action != step.action or key not in errors:
        return "", ""
    error_id = f"{step.action}-{key}-error"
    return error_id, format_html(
        '<p class="utrecht-form-field-error-message" id="{}">{}</p>', error_id, errors[key]
    )


@register.simple_tag
def step_error(errors, step, key, failed_action):
    return _error(errors, step, key, failed_action)[1]


def _value(posted, step, key, failed_action, default=""):
    return posted.get(key, "") if failed_action == step.action else default


@register.simple_tag
def step_textarea(step, key, label, posted, errors, failed_action):
    error_id, error = _error(errors, step, key, failed_action)
    field_id = f"{step.action}-{key}"
    return format_html(
        '<div class="sw-field"><label class="utrecht-form-label" for="{}">{}</label>{}'
        '<textarea class="utrecht-textarea" id="{}" name="{}" rows="4"{}>{}</textarea></div>',
        field_id,
        label,
        error,
        field_id,
        key,
        format_html(' aria-describedby="{}" aria-invalid="true"', error_id) if error_id else "",
        _value(posted, step, key, failed_action),
    )


@register.simple_tag
def step_input(
    step, key, label, input_type, posted, errors, failed_action, empty=False, help_text=""
):
    """A one-line input; dates start at today, which is what most steps record, unless
    `empty` (a meeting date must be typed, not taken for granted). `help_text`: a line under the
    label that says what the field is for, tied to the input."""
    default = timezone.localdate().isoformat() if input_type == "date" and not empty else ""
    error_id, error = _error(errors, step, key, failed_action)
    field_id = f"{step.action}-{key}"
    help_id = f"{field_id}-help" if help_text else ""
    described_by = " ".join(filter(None, [help_id, error_id]))
    return format_html(
        '<div class="sw-field"><label class="utrecht-form-label" for="{}">{}</label>{}{}'
        '<input class="utrecht-textbox utrecht-textbox--html-input" type="{}" id="{}" name="{}"'
        ' value="{}"{}{}></div>',
        field_id,
        label,
        format_html('<p class="utrecht-form-field-description" id="{}">{}</p>', help_id, help_text)
        if help_text
        else "",
        error,
        input_type,
        field_id,
        key,
        _value(posted, step, key, failed_action, default),
        format_html(' aria-describedby="{}"', described_by) if described_by else "",
        format_html(' aria-invalid="{}"', "true") if error_id else "",
    )


@register.filter
def state_label(state):
    return STATE_LABELS.get(state, state)


@register.filter
def advice_label(value):
    return decision_label(value)


@register.filter
def pupil_method_label(value):
    label = PUPIL_METHOD_LABELS.get(value)
    return str(label) if label else value


@register.filter(name="step_label")
def step_label_filter(step):
    return step_label(step)


@register.filter(name="route_name")
def route_name_filter(route):
    return route_name(route)


@register.simple_tag
def finding_url(profile, finding):
    """Where a finding of the SOP-check is fixed: its field in the chapter's editor."""
    if not finding.chapter_key:
        return reverse("profile_detail", args=[profile.pk])
    url = reverse("profile_chapter", args=[profile.pk, finding.chapter_key])
    return f"{url}#field-{finding.field_key}" if finding.field_key else url


@register.simple_tag
def step_checkbox(step, key, label, posted, errors, failed_action):
    error_id, error = _error(errors, step, key, failed_action)
    field_id = f"{step.action}-{key}"
    return format_html(
        '<div class="sw-field">{}<input class="utrecht-checkbox utrecht-checkbox--html-input"'
        ' type="checkbox" id="{}" name="{}" value="on"{}{}> <label class="utrecht-form-label"'
        ' for="{}">{}</label></div>',
        error,
        field_id,
        key,
        " checked" if _value(posted, step, key, failed_action) else "",
        format_html(' aria-describedby="{}" aria-invalid="true"', error_id) if error_id else "",
        field_id,
        label,
    )

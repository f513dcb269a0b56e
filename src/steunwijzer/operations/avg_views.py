"""The platform administrator's page for AVG inzage: the same exports as `steunwijzer avg`."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.forms import UtrechtFormMixin
from steunwijzer.organisations.models import Membership

from .avg import AvgError, person_export, school_export


class AvgExportForm(UtrechtFormMixin, forms.Form):
    about = forms.ChoiceField(
        label=gettext_lazy("Access to"),
        choices=[
            ("school", gettext_lazy("a school (BRIN)")),
            ("person", gettext_lazy("a person (username)")),
        ],
        initial="school",
    )
    key = forms.CharField(
        label=gettext_lazy("BRIN or username"),
        max_length=150,
        help_text=gettext_lazy("For example 17XK for a school, or the username of a person."),
    )


@login_required
def avg_export(request):
    if not Membership.is_platform_admin(request.user):
        raise PermissionDenied(_("Only the administrator of Steunwijzer makes an access export."))
    form = AvgExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        about, key = form.cleaned_data["about"], form.cleaned_data["key"].strip()
        try:
            data = school_export(key) if about == "school" else person_export(key)
        except AvgError as exc:
            form.add_error("key", str(exc))
        else:
            return attachment_response(data, "application/zip", f"inzage-{about}-{key}.zip")
    status = 400 if form.errors else 200
    return render(request, "operations/avg_export.html", {"form": form}, status=status)

"""The platform administrator's page for AVG inzage: the same exports as `steunwijzer avg`."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.forms import UtrechtFormMixin
from steunwijzer.organisations.models import Membership

from .avg import AvgError, person_export, school_export


class AvgExportForm(UtrechtFormMixin, forms.Form):
    about = forms.ChoiceField(
        label="Inzage in",
        choices=[("school", "een school (BRIN)"), ("person", "een persoon (gebruikersnaam)")],
        initial="school",
    )
    key = forms.CharField(
        label="BRIN of gebruikersnaam",
        max_length=150,
        help_text="Bijvoorbeeld 17XK voor een school, of de gebruikersnaam van een persoon.",
    )


@login_required
def avg_export(request):
    if not Membership.is_platform_admin(request.user):
        raise PermissionDenied("Alleen de beheerder van Steunwijzer maakt een inzage.")
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

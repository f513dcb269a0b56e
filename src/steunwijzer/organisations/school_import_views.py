"""Partnership staff import their boards and schools from DUO's file (upload, preview, confirm),
name the boards (DUO's file has only their numbers) and assign the schools to districts by
postcode range (preview, then assign).

The preview keeps the file's locations in the session (a region is a few hundred lines), so
the confirmation imports exactly what was shown; the import itself checks again against the
database of that moment, all or nothing.
"""

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .district_assignment import district_preview, districts_assign, range_problem_text
from .districts import parse_ranges, ranges_from_data
from .forms import BoardNamesForm, DistrictRangesForm, PreviewButtons, SchoolImportForm
from .models import Board
from .permissions import get_partnership_for_staff
from .school_import import RegisterRefused, register_read, schools_import
from .school_register import Location, Register
from .services import boards_rename


def _pending_key(partnership) -> str:
    return f"school-import-{partnership.pk}"


@login_required
def schools_import_page(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    key = _pending_key(partnership)
    form = SchoolImportForm(request.POST or None, request.FILES or None)
    ctx = {"partnership": partnership, "form": form}
    if PreviewButtons(request.POST or None).pressed("confirm"):
        return _confirm(request, partnership, key)
    if request.method == "POST" and form.is_valid():
        try:
            register = register_read(form.cleaned_data["file"].read())
            municipalities = form.cleaned_data["municipalities"]
            plan = schools_import(
                partnership=partnership,
                register=register,
                municipalities=municipalities,
                dry_run=True,
            )
        except RegisterRefused as exc:
            ctx |= {"refused": exc.problems, "more": exc.more}
            return render(request, "organisations/schools_import.html", ctx, status=400)
        request.session[key] = {
            "locations": [asdict(location) for location in register.locations],
            "skipped_vso": register.skipped_vso,
            "municipalities": municipalities,
        }
        ctx |= {"plan": plan}
    status = 400 if form.errors else 200
    return render(request, "organisations/schools_import.html", ctx, status=status)


def _confirm(request, partnership, key):
    pending = request.session.get(key)
    if not pending:
        messages.error(request, _("Upload the file again: the preview has expired."))
        return redirect("schools_import", slug=partnership.slug)
    register = Register(
        locations=[Location(**location) for location in pending["locations"]],
        skipped_vso=pending["skipped_vso"],
    )
    try:
        plan = schools_import(
            partnership=partnership,
            register=register,
            municipalities=pending["municipalities"],
        )
    except RegisterRefused as exc:
        ctx = {"partnership": partnership, "form": SchoolImportForm(), "refused": exc.problems}
        return render(request, "organisations/schools_import.html", ctx, status=400)
    del request.session[key]
    geocoding = plan.geocoding
    located = geocoding.located_lines() if geocoding else []
    messages.success(
        request, " ".join([_("The schools have been imported."), *plan.summary(), *located])
    )
    if geocoding and geocoding.problem_lines():
        messages.warning(request, " ".join(geocoding.problem_lines()))
    return redirect("schools_import", slug=partnership.slug)


@login_required
def districts_page(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    stored = "\n".join(r.as_text() for r in ranges_from_data(partnership.district_ranges))
    form = DistrictRangesForm(request.POST or None, initial={"ranges": stored})
    ctx = {"partnership": partnership, "form": form}
    if request.method == "POST" and form.is_valid():
        ranges, problems = parse_ranges(form.cleaned_data["ranges"])
        if problems:
            ctx["refused"] = [range_problem_text(p) for p in problems]
            return render(request, "organisations/districts.html", ctx, status=400)
        if PreviewButtons(request.POST).pressed("assign"):
            changed = districts_assign(partnership=partnership, ranges=ranges)
            messages.success(
                request,
                ngettext(
                    "The districts have been saved; %(n)s school got another district.",
                    "The districts have been saved; %(n)s schools got another district.",
                    changed,
                )
                % {"n": changed},
            )
            return redirect("districts", slug=partnership.slug)
        ctx["preview"] = district_preview(partnership=partnership, ranges=ranges)
    status = 400 if form.errors else 200
    return render(request, "organisations/districts.html", ctx, status=status)


@login_required
def boards_page(request, slug):
    partnership = get_partnership_for_staff(request, slug)
    boards = (
        Board.objects.filter(partnership=partnership)
        .prefetch_related("schools")
        .order_by("board_number", "pk")
    )
    form = BoardNamesForm(request.POST or None, boards=boards)
    if request.method == "POST" and form.is_valid():
        changed = boards_rename(partnership=partnership, names=form.names())
        messages.success(
            request,
            ngettext(
                "The names have been saved; %(n)s board got another name.",
                "The names have been saved; %(n)s boards got another name.",
                changed,
            )
            % {"n": changed},
        )
        return redirect("boards", slug=partnership.slug)
    ctx = {"partnership": partnership, "form": form}
    return render(request, "organisations/boards.html", ctx, status=400 if form.errors else 200)

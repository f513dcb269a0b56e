"""Compare up to three schools' published SOPs side by side, chapter by chapter.

URL: /scholen/vergelijk/?s=12AB00&s=34CD00 — each `s` is a school code (BRIN + vestiging), as
the finder's checkboxes send them. The rows follow the first school's model; a row appears
when at least one of the schools filled it in.
"""

from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from steunwijzer.profiles.answers import is_filled

from .finder import brins_with_several_locations, school_url
from .in_short import in_short
from .lookup import SCHOOL_CODE, published_profile_by_code
from .page_cache import cached_page, page_key, public_version

MAX_SCHOOLS = 3


class CompareError(ValueError):
    pass


def profiles_to_compare(codes: list[str]) -> list:
    """The published profiles behind the codes, in the order given; CompareError otherwise."""
    wanted = list(dict.fromkeys(c.strip().upper() for c in codes if c.strip()))
    if len(wanted) > MAX_SCHOOLS:
        raise CompareError(
            ngettext(
                "You can compare at most %(most)d schools. You chose %(chosen)d: "
                "remove one or more ticks.",
                "You can compare at most %(most)d schools. You chose %(chosen)d: "
                "remove one or more ticks.",
                len(wanted),
            )
            % {"most": MAX_SCHOOLS, "chosen": len(wanted)}
        )
    if len(wanted) < 2:
        raise CompareError(_("Choose two or three schools to compare."))
    profiles = []
    for code in wanted:
        if not SCHOOL_CODE.match(code):
            raise CompareError(
                _(
                    "'%(code)s' is not a school code. A school code is the BRIN with the "
                    "location number, such as 12AB00."
                )
                % {"code": code[:20]}
            )
        try:
            profiles.append(published_profile_by_code(code))
        except Http404:
            raise CompareError(
                _("No published SOP was found for school %(code)s.") % {"code": code}
            ) from None
    return profiles


def comparison(profiles) -> list[dict]:
    """Per chapter of the first school's model: rows of a field and a cell per school."""
    chapters = []
    for chapter in profiles[0].sop_format.chapters:
        rows = []
        for f in chapter.fields:
            cells = []
            for profile in profiles:
                own = None if profile.is_own_model else profile.sop_format.field(f.key)
                applies = own is not None and own.applies_to(profile.school.school_type)
                value = profile.published_revision.answers.get(f.key) if applies else None
                filled = value if is_filled(value) else None
                cells.append({"field": own, "value": filled, "school": profile.school.name})
            if any(cell["value"] is not None for cell in cells):
                rows.append({"field": f, "cells": cells})
        if rows:
            chapters.append({"chapter": chapter, "rows": rows})
    return chapters


def in_short_rows(profiles) -> list[dict]:
    """ "In het kort" side by side: a row per question any of the schools answers, a cell per
    school (None where the school has no answer, or writes its SOP in its own model)."""
    per_school = [
        {}
        if p.is_own_model
        else {
            q.key: q
            for q in in_short(p.sop_format, p.published_revision.answers, p.school.school_type)
        }
        for p in profiles
    ]
    keys = list(dict.fromkeys(key for questions in per_school for key in questions))
    return [
        {
            "key": key,
            "cells": [
                {"question": questions.get(key), "school": p.school.name}
                for p, questions in zip(profiles, per_school, strict=True)
            ],
        }
        for key in keys
    ]


def _render(profiles, path: str) -> str:
    several = brins_with_several_locations({p.school.brin for p in profiles})
    schools = [{"profile": p, "url": school_url(p.school.brin_code, several)} for p in profiles]
    context = {
        "schools": schools,
        "in_short": in_short_rows(profiles),
        "chapters": comparison(profiles),
        "theme_partnership": profiles[0].school.board.partnership,
        "language_next": path,
    }
    return render_to_string("publication/compare.html", context)


def _path_of(codes: list[str]) -> str:
    """The comparison's own address, made from what is in its key only (the kept page is
    shared by every address with these codes): where the language switch comes back to."""
    return f"{reverse('public_compare')}?{urlencode([('s', code) for code in codes])}"


@require_GET
def compare_page(request):
    codes = request.GET.getlist("s")
    key = page_key("compare", public_version(), *codes)
    try:
        return cached_page(
            request, key, lambda: _render(profiles_to_compare(codes), _path_of(codes))
        )
    except CompareError as problem:
        context = {"problem": str(problem)}
        return render(request, "publication/compare.html", context, status=400)

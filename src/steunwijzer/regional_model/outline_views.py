"""The form editor of the SOP model: the draft as chapters → sections → items, each node edited
through its own form, moved, added and removed with buttons; checked by the loader's rules,
previewed, and published as a new version. The tree itself is changed by format_outline.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from steunwijzer.organisations.permissions import get_partnership_for_staff

from .format_outline import (
    MODEL,
    about_requirements,
    apply_action,
    check_document,
    edit,
    node_at,
    node_kind,
    parse_address,
    problem_address,
    set_requirements,
)
from .loader import FormatError
from .outline_forms import NODE_FORMS, DraftForm, OutlineActionForm, RequirementsForm
from .presenters import (
    FIELD_TYPE_LABELS,
    chapter_choices,
    fields_with_problems,
    outline_tree,
    problem_text,
    published_message,
    requirement_summary,
)
from .services import (
    DraftChanged,
    format_draft_discard,
    format_draft_of,
    format_draft_publish,
    format_draft_save,
)


def _outline_url(partnership, at: str = "") -> str:
    url = reverse("format_outline", args=[partnership.slug])
    return f"{url}#node-{at}" if at else url


def _new_titles() -> dict[str, str]:
    """The placeholder texts of a new node, in the partnership's language."""
    return {
        "chapter": _("New chapter"),
        "section": _("New section"),
        "field": _("New field"),
        "fixed_text": _("New fixed text"),
        "text": _("Write the fixed text here."),
    }


def _changed_elsewhere(request, partnership):
    messages.error(
        request,
        _("The draft was changed in the meantime; your change was not saved. Look and try again."),
    )
    return redirect(_outline_url(partnership))


@login_required
def format_outline(request, slug):
    """The draft of the next model version as a tree, with its problems and its preview."""
    partnership = get_partnership_for_staff(request, slug)
    draft = format_draft_of(partnership)
    context = {"partnership": partnership, "draft": draft, "field_types": FIELD_TYPE_LABELS}
    if draft:
        document = draft.document
        sop_format, problems = check_document(document)
        context |= {
            "document": document,
            "revision": draft.token,
            "stored": draft.stored,
            "sop_format": sop_format,
            "problems": problems,
            "tree": outline_tree(document, problems),
            "requirements": requirement_summary(document),
        }
    return render(request, "regional_model/format_outline.html", context)


@login_required
@require_POST
def format_outline_change(request, slug):
    """A button of the outline: move, remove or add a chapter, section, field or fixed text."""
    partnership = get_partnership_for_staff(request, slug)
    form, draft = OutlineActionForm(request.POST), format_draft_of(partnership)
    address = parse_address(form.data.get("at", "")) or ()
    if not form.is_valid() or draft is None:
        messages.error(request, _("This change cannot be made; look at the outline again."))
        return redirect(_outline_url(partnership))
    action = form.cleaned_data["action"]
    document, focus = apply_action(draft[0], action, address, _new_titles())
    if focus is None:
        messages.error(request, _("This change cannot be made; look at the outline again."))
        return redirect(_outline_url(partnership))
    try:
        format_draft_save(
            partnership=partnership,
            document=document,
            user=request.user,
            revision=form.cleaned_data["revision"],
        )
    except DraftChanged:
        return _changed_elsewhere(request, partnership)
    at = ".".join(map(str, focus))
    if action.startswith("add_"):
        return redirect("format_outline_node", slug=slug, at=at)
    return redirect(_outline_url(partnership, at))


@login_required
def format_outline_node(request, slug, at):
    """One chapter, section, field or fixed text (or the model's name and version) edited."""
    partnership = get_partnership_for_staff(request, slug)
    draft = format_draft_of(partnership)
    address = MODEL if at == MODEL else parse_address(at)
    node = draft and address and (draft[0] if address == MODEL else node_at(draft[0], address))
    if not node:
        raise Http404
    document = draft.document
    form_class = NODE_FORMS[MODEL if address == MODEL else node_kind(node, address)]
    if request.method != "POST":
        form = form_class(initial={**form_class.initial_from(node), "revision": draft.token})
    else:
        form = form_class(request.POST)
        if form.is_valid():
            try:
                format_draft_save(
                    partnership=partnership,
                    document=edit(document, address, form.values()),
                    user=request.user,
                    revision=form.cleaned_data["revision"],
                )
            except DraftChanged:
                return _changed_elsewhere(request, partnership)
            return redirect(_outline_url(partnership, at))
    problems = [p for p in check_document(document)[1] if problem_address(p.path) == at]
    fields, others = fields_with_problems(form, problems)
    context = {
        "partnership": partnership,
        "at": at,
        "kind": form_class.__name__,
        "node": node,
        "form": form,
        "fields": fields,
        "problems": others,
    }
    status = 400 if form.errors else 200
    return render(request, "regional_model/format_outline_node.html", context, status=status)


@login_required
def format_outline_requirements(request, slug):
    """Which mandatory parts the model requires, by which name, in which chapter, and where a
    fixed text must stand."""
    partnership = get_partnership_for_staff(request, slug)
    draft = format_draft_of(partnership)
    if draft is None:
        raise Http404
    document = draft.document
    chapters = chapter_choices(document)
    if request.method != "POST":
        initial = {**RequirementsForm.initial_from(document), "revision": draft.token}
        form = RequirementsForm(initial=initial, chapters=chapters)
    else:
        form = RequirementsForm(request.POST, chapters=chapters)
        if form.is_valid():
            try:
                format_draft_save(
                    partnership=partnership,
                    document=set_requirements(document, form.rows()),
                    user=request.user,
                    revision=form.cleaned_data["revision"],
                )
            except DraftChanged:
                return _changed_elsewhere(request, partnership)
            return redirect(_outline_url(partnership, "requirements"))
    problems = [problem_text(p) for p in check_document(document)[1] if about_requirements(p.path)]
    context = {"partnership": partnership, "form": form, "problems": problems}
    status = 400 if form.errors else 200
    return render(request, "regional_model/format_requirements.html", context, status=status)


@login_required
@require_POST
def format_outline_publish(request, slug):
    """The draft published as the partnership's newest version."""
    partnership = get_partnership_for_staff(request, slug)
    form = DraftForm(request.POST)
    if not form.is_valid():
        return _changed_elsewhere(request, partnership)
    try:
        version = format_draft_publish(
            partnership=partnership, user=request.user, revision=form.cleaned_data["revision"]
        )
    except DraftChanged:
        return _changed_elsewhere(request, partnership)
    except FormatError as exc:
        for problem in exc.problems:
            messages.error(request, problem_text(problem))
        return redirect(_outline_url(partnership))
    messages.success(request, published_message(version))
    return redirect("format_versions", slug=slug)


@login_required
@require_POST
def format_outline_discard(request, slug):
    """The draft thrown away; the outline shows the current version again."""
    partnership = get_partnership_for_staff(request, slug)
    form = DraftForm(request.POST)
    try:
        if not form.is_valid():
            raise DraftChanged
        format_draft_discard(partnership=partnership, revision=form.cleaned_data["revision"])
    except DraftChanged:
        return _changed_elsewhere(request, partnership)
    messages.success(request, _("The draft has been discarded."))
    return redirect(_outline_url(partnership))

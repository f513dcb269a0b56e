"""The browser pages of a YAML definition a partnership keeps in versions beside its SOP model:
the Verscheidenheidsindex scheme and the IJK catalogue. Staff of the partnership see the
versions, download each one's file, upload a new file, see what it contains and what it
changes, publish it as a new version and compare two versions.

One set of views for both: each instrument describes its definition in a `KeptDefinition`
(its model, how it is read and stored, its preview and the words of its comparison) and
passes it to these views in its urls.py. Reading never stores: the preview checks the file
with the instrument's loader (at most MAX_SOURCE_BYTES, read in core.bounded's child within
its time and memory: `core.yaml_documents.load_bounded`) and carries the checked text to the
publish form, which checks it again, whole, the same way and stores it in one transaction or
not at all.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from steunwijzer.core.forms import error_messages
from steunwijzer.core.uploads import attachment_response
from steunwijzer.organisations.permissions import get_partnership_for_staff

from .forms import DefinitionPublishForm, DefinitionUploadForm, FormatCompareForm
from .loader import FormatError, FormatProblem
from .presenters import CHANGE_LABELS
from .version_compare import Difference

YAML_TYPE = "application/yaml; charset=utf-8"

# The YAML files Steunwijzer reads, by the command that reads them: for a file of another kind.
FILE_KINDS = {
    "format": gettext_lazy("an SOP model"),
    "diversity": gettext_lazy("a Verscheidenheidsindex scheme"),
    "ijk": gettext_lazy("an IJK catalogue"),
}
CHOOSE = gettext_lazy("Choose one of the versions this partnership published.")


@dataclass(frozen=True)
class KeptDefinition:
    """What the pages need to know of one kind of definition."""

    name: str  # prefix of its URL names, e.g. "diversity_scheme"
    file_kind: str  # its key in FILE_KINDS
    model: type  # its ImportedVersion
    id_field: str  # the model's field with the definition's own id
    title: Promise  # "Verscheidenheidsindex scheme"
    intro: Promise  # what it is for and what a new version changes
    used_by_label: Promise  # the column of what was made with a version
    default_path: Path
    # (partnership=, text=, filename=) → (source, definition, dict); FormatError if refused.
    read: Callable[..., tuple[str, Any, dict]]
    store: Callable[..., Any]  # (partnership=, text=, filename=, user=) → the stored version
    current: Callable[[Any], Any]  # partnership → its definition now (the default until one)
    of_version: Callable[[Any], Any]  # stored version → its definition
    used_by: Callable[[Any], dict[int, int]]  # partnership → {version pk: things made with it}
    compare: Callable[[Any, Any], list[Difference]]
    kind_labels: dict[str, Promise]
    attribute_labels: dict[str, Promise]
    value_text: Callable[[str, Any], str]  # (attribute, value) → as the compare page shows it
    preview_template: str  # shows `preview`
    preview: Callable[[Any], Any]  # definition → what its preview template shows

    def url(self, page: str) -> str:
        return f"{self.name}_{page}"

    @property
    def urls(self) -> dict[str, str]:
        return {page: self.url(page) for page in PAGES}


PAGES = ("versions", "preview", "publish", "source", "default", "compare")


def url_patterns(kind: KeptDefinition, base: str) -> list:
    """The pages of `kind` under `base` ("samenwerkingsverband/<slug:slug>/…/")."""
    routes = {
        "versions": ("", versions),
        "preview": ("inlezen/", preview),
        "publish": ("publiceren/", publish),
        "source": ("<int:pk>.yaml", source),
        "default": ("standaard.yaml", default),
        "compare": ("vergelijken/", compare),
    }
    return [
        path(base + route, view, {"kind": kind}, name=kind.url(page))
        for page, (route, view) in routes.items()
    ]


@login_required
def versions(request, slug, *, kind: KeptDefinition):
    partnership = get_partnership_for_staff(request, slug)
    return _versions_page(request, partnership, kind, DefinitionUploadForm())


@login_required
@require_POST
def preview(request, slug, *, kind: KeptDefinition):
    """The uploaded file checked, with its contents and what it changes; stores nothing."""
    partnership = get_partnership_for_staff(request, slug)
    form = DefinitionUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _versions_page(request, partnership, kind, form, status=400)
    upload = form.cleaned_data["file"]
    filename = form.filename()
    try:
        source, definition, _dict = _read(kind, partnership, upload.read(), filename)
    except FormatError as exc:
        return _versions_page(request, partnership, kind, form, exc.problems, status=422)
    current = kind.current(partnership)
    context = {
        "partnership": partnership,
        "kind": kind,
        "definition": definition,
        "preview": kind.preview(definition),
        "current": current,
        "rows": difference_rows(kind, kind.compare(current, definition)),
        "form": DefinitionPublishForm(initial={"source": source, "filename": filename}),
    }
    return render(request, "regional_model/kept/preview.html", context)


@login_required
@require_POST
def publish(request, slug, *, kind: KeptDefinition):
    """The previewed text, checked again whole and stored as the newest version."""
    partnership = get_partnership_for_staff(request, slug)
    form = DefinitionPublishForm(request.POST)
    if not form.is_valid():
        return _versions_page(
            request,
            partnership,
            kind,
            DefinitionUploadForm(),
            status=400,
            problems=_form_problems(form),
        )
    data = form.cleaned_data
    try:
        version = kind.store(
            partnership=partnership,
            text=data["source"],
            filename=data["filename"],
            user=request.user,
        )
    except FormatError as exc:
        return _versions_page(
            request, partnership, kind, DefinitionUploadForm(), exc.problems, status=422
        )
    messages.success(
        request,
        _(
            "%(version)s has been published. What is made from now on uses this version; what "
            "was made before keeps its own."
        )
        % {"version": version},
    )
    return redirect(kind.url("versions"), slug=partnership.slug)


@login_required
def source(request, slug, pk, *, kind: KeptDefinition):
    partnership = get_partnership_for_staff(request, slug)
    version = get_object_or_404(kind.model, partnership=partnership, pk=pk)
    filename = f"{getattr(version, kind.id_field)}-{version.version}.yaml"
    return attachment_response(version.source, YAML_TYPE, filename)


@login_required
def default(request, slug, *, kind: KeptDefinition):
    """The file Steunwijzer ships, to start a partnership's own from."""
    get_partnership_for_staff(request, slug)
    return attachment_response(kind.default_path.read_bytes(), YAML_TYPE, kind.default_path.name)


@login_required
def compare(request, slug, *, kind: KeptDefinition):
    """What changed between two stored versions."""
    partnership = get_partnership_for_staff(request, slug)
    stored = kind.model.objects.filter(partnership=partnership).order_by("-imported_at", "-pk")
    form = FormatCompareForm(request.GET or None, versions=stored.defer("source"), choose=CHOOSE)
    rows = None
    if form.is_valid():
        old, new = form.cleaned_data["a"], form.cleaned_data["b"]
        rows = difference_rows(kind, kind.compare(kind.of_version(old), kind.of_version(new)))
    context = {"partnership": partnership, "kind": kind, "form": form, "rows": rows}
    status = 400 if form.errors else 200
    return render(request, "regional_model/kept/compare.html", context, status=status)


def _versions_page(request, partnership, kind, form, problems=(), status=200):
    stored = (
        kind.model.objects.filter(partnership=partnership)
        .order_by("-imported_at", "-pk")
        .defer("source", "definition")
        .select_related("imported_by")
    )
    used_by = kind.used_by(partnership)
    context = {
        "partnership": partnership,
        "kind": kind,
        "versions": [(version, used_by.get(version.pk, 0)) for version in stored],
        "current": kind.current(partnership),
        "form": form,
        "problems": problems,
    }
    return render(request, "regional_model/kept/versions.html", context, status=status)


def _read(kind: KeptDefinition, partnership, data: bytes, filename: str):
    """The upload checked by the instrument's loader; a file of another kind is named as such
    instead of with every key it does not have."""
    try:
        return kind.read(partnership=partnership, text=data, filename=filename)
    except FormatError as exc:
        if exc.kind and exc.kind != kind.file_kind:
            message = _("This file is %(found)s; this page reads %(expected)s.") % {
                "found": FILE_KINDS[exc.kind],
                "expected": FILE_KINDS[kind.file_kind],
            }
            raise FormatError([FormatProblem(filename, None, "", message)]) from None
        raise


def _form_problems(form) -> list[FormatProblem]:
    return [FormatProblem("", None, "", message) for message in error_messages(form)]


def difference_rows(kind: KeptDefinition, differences: list[Difference]) -> list[dict]:
    """The differences as rows of the compare table, worded."""
    return [
        {
            "change": d.change,
            "change_label": CHANGE_LABELS[d.change],
            "kind": kind.kind_labels[d.kind],
            "key": d.key,
            "title": d.title,
            "changes": [
                {
                    "label": kind.attribute_labels[c.attribute],
                    "before": kind.value_text(c.attribute, c.before),
                    "after": kind.value_text(c.attribute, c.after),
                }
                for c in d.changes
            ],
        }
        for d in differences
    ]

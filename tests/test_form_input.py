"""One way to read input: what is posted reaches the code through a Django form.

A view may hand `request.POST` and `request.FILES` to a form (`SomeForm(request.POST)`), or to
a template or helper as a whole; it does not pick fields out of them itself. Form modules
(`forms.py`) are where fields are read, so they are not checked.
"""

import ast
from pathlib import Path

import pytest

import steunwijzer

SOURCE = Path(steunwijzer.__file__).parent
INPUTS = {"POST", "FILES"}


def _is_input(node) -> bool:
    """`request.POST`, `self.request.FILES` and the like."""
    if not (isinstance(node, ast.Attribute) and node.attr in INPUTS):
        return False
    owner = node.value
    return (isinstance(owner, ast.Name) and owner.id == "request") or (
        isinstance(owner, ast.Attribute) and owner.attr == "request"
    )


def hand_reads(source: str) -> list[tuple[int, str]]:
    """(line, what) for every field read straight from the posted data."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and _is_input(node.value):
            found.append((node.lineno, f"{node.value.attr}.{node.attr}"))
        elif isinstance(node, ast.Subscript) and _is_input(node.value):
            found.append((node.lineno, f"{node.value.attr}[...]"))
        elif isinstance(node, ast.Compare):
            for op, right in zip(node.ops, node.comparators, strict=True):
                if isinstance(op, ast.In | ast.NotIn) and _is_input(right):
                    found.append((node.lineno, f"... in {right.attr}"))
        elif isinstance(node, ast.For | ast.comprehension) and _is_input(node.iter):
            found.append((node.iter.lineno, f"for ... in {node.iter.attr}"))
    return found


def _checked_modules():
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name == "forms.py" or "migrations" in path.parts:
            continue
        yield path


def test_no_module_reads_posted_fields_by_hand():
    offences = [
        f"{path.relative_to(SOURCE.parent)}:{line}: {what}"
        for path in _checked_modules()
        for line, what in hand_reads(path.read_text(encoding="utf-8"))
    ]
    assert not offences, "Read these through a form (the app's forms.py):\n" + "\n".join(offences)


def test_the_views_are_among_the_checked_modules():
    checked = {path.relative_to(SOURCE).as_posix() for path in _checked_modules()}
    assert {"profiles/views.py", "route/views.py", "instruments/diversity/api.py"} <= checked


@pytest.mark.parametrize(
    "source",
    [
        'kind = request.POST.get("kind")',
        'kind = request.POST["kind"]',
        'chosen = request.POST.getlist("profiles")',
        'upload = request.FILES.get("file")',
        'cancel = "cancel" in request.POST',
        'save = "preview" not in self.request.POST',
        "names = [name for name in request.POST]",
        "for name in request.POST:\n    pass",
        "items = request.POST.items()",
    ],
)
def test_a_hand_read_is_found(source):
    assert hand_reads(source)


@pytest.mark.parametrize(
    "source",
    [
        "form = SomeForm(request.POST, request.FILES)",
        "form = SomeForm(request.POST or None, request.FILES or None)",
        'context = {"posted": request.POST if failed else {}}',
        'data = request.POST if request.method == "POST" else request.GET',
        'page = request.GET.get("pagina")',
        'value = post.get("x")',
    ],
)
def test_handing_the_data_over_is_allowed(source):
    assert hand_reads(source) == []

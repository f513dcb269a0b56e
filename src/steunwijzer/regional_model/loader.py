"""Read a regional SOP model (SOP-format) from YAML, check it and turn it into plain data.

Pure Python, no Django. `parse_format` returns the `SopFormat` dataclasses plus a normalised,
JSON-serialisable dict; that dict is what `FormatVersion.definition` stores and
`format_from_dict` turns back into an equal `SopFormat`.

This module is the public face of the loader; the rest of the code imports from here. The file
is described by the pydantic models in `format_document.py` and read by the loader the three
YAML documents share (`core/yaml_documents.py`: every problem, with line and place, in Dutch);
`format_dict.py` holds the dict form. The file format is described in
docs/regional-model-format.md.
"""

from pathlib import Path

from steunwijzer.core.yaml_documents import load_yaml
from steunwijzer.core.yaml_source import FormatError, FormatProblem, decode_source

from .format_dict import format_from_dict, format_to_dict
from .format_document import SopModelDoc
from .format_values import slugify_key
from .sop_format import FixedText, SopFormat

__all__ = [
    "DEFAULT_FORMAT_PATH",
    "MAX_SOURCE_BYTES",
    "FormatError",
    "FormatProblem",
    "decode_source",
    "format_from_dict",
    "format_summary",
    "format_to_dict",
    "parse_format",
    "slugify_key",
]

DEFAULT_FORMAT_PATH = Path(__file__).resolve().parent / "formats" / "haaglanden-2.0.yaml"

# The largest model, scheme or catalogue read from a file or an upload. The shipped ones are
# 3 to 35 kB; a YAML file this size is something else.
MAX_SOURCE_BYTES = 1024 * 1024


def parse_format(text: str | bytes, filename: str = "<model>") -> tuple[SopFormat, dict]:
    """Check a model in YAML; return it as `SopFormat` plus the normalised dict to store.

    Raises `FormatError` with every problem found. Bytes are decoded as UTF-8.
    """
    fmt = format_from_dict(load_yaml(SopModelDoc, text, filename).model_dump())
    return fmt, format_to_dict(fmt)


def format_summary(fmt: SopFormat) -> str:
    """'6 hoofdstukken, 31 invulvelden, 3 vaste teksten' for command output and admin."""
    fixed_texts = sum(
        isinstance(item, FixedText)
        for chapter in fmt.chapters
        for section in chapter.sections
        for item in section.items
    )
    return ", ".join(
        [
            _count(len(fmt.chapters), "hoofdstuk", "hoofdstukken"),
            _count(len(fmt.fields), "invulveld", "invulvelden"),
            _count(fixed_texts, "vaste tekst", "vaste teksten"),
        ]
    )


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"

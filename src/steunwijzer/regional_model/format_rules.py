"""The rules of the regional SOP model that the checker and the dict form share.

Pure Python, no Django: the format marker and schema version, the allowed keys per level and
the shape of keys, ids and versions, and `slugify_key`. A module of its own so `yaml_checker.py`
and `format_dict.py` need not import `loader.py`, which re-exports all of it.
"""

import re
import unicodedata

FORMAT_MARKER = "sop-model"
# Bumped when the stored dict shape changes in a way old definitions need converting for.
SCHEMA_VERSION = 1

KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
ID_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
VERSION_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
MAX_KEY_LENGTH = 60
MAX_ID_LENGTH = 60  # FormatVersion.format_id
MAX_NAME_LENGTH = 200  # FormatVersion.name
MAX_VERSION_LENGTH = 20  # FormatVersion.version

TEXT_TYPES = ("short_text", "long_text")
CHOICE_TYPES = ("single_choice", "checklist")

# Allowed keys per level: key -> required.
TOP_KEYS = {
    "format": True,
    "id": True,
    "name": True,
    "version": True,
    "description": False,
    "chapters": True,
}
CHAPTER_KEYS = {
    "key": True,
    "number": False,
    "title": True,
    "mandatory_part": False,
    "intro": False,
    "word_budget": False,
    "guiding_questions": False,
    "school_types": False,
    "sections": True,
}
SECTION_KEYS = {"key": True, "title": True, "intro": False, "items": True}
FIXED_TEXT_KEYS = {"fixed_text": True, "title": False, "text": True}
FIELD_KEYS = {
    "field": True,
    "type": True,
    "label": True,
    "help": False,
    "required": False,
    "example": False,
    "max_length": False,
    "min_value": False,
    "max_value": False,
    "choices": False,
    "columns": False,
    "school_types": False,
}
COLUMN_KEYS = {"key": True, "label": True, "type": False, "choices": False}
CHOICE_KEYS = {"key": True, "label": True}


def slugify_key(text: str) -> str:
    """A key made from a label: 'Taal / NT2' -> 'taal_nt2', 'Fysiek/medisch' -> 'fysiek_medisch'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
    return slug[:MAX_KEY_LENGTH].rstrip("_")

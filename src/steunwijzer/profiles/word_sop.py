"""An old SOP in Word (.docx), read into parts: a heading and the paragraphs under it.

Pure Python, no Django: it runs in the bounded child process (core/bounded.py), because the
file is uploaded by a person and may be anything. Schools build their headings three ways, and
all three are read as headings:

- Word's heading styles ("Heading 1", "Kop 2", "Title");
- a short paragraph that is bold throughout;
- a short paragraph that starts with a number such as "1." or "2.1".

Tables and images are not read. The answer is JSON: the parts, or an error code the service
words ("not_docx", "no_headings").
"""

import io
import json
import re
from dataclasses import asdict, dataclass, field

import docx

# A heading is a title, not a sentence: longer paragraphs are text even when bold or numbered.
HEADING_MAX_CHARS = 120
_NUMBERED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$")
_STYLE_LEVEL = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list|lijst)", re.IGNORECASE)


@dataclass
class Part:
    heading: str
    level: int
    paragraphs: list[str] = field(default_factory=list)


class WordSopError(Exception):
    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


def _is_bold(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return all(r.bold or (r.bold is None and style_bold) for r in runs)


def heading_of(paragraph, text: str) -> tuple[str, int] | None:
    """(title, level) when the paragraph is a heading, else None."""
    style = paragraph.style.name if paragraph.style is not None else ""
    if style.lower() == "title":
        return text, 1
    if match := _STYLE_LEVEL.match(style):
        return _NUMBERED.sub(r"\2", text), int(match.group(1))
    if len(text) > HEADING_MAX_CHARS or text.endswith((".", ":", ";", ",")):
        # "1. Wij bieden ... aan." is a numbered sentence, not a heading.
        return None
    if match := _NUMBERED.match(text):
        return match.group(2), match.group(1).count(".") + 1
    if _is_bold(paragraph):
        return text, 1
    return None


def read_parts(data: bytes) -> list[Part]:
    """The document's parts in order; text before the first heading is a part without one."""
    try:
        document = docx.Document(io.BytesIO(data))
    except MemoryError:
        raise
    # python-docx and lxml fail in many ways on a broken package (missing parts, bad XML, a
    # wrong content type); to the school each means the same: this is not a Word file we read.
    except Exception:
        raise WordSopError("not_docx") from None
    parts = [Part("", 0)]
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        if not text:
            continue
        heading = heading_of(paragraph, text)
        if heading is not None:
            parts.append(Part(heading[0], heading[1]))
            continue
        style = paragraph.style.name if paragraph.style is not None else ""
        parts[-1].paragraphs.append(f"- {text}" if _LIST_STYLE.match(style) else text)
    if len(parts) == 1:
        raise WordSopError("no_headings")
    return [p for p in parts if p.heading or p.paragraphs]


def read_in_child(payload: bytes) -> bytes:
    """`read_parts` as the bounded child runs it: the file's bytes in, JSON out."""
    try:
        return json.dumps({"parts": [asdict(p) for p in read_parts(payload)]}).encode()
    except WordSopError as exc:
        return json.dumps({"error": exc.code}).encode()


def parts_from_json(answer: bytes) -> list[Part]:
    data = json.loads(answer)
    if "error" in data:
        raise WordSopError(data["error"])
    return [Part(**p) for p in data["parts"]]

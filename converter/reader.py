"""Stage 1, read: a text file → ``model.Document`` (one ``Line`` per input line).

Announcements arrive as text extracted from PDFs, sometimes with the light markup of a
PDF-to-markdown tool (``<b>``, ``<u>``, ``<i>``, ``<hr/>``, ``**``, ``__``, ``#`` headings,
``HK\\$`` escapes). Everything after this stage reads ``Line.text``; the emphasis is kept as
``bold``/``underline`` because statements mark subtotals and totals that way.
"""
from __future__ import annotations

import re
from pathlib import Path

from .errors import InputError
from .model import Document, Line

# Tags whose presence marks the line; all tags are removed from the text.
_BOLD_TAG = re.compile(r"</?\s*(?:b|strong)\s*>", re.IGNORECASE)
_UNDERLINE_TAG = re.compile(r"</?\s*u\s*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?\s*[a-zA-Z][a-zA-Z0-9]*\s*/?\s*>")
_MD_BOLD = re.compile(r"\*\*|__")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
# Markdown escapes of punctuation: "HK\$'000" → "HK$'000", "\*" → "*".
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!$|~])")
# Math-mode wrappers some extractors put around figures: "$(128,261)$" → "(128,261)".
_MATH_NUMBER = re.compile(r"\$(\(?[\d,.]+\)?)\$")
# Superscript footnote markers: "^{*}" → "*".
_SUPERSCRIPT = re.compile(r"\^\{([^}]*)\}")
# Markdown emphasis with single * around words ("*Note*"), not a lone "*" cell.
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\t]+?)(?<=\S)\*(?![\w*])")

_BINARY_CONTROL = set(range(0, 9)) | {11, 12} | set(range(14, 32))


_CELL_BREAK = re.compile(r"</t[dh]>\s*<t[dh][^>]*>", re.IGNORECASE)
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _table_cells(raw: str) -> str:
    """Table markup → tab-separated cells: HTML ``<td>`` cells and markdown pipe rows
    ("| Revenue | 4 | 1,234 | 1,000 |") both become "Revenue\t4\t1,234\t1,000"."""
    line = _CELL_BREAK.sub("\t", raw)
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
        cells = [c.strip() for c in stripped[1:-1].split("|")]
        return "\t".join(cells)
    return line


def strip_markup(raw: str) -> tuple[str, bool, bool]:
    """Remove markup from one line; return ``(text, bold, underline)``.

    Tabs are kept: they separate the cells of a table row.

    >>> strip_markup("<b>Revenue</b>\\t<u>(1,234)</u>")
    ('Revenue\\t(1,234)', True, True)
    >>> strip_markup("| Revenue | 4 | 1,234 | 1,000 |")
    ('Revenue\\t4\\t1,234\\t1,000', False, False)
    """
    if _PIPE_RULE.match(raw) and "|" in raw:
        return "", False, False          # the rule under a markdown table header
    bold = bool(_BOLD_TAG.search(raw) or _MD_BOLD.search(raw))
    underline = bool(_UNDERLINE_TAG.search(raw))
    text = _ANY_TAG.sub("", _table_cells(raw))
    text = _MD_HEADING.sub("", text)
    text = _MD_BOLD.sub("", text)
    text = _MATH_NUMBER.sub(r"\1", text)
    text = _SUPERSCRIPT.sub(r"\1", text)
    text = _MD_ITALIC.sub(r"\1", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    text = text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")
    text = text.rstrip(" \r\n")  # trailing spaces are markdown line breaks, not content
    return text, bold, underline


def decode(data: bytes, source: str) -> str:
    """Bytes → text; UTF-8 (with or without BOM) or UTF-16 with a BOM, else ``InputError``."""
    if not data.strip():
        raise InputError(f"input file is empty: {source}")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"input file is not valid UTF-16 text: {source}") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"input file looks binary, not text: {source}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"input file is not UTF-8 text (byte {exc.start}): {source}") from exc
    sample = text[:8192]
    control = sum(1 for ch in sample if ord(ch) in _BINARY_CONTROL)
    if control > max(8, len(sample) // 100):
        raise InputError(f"input file looks binary, not text: {source}")
    return text


def document_from_text(text: str, source: str = "<text>") -> Document:
    """Split text into ``Line``s (1-based numbers) with markup stripped."""
    lines = []
    for no, raw in enumerate(text.splitlines(), start=1):
        clean, bold, underline = strip_markup(raw)
        lines.append(Line(no=no, raw=raw, text=clean, bold=bold, underline=underline))
    return Document(source=source, lines=tuple(lines))


def read_document(path: Path) -> Document:
    """Read an announcement text file; ``InputError`` when it is missing, empty or not text."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"input file not found: {path}")
    if path.is_dir():
        raise InputError(f"input is a directory, not a file: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read input file {path}: {exc.strerror or exc}") from exc
    return document_from_text(decode(data, str(path)), source=str(path))

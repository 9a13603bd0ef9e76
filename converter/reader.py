"""Stage 1, read: a text file → ``model.Document`` (one ``Line`` per input line).

Announcements arrive as text extracted from PDFs, sometimes with the light markup of a
PDF-to-markdown tool (``<b>``, ``<u>``, ``<i>``, ``<hr/>``, ``**``, ``__``, ``#`` headings,
``HK\\$`` escapes). Everything after this stage reads ``Line.text``; the emphasis is kept as
``bold``/``underline`` because statements mark subtotals and totals that way.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .digit_groups import comma_grouped, groups_by_space
from .errors import InputError
from .locate import title_kinds
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

# A currency sign printed before a figure in a table cell (US style: "$ 1,234.5", "$(775.2)",
# "£ 12.3", or the sign at the column's left edge and the figure at its right: "$   184,312"),
# set off from the label by a tab or two spaces, the figure ending at a cell
# boundary (a tab, two spaces or the line's end): the sign says nothing the unit line does
# not, and glued to the figure it hides the cell. It is blanked (not deleted) so that columns
# laid out with spaces keep their positions. Prose ("less than HK$1,000") is left alone.
_CELL_CURRENCY = re.compile(
    r"(?:(?<=\t)|(?<=\s\s)|(?<=^))(?:US\$|HK\$|S\$|A\$|C\$|\$|£|€|¥) *"
    r"(?!000(?:\t|\s|$))(?=\(?-?\d[\d,]*(?:\.\d+)?\)?(?:\t|\s{2,}|\s*$))")
# ("$000" over a column is the unit, thousands of dollars, not a dollar sign before a nil.)


# ... or inside the parentheses of a negative figure: "($775.2)" → " (775.2)"
_CELL_CURRENCY_IN_PARENS = re.compile(
    r"(?:(?<=\t)|(?<=\s\s)|(?<=^))\((?P<sign>(?:US\$|HK\$|S\$|A\$|C\$|\$|£|€|¥)\s?)"
    r"(?P<figure>\d[\d,]*(?:\.\d+)?\))(?=\t|\s{2,}|\s*$)")


# A per-share figure printed with its sub-unit glued on ("21.4p", "(3.2)p", "12.5c", "8¢"),
# at a cell boundary: the label or header says pence or cents; the letter hides the figure.
# Blanked, like the currency sign, so that columns keep their places.
_CELL_SUBUNIT = re.compile(r"(?P<figure>(?:^|\t|\s\s)\(?-?\d[\d,]*(?:\.\d+)?\)?)(?:p|c|¢)"
                           r"(?=\t|\s{2,}|\s*$)")
# A minus sign (U+2212) before a figure is the hyphen-minus every later stage reads; so is the
# triangle Japanese and Chinese statements mark a negative figure with ("△1,234", "▲87").
_MINUS_SIGN = re.compile(r"[\u2212△▲](?=\s?\d)")
# A minus set off from its figure by a space at a cell's start ("-  1 234" typeset as "- 1 234"):
# the space goes before the sign, so that the cell reads as one negative figure.
_SPACED_MINUS = re.compile(r"(?P<lead>^|\t|\s\s)[-−–] (?=\d)")
# Parentheses set off from their figure by spaces ("( 1,234.5 )", common in Chinese and
# Japanese filings): the spaces move before the opening parenthesis, so that the cell reads as
# one negative figure and keeps its right edge (columns laid out with spaces keep their places).
_SPACED_PARENS = re.compile(r"(?<![^\s])\((?P<inner> *)(?P<figure>\d[\d,]*(?:\.\d+)?)"
                            r"(?P<trail> *)\)(?=\s|$)")


# A minus printed after its figure ("31,442-", ERP and some Nordic/German layouts), at a cell's
# end: it moves in front ("-31,442"), same width, so the figure reads as negative.
_TRAILING_MINUS = re.compile(r"(?<![\w,.\-])(?P<figure>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)-"
                             r"(?=\t|\s|$)")


def _close_spaced_parens(text: str) -> str:
    if "( " not in text and " )" not in text:
        return text
    return _SPACED_PARENS.sub(lambda m: " " * (len(m.group("inner")) + len(m.group("trail")))
                              + "(" + m.group("figure") + ")", text)


def _blank_cell_currency(text: str) -> str:
    text = _CELL_CURRENCY_IN_PARENS.sub(
        lambda m: " " * len(m.group("sign")) + "(" + m.group("figure"), text)
    text = _SPACED_MINUS.sub(lambda m: m.group("lead") + " -", _MINUS_SIGN.sub("-", text))
    text = _close_spaced_parens(_TRAILING_MINUS.sub(lambda m: "-" + m.group("figure"), text))
    text = _CELL_SUBUNIT.sub(lambda m: m.group("figure") + " ", text)
    return _CELL_CURRENCY.sub(lambda m: " " * len(m.group(0)), text)


# "Nil" printed in a figure column instead of a dash (common in HK and UK statements): a whole
# cell (a tab field, or set off by two spaces in layout text) on a line that prints figures.
# It becomes a dash of the same width, so every reader of cells sees the one nil form.
_NIL_CELL = re.compile(r"(?:(?<=\t)|(?<=\s\s))nil(?=\t|\s\s|\s*$)", re.IGNORECASE)
_FIGURE_ON_LINE = re.compile(r"\d[\d,]*|[–—]")


def _nil_cells_as_dashes(text: str) -> str:
    if "nil" not in text.lower() or not _FIGURE_ON_LINE.search(_NIL_CELL.sub("", text)):
        return text
    return _NIL_CELL.sub("  –", text)


_NEWLINE = re.compile(r"\r\n|\r|\n")
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
    text = _nil_cells_as_dashes(_blank_cell_currency(text))
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
    page_starts: set[int] = set()
    # Lines end at newlines only: a form feed (pdftotext's page break, printed before a page's
    # first line or after its last) marks a page, it is not a line of its own, so that line
    # numbers are those an editor shows (``str.splitlines`` would count one line more).
    chunks = _NEWLINE.split(text)
    if chunks and chunks[-1] == "":
        chunks.pop()
    for i, chunk in enumerate(chunks):
        if "\f" in chunk:
            before, _, after = chunk.rpartition("\f")
            ends_page = bool(before.strip()) and not after.strip()
            page_starts.add(i + 1 if ends_page else i)   # the index of the page's first line
        raw = chunk.replace("\f", "")
        clean, bold, underline = strip_markup(raw)
        lines.append(Line(no=i + 1, raw=raw, text=clean, bold=bold, underline=underline))
    if groups_by_space(line.text for line in lines):
        lines = [replace(line, text=comma_grouped(line.text)) for line in lines]
    return Document(source=source, lines=blank_page_furniture(lines, frozenset(page_starts)))


# A page number alone on its line: "7", "- 7 -", "Page 7", "7 of 20", "7/20".
_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.IGNORECASE)
_AMOUNT = re.compile(r"\d,\d{3}|\(\d|\d\.\d")
# A statement's title and period line, when a page starts with them, are not furniture even
# where they recur (duplicated layers, a statement continued on the next page).
# A running header that names the document before its period ("Final results for the year
# ended 30 September 2025", "Audited results for the financial year ended ...") is furniture:
# only a line that opens with the period is a statement's period line.
_PERIOD_HEADER = re.compile(r"^(?:\(?(?:un)?audited\)?\s+)?(?:for the|as at|as of|at)\b|"
                            r"^(?:\(?(?:un)?audited\)?\s+)?(?:the )?(?:(?:six|three|nine|"
                            r"twelve|\d{1,2}|52|53)[\s-])?(?:financial )?(?:year|months|weeks|"
                            r"period)s? ended\b", re.I)
# Words of a running page header or footer (issuer, document), when it is printed only once.
_FURNITURE_CUE = re.compile(r"\b(?:berhad|bhd|limited|ltd|plc|inc|holdings|corporation|"
                            r"registration|company\s+no|announcement|results|report|page)\b", re.I)


def blank_page_furniture(lines: list[Line], page_starts: frozenset[int] = frozenset()
                         ) -> tuple[Line, ...]:
    """Blank the page furniture a PDF-to-text extraction leaves inside statements.

    Layout extraction prints each page's number and running header where the page broke,
    which may be in the middle of a statement: a page number alone on its line ("7",
    "- 7 -") between blank lines would otherwise read as a figure, and the running header
    ("ACME BERHAD (Registration No. ...)") as a row heading. The lines are blanked, not
    removed, so line numbers stay those of the input. A page number needs a blank line (or
    the document edge) beside it and no tab (tab-separated rows keep empty label cells), and
    a bare number must stand centred or right (a figure flush left between blank lines is
    one the extraction split off its row) unless a form feed (``page_starts``: indexes of
    lines that open a page) follows or precedes it across blank lines; the
    header is the run of lines next to it up to a blank line, when none carries an amount
    and its text recurs in the document or names the issuer or document.
    """
    texts = [ln.text.strip() for ln in lines]
    counts: dict[str, int] = {}
    for t in texts:
        if t:
            counts[t] = counts.get(t, 0) + 1

    def blank(i: int) -> bool:
        return i < 0 or i >= len(texts) or not texts[i]

    # a running footer or header with the page number on its own line's end ("Acme Limited
    # Annual results 2025        7"): the same words on every page, only the number differs
    stems: dict[str, int] = {}
    for t in texts:
        stem = _numbered_furniture(t)
        if stem:
            stems[stem] = stems.get(stem, 0) + 1

    drop: set[int] = set()
    for i, t in enumerate(texts):
        stem = _numbered_furniture(t)
        if stem and "\t" not in lines[i].text and _at_page_break(texts, i, page_starts) and \
                not title_kinds(stem) and (stems[stem] > 1 or _FURNITURE_CUE.search(stem)):
            drop.add(i)
            continue
        if not t or "\t" in lines[i].text or not _PAGE_NUMBER.match(t):
            continue
        if t.isdigit() and not lines[i].text.startswith(" " * 10) and \
                not _at_page_break(texts, i, page_starts):
            continue            # a bare figure flush left is a figure the extraction split off
        if not (blank(i - 1) or blank(i + 1)):
            continue
        drop.add(i)
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(texts) and not texts[j]:
                j += step
            run = []
            while 0 <= j < len(texts) and texts[j] and len(run) <= 3:
                run.append(j)
                j += step
            if run and blank(j) and all(
                    not _AMOUNT.search(texts[k]) and "\t" not in lines[k].text and
                    not title_kinds(texts[k]) and not _PERIOD_HEADER.search(texts[k]) and
                    (counts[texts[k]] > 1 or _FURNITURE_CUE.search(texts[k])) for k in run):
                drop.update(run)
    if not drop:
        return tuple(lines)
    return tuple(Line(no=ln.no, raw=ln.raw, text="") if i in drop else ln
                 for i, ln in enumerate(lines))


_NUMBERED_LINE = re.compile(r"^(?:(?:page\s+)?\d{1,3}\s{3,}(?P<a>\S.*)|(?P<b>.*\S)\s{3,}"
                            r"(?:page\s+)?\d{1,3})$", re.I)


def _numbered_furniture(text: str) -> str | None:
    """The words of a line printed with a page number at one end after a wide gap, when
    they carry no amount and at least three words ("Acme Limited  Annual report 2025   7"):
    else None (a row with one figure has a label of its own and a figure with a comma)."""
    m = _NUMBERED_LINE.match(text)
    if not m:
        return None
    words = m.group("a") or m.group("b")
    if _AMOUNT.search(words) or len(words.split()) < 3 or re.search(r"\s{3,}\S+\s*$", words):
        return None
    return " ".join(words.split())


def _at_page_break(texts: list[str], i: int, page_starts: frozenset[int]) -> bool:
    """Line ``i`` is the last text of a page or the first of one (blank lines aside)."""
    j = i + 1
    while j < len(texts) and not texts[j] and j not in page_starts:
        j += 1
    if j in page_starts or i in page_starts:
        return True
    k = i
    while k > 0 and not texts[k - 1] and k not in page_starts:
        k -= 1
    return k in page_starts


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

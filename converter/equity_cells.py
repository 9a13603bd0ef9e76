"""Changes in equity, step 1: one line of text → a label and its printed cells.

Extraction damage handled here, not later: OCR duplicate layers whose figures do not parse
("1 051 225", "(2.122.744)", "222.024" for 222,024), two rows packed into one line with two
figures per cell ("(15,219) 1,421,007"), and the "*"/"(*)" marks for amounts below the
rounding unit. Nothing here knows about columns or arithmetic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .numbers import ParsedNumber, parse_number

_TAG = re.compile(r"</?\s*[a-zA-Z][a-zA-Z0-9]*\s*/?\s*>")
_SPACES = re.compile(r"\s+")
# A label made only of a figure: an orphan value printed on its own line.
_FIGURISH = re.compile(r"^[\d\s,.()\-–—−_*]*\d[\d\s,.()\-–—−_*]*$|^[-–—−_*]$|^\(\*\)$"
                       r"|^[.,\s]{2,}$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_WELL_FORMED = re.compile(r"^\(?-?(?:\d{1,3}(?:,\d{3})+|\d{1,3}|0)\)?$")


@dataclass(frozen=True)
class Token:
    """One printed figure of a cell (a packed cell holds several)."""

    text: str
    value: Decimal | None
    nil: bool = False
    less_than_unit: bool = False


@dataclass(frozen=True)
class CellText:
    """A cell as printed: its figures, or ``noise`` when it is text no figure reading fits."""

    text: str
    tokens: tuple[Token, ...] = ()
    noise: bool = False

    @property
    def blank(self) -> bool:
        return not self.text


def clean(text: str) -> str:
    """Drop leftover markup and collapse spaces (the reader normally strips tags already)."""
    return _SPACES.sub(" ", _TAG.sub("", text).replace("**", "")).strip()


def _token(text: str) -> Token | None:
    if text in ("*", "(*)"):
        return Token(text, None, less_than_unit=True)
    parsed: ParsedNumber | None = parse_number(text)
    if parsed is None or parsed.less_than_unit:
        return None
    if re.match(r"^\(?0\d", text):            # "000", "051": OCR debris, not an amount
        return None
    # "222.024" or "(10.000)": a thousands comma misread as a point by OCR. Statements of
    # changes in equity print whole thousands, so three decimals never mean decimals.
    if parsed.decimals == 3 and "," not in text:
        return None
    return Token(parsed.text, parsed.value, nil=parsed.nil)


def read_cell(raw: str) -> CellText:
    """Parse one cell: blank, one figure, several well-formed figures, or noise."""
    text = clean(raw)
    if not text:
        return CellText("")
    single = _token(text)
    if single is None and len(text) > 1 and text[-1] in "*#†‡" and text[-2] != "(":
        single = _token(text[:-1].rstrip())    # "692,807*": a footnote mark on a figure
    if single is not None:
        return CellText(text, (single,))
    parts = text.split(" ")
    # Several figures in one cell only when each is well formed: "1 051 225" (a number
    # with spaces for commas) must stay noise, "(15,219) 1,421,007" is two rows packed.
    if len(parts) > 1 and all(p in ("*", "(*)") or _WELL_FORMED.match(p) for p in parts):
        toks = [_token(p) for p in parts]
        if all(t is not None for t in toks) and not any(
                p.lstrip("(-").startswith("0") and p.strip("()-") != "0" for p in parts):
            return CellText(text, tuple(t for t in toks if t is not None))
    return CellText(text, noise=True)


@dataclass(frozen=True)
class LineCells:
    """A line split into its label and value cells.

    ``positional`` is True when tabs keep blank cells in place, so cell *i* is column *i*;
    otherwise the cells are the figures in printed order and columns must be found by
    arithmetic.
    """

    no: int
    label: str
    cells: tuple[CellText, ...]
    positional: bool
    text: str = ""                      # the line as given, for layouts told by spacing

    @property
    def filled(self) -> list[CellText]:
        return [c for c in self.cells if not c.blank]

    @property
    def has_values(self) -> bool:
        return any(c.tokens for c in self.cells)

    @property
    def noisy(self) -> bool:
        return any(c.noise for c in self.cells)


def split_line(no: int, text: str) -> LineCells:
    """Split a line on tabs; without tabs, on runs of spaces or trailing figures."""
    if "\t" in text:
        parts = text.split("\t")
        return LineCells(no, clean(parts[0]), tuple(read_cell(p) for p in parts[1:]), True, text)
    stripped = clean(text)
    wide = [p for p in re.split(r"\s{2,}", text.strip()) if p]
    # Runs of spaces between a label and cells that look like figures (garbled ones
    # included, so that a duplicate OCR layer is seen as noise and not read into the label).
    if len(wide) > 1 and all(_FIGURISH.match(clean(p)) for p in wide[1:]):
        return LineCells(no, clean(wide[0]), tuple(read_cell(p) for p in wide[1:]), False, text)
    words = stripped.split(" ")
    figures: list[str] = []
    # A trailing year ("As at 30 June 2021") is part of the label: figures of 1,000 or
    # more are printed with commas.
    while len(words) > 1 and _token(words[-1]) is not None and not _YEAR.match(words[-1]):
        figures.insert(0, words.pop())
    if figures:
        return LineCells(no, " ".join(words), tuple(read_cell(f) for f in figures), False, text)
    return LineCells(no, stripped, (), False, text)


def orphan_tokens(line: LineCells) -> tuple[Token, ...] | None:
    """The figures of a line that holds only figures and no label, else None."""
    if line.label:
        label_cell = read_cell(line.label)
        if not label_cell.tokens or any(not c.blank for c in line.cells):
            return None
        return label_cell.tokens
    if not line.cells or any(c.noise for c in line.cells) or not line.has_values:
        return None
    return tuple(t for c in line.cells for t in c.tokens)

"""Reading one table field into figures, leniently: the OCR-repair half of row parsing.

A field may hold one figure, several figures packed by the extractor ("7,280,503 300,735"),
or a figure damaged by OCR: thousands separators read as spaces or dots ("15 002 014",
"(2.720.724)"), doubled parentheses ("((500 202)"), a digit read as a letter ("T31,177").
Clean figures go through ``numbers.parse_number``; damaged ones become cells with
``provenance="unresolved"`` and every plausible reading in ``candidates``, so that
reconciliation chooses with the arithmetic of the statement, never this module by guessing.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from .model import Cell
from .numbers import DASHES, parse_number

# Letters OCR commonly produces for digits.
_LETTER_DIGITS: dict[str, tuple[str, ...]] = {
    "O": ("0",), "o": ("0",), "D": ("0",), "Q": ("0",), "l": ("1",), "I": ("1",),
    "i": ("1",), "|": ("1",), "J": ("1",), "T": ("7", "1"), "Z": ("2",), "z": ("2",),
    "S": ("5",), "s": ("5",), "B": ("8",), "G": ("6",), "b": ("6",), "g": ("9",),
    "q": ("9",), "A": ("4",), "y": ("9",), "Y": ("7",),
}
_GROUP_HEAD = re.compile(r"^\(*-?\d{1,3}$")
_GROUP_TAIL = re.compile(r"^\d{3}\)*$")
_DOTTED = re.compile(r"^(\(?)(\d{1,3}(?:\.\d{3})+)(\)?)$")
_STAR = re.compile(r"^\(?\*\)?$")
_RULE_CHARS = frozenset("-–—_=~ ")


def field_kind(text: str) -> str:
    """Classify a field: ``empty``, ``noise`` (punctuation only), ``numeric`` or ``text``.

    >>> [field_kind(t) for t in ["", ", , ,", "(1,234)", "T31,177", "Revenue", "–", "-----"]]
    ['empty', 'noise', 'numeric', 'numeric', 'text', 'numeric', 'noise']
    """
    s = text.strip()
    if not s:
        return "empty"
    if len(s) >= 3 and set(s) <= _RULE_CHARS:
        return "noise"          # a rule drawn under figures: "----------", "=========="
    if s in DASHES or (set(s) <= DASHES | {" "}) or _STAR.match(s):
        return "numeric"
    digits = sum(ch.isdigit() for ch in s)
    letters = sum(ch.isalpha() for ch in s)
    if digits == 0:
        return "noise" if letters == 0 else "text"
    if letters == 0 or (letters <= 1 and digits >= 3) or (letters <= 2 and digits >= 5):
        return "numeric"
    return "text"


def split_figures(text: str, rejoin: bool = True) -> list[str]:
    """Split a numeric field into printed figures, rejoining space-grouped digits.

    >>> split_figures("7,280,503 300,735 (4,000)")
    ['7,280,503', '300,735', '(4,000)']
    >>> [t.rstrip("\u200b") for t in split_figures("(2 720 724)")]
    ['(2 720 724)']
    """
    tokens = text.split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if rejoin and _GROUP_HEAD.match(tok) and "," not in text.replace(tok, ""):
            j = i + 1
            while j < len(tokens) and _GROUP_TAIL.match(tokens[j]):
                j += 1
            if j > i + 1:
                out.append(" ".join(tokens[i:j]) + "\u200b")  # marker: rejoined from spaces
                i = j
                continue
        out.append(tok)
        i += 1
    return out


def read_figure(token: str, line: int | None = None, per_share: bool = False) -> Cell:
    """One printed figure → ``Cell``; damaged figures come back unresolved with candidates."""
    rejoined = token.endswith("\u200b")
    tok = token.rstrip("\u200b").strip()
    if rejoined:
        return Cell(value=None, text=tok, provenance="unresolved", line=line,
                    candidates=_unique(_readings(tok)))
    parsed = parse_number(tok)
    if parsed is not None and not rejoined:
        if parsed.less_than_unit:
            return Cell(value=None, text=tok, line=line, less_than_unit=True)
        if _suspicious_decimals(tok, per_share):
            readings = _readings(tok.replace(".", ","))
            return Cell(value=None, text=tok, provenance="unresolved", line=line,
                        candidates=_unique(readings + [parsed.value]))
        return Cell(value=parsed.value, text=tok, line=line, nil=parsed.nil)
    if _STAR.match(tok):  # "(*)": a negative amount below the unit
        return Cell(value=None, text=tok, line=line, less_than_unit=True)
    readings = _readings(tok)
    return Cell(value=None, text=tok.replace("\u200b", ""), provenance="unresolved", line=line,
                candidates=_unique(readings))


def _suspicious_decimals(tok: str, per_share: bool) -> bool:
    """"(5.017)" in a statement in thousands is a comma read as a dot, not a decimal."""
    return not per_share and bool(re.fullmatch(r"\(?-?\d{1,3}\.\d{3}\)?", tok))


def _readings(tok: str) -> list[Decimal]:
    """Plausible values of a damaged figure, most likely first."""
    s = tok.strip()
    while s.startswith("((") or s.startswith("( ("):
        s = "(" + s.lstrip("( ")
    while s.endswith("))"):
        s = s[:-1]
    s = s.replace(" ", "")
    negative = s.startswith("(") or s.startswith("-") or s.endswith(")")
    core = s.strip("()-−–")
    out: list[Decimal] = []
    m = _DOTTED.match(core)
    if m:
        out.append(_num(core.replace(".", "")))
    variants = [core]
    for ch in sorted(set(core)):
        if ch in _LETTER_DIGITS:
            variants = [v.replace(ch, d) for v in variants for d in _LETTER_DIGITS[ch]] + [
                v.replace(ch, "") for v in variants]
        elif ch.isalpha():
            variants = [v.replace(ch, "") for v in variants]   # a stray letter
    variants = [v.lstrip(",") for v in variants]
    for v in variants:
        v = v.replace(".", ",") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", v) else v
        digits = v.replace(",", "")
        if digits.isdigit() and (re.fullmatch(r"\d{1,3}(?:,\d{3})*", v) or "," not in v):
            out.append(_num(digits))
    vals = [d for d in out if d is not None]
    return [-d if negative else d for d in vals]


def _num(digits: str) -> Decimal | None:
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _unique(values: list[Decimal | None]) -> tuple[Decimal, ...]:
    seen: list[Decimal] = []
    for v in values:
        if v is not None and v not in seen:
            seen.append(v)
    return tuple(seen)


def read_field(text: str, line: int | None = None, per_share: bool = False,
               rejoin: bool = True) -> list[Cell]:
    """All figures of one numeric field, in order. ``rejoin``: read "15 002 014" as one
    damaged figure (right for a row of its own, wrong for a cell packing several rows)."""
    tokens = split_figures(text, rejoin)
    cells = [read_figure(t, line, per_share) for t in tokens]
    if any(c.provenance == "unresolved" for c in cells) and len(cells) > 1:
        # "(4 1 3,334)": a single damaged figure split by stray spaces; read it whole too.
        joined = replace(read_figure(text.replace(" ", "") + "\u200b", line, per_share),
                         text=" ".join(text.split()))
        if all(c.provenance == "unresolved" for c in cells) or _balanced_only_whole(text):
            return [joined]
    return cells


def _balanced_only_whole(text: str) -> bool:
    parts = text.split()
    return text.count("(") == text.count(")") and any(
        p.count("(") != p.count(")") for p in parts)


def is_doubtful(cell: Cell | None) -> bool:
    """Unresolved for any reason: damaged, or several clean readings to choose from."""
    return cell is not None and cell.provenance == "unresolved"


def is_damaged(cell: Cell | None) -> bool:
    """Unresolved because the printed text itself is damaged (not merely ambiguous)."""
    if not is_doubtful(cell):
        return False
    assert cell is not None
    tokens = cell.text.split() or [""]
    return bool(re.search(r"\d \d{3}\b", cell.text)) or any(
        parse_number(t) is None or _suspicious_decimals(t, False) for t in tokens)

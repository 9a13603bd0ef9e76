"""Changes in equity, step 2: the header lines → the equity-component columns and the unit.

Headers arrive wrapped over several lines ("Currency" / "translation" / "reserves RMB'000"),
under a super-header ("Equity attributable to equity holders of the Company") that the
extraction may cut into pieces across the first cells, with the unit glued to each name
("Share capital RMB'000") or on a line of its own, and sometimes a "Notes" column.
Cells are merged per tab position; without tabs, names are cut after each unit marker.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from .equity_cells import LineCells, clean, read_cell
from .model import Column, Unit

# Unit markers as printed after a component name or on their own line.
_UNIT = re.compile(
    r"(?P<cur>RMB|RM(?![A-Za-z])|MYR|HK\$|US\$|S\$|NT\$|A\$|C\$|\$|USD|HKD|CNY|EUR|€|£|GBP|JPY|"
    r"SGD|(?<![A-Za-z])(?:CHF|SEK|NOK|DKK|INR|ZAR|KRW|THB|PHP|IDR|BRL|AED|SAR|QAR)|"
    # the rand's "R", upper case, only with its scale: "R'000", "Rm", "R million"
    r"(?<![A-Za-z])(?-i:R(?=['’]|m\b|\s+million)))\s*"
    r"(?:'|’)?\s*(?:in\s+)?(?P<scale>000|'000|thousands?|millions?|m|mn|k)\b"
    # continental prefixed thousands: "TEUR", "kEUR", "T€"
    r"|(?<!\w)(?-i:(?P<pscale>[kTM])(?P<pcur>EUR|€|CHF|SEK|DKK|NOK))(?!\w)", re.IGNORECASE)
_CURRENCY = {"rmb": "CNY", "cny": "CNY", "hk$": "HKD", "hkd": "HKD", "us$": "USD",
             "usd": "USD", "$": "USD", "s$": "SGD", "sgd": "SGD", "nt$": "TWD", "a$": "AUD",
             "c$": "CAD", "rm": "MYR", "myr": "MYR", "eur": "EUR", "€": "EUR", "£": "GBP",
             "gbp": "GBP", "jpy": "JPY", "r": "ZAR"}
_SUPER = re.compile(r"attribut|equity\s+holders\s+of|owners\s+of\s+the", re.IGNORECASE)
_MANGLED_UNIT = re.compile(r"^[A-Za-z]{2,5}\s*['’]?\s*[0O]{3}$")
# Words printed over several component columns that name no component: the reserve
# classes of Malaysian statements ("<--- Non-distributable --->  Distributable") and the
# arrows or rules that show their span.
_SPANNING = re.compile(r"^[\s<>\-–—=_.|]*(?:(?:non-?\s*)?distributable(?:\s+reserves?)?)?"
                       r"[\s<>\-–—=_.|]*$", re.IGNORECASE)
_HYPHEN_WRAP = re.compile(r"(\w)- (?=[a-z])")


@dataclass(frozen=True)
class Header:
    """Where each component's figures sit in a data line, and what the header says."""

    columns: list[Column]
    positions: list[int]            # index into LineCells.cells per column
    notes_position: int | None
    width: int                      # cells per line in the positional layout
    unit: Unit


def tidy(name: str) -> str:
    """Re-join words the layout split: "Non- controlling" → "Non-controlling", "equity/ (d" ."""
    name = _HYPHEN_WRAP.sub(r"\1-", clean(name))
    name = re.sub(r"/\s+\(", "/(", name)
    name = re.sub(r"\bNon-\s+", "Non-", name)
    return name.strip(" :")


_NOTE_MARK = re.compile(r"\(?\bnotes?\s*\d+[\w()]*\)?", re.IGNORECASE)


def component_name(header: str) -> str:
    """The component as printed, without unit or note: "Share capital RMB'000" → "Share capital"."""
    return tidy(_NOTE_MARK.sub(" ", _UNIT.sub(" ", header)))


_WORDS_UNIT = re.compile(r"(?:in\s+)?(?P<scale>thousands?|millions?)\s+of\s+(?P<cur>renminbi|"
                         r"hong\s+kong\s+dollars|(?:united\s+states|us|u\.s\.)\s+dollars|"
                         r"singapore\s+dollars|euros?)", re.IGNORECASE)
_WORD_CURRENCY = {"r": "CNY", "h": "HKD", "u": "USD", "s": "SGD", "e": "EUR"}
_BARE_CURRENCY = re.compile(r"^(?P<cur>RMB|HK\$|US\$|S\$)$")


def unit_of(text: str) -> Unit | None:
    """The unit a header or title prints: "RMB'000", "HK$ million", "(Expressed in thousands
    of Renminbi)", or a bare "HK$" over the figures (whole dollars)."""
    m = _UNIT.search(text)
    if not m:
        w = _WORDS_UNIT.search(text)
        if w:
            return Unit(currency=_WORD_CURRENCY[w.group("cur")[0].lower()],
                        scale=6 if w.group("scale").lower().startswith("million") else 3)
        bare = _BARE_CURRENCY.match(text.strip())
        if bare:
            return Unit(currency=_CURRENCY[bare.group("cur").lower()], scale=0)
        return None
    printed = m.group("cur") or m.group("pcur")
    cur = _CURRENCY.get(printed.lower(),
                        printed.upper() if re.fullmatch(r"[A-Za-z]{3}", printed) else "CNY")
    scale_word = (m.group("scale") or ("m" if m.group("pscale") == "M" else "000")
                  ).lower().lstrip("'")
    scale = 6 if scale_word in ("million", "millions", "m", "mn") else 3
    return Unit(currency=cur, scale=scale)


def looks_like_header(text: str) -> bool:
    """A repeated header line: two or more unit markers, or the attributable super-header."""
    return len(_UNIT.findall(text)) >= 2 or bool(
        re.match(r"^\W*(?:equity|deficits?|\(deficits?\)|capital|reserves)?.{0,25}"
                 r"attributable\s+to\b", text, re.IGNORECASE))


def is_notes(name: str) -> bool:
    """A "Notes" column (OCR may print it "Votes" or "Note")."""
    word = clean(name).lower()
    return bool(word) and len(word) <= 6 and max(
        SequenceMatcher(None, word, ref).ratio() for ref in ("notes", "note")) >= 0.75


def _super_cells(line: LineCells) -> set[int]:
    """Positions holding the super-header ("Equity attributable to equity holders of the
    Company"), which the extraction may cut over several cells ("attribut" | "table to
    equity" | "holders of the Co" | "ompany"); the other cells of the line are names."""
    drop: set[int] = set()
    i = 0
    cells = line.cells
    while i < len(cells):
        text = cells[i].text
        if text and _SUPER.search(text) and not re.match(r"(?:sub-?\s*)?total\b", text, re.I) \
                or re.search(r"attribut\w*$", text, re.I):
            drop.add(i)
            k = i                        # "Equ" | "ity attributable": the cut began earlier
            while k > 0 and cells[k].text[:1].islower() and cells[k - 1].text:
                k -= 1
                drop.add(k)
            acc = text
            j = i + 1
            while (j < len(cells) and j <= i + 4 and cells[j].text and not unit_of(cells[j].text)
                   and not re.search(r"(?:ompany|roup|arent|ank)\W*$", acc.replace(" ", ""))):
                drop.add(j)
                acc += cells[j].text
                j += 1
            i = j
        else:
            i += 1
    return drop


def _spaced(lines: list[LineCells]) -> list[LineCells]:
    """Untabbed header lines cut on runs of spaces; only lines with the most pieces are kept
    (a wrapped line with fewer pieces cannot be aligned without positions)."""
    cut = []
    for ln in lines:
        pieces = [p for p in re.split(r"\s{2,}", ln.text.strip()) if p]
        if len(pieces) >= 2 and not _SUPER.search(ln.text):
            cut.append(LineCells(ln.no, "", tuple(read_cell(p) for p in pieces), True, ln.text))
    most = max((len(ln.cells) for ln in cut), default=0)
    return [ln for ln in cut if len(ln.cells) == most]


def _from_tabs(lines: list[LineCells], unit: Unit, shift: bool) -> Header | None:
    """Merge tab-separated header lines per position (``shift``: the label cell is a name)."""
    tab_lines = [ln for ln in lines if ln.positional and any(c.text for c in ln.cells)]
    if not tab_lines:
        tab_lines = _spaced([ln for ln in lines if not ln.positional])
    if shift:
        tab_lines = [replace(ln, cells=(read_cell(ln.label), *ln.cells)) if ln.label else ln
                     for ln in tab_lines]
    if not tab_lines:
        return None
    width = max(len(ln.cells) for ln in tab_lines)
    merged: list[list[str]] = [[] for _ in range(width)]
    for ln in tab_lines:
        drop = _super_cells(ln)
        for i, cell in enumerate(ln.cells):
            # A figure or an OCR-mangled unit ("KIND 000" for "RMB'000") names nothing.
            if cell.text and i not in drop and not cell.tokens and not (
                    _MANGLED_UNIT.match(cell.text) and not _UNIT.search(cell.text)) and \
                    not _SPANNING.match(cell.text):
                merged[i].append(cell.text)
    names = [tidy(" ".join(parts)) for parts in merged]
    notes = next((i for i, n in enumerate(names) if is_notes(component_name(n))), None)
    positions = [i for i, n in enumerate(names)
                 if component_name(n) and i != notes and re.search(r"[A-Za-z]", n)]
    if len(positions) < 2:
        return None
    cols = [Column(header=names[i], component=component_name(names[i])) for i in positions]
    return Header(cols, positions, notes, width, unit)


def _fits(h: Header, data: LineCells | None) -> bool:
    """Every figure of the first data line falls under a column."""
    if data is None or not data.positional:
        return True
    return all(i in h.positions or i == h.notes_position
               for i, c in enumerate(data.cells) if c.tokens)


def parse_header(lines: list[LineCells], data: LineCells | None = None) -> Header | None:
    """Merge header lines into columns; None when no header with two or more names is found.

    ``data`` (the first figure line) tells whether the names sit over the figures; if not,
    the header lines had no leading tab and their first name is in the label cell.
    """
    unit = next((u for ln in lines for u in
                 [unit_of(ln.label + " " + " ".join(c.text for c in ln.cells))] if u), None) \
        or next((u for ln in lines for c in ln.cells for u in [unit_of(c.text)] if u), Unit())
    if data is not None and not data.positional and not any(ln.positional for ln in lines):
        laid = _from_offsets(lines, data, unit)
        if laid is not None:
            return laid
    h = _from_tabs(lines, unit, shift=False)
    if h is not None and not any(ln.positional for ln in lines):
        # Untabbed: names cut on spaces, or after each unit marker; the one with as many
        # names as the first data line has figures wins.
        cut = _unit_cut(lines, unit)
        figures = sum(len(c.tokens) for c in data.cells) if data is not None else 0
        if cut is not None and len(cut.columns) == figures != len(h.columns):
            return cut
    if h is not None and not _fits(h, data):
        shifted = _from_tabs(lines, unit, shift=True)
        if shifted is not None and _fits(shifted, data):
            return shifted
        # Names and figures disagree on tab positions: the first data line (an opening
        # balance, every column filled) says where the figures are.
        assert data is not None
        filled = [i for i, c in enumerate(data.cells) if c.tokens]
        if len(filled) == len(h.columns):
            return replace(h, positions=filled, notes_position=None,
                           width=max(h.width, len(data.cells)))
    if h is not None:
        return h
    return _unit_cut(lines, unit)


_FIGURE_AT = re.compile(r"\(?\d[\d,]*(?:\.\d+)?\)?|(?<!\w)[-–—_](?!\w)|\(?\*\)?")


def _from_offsets(lines: list[LineCells], data: LineCells, unit: Unit) -> Header | None:
    """Layout-preserving text (columns kept by spaces): names go to the figure column under
    them, by character position; wrapped names are joined top to bottom."""
    label_end = data.text.find(data.label[-12:]) + len(data.label[-12:]) if data.label else 0
    spans = [(m.start(), m.end()) for m in _FIGURE_AT.finditer(data.text, label_end)]
    figures = sum(len(c.tokens) for c in data.cells)
    if len(spans) != figures or figures < 2:
        return None
    centres = [(a + b) / 2 for a, b in spans]
    width = min((b - a for a, b in zip(centres, centres[1:])), default=10)
    names: list[list[str]] = [[] for _ in spans]
    for ln in lines:
        for m in re.finditer(r"\S+(?: \S+)*", ln.text):
            piece = m.group(0)
            if _SPANNING.match(piece) or _SUPER.search(piece) and not _over_one(m, spans, width):
                continue                      # the super-header spans several columns
            aligned = _cut_aligned(m, spans) if m.end() - m.start() > width else None
            if aligned:
                for col, text in aligned:
                    names[col].append(text)
                continue
            if m.end() - m.start() > 2.5 * width:
                continue                      # centred over several columns: a super-header
            # Names of neighbouring columns may be one space apart ("interests Total
            # equity"): a piece wider than a column is cut in two at the space that puts
            # each part's right edge nearest a figure's (layout text right-aligns both).
            for col, text in _cut_wide(m, spans, width):
                names[col].append(text)
    merged = [tidy(" ".join(parts)) for parts in names]
    if not all(component_name(n) for n in merged):
        return None
    cols = [Column(header=n, component=component_name(n)) for n in merged]
    return Header(cols, list(range(len(cols))), None, len(cols), unit)


def _over_one(m: re.Match[str], spans: list[tuple[int, int]], width: float) -> bool:
    """A piece whose right edge is a figure's (layout text right-aligns names and figures)
    and which does not reach back over the figure column to its left: the first line of one
    column's wrapped name ("Attributable" over "to ordinary" over "shareholders"), not a
    super-header spanning the components."""
    for k, (_a, b) in enumerate(spans):
        if abs(b - m.end()) <= 1:
            return k == 0 and m.end() - m.start() <= 2 * width or \
                k > 0 and m.start() > spans[k - 1][1]
    return False


def _cut_aligned(m: re.Match[str], spans: list[tuple[int, int]], slack: int = 2
                 ) -> list[tuple[int, str]] | None:
    """Cut a piece holding several names one space apart ("Issued capital Hedging reserve
    Accumulated losses") where word runs end right above figures' right edges (layout text
    right-aligns names and figures); None unless every part ends over a figure of its own."""
    ends = [b for _, b in spans]
    parts: list[tuple[int, str]] = []
    start = None
    for w in re.finditer(r"\S+", m.group(0)):
        a, b = m.start() + w.start(), m.start() + w.end()
        start = a if start is None else start
        col = min(range(len(ends)), key=lambda i: abs(ends[i] - b))
        if abs(ends[col] - b) <= slack and (not parts or col > parts[-1][0]):
            parts.append((col, m.string[start:b]))
            start = None
    return parts if start is None and len(parts) >= 2 else None


def _cut_wide(m: re.Match[str], spans: list[tuple[int, int]], width: float
              ) -> list[tuple[int, str]]:
    """Place a header piece: whole under the nearest figure, or cut in two when it is wider
    than a column (two names printed one space apart)."""
    centres = [(a + b) / 2 for a, b in spans]
    mid = (m.start() + m.end()) / 2
    words = [(m.start() + w.start(), m.start() + w.end())
             for w in re.finditer(r"\S+", m.group(0))]
    if m.end() - m.start() <= width or len(words) < 2:
        best = min(range(len(spans)), key=lambda i: abs(centres[i] - mid))
        return [(best, m.group(0))] if abs(centres[best] - mid) <= width else []
    ends = [b for _, b in spans]

    def nearest(end: int) -> int:
        return min(range(len(ends)), key=lambda i: abs(ends[i] - end))

    cuts = []
    for k in range(1, len(words)):
        left, right = words[k - 1][1], words[-1][1]
        a, b = nearest(left), nearest(right)
        if a != b:
            cuts.append((abs(ends[a] - left) + abs(ends[b] - right), k, a, b))
    if not cuts:
        return []
    _, k, a, b = min(cuts)
    text = m.string
    return [(a, text[words[0][0]:words[k - 1][1]]), (b, text[words[k][0]:words[-1][1]])]


def _unit_cut(lines: list[LineCells], unit: Unit) -> Header | None:
    """No usable tabs: cut the running header text after each unit marker."""
    text = " ".join(clean(ln.label + " " + " ".join(c.text for c in ln.cells)) for ln in lines)
    text = re.sub(r".*?\bof\s+the\s+(?:company|group|bank)\b", "", text, flags=re.I)
    pieces = [p for p in re.split(r"(?<=000)\s+|(?<=million)\s+", text) if _UNIT.search(p)]
    if len(pieces) >= 2:
        # Without positions, fall back on the printed convention: non-controlling
        # interests, then total equity, at the right (a super-header line may list them
        # first because they stand beside it).
        pieces.sort(key=lambda p: 2 if re.match(r"total\s+(?:equity|deficit)", p, re.I)
                    else 1 if re.search(r"non-?\s*controlling|minority", p, re.I) else 0)
        cols = [Column(header=tidy(p), component=component_name(p)) for p in pieces]
        return Header(cols, list(range(len(cols))), None, len(cols), unit)
    return None

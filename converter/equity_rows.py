"""Changes in equity, step 3: data lines → row drafts, re-joining wrapped and packed labels.

PDF extraction prints the figures of a wrapped label on its *last* line, and often runs
several labels into one line ("Comprehensive loss Loss for the year Effects of changes in
credit risk for" + "financial liabilities ..."). The rule used: a line starting in lower case
continues the label before it; a label that ends on a line owns that line's figures; the
tail of a line that the next line continues starts a new label. Packed labels are cut where a
capitalised word follows a lower-case word that cannot end a label ("plan Conversion", not
"to Class B"). Labels left without figures are headings, or balance/total rows whose figures
the extraction printed elsewhere (orphans, placed later by arithmetic).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .equity_cells import LineCells, Token, orphan_tokens, split_line
from .equity_dates import balance_date
from .equity_header import Header, looks_like_header, tidy
from .model import Cell, Issue, Line

_MARKER = re.compile(r"^\(?\s*(?:un)?audited\s*\)?|^\(?\s*restated\s*\)?", re.IGNORECASE)
_FOOTNOTE = re.compile(r"^(?:\*+|#|\(?[a-z]\)|notes?\s*:)\s*[A-Za-z]", re.IGNORECASE)
# A sentence (the notes "form an integral part of ..."), not a row label.
_PROSE = re.compile(r"^(?:\S+\s+){7,}.*\.$")
_NOTE_REF = re.compile(r"(?<=[a-z])\s+(\d{1,2}(?:\s*\([a-z]\))?)$")
# Words after which a label never ends, so a capital after them is not a new label.
_NO_END = frozenset(
    "of to for in on at by with from and or the a an under upon into as per via over "
    "between through against its their our than such which that is are was were be other "
    "new non its his her".split())


@dataclass
class Draft:
    """A row as read, before blocks, periods and arithmetic."""

    label: str
    line: int
    cells: list[Cell | None] | None = None     # aligned with columns; None: none printed
    tokens: list[tuple[Token, int]] = field(default_factory=list)  # figures to place
    note: str | None = None
    bold: bool = False
    garbled: list[int] = field(default_factory=list)   # columns printed unreadably


@dataclass
class Orphans:
    """Figures printed on lines of their own, away from their label."""

    tokens: list[tuple[Token, int]]
    line: int
    cells: list[Cell | None] | None = None      # one tabbed line of figures, in columns


@dataclass
class HeaderBreak:
    """A repeated header: the start of another period block."""

    line: int


Item = Draft | Orphans | HeaderBreak


def split_points(words: list[str]) -> list[int]:
    """Word indexes where a packed label may be cut."""
    cuts = []
    for i in range(1, len(words)):
        w, prev = words[i], words[i - 1]
        if (len(w) > 1 and w[0].isupper() and any(ch.islower() for ch in w[1:3])
                and prev[-1:].isalpha() and prev[-1:].islower()
                and prev.lower().strip(",") not in _NO_END and not prev.endswith("-")):
            cuts.append(i)
    return cuts


# Section headings that extraction runs into the first row of their section.
_HEADING = re.compile(
    r"^(?:(?:other\s+)?comprehensive\s+(?:income|loss|\(loss\)|income\s*/\s*\(loss\)|"
    r"loss\s*/\s*\(?income\)?)(?:\s+for\s+the\s+(?:year|period))?|"
    r"transactions\s+with\s+(?:owners|equity\s+holders|shareholders)\b.*|"
    r"contributions\s+by\s+and\s+distributions\s+to\s+owners.*|"
    r"changes\s+in\s+ownership\s+interests.*)$", re.IGNORECASE)


def split_label(text: str, starts_cont: bool = False, ends_open: bool = False,
                pieces: int = 1) -> list[str]:
    """Cut a line's label where the layout says labels meet, not at every capital.

    Cuts kept: after the continuation that opens the line (``starts_cont``), before the
    label the next line continues (``ends_open``), after a section heading, and all of
    them when the line carries figures for ``pieces`` packed rows. "Equity-settled
    Share-based Payments" in a title-case statement stays whole.
    """
    words = text.split(" ")
    cands = split_points(words)
    keep: set[int] = set()
    if cands and starts_cont:
        keep.add(cands[0])
    if cands and ends_open:
        keep.add(cands[-1])
    start = 0
    for c in cands:
        if _HEADING.match(" ".join(words[start:c])):
            keep.add(c)
            start = c
    if pieces > 1:
        keep = set(cands)
    bounds = [0, *sorted(keep), len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:]) if words[a:b]]


def join_label(head: str, tail: str) -> str:
    """Join a wrapped label; a tail the head already ends with is a duplicated layer."""
    if not tail:
        return head
    if head.lower().endswith(tail.lower()):
        return head
    if head.endswith("-"):
        return tidy(head + tail)
    return tidy(f"{head} {tail}")


def is_note_ref(tok: Token | None) -> bool:
    """A figure that is a note number: a plain integer below 100 (no comma, no brackets)."""
    return tok is not None and tok.text.isdigit() and int(tok.text) < 100


_is_note_ref = is_note_ref


def _is_cont(label: str) -> bool:
    """A label fragment that continues the line above: lower case, or "(note 9)"."""
    return bool(label) and (label[0].islower() or (label[0] == "(" and label[1:2].islower()))


def _cell(tok: Token, line: int) -> Cell:
    return Cell(value=tok.value, text=tok.text, line=line, nil=tok.nil,
                less_than_unit=tok.less_than_unit)


class _Reader:
    """Walks the data lines once; keeps the label being wrapped and the last row."""

    def __init__(self, header: Header, issues: list[Issue]) -> None:
        self.h = header
        self.issues = issues
        self.items: list[Item] = []
        self.pending: Draft | None = None
        self.last: Draft | None = None
        self.garbled: list[int] = []

    def issue(self, sev: str, code: str, msg: str, line: int) -> None:
        self.issues.append(Issue(sev, code, msg, line=line,  # type: ignore[arg-type]
                                 statement="changes_in_equity"))

    def values(self, ln: LineCells) -> tuple[list[list[Cell | None]] | None,
                                             list[tuple[Token, int]], str | None]:
        """Per packed row, the cells aligned to columns; or the figures in order."""
        h = self.h
        note = None
        if h.notes_position is not None and h.notes_position < len(ln.cells):
            note = ln.cells[h.notes_position].text or None
        cols = [ln.cells[p] if p < len(ln.cells) else None for p in h.positions]
        stray = [c for i, c in enumerate(ln.cells)
                 if c.tokens and i not in h.positions and i != h.notes_position]
        self.garbled = []
        filled = [c for c in cols if c is not None and not c.blank]
        bad_cols = [i for i, c in enumerate(cols) if c is not None and c.noise]
        if ln.noisy and not (ln.positional and bad_cols and len(bad_cols) * 2 < len(filled)
                             and not stray):
            bad = " | ".join(c.text for c in ln.cells if c.noise)
            self.issue("info", "equity.noise",
                       f"figures not readable, line ignored as a duplicate layer: {bad}", ln.no)
            return None, [], note
        if bad_cols:
            # One or two unreadable cells in a readable row: blank them here, rebuild
            # them from the row's arithmetic later (equity_solve.repair_garbled).
            self.garbled = bad_cols
            for i in bad_cols:
                self.issue("warning", "equity.garbled",
                           f"cell '{cols[i].text}' is not a figure", ln.no)  # type: ignore[union-attr]
            cols = [None if i in bad_cols else c for i, c in enumerate(cols)]
        aligned = not ln.positional and len(ln.cells) == len(h.columns) and any(
            len(c.tokens) > 1 for c in ln.cells)
        if aligned:                              # untabbed, one piece per column, packed
            cols, stray = list(ln.cells), []
        if (not ln.positional and not aligned) or stray or len(ln.cells) > h.width + 1:
            toks = [(t, ln.no) for c in ln.cells for t in c.tokens]
            first = toks[0][0] if toks else None
            if len(toks) == 1 and len(h.columns) > 2 and _is_note_ref(first):
                return None, [], first.text      # a heading's note reference
            # "Dividends paid 12 - (1,800) ...": one figure too many, the first a small
            # plain integer: a note reference, not an amount.
            if len(toks) == len(h.columns) + 1 and _is_note_ref(first):
                return None, toks[1:], first.text
            return None, toks, note
        k = max((len(c.tokens) for c in cols if c is not None), default=0)
        if k == 0:
            return None, [], note
        # Packed rows give every figure cell k figures (a dash may stand once for all);
        # a lone cell with two figures is a lost tab: place the figures by arithmetic.
        if k > 1 and any(c is not None and c.tokens and len(c.tokens) != k
                         and not (len(c.tokens) == 1 and c.tokens[0].nil) for c in cols):
            return None, [(t, ln.no) for c in ln.cells for t in c.tokens], note
        rows: list[list[Cell | None]] = [[] for _ in range(k)]
        for c in cols:
            for r in range(k):
                if c is None or not c.tokens:
                    rows[r].append(None)
                elif len(c.tokens) == k:
                    rows[r].append(_cell(c.tokens[r], ln.no))
                elif len(c.tokens) == 1 and c.tokens[0].nil:
                    rows[r].append(_cell(c.tokens[0], ln.no))
                else:
                    rows[r].append(None)
                    if r == 0:
                        self.issue("error", "equity.unresolved",
                                   f"cell '{c.text}' does not split over {k} packed rows",
                                   ln.no)
        return rows, [], note

    def add(self, label: str, line: int, bold: bool) -> Draft:
        d = Draft(label=tidy(label), line=line, bold=bold)
        self.items.append(d)
        return d

    def feed(self, ln: LineCells, next_cont: bool, bold: bool) -> None:
        rows, toks, note = self.values(ln)
        has_vals = rows is not None or bool(toks)
        label = _MARKER.sub("", ln.label).strip() if _MARKER.match(ln.label) else ln.label
        segs = split_label(label, _is_cont(label), next_cont,
                           len(rows) if rows else 1) if label else []
        if self.pending is not None and not _is_cont(label):
            self.pending = None                      # the label it waited for never came
        labels: list[Draft] = []
        if segs and _is_cont(segs[0]):
            head = segs.pop(0)
            if self.pending is not None:
                self.pending.label = join_label(self.pending.label, head)
                labels.append(self.pending)
                self.pending = None
            elif self.last is not None and not has_vals:
                before = self.last.label
                self.last.label = join_label(before, head)
                if before == self.last.label:
                    self.issue("info", "equity.duplicate_label",
                               f"label fragment '{head}' repeats the row above", ln.no)
            else:
                labels.append(self.add(head, ln.no, bold))
        labels.extend(self.add(s, ln.no, bold) for s in segs)
        complete = labels[:-1] if next_cont and labels else labels
        if next_cont and labels:
            self.pending = labels[-1]
        if has_vals:
            if complete:
                owners = complete[-len(rows):] if rows else complete[-1:]
                if rows and len(rows) > len(complete):
                    self.issue("error", "equity.unresolved",
                               f"{len(rows)} packed rows of figures but {len(complete)} labels",
                               ln.no)
                    owners = complete
                for i, d in enumerate(owners):
                    self._give(d, rows[i] if rows else None, toks, note)
            elif self.pending is not None:           # values printed on a wrapped label's top line
                self._give(self.pending, rows[0] if rows else None, toks, note)
            else:
                self.items.append(Orphans([t for t in toks] or [
                    (Token(c.text, c.value, c.nil, c.less_than_unit), ln.no)
                    for c in (rows[0] if rows else []) if c is not None], ln.no))
        if complete:
            self.last = complete[-1]

    def _give(self, d: Draft, cells: list[Cell | None] | None,
              toks: list[tuple[Token, int]], note: str | None) -> None:
        d.garbled = list(self.garbled) if cells is not None else []
        if d.cells is not None or d.tokens:
            self.issue("warning", "equity.unresolved",
                       f"row '{d.label}' got figures twice; kept the later ones", d.line)
        d.cells, d.tokens = cells, list(toks)
        d.note = note or d.note
        ref = _NOTE_REF.search(d.label)
        if ref and d.note is None:               # "Final dividend 9": the note column ran in
            d.label, d.note = d.label[:ref.start()].rstrip(), ref.group(1)


def _widen_headers(split: list[LineCells], kinds: list[str]) -> None:
    """A repeated header wrapped over untabbed lines ("Currency  Non-", "Share  Other ...")
    reads like value-less rows: take in the figure-less lines around a header line, up to
    the rows with figures on either side."""
    for i, kind in enumerate(list(kinds)):
        if kind != "header":
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(split) and kinds[j] in ("data", "blank", "skip", "header"):
                ln = split[j]
                if kinds[j] == "data" and (ln.has_values or balance_date(ln.label)):
                    break
                if kinds[j] == "data":
                    kinds[j] = "header"
                j += step


def read_rows(lines: list[Line], header: Header, issues: list[Issue]) -> list[Item]:
    """Turn the data lines (after the header) into drafts, orphan figures and header breaks."""
    rd = _Reader(header, issues)
    split = [split_line(ln.no, ln.text) for ln in lines]
    kinds: list[str] = []
    for ln in split:
        if not ln.label and not ln.cells:
            kinds.append("blank")
        elif not ln.label and all(c.blank for c in ln.cells):
            kinds.append("blank")
        elif orphan_tokens(ln) is not None:
            kinds.append("orphan")
        elif (_FOOTNOTE.match(ln.label) or _PROSE.match(ln.label)) and not ln.has_values:
            kinds.append("skip")
        elif _MARKER.fullmatch(ln.label.strip()) and not ln.has_values:
            kinds.append("skip")
        elif ((not ln.label or len(ln.label) <= 2) and any(
                c.text and not c.tokens for c in ln.cells)) or (
                not ln.has_values and looks_like_header(lines[len(kinds)].text)):
            kinds.append("header")
        elif not re.search(r"[A-Za-z]{2}", ln.label):
            kinds.append("skip")
        else:
            kinds.append("data")
    _widen_headers(split, kinds)
    for i, ln in enumerate(split):
        kind = kinds[i]
        if kind == "data":
            j = i + 1
            while j < len(split) and kinds[j] == "blank":
                j += 1
            next_cont = j < len(split) and kinds[j] == "data" and _is_cont(split[j].label)
            rd.feed(ln, next_cont, lines[i].bold)
        elif kind == "orphan":
            toks = [(t, ln.no) for t in (orphan_tokens(ln) or ())]
            prev = rd.items[-1] if rd.items else None
            cells = None
            if not ln.label and ln.positional and len(toks) >= 2:
                rows, _, _ = rd.values(ln)
                cells = rows[0] if rows and len(rows) == 1 else None
            if isinstance(prev, Orphans) and prev.cells is None and cells is None:
                prev.tokens.extend(toks)
            else:
                rd.items.append(Orphans(toks, ln.no, cells))
        elif kind == "header":
            if not rd.items or not isinstance(rd.items[-1], HeaderBreak):
                rd.items.append(HeaderBreak(ln.no))
            rd.pending = None
    return rd.items

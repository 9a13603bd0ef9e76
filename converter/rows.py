"""Stage 2c, rows: a statement's lines → ``Row``s with cells aligned to its columns.

Text extracted from PDFs rarely keeps one row per line. This module undoes, in order:

1. *layout* — which tab fields hold the label, the note and each column (from the header
   line's years/units, else the commonest shape of the figure lines), and extra fields an
   extractor put in front of a row (a duplicated layer, a statement run together);
2. *wrapping* — a label continued on the next line (lower-case start, or a line ending in
   "and", "of", "at fair" ...);
3. *packing* — several labels on one line with several figures per cell, split at
   sentence-case boundaries and matched to the figures (column-wise; a short column is
   aligned to a full one by magnitude, the gap waits for the next line's figures);
4. *duplicate layers* — a row printed twice (once clean, once OCR-damaged) is kept once, the
   other readings kept as candidates.

Figures keep the printed sign; damaged figures are cells with ``provenance="unresolved"``
and their readings in ``candidates``; reconciliation decides.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from . import row_labels as rl
from .cell_reading import field_kind, is_doubtful, read_field
from .model import Cell, Issue, Line, Row, StatementKind
from .periods import header_slots, is_header_line

_NOTE = re.compile(
    r"^(?:\d{1,2}[A-Za-z]?(?:\s*\([a-z]{1,4}\))*|\([a-z]{1,4}\))"
    r"(?:\s*(?:,|&|and)?\s*(?:\d{1,2}[A-Za-z]?(?:\s*\([a-z]{1,4}\))*|\([a-z]{1,4}\)))*$")
_VALUE_LIKE = re.compile(r"\(?\d{1,3}(?:,\d{3})+\)?|\(\d+\)")
_UNIT_TOKEN = re.compile(r"(?:RMB|HK\$|US\$|HKD|USD|CNY|EUR|GBP|S\$)\s*['’]?\s*(?:000|million)",
                         re.I)


@dataclass
class Piece:
    """One input line read against the statement's layout."""

    line: Line
    label: str = ""
    note: str | None = None
    values: list[list[Cell]] = field(default_factory=list)   # per column
    layer_text: list[str] = field(default_factory=list)      # discarded run-together text

    @property
    def has_values(self) -> bool:
        return any(self.values)


@dataclass
class Layout:
    columns: list[int]          # tab-field index of each value column
    note: int | None            # tab-field index of the note column


def is_note_ref(text: str) -> bool:
    """A note reference as printed beside a row: "4", "3(a), 4(b)", "5 5", "12(a), (b)"."""
    return bool(_NOTE.match(text.strip()))


def is_run_together(text: str) -> bool:
    """Text holding several rows' labels *and* figures: an extraction layer, not a label."""
    return len(_VALUE_LIKE.findall(text)) >= 3 and len(re.findall(r"[A-Za-z]{3,}", text)) >= 4


def header_layout(text: str, n: int) -> Layout | None:
    """Column fields from a header line holding ``n`` years, dates or unit tokens."""
    fields = text.split("\t")
    slots = sorted({s.field for s in header_slots(text)})
    if len(slots) != n:
        slots = [i for i, f in enumerate(fields) if _UNIT_TOKEN.search(f)]
    if len(slots) != n or len(set(slots)) != n:
        return None
    note = next((i for i, f in enumerate(fields) if re.fullmatch(r"\s*notes?\s*", f, re.I)),
                None)
    return Layout(columns=slots, note=note)


def infer_layout(lines: Sequence[Line], n: int) -> Layout:
    """The commonest shape of figure lines, when no header says where the columns are."""
    widths: Counter[int] = Counter()
    for line in lines:
        fields = _trimmed(line.text.split("\t"))
        if len(fields) > n and field_kind(fields[-1]) == "numeric":
            widths[len(fields)] += 1
    width = widths.most_common(1)[0][0] if widths else n + 2
    cols = list(range(width - n, width))
    return Layout(columns=cols, note=cols[0] - 1 if cols[0] >= 2 else None)


def _trimmed(fields: list[str]) -> list[str]:
    out = list(fields)
    while out and not out[-1].strip():
        out.pop()
    return out


def read_piece(line: Line, layout: Layout, n: int, per_share_hint: bool = False) -> Piece | None:
    """Read one line into label, note and per-column figures; ``None`` for blank lines."""
    raw = line.text.split("\t")
    if not line.text.strip():
        return None
    fields = [f.strip() for f in raw]
    last = layout.columns[-1]
    piece = Piece(line=line, values=[[] for _ in range(n)])
    while len(fields) > last + 1 and not fields[-1]:
        fields.pop()
    if len(fields) > last + 1:
        shift = len(fields) - (last + 1)
        piece.layer_text = [f for f in fields[:shift] if f]
        fields = fields[shift:]
    value_fields = [fields[i] if i < len(fields) else "" for i in layout.columns]
    aligned = len(raw) >= last + 1 and all(
        field_kind(v) in ("numeric", "empty", "noise") for v in value_fields)
    if aligned:
        first = layout.columns[0]
        lead = fields[:first]
    else:
        # right-align: the trailing numeric fields are the last columns
        trimmed = _trimmed(fields)
        k = 0
        while k < min(n, len(trimmed)) and field_kind(trimmed[-1 - k]) in ("numeric", "noise"):
            k += 1
        value_fields = [""] * (n - k) + trimmed[len(trimmed) - k:]
        lead = trimmed[:len(trimmed) - k]
    label_parts: list[str] = []
    for i, f in enumerate(lead):
        if not f:
            continue
        is_note_pos = (layout.note is not None and aligned and i == layout.note) or (
            i == len(lead) - 1 and i > 0)
        if is_note_pos and is_note_ref(f):
            piece.note = " ".join(f.split())
        elif is_run_together(f):
            piece.layer_text.append(f)
        elif field_kind(f) == "text":
            label_parts.append(f)
        elif len(f) > 4 and not is_note_pos:
            piece.layer_text.append(f)
    label = rl.normalise_label(" ".join(label_parts))
    if not re.search(r"[A-Za-z]{2,}", label):
        label = ""
    piece.label = label
    per_share = per_share_hint or rl.is_per_share(label)
    for c, text in enumerate(value_fields):
        if field_kind(text) == "numeric":
            piece.values[c] = read_field(text, line.no, per_share)
    return piece


# --------------------------------------------------------------------------- assembly
@dataclass
class _Slot:
    label: str
    cells: list[Cell | None]
    line: Line
    note: str | None = None
    heading: bool = False
    awaiting: set[int] = field(default_factory=set)


class _Assembler:
    """Turns pieces into rows: joins wrapped labels, splits packed ones, fills gaps."""

    def __init__(self, n: int):
        self.n = n
        self.rows: list[_Slot] = []
        self.pending: list[tuple[str, Line]] = []     # label-only fragments not yet placed
        self.awaiting: list[_Slot] = []               # packed rows still missing figures
        self.issues: list[Issue] = []

    def feed(self, piece: Piece, next_piece: Piece | None) -> None:
        awaiting, self.awaiting = self.awaiting, []
        if not piece.has_values:
            if piece.label:
                self._add_label_only(piece)
            return
        if not piece.label:
            if awaiting and self._fill(awaiting, piece):
                return
            self._flush_pending()
            cells = [self._single(vals, piece) for vals in piece.values]
            self.rows.append(_Slot("", cells, piece.line))
            return
        label = piece.label
        if self.pending and (rl.starts_lowercase(label) or rl.is_open_ended(self.pending[-1][0])):
            label = self.pending[-1][0] + " " + label
            line = self.pending[-1][1]
            self.pending.pop()
        else:
            line = piece.line
        self._flush_pending()
        continues = next_piece is not None and bool(next_piece.label) and \
            rl.starts_lowercase(next_piece.label)
        self._place(label, piece, line, continues)

    def _add_label_only(self, piece: Piece) -> None:
        label = piece.label
        if self.pending and (rl.starts_lowercase(label) or rl.is_open_ended(self.pending[-1][0])):
            text, line = self.pending.pop()
            self.pending.append((text + " " + label, line))
            return
        if not self.pending and self.rows and rl.starts_lowercase(label) and \
                not self.rows[-1].heading and self.rows[-1].label and \
                self.rows[-1].line.no >= piece.line.no - 1:
            # a label wrapped below its figures: "Proceeds from ... plant and" 9,209 / "equipment"
            self.rows[-1].label = self.rows[-1].label + " " + label
            return
        self._flush_pending()
        self.pending.append((label, piece.line))

    def _flush_pending(self) -> None:
        for text, line in self.pending:
            for seg in rl.split_packed(text):
                self.rows.append(_Slot(seg, [None] * self.n, line, heading=True))
        self.pending = []

    def _single(self, vals: list[Cell], piece: Piece) -> Cell | None:
        if not vals:
            return None
        if len(vals) == 1:
            return vals[0]
        return _ambiguous(vals)

    def _place(self, label: str, piece: Piece, line: Line, continues: bool) -> None:
        segments = rl.split_packed(label)
        tail: str | None = None
        if len(segments) > 1 and (continues or rl.is_open_ended(segments[-1])):
            tail = segments.pop()
        heads = [i for i, s in enumerate(segments) if rl.is_section_heading(s)]
        items = [s for i, s in enumerate(segments) if i not in heads]
        counts = [len(v) for v in piece.values]
        most = max(counts)
        if not items:
            items, heads = [segments[-1]], [i for i in heads if i != len(segments) - 1]
        if len(items) == 1 and most > 1 and len(segments) == 1:
            # one label, several figures in a cell: a duplicated layer; keep all as candidates
            cells = [self._single(v, piece) for v in piece.values]
            self._emit_headings(segments, heads, line)
            self.rows.append(_Slot(items[0], cells, line, piece.note))
            if tail:
                self.pending.append((tail, line))
            return
        slots_labels = list(items)
        extra = most - len(items)
        if extra > 0:
            # unlabelled subtotals: before the first "Total ..." label, else at the end
            at = next((i for i, s in enumerate(slots_labels) if s.lower().startswith("total")),
                      len(slots_labels))
            slots_labels[at:at] = [""] * extra
        k = len(slots_labels)
        grid: list[list[Cell | None]] = [[None] * self.n for _ in range(k)]
        ref = next((c for c in range(self.n) if counts[c] == k), None)
        for c, vals in enumerate(piece.values):
            if not vals:
                continue
            if len(vals) == k:
                order = list(range(k))
            elif ref is not None and len(vals) < k:
                order = _align(vals, piece.values[ref])
            else:
                order = list(range(min(len(vals), k)))
            for v, slot in zip(vals, order):
                grid[slot][c] = v
        self._emit_headings(segments, heads, line)
        new: list[_Slot] = []
        for lab, cells in zip(slots_labels, grid):
            slot = _Slot(lab, cells, line, piece.note if k == 1 else None)
            new.append(slot)
        # cells missing in a column that had figures for this line wait for the next line
        if k > 1:
            for slot in new:
                slot.awaiting = {c for c in range(self.n) if slot.cells[c] is None and
                                 (counts[c] > 0 or any(s.cells[c] for s in new))}
            self.awaiting = [s for s in new if s.awaiting]
        self.rows.extend(new)
        if tail:
            self.pending.append((tail, line))

    def _emit_headings(self, segments: list[str], heads: list[int], line: Line) -> None:
        for i in heads:
            self.rows.append(_Slot(segments[i], [None] * self.n, line, heading=True))

    def _fill(self, awaiting: list[_Slot], piece: Piece) -> bool:
        """Figures on a line of their own fill the gaps a packed line left, if they fit."""
        proper = {c: [v for v in vals if not v.less_than_unit] for c, vals in enumerate(piece.values)}
        wanted = {c: [s for s in awaiting if c in s.awaiting] for c in range(self.n)}
        if any(len(proper[c]) > len(wanted[c]) for c in range(self.n)):
            return False
        if not any(proper[c] for c in range(self.n)):
            return False
        for c in range(self.n):
            for slot, cell in zip(wanted[c], proper[c]):
                slot.cells[c] = cell
                slot.awaiting.discard(c)
        return True

    def finish(self) -> list[_Slot]:
        self._flush_pending()
        return self.rows


def _magnitude(cell: Cell) -> float:
    v = cell.value if cell.value is not None else (cell.candidates[0] if cell.candidates else None)
    if v is None or v == 0:
        return 0.0
    return math.copysign(math.log10(abs(float(v)) + 1), float(v))


def _align(short: list[Cell], full: list[Cell]) -> list[int]:
    """Which slots of ``full`` the figures of ``short`` belong to (order kept), by closeness
    of signed log magnitude: a comparative is usually of the same sign and size."""
    n, m = len(short), len(full)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    best[0] = [0.0] * (m + 1)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            take = best[i - 1][j - 1] + abs(_magnitude(short[i - 1]) - _magnitude(full[j - 1]))
            best[i][j] = min(best[i][j - 1], take)
    order: list[int] = []
    i, j = n, m
    while i > 0:
        if j > i and best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            order.append(j - 1)
            i -= 1
            j -= 1
    return order[::-1]


def _ambiguous(vals: list[Cell]) -> Cell:
    """Several figures where one belongs: keep every reading, decide nothing."""
    readings: list[Decimal] = []
    for v in vals:
        for r in ([v.value] if v.value is not None else []) + list(v.candidates):
            if r not in readings:
                readings.append(r)
    return Cell(value=None, text=" ".join(v.text for v in vals), provenance="unresolved",
                line=vals[0].line, candidates=tuple(readings))


# --------------------------------------------------------------------------- clean-up passes
def _drop_garbled_layers(slots: list[_Slot], issues: list[Issue],
                         kind: StatementKind) -> list[_Slot]:
    """Remove rows printed twice: an all-damaged row next to a clean one of the same shape,
    or the same label twice in a row (the second reading becomes a candidate)."""
    out: list[_Slot] = []
    for i, s in enumerate(slots):
        vals = [c for c in s.cells if c is not None]
        if vals and all(is_doubtful(c) for c in vals):
            neighbours = [slots[j] for j in (i - 1, i + 1) if 0 <= j < len(slots)]
            if any(_clean_same_shape(s, nb) for nb in neighbours):
                issues.append(Issue("info", "extract.layer_dropped",
                                    f"dropped a damaged duplicate reading of a row "
                                    f"('{s.label or 'unlabelled'}')", line=s.line.no,
                                    statement=kind))
                continue
        if out and s.label and not s.heading and out[-1].label.lower() == s.label.lower() and \
                not out[-1].heading:
            _merge_duplicate(out[-1], s)
            issues.append(Issue("warning", "extract.duplicate_row",
                                f"'{s.label}' printed twice with figures; kept both readings",
                                line=s.line.no, statement=kind))
            continue
        out.append(s)
    return out


def _clean_same_shape(s: _Slot, other: _Slot) -> bool:
    if other.heading:
        return False
    pos_s = [c is not None for c in s.cells]
    pos_o = [c is not None and not is_doubtful(c) for c in other.cells]
    return pos_s == pos_o or all(o for o, p in zip(pos_o, pos_s) if p)


def _merge_duplicate(keep: _Slot, dup: _Slot) -> None:
    for c, (a, b) in enumerate(zip(keep.cells, dup.cells)):
        if b is None:
            continue
        if a is None:
            keep.cells[c] = b
            continue
        if a.value == b.value and a.value is not None:
            continue
        if is_doubtful(a) and not is_doubtful(b):
            keep.cells[c] = replace(b, candidates=_readings_of(b) + _readings_of(a))
            continue
        readings = _readings_of(a) + tuple(r for r in _readings_of(b) if r not in _readings_of(a))
        keep.cells[c] = replace(a, value=None if is_doubtful(a) else a.value,
                                provenance="unresolved", candidates=readings)


def _readings_of(cell: Cell) -> tuple[Decimal, ...]:
    vals = ([cell.value] if cell.value is not None else []) + list(cell.candidates)
    return tuple(dict.fromkeys(vals))


def parse_rows(lines: Sequence[Line], n: int, kind: StatementKind,
               layout: Layout | None = None) -> tuple[list[Row], list[Issue]]:
    """Parse a statement's body lines (after its header) into rows with ids r1, r2, ..."""
    layout = layout or infer_layout(lines, n)
    pieces: list[Piece] = []
    issues: list[Issue] = []
    current = layout
    for line in lines:
        if is_header_line(line.text):
            new = header_layout(line.text, n)
            if new:
                current = new
            continue
        piece = read_piece(line, current, n)
        if piece is None:
            continue
        if not piece.label and not piece.has_values:
            continue
        pieces.append(piece)
    asm = _Assembler(n)
    for i, piece in enumerate(pieces):
        asm.feed(piece, pieces[i + 1] if i + 1 < len(pieces) else None)
    slots = _drop_garbled_layers(asm.finish(), issues, kind)
    issues.extend(asm.issues)
    return _to_rows(slots, kind, issues), issues


def _to_rows(slots: list[_Slot], kind: StatementKind, issues: list[Issue]) -> list[Row]:
    rows: list[Row] = []
    section: list[str] = []
    for s in slots:
        has_values = any(c is not None for c in s.cells)
        label = s.label
        if not has_values and label:
            level = rl.section_level(label)
            section = section[:level] if level <= len(section) else section
            section = (section + [label])[-2:] if level else [label]
            rows.append(Row(label=label, cells=list(s.cells), line=s.line.no, kind="heading",
                            section=tuple(section[:-1]), bold=s.line.bold,
                            underline=s.line.underline))
            continue
        if not has_values:
            continue
        per_share = rl.is_per_share(label)
        row = Row(label=label, cells=list(s.cells), line=s.line.no,
                  kind=rl.row_kind(label, True), note=s.note, section=tuple(section),
                  bold=s.line.bold, underline=s.line.underline,
                  balance_role=rl.balance_role(label), per_share=per_share)
        for c, cell in enumerate(row.cells):
            if cell is not None and is_doubtful(cell):
                issues.append(Issue("warning", "extract.garbled_cell",
                                    f"'{cell.text}' in '{label or 'unlabelled row'}' column "
                                    f"{c + 1} is damaged; readings: "
                                    f"{', '.join(str(x) for x in cell.candidates) or 'none'}",
                                    line=cell.line, statement=kind))
        rows.append(row)
        if row.kind == "total" and section:
            topic = label.lower().removeprefix("total ").strip()
            hit = next((i for i, h in enumerate(section) if h.lower().endswith(topic)), None)
            if hit is not None:
                section = section[:hit]
    for i, row in enumerate(rows, start=1):
        row.id = f"r{i}"
    return rows

"""Row parsing, step 2 — assembly: ``Piece``s → ``Slot``s (draft rows) in printed order.

Joins labels wrapped over lines (lower-case start, or a line ending in "and", "of", "at
fair"), splits labels packed on one line at sentence-case boundaries and deals the packed
figures to them column by column (a short column aligned to a full one by magnitude, its gap
waiting for the next line's figures), and keeps the figures beside the last line of a wrapped
label when its first line carried another reading.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from decimal import Decimal
from difflib import SequenceMatcher

from . import row_labels as rl
from .cell_reading import field_kind, is_damaged, read_field
from .model import Cell, Issue, Line
from .row_layout import Piece

@dataclass
class Slot:
    label: str
    cells: list[Cell | None]
    line: Line
    note: str | None = None
    heading: bool = False
    awaiting: set[int] = field(default_factory=set)
    wrapped: str = ""           # the continuation line joined last, to spot its OCR repeat


class Assembler:
    """Turns pieces into rows: joins wrapped labels, splits packed ones, fills gaps."""

    def __init__(self, n: int):
        self.n = n
        self.rows: list[Slot] = []
        self.pending: list[tuple[str, Line]] = []     # label-only fragments not yet placed
        self.awaiting: list[Slot] = []               # packed rows still missing figures
        self.issues: list[Issue] = []
        self._carry: list[Cell | None] | None = None   # figures of a wrapped label's first line

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
            self.rows.append(Slot("", cells, piece.line, piece.note))   # its note, if printed
            return
        label = piece.label
        fragment = label if rl.starts_lowercase(label) else ""
        if self.pending and (rl.starts_lowercase(label) or rl.is_open_ended(self.pending[-1][0])):
            label = self.pending[-1][0] + " " + label
            line = self.pending[-1][1]
            self.pending.pop()
        elif rl.starts_lowercase(label) and self.rows and not self.rows[-1].heading and \
                _repeats_tail(self.rows[-1].wrapped, label):
            # "designated as at fair value through profit or loss" printed again, damaged
            # ("designated as at rain variet infough profit of 1033"): a layer of the wrap
            self.issues.append(Issue("info", "extract.layer_dropped",
                                     f"dropped a damaged repeat of the end of "
                                     f"'{self.rows[-1].label}' ('{label}')",
                                     line=piece.line.no))
            return
        elif rl.starts_lowercase(label) and self.rows and not self.rows[-1].heading and \
                self.rows[-1].label and _all_doubtful(self.rows[-1].cells):
            # "Net (increase)/decrease in investments" (damaged figures) / "in term deposits"
            # (clean figures): one wrapped row whose first line carried a damaged layer
            prev = self.rows.pop()
            label, line = prev.label + " " + label, prev.line
            self.issues.append(Issue("info", "extract.layer_dropped",
                                     f"dropped damaged figures printed beside the first line "
                                     f"of '{label}'", line=prev.line.no))
        elif rl.starts_lowercase(label) and self.rows and not self.rows[-1].heading and \
                self.rows[-1].label and not self.pending and \
                len(rl.split_packed(self.rows[-1].label)) == 1:
            # the first line of a wrapped label printed with figures that the last line
            # prints again: the last line's figures belong to the row (they sit beside the
            # end of the label); the others stay as candidates
            prev = self.rows.pop()
            label, line = prev.label + " " + label, prev.line
            self._carry = prev.cells
        else:
            line = piece.line
        self._flush_pending()
        continues = next_piece is not None and bool(next_piece.label) and \
            rl.starts_lowercase(next_piece.label)
        before = len(self.rows)
        self._place(label, piece, line, continues)
        if fragment:
            for slot in self.rows[before:]:
                if not slot.heading:
                    slot.wrapped = fragment

    def _add_label_only(self, piece: Piece) -> None:
        label = piece.label
        if len(rl.split_packed(label)) >= 4:
            # a run of many labels with no figures: a layer of the statement, not headings
            piece.layer_text.append(label)
            return
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
                self.rows.append(Slot(seg, [None] * self.n, line, heading=True))
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
        is_head = [rl.is_section_heading(seg) for seg in segments]
        if all(is_head):
            is_head[-1] = False          # the figures must belong to someone
        items = [seg for seg, h in zip(segments, is_head) if not h]
        values = piece.values
        if len(items) > 1:
            # several rows packed: "100 200 (300)" are three figures, not one split by spaces
            values = [read_field(t, piece.line.no, False, rejoin=False)
                      if field_kind(t) == "numeric" else [] for t in piece.texts]
        values = self._drop_repeats(values, len(items))
        counts = [len(v) for v in values]
        most = max(counts)
        if len(items) == 1 and most > 1:
            # one label, several figures in a cell: a duplicated layer; keep all as candidates
            cells = [self._single(v, piece) for v in values]
            placed = []
            for seg, h in zip(segments, is_head):
                slot = Slot(seg, cells if not h else [None] * self.n, line,
                             piece.note if not h else None, heading=h)
                self.rows.append(slot)
                if not h:
                    placed.append(slot)
            if tail:
                self.pending.append((tail, line))
            self._apply_carry(placed)
            return
        # entries in printed order: headings, items, and unlabelled subtotals for extra figures
        entries: list[tuple[str, bool]] = list(zip(segments, is_head))
        extra = most - len(items)
        if extra > 0:
            at = next((i for i, (seg, h) in enumerate(entries)
                       if not h and seg.lower().startswith("total")), len(entries))
            entries[at:at] = [("", False)] * extra
        k = sum(1 for _, h in entries if not h)
        grid: list[list[Cell | None]] = [[None] * self.n for _ in range(k)]
        ref = next((c for c in range(self.n) if counts[c] == k), None)
        for c, vals in enumerate(values):
            if not vals:
                continue
            if len(vals) == k:
                order = list(range(k))
            elif ref is not None and len(vals) < k:
                order = _align(vals, values[ref])
                self.issues.append(Issue(
                    "info", "extract.aligned_by_size",
                    f"column {c + 1} printed {len(vals)} figures for {k} packed rows; placed "
                    f"beside the rows whose other-column figures are of the same size "
                    f"({', '.join(items[i] if i < len(items) else '' for i in order)})",
                    line=piece.line.no))
            else:
                order = list(range(min(len(vals), k)))
                if len(vals) < k:
                    self.issues.append(Issue(
                        "info", "extract.short_column",
                        f"column {c + 1} printed {len(vals)} figures for {k} packed rows; "
                        f"placed in order, the rest wait for figures on the next line",
                        line=piece.line.no))
            for v, slot in zip(vals, order):
                grid[slot][c] = v
        new: list[Slot] = []
        cells_iter = iter(grid)
        for seg, h in entries:
            if h:
                self.rows.append(Slot(seg, [None] * self.n, line, heading=True))
                continue
            slot = Slot(seg, next(cells_iter), line, piece.note if k == 1 else None)
            new.append(slot)
            self.rows.append(slot)
        # cells missing in a column that had figures for this line wait for the next line
        if k > 1:
            for slot in new:
                slot.awaiting = {c for c in range(self.n) if slot.cells[c] is None and
                                 counts[c] > 0}
            self.awaiting = [s for s in new if s.awaiting]
        if tail:
            self.pending.append((tail, line))
        self._apply_carry(new)

    def _apply_carry(self, new: list[Slot]) -> None:
        carry, self._carry = self._carry, None
        if carry is None or not new:
            return
        first = new[0]
        if any(is_damaged(c) for c in carry):
            # a damaged figure marks the first line's figures as a layer: keep none of them
            self.issues.append(Issue("info", "extract.layer_dropped",
                                     f"dropped damaged figures printed beside the first line "
                                     f"of '{first.label}' "
                                     f"({' / '.join(c.text for c in carry if c)})",
                                     line=first.line.no))
            return
        for c, old in enumerate(carry):
            cur = first.cells[c]
            if old is None or (cur is not None and cur.value == old.value):
                continue
            if cur is None:
                first.cells[c] = old
                continue
            first.cells[c] = replace(cur, provenance="unresolved",
                                     candidates=readings_of(cur) + tuple(
                                         r for r in readings_of(old) if r not in readings_of(cur)))
            self.issues.append(Issue("warning", "extract.wrapped_figures",
                                     f"'{first.label}' has figures on two lines "
                                     f"({old.text} / {cur.text}); kept both readings",
                                     line=cur.line))

    def _drop_repeats(self, values: list[list[Cell]], items: int) -> list[list[Cell]]:
        """A column with one figure too many often starts with the previous row's figure
        (an extraction layer shifted by one line): drop it, or give it to a row waiting for
        that column's figure."""
        if items != 1 or not self.rows:
            return values
        prev = self.rows[-1]
        out = []
        for c, vals in enumerate(values):
            if len(vals) == 2:
                first = vals[0]
                if prev.cells[c] is not None and prev.cells[c].value == first.value and \
                        first.value is not None:
                    vals = vals[1:]
                    self.issues.append(Issue("info", "extract.repeated_figure",
                                             f"'{first.text}' repeats the row above; dropped",
                                             line=first.line))
                elif c in prev.awaiting and prev.cells[c] is None:
                    prev.cells[c] = first
                    prev.awaiting.discard(c)
                    vals = vals[1:]
                    self.issues.append(Issue("info", "extract.figure_moved_up",
                                             f"'{first.text}' placed in '{prev.label}', which "
                                             f"was waiting for it", line=first.line))
            out.append(vals)
        return out

    def _fill(self, awaiting: list[Slot], piece: Piece) -> bool:
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

    def finish(self) -> list[Slot]:
        self._flush_pending()
        return self.rows


def _repeats_tail(wrapped: str, fragment: str) -> bool:
    """Whether ``fragment`` re-reads ``wrapped``, the last line of a row's wrapped label (an
    OCR layer of that line)."""
    if len(fragment) < 12 or not wrapped:
        return False
    return SequenceMatcher(None, wrapped.lower(), fragment.lower()).ratio() >= 0.6


def _all_doubtful(cells: list[Cell | None]) -> bool:
    present = [c for c in cells if c is not None]
    return bool(present) and all(is_damaged(c) for c in present)


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


def readings_of(cell: Cell) -> tuple[Decimal, ...]:
    vals = ([cell.value] if cell.value is not None else []) + list(cell.candidates)
    return tuple(dict.fromkeys(vals))

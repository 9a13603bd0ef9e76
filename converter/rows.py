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
from difflib import SequenceMatcher

from . import row_labels as rl
from .cell_reading import field_kind, is_damaged, is_doubtful, read_field
from .layers import LayerRow, harvest, label_key
from .model import Cell, Issue, Line, Row, StatementKind
from .periods import header_slots, is_header_line

_NOTE = re.compile(
    r"^(?:\d{1,2}[A-Za-z]?(?:\s*\([a-z]{1,4}\))*|\([a-z]{1,4}\))"
    r"(?:(?:\s*(?:,|&|and)\s*|\s+)(?:\d{1,2}[A-Za-z]?(?:\s*\([a-z]{1,4}\))*|\([a-z]{1,4}\)))*$")
_INLINE_NOTE = re.compile(r"\s*\(?\bnotes?\s+(\d{1,2}(?:\s*\([a-z]{1,3}\))?"
                          r"(?:\s*(?:,|&|and)\s*\d{1,2}(?:\s*\([a-z]{1,3}\))?)*)\)?\s*$",
                          re.IGNORECASE)
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
    texts: list[str] = field(default_factory=list)           # per column, as printed
    layer_text: list[str] = field(default_factory=list)      # discarded run-together text

    @property
    def has_values(self) -> bool:
        return any(self.values)


@dataclass
class Layout:
    columns: list[int]          # tab-field index of each value column
    note: int | None            # tab-field index of the note column
    label: int = 0              # tab-field index of the label; fields before it are layers


def is_note_ref(text: str) -> bool:
    """A note reference as printed beside a row: "4", "3(a), 4(b)", "5 5", "12(a), (b)"."""
    return bool(_NOTE.match(text.strip()))


_FIGURE = r"(?:\(?-?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?|\(?\d+(?:\.\d+)?\)?|[-–—_*])"
_NOTE_TOKEN = r"(?:\d{1,2}(?:\([a-z]{1,3}\))?(?:,\s*\d{1,2}(?:\([a-z]{1,3}\))?)*)"


def _space_separated(text: str, n: int) -> str:
    """A row laid out with spaces instead of tabs ("Revenue   4   1,234   1,000") → tab fields
    (label, note, figures), when the line ends with exactly one figure per column."""
    if re.fullmatch(r"[\s\-–—_=~]+", text) and len(text.strip()) >= 3:
        return ""                  # rules only
    figs_only = re.fullmatch(r"\s*(" + _FIGURE + r"(?:\s+" + _FIGURE + r"){" + str(n - 1) +
                             r"})\s*", text)
    if figs_only and re.search(r"\d", text):
        return "\t\t" + "\t".join(figs_only.group(1).split())   # an unlabelled (sub)total
    m = re.match(r"^(?P<label>.*?[A-Za-z:)].*?)\s+(?:(?P<note>" + _NOTE_TOKEN + r")\s+)?"
                 r"(?P<figs>" + _FIGURE + r"(?:\s+" + _FIGURE + r"){" + str(n - 1) + r"})\s*$",
                 text.strip())
    if not m or re.search(r"\d[\d,]{3,}", m.group("label")):
        return text
    return "\t".join([m.group("label"), m.group("note") or "", *m.group("figs").split()])


def _dedupe_note(text: str) -> str:
    """"5 5 5" (one reference repeated by a layer or by packed rows) → "5"."""
    parts = text.split()
    if len(parts) > 1 and len(set(parts)) == 1:
        return parts[0]
    return " ".join(parts)


def is_run_together(text: str) -> bool:
    """Text holding several rows' labels *and* figures: an extraction layer, not a label."""
    return len(_VALUE_LIKE.findall(text)) >= 3 and bool(re.search(r"[A-Za-z]{2,}", text))


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
    if not line.text.strip():
        return None
    text = line.text if "\t" in line.text else _space_separated(line.text, n)
    raw = text.split("\t")
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
    if not aligned and any(is_run_together(f) for f in fields):
        piece.layer_text = [f for f in fields if is_run_together(f)]
        return piece                 # a header or layer line garbled together: no row
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
        if aligned and i < layout.label:
            piece.layer_text.append(f)   # text left of the label column: another layer
            continue
        is_note_pos = (layout.note is not None and aligned and i == layout.note) or (
            i == len(lead) - 1 and i > 0)
        if is_note_pos and is_note_ref(f):
            piece.note = _dedupe_note(f)
        elif is_note_pos and aligned and len(f) <= 3 and not re.fullmatch(r"[A-Z][a-z]+", f):
            pass  # a damaged note reference ("J" for "5"): not part of the label
        elif is_run_together(f) or len(f) > 250:
            piece.layer_text.append(f)
        elif field_kind(f) == "text":
            if label_parts and not aligned:
                piece.layer_text.append(label_parts.pop())
            label_parts.append(f)
        elif len(f) > 4 and not is_note_pos:
            piece.layer_text.append(f)
    label = rl.normalise_label(" ".join(label_parts))
    m = _INLINE_NOTE.search(label)
    if m and piece.note is None:
        # "Revenue (Note 4)": the note printed inside the label cell
        piece.note, label = _dedupe_note(m.group(1)), rl.normalise_label(label[:m.start()])
    if not re.search(r"[A-Za-z]{2,}", label):
        label = ""
    piece.label = label
    per_share = per_share_hint or rl.is_per_share(label)
    piece.texts = list(value_fields)
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
    wrapped: str = ""           # the continuation line joined last, to spot its OCR repeat


class _Assembler:
    """Turns pieces into rows: joins wrapped labels, splits packed ones, fills gaps."""

    def __init__(self, n: int):
        self.n = n
        self.rows: list[_Slot] = []
        self.pending: list[tuple[str, Line]] = []     # label-only fragments not yet placed
        self.awaiting: list[_Slot] = []               # packed rows still missing figures
        self.issues: list[Issue] = []
        self._carry: list[Cell | None] | None = None   # figures of a wrapped label's first line
        self.layer_labels: list[str] = []

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
            self.layer_labels.append(label)
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
                slot = _Slot(seg, cells if not h else [None] * self.n, line,
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
            else:
                order = list(range(min(len(vals), k)))
            for v, slot in zip(vals, order):
                grid[slot][c] = v
        new: list[_Slot] = []
        cells_iter = iter(grid)
        for seg, h in entries:
            if h:
                self.rows.append(_Slot(seg, [None] * self.n, line, heading=True))
                continue
            slot = _Slot(seg, next(cells_iter), line, piece.note if k == 1 else None)
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

    def _apply_carry(self, new: list[_Slot]) -> None:
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
                                     candidates=_readings_of(cur) + tuple(
                                         r for r in _readings_of(old) if r not in _readings_of(cur)))
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
                elif c in prev.awaiting and prev.cells[c] is None:
                    prev.cells[c] = first
                    prev.awaiting.discard(c)
                    vals = vals[1:]
            out.append(vals)
        return out

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


# --------------------------------------------------------------------------- clean-up passes
def is_garbled_label(label: str, vocabulary: Counter[str] | None) -> bool:
    """A label whose words the document uses nowhere else ("Oneveting loss", "Cook and cook
    conjugate at and of year"): an OCR layer, not a row of its own."""
    # the evidence is a whole announcement's vocabulary; a short text has too few words
    if not vocabulary or not label or len(vocabulary) < 500:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", label)]
    if not words:
        return False
    rare = sum(1 for w in words if vocabulary.get(w, 0) <= 1)
    return rare >= 2


def _drop_garbled_layers(slots: list[_Slot], issues: list[Issue], kind: StatementKind,
                         vocabulary: Counter[str] | None = None) -> list[_Slot]:
    """Remove rows printed twice: an all-damaged row next to a clean one of the same shape,
    a row whose label is OCR noise next to a row with figures, or the same label twice in a
    row (the second reading becomes a candidate)."""
    out: list[_Slot] = []
    for i, s in enumerate(slots):
        vals = [c for c in s.cells if c is not None]
        if vals and is_garbled_label(s.label, vocabulary):
            near = [slots[j] for j in (i - 1, i + 1) if 0 <= j < len(slots)]
            if any(not nb.heading and _similar(nb.label, s.label) and
                   sum(c is not None for c in nb.cells) >= len(vals) for nb in near):
                issues.append(Issue("info", "extract.layer_dropped",
                                    f"dropped a row with a damaged label ('{s.label}': "
                                    f"{' / '.join(c.text for c in vals)})", line=s.line.no,
                                    statement=kind))
                continue
        if vals and all(is_damaged(c) for c in vals):
            neighbours = [slots[j] for j in (i - 1, i + 1) if 0 <= j < len(slots)]
            if any(_clean_same_shape(s, nb) for nb in neighbours):
                issues.append(Issue("info", "extract.layer_dropped",
                                    f"dropped a damaged duplicate reading of a row "
                                    f"('{s.label or 'unlabelled'}')", line=s.line.no,
                                    statement=kind))
                continue
        if vals and any(is_damaged(c) for c in vals) and i + 1 < len(slots) and \
                _misread_of(s, slots[i + 1]):
            issues.append(Issue("info", "extract.layer_dropped",
                                f"dropped a misread copy of the next row "
                                f"({' / '.join(c.text for c in vals)})", line=s.line.no,
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


def _misread_of(s: _Slot, clean: _Slot) -> bool:
    """``s`` reads like an OCR copy of ``clean``: same label (or none), and figure by figure
    either equal, a damaged figure one of whose readings is the clean one, or the same
    printed shape with one digit different ("(122)" for "(132)")."""
    if clean.heading or (s.label and s.label.lower() != clean.label.lower()):
        return False
    for a, b in zip(s.cells, clean.cells):
        if a is None and b is None:
            continue
        if a is None or b is None or is_doubtful(b):
            return False
        if a.value is not None and a.value == b.value:
            continue
        if is_damaged(a) and b.value in a.candidates:
            continue
        if len(a.text) == len(b.text) and sum(x != y for x, y in zip(a.text, b.text)) == 1:
            continue
        return False
    return True


def _similar(a: str, b: str) -> bool:
    """Two labels close enough to be one label read twice ("Tut option nuomity")."""
    return SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.55


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
        if is_doubtful(a) and not is_doubtful(b) and b.value in _readings_of(a):
            keep.cells[c] = replace(b, candidates=_readings_of(b) + _readings_of(a))
            continue
        if is_doubtful(b) and not is_doubtful(a):
            continue  # a damaged second reading casts no doubt on a clean one
        readings = _readings_of(a) + tuple(r for r in _readings_of(b) if r not in _readings_of(a))
        keep.cells[c] = replace(a, value=None if is_doubtful(a) else a.value,
                                provenance="unresolved", candidates=readings)


def _readings_of(cell: Cell) -> tuple[Decimal, ...]:
    vals = ([cell.value] if cell.value is not None else []) + list(cell.candidates)
    return tuple(dict.fromkeys(vals))


def parse_rows(lines: Sequence[Line], n: int, kind: StatementKind,
               layout: Layout | None = None,
               vocabulary: Counter[str] | None = None) -> tuple[list[Row], list[Issue]]:
    """Parse a statement's body lines (after its header) into rows with ids r1, r2, ..."""
    layout = layout or infer_layout(lines, n)
    layout.label = _label_field(lines, layout)
    pieces: list[Piece] = []
    issues: list[Issue] = []
    layer_texts: list[str] = []
    current = layout
    for line in lines:
        if _is_header(line.text):
            new = header_layout(line.text, n)
            if new:
                current = new
            continue
        current.label = layout.label if current is not layout else current.label
        piece = read_piece(line, current, n)
        if piece is None:
            continue
        layer_texts.extend(piece.layer_text)
        if not piece.label and not piece.has_values:
            continue
        pieces.append(piece)
    asm = _Assembler(n)
    for i, piece in enumerate(pieces):
        asm.feed(piece, pieces[i + 1] if i + 1 < len(pieces) else None)
    slots = _drop_garbled_layers(asm.finish(), issues, kind, vocabulary)
    slots = _lend_from_layers(slots, harvest(layer_texts, n), n, issues, kind)
    issues.extend(asm.issues)
    return _to_rows(slots, kind, issues), issues


def _is_header(text: str) -> bool:
    """A column header, also when a layer of run-together text shares its line."""
    if is_header_line(text):
        return True
    kept = [f for f in text.split("\t") if not (is_run_together(f) or len(f) > 250)]
    return len(kept) < len(text.split("\t")) and is_header_line("\t".join(kept))


def _label_field(lines: Sequence[Line], layout: Layout) -> int:
    """The tab field that holds labels on most figure lines (0 unless a layer sits left)."""
    first = layout.columns[0]
    counts: Counter[int] = Counter()
    for line in lines:
        fields = _trimmed([f.strip() for f in line.text.split("\t")])
        if len(fields) != layout.columns[-1] + 1 or field_kind(fields[-1]) != "numeric":
            continue
        texts = [i for i, f in enumerate(fields[:first]) if field_kind(f) == "text"
                 and not is_note_ref(f)]
        if texts:
            counts[texts[-1]] += 1
    return counts.most_common(1)[0][0] if counts else 0


def _lend_from_layers(slots: list[_Slot], layer: list[LayerRow], n: int, issues: list[Issue],
                      kind: StatementKind) -> list[_Slot]:
    """Fill what the clean rows lost from a run-together layer: labels of unlabelled rows
    (matched by all their figures), figures of labelled rows (matched by label), and rows
    missing altogether (placed after the row the layer prints before them)."""
    if not layer:
        return slots
    used: set[int] = set()
    taken = {label_key(s.label) for s in slots if s.label}
    by_label = {}
    for i, lr in enumerate(layer):
        by_label.setdefault(label_key(lr.label), i)
    for s in slots:
        values = [c.value if c is not None else None for c in s.cells]
        fragment = rl.starts_lowercase(s.label)
        if (not s.label or fragment) and any(v is not None for v in values):
            hits = [i for i, lr in enumerate(layer) if i not in used and
                    [c.value for c in lr.cells] == values and
                    label_key(lr.label).endswith(label_key(s.label)) and
                    label_key(lr.label) not in taken and
                    not rl.is_section_heading(lr.label)]
            # several layers may disagree on the label: the reading most copies print wins
            votes = Counter(label_key(layer[i].label) for i in hits)
            hit = max(hits, key=lambda i: (votes[label_key(layer[i].label)], -i), default=None)
            if hit is not None:
                s.label, used = layer[hit].label, used | {hit}
                s.note = s.note or layer[hit].note
                issues.append(Issue("info", "extract.label_from_layer",
                                    f"label '{s.label}' taken from a run-together copy of the "
                                    f"statement", line=s.line.no, statement=kind))
            continue
        i = by_label.get(label_key(s.label))
        if i is None or (s.heading and rl.is_section_heading(s.label)):
            continue
        used.add(i)
        for c in range(n):
            if s.cells[c] is None and layer[i].cells[c] is not None:
                s.cells[c] = layer[i].cells[c]
                s.heading = False
                issues.append(Issue("info", "extract.figure_from_layer",
                                    f"'{s.label}' column {c + 1} taken from a run-together "
                                    f"copy of the statement", line=s.line.no, statement=kind))
    # rows only the layer has
    out = list(slots)
    keys = {label_key(s.label) for s in slots}
    for i, lr in enumerate(layer):
        if i in used or label_key(lr.label) in keys or i == 0:
            continue
        values = [c.value for c in lr.cells]
        if any([c.value if c else None for c in s.cells] == values for s in out):
            continue
        at = None
        for back in range(i - 1, max(-1, i - 4), -1):
            prev_key = label_key(layer[back].label)
            at = next((j for j, s in enumerate(out) if label_key(s.label) == prev_key), None)
            if at is not None:
                break
        if at is None:
            continue
        # a row only a layer prints is a reading, not a fact, unless every copy of the
        # layer agrees on it; otherwise reconciliation decides among the readings
        readings = {tuple(c.value for c in other.cells) for other in layer
                    if label_key(other.label) == label_key(lr.label)}
        copies = sum(1 for other in layer if label_key(other.label) == label_key(lr.label))
        agreed = len(readings) == 1 and copies >= 2
        cells = []
        for k, c in enumerate(lr.cells):
            if agreed or c.value is None or c.nil:
                cells.append(c)
                continue
            options = tuple(dict.fromkeys(r[k] for r in readings if r[k] is not None))
            cells.append(replace(c, value=None, provenance="unresolved", candidates=options))
        out.insert(at + 1, _Slot(lr.label, cells, out[at].line, lr.note))
        keys.add(label_key(lr.label))
        issues.append(Issue("warning", "extract.row_from_layer",
                            f"row '{lr.label}' exists only in a run-together copy of the "
                            f"statement; taken from there", line=out[at].line.no,
                            statement=kind))
    return out


def document_vocabulary(lines: Sequence[Line]) -> Counter[str]:
    """How often each word (3+ letters, lower case) occurs in the document."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", line.text))
    return counts


def _to_rows(slots: list[_Slot], kind: StatementKind, issues: list[Issue]) -> list[Row]:
    rows: list[Row] = []
    stack: list[tuple[int, str]] = []        # open headings: (level, label)
    for s in slots:
        has_values = any(c is not None for c in s.cells)
        label = s.label
        if not has_values and label:
            level = rl.section_level(label)
            stack = [h for h in stack if h[0] < level]
            rows.append(Row(label=label, cells=list(s.cells), line=s.line.no, kind="heading",
                            section=tuple(h for _, h in stack), bold=s.line.bold,
                            underline=s.line.underline))
            stack.append((level, label))
            continue
        section = [h for _, h in stack]
        if not has_values:
            continue
        present = [c for c in s.cells if c is not None]
        if not label and len(present) < len(s.cells) and all(c.nil for c in present):
            issues.append(Issue("info", "extract.stray_dash",
                                "ignored a dash printed alone on a line", line=s.line.no,
                                statement=kind))
            continue
        # "Basic (HK cents)" under "Earnings per share ...": per share by its heading
        under = any(rl.is_per_share(h) for h in section)
        per_share = rl.is_per_share(label) or (under and bool(
            re.search(r"\b(?:basic|diluted|cents?)\b", label, re.IGNORECASE) or (
                not label and all("." in c.text for c in present))))
        row = Row(label=label, cells=list(s.cells), line=s.line.no,
                  kind="item" if per_share else rl.row_kind(label, True), note=s.note,
                  section=tuple(section),
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
        if not label and stack and stack[-1][0] == 1:
            stack.pop()          # an unlabelled subtotal closes its group ("Current assets")
        elif row.kind == "total" and stack:
            topic = label.lower().removeprefix("total ").strip()
            hit = next((i for i, (_, h) in enumerate(stack) if h.lower().endswith(topic)), None)
            if hit is not None:
                stack = stack[:hit]
    for i, row in enumerate(rows, start=1):
        row.id = f"r{i}"
    return rows

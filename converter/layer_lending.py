"""Row parsing, step 3b — what run-together layers lend to the clean rows.

A statement run together on one line (an extraction layer) lends what the clean rows lost,
never overriding a clean reading:

1. a clean label cut short ("Decrease in restricted cash for the issuance of bank") is
   completed from the one layer label it begins; if its row holds only dashes and the next,
   unlabelled row holds its figures, the two are one row whose figures slipped a line;
2. an unlabelled clean row takes the label of the layer row printing the same figures
   (sizes compared, blank clean cells match anything; the clean figures and signs win, the
   layer fills the blanks);
3. labelled rows take figures for their blank cells from the layer row of the same label;
   a damaged clean figure gets, as one more reading, a layer figure of the same label that
   looks like it ("4 (42 021" beside "— 4,643,021");
4. rows only the layers print are inserted where the layer puts them. Each figure of such a
   row is taken as printed when two layer copies print it, or when the clean layer prints
   it unlabelled (that unlabelled copy is then dropped); otherwise the cell keeps every
   reading the copies print and reconciliation decides.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from decimal import Decimal
from difflib import SequenceMatcher

from . import row_labels as rl
from .cell_doubts import near_copy
from .cell_reading import is_damaged, is_doubtful
from .layers import LayerRow, label_key
from .model import Cell, Issue, StatementKind
from .row_assembly import Slot, readings_of

__all__ = ["lend_from_layers"]


def lend_from_layers(slots: list[Slot], layer: list[LayerRow], n: int, issues: list[Issue],
                     kind: StatementKind) -> list[Slot]:
    if not layer:
        return slots
    partial = [lr for lr in layer if lr.partial]
    layer = [lr for lr in layer if not lr.partial]
    _complete_labels(slots, layer + partial, n, issues, kind)
    used: set[int] = set()
    by_label: dict[str, int] = {}
    for i, lr in enumerate(layer):
        by_label.setdefault(label_key(lr.label), i)
    for s in slots:
        values = [_value(c) for c in s.cells]
        fragment = rl.starts_lowercase(s.label)
        if (not s.label or fragment) and any(v is not None for v in values):
            _label_unlabelled(s, slots, layer, used, issues, kind)
            continue
        _offer_readings(s, layer + partial, issues, kind)
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
    return _insert_layer_rows(slots, layer, partial, used, n, issues, kind)


def _value(cell: Cell | None) -> Decimal | None:
    return None if cell is None else cell.value


def _complete_labels(slots: list[Slot], layer: list[LayerRow], n: int, issues: list[Issue],
                     kind: StatementKind) -> None:
    keys = {label_key(lr.label) for lr in layer}
    for k, s in enumerate(slots):
        key = label_key(s.label)
        if not s.label or key in keys or len(key.split()) < 4:
            continue
        longer = {label_key(lr.label): lr.label for lr in layer
                  if label_key(lr.label).startswith(key + " ")}
        if len(longer) != 1 or any(label_key(o.label) == next(iter(longer)) for o in slots):
            continue
        s.label = next(iter(longer.values()))
        issues.append(Issue("info", "extract.label_from_layer",
                            f"label completed as '{s.label}' from a run-together copy of the "
                            f"statement", line=s.line.no, statement=kind))
        nxt = slots[k + 1] if k + 1 < len(slots) else None
        if nxt is not None and not nxt.label and all(c is None or c.nil for c in s.cells) and \
                all(c is not None and not c.nil for c in nxt.cells[:n]):
            # the dash beside the cut label was a rule; its figures slipped to the next line
            s.cells, nxt.cells = list(nxt.cells), [None] * n
            issues.append(Issue("info", "extract.figure_moved_up",
                                f"figures of '{s.label}' printed on the line below its label",
                                line=nxt.line.no, statement=kind))


def _fits(clean: list[Cell | None], lr: LayerRow) -> bool:
    """The clean figures are the layer row's, sizes compared (OCR loses parentheses more
    often than digits); blank clean cells match anything; one real figure must agree."""
    agree = 0
    for c, cell in zip(clean, lr.cells):
        if cell is None or c is None:
            continue
        if c.nil or cell.nil:
            if not (c.nil and (cell.nil or cell.value == 0)) and not (cell.nil and c.value == 0):
                return False
            continue
        mine = readings_of(c)
        if cell.value is None or not any(abs(r) == abs(cell.value) for r in mine):
            return False
        agree += 1
    return agree > 0


def _label_unlabelled(s: Slot, slots: list[Slot], layer: list[LayerRow], used: set[int],
                      issues: list[Issue], kind: StatementKind) -> None:
    taken = {label_key(o.label) for o in slots if o.label}
    values = [_value(c) for c in s.cells]
    exact = [i for i, lr in enumerate(layer) if [c.value for c in lr.cells] == values]
    hits = [i for i in (exact or range(len(layer))) if i not in used and
            (i in exact or _fits(s.cells, layer[i])) and
            label_key(layer[i].label).endswith(label_key(s.label)) and
            label_key(layer[i].label) not in taken and
            not rl.is_section_heading(layer[i].label)]
    # several layers may disagree on the label: the reading most copies print wins
    votes = Counter(label_key(layer[i].label) for i in hits)
    hit = max(hits, key=lambda i: (votes[label_key(layer[i].label)], -i), default=None)
    if hit is None:
        return
    s.label = layer[hit].label
    used.add(hit)
    s.note = s.note or layer[hit].note
    for c, cell in enumerate(layer[hit].cells):
        if s.cells[c] is None:
            s.cells[c] = cell
    issues.append(Issue("info", "extract.label_from_layer",
                        f"label '{s.label}' taken from a run-together copy of the statement",
                        line=s.line.no, statement=kind))


def _looks_like(damaged: str, figure: str) -> bool:
    a = "".join(ch for ch in damaged if ch.isdigit())
    b = "".join(ch for ch in figure if ch.isdigit())
    return len(a) >= 4 and abs(len(a) - len(b)) <= 1 and \
        SequenceMatcher(None, a, b).ratio() >= 0.75


def _offer_readings(s: Slot, layer: list[LayerRow], issues: list[Issue],
                    kind: StatementKind) -> None:
    key = label_key(s.label)
    figures = [c for lr in layer if label_key(lr.label) == key for c in lr.cells
               if c.value is not None and not c.nil]
    for k, cell in enumerate(s.cells):
        if cell is None or not is_damaged(cell):
            continue
        extra = [f.value for f in figures if _looks_like(cell.text, f.text)
                 and f.value not in readings_of(cell)]
        if len(set(extra)) == 1 and len(cell.text.split()) > 1:
            # "4 (42 021" beside "4,643,021": a figure broken apart by the clean layer, whole
            # in the copy: the copy's reading is the figure
            s.cells[k] = replace(cell, value=extra[0], provenance="printed", candidates=())
            issues.append(Issue("warning", "extract.figure_from_layer",
                                f"'{cell.text}' in '{s.label}' column {k + 1} is broken apart; "
                                f"read as {extra[0]}, which a run-together copy prints for it",
                                line=cell.line, statement=kind))
        elif extra:
            s.cells[k] = replace(cell, candidates=tuple(dict.fromkeys(
                (*readings_of(cell), *extra))))
            issues.append(Issue("info", "extract.reading_from_layer",
                                f"'{cell.text}' in '{s.label}' column {k + 1}: a run-together "
                                f"copy prints {', '.join(str(x) for x in extra)} for it; one "
                                f"more reading", line=cell.line, statement=kind))


def _insert_layer_rows(slots: list[Slot], layer: list[LayerRow], partial: list[LayerRow],
                       used: set[int], n: int, issues: list[Issue],
                       kind: StatementKind) -> list[Slot]:
    out = list(slots)
    keys = {label_key(s.label) for s in slots}
    copies = [s for s in out if not s.label]     # unlabelled clean rows left over
    # the most complete copy places its rows first: its neighbours are the statement's
    size = Counter(lr.source for lr in layer)
    for i in sorted(range(len(layer)), key=lambda i: (-size[layer[i].source], i)):
        lr = layer[i]
        if i in used or label_key(lr.label) in keys:
            continue
        values = [c.value for c in lr.cells]
        if any([_value(c) for c in s.cells] == values for s in out):
            continue
        at = _anchor(out, layer, i)
        if at is None:
            continue
        same = [o for o in layer + partial if label_key(o.label) == label_key(lr.label)]
        cells: list[Cell | None] = []
        for k, c in enumerate(lr.cells):
            if c.value is None or c.nil:
                cells.append(c)
                continue
            full = {o.cells[k].value for o in same if not o.partial and o.cells[k] is not None}
            printed_by = {o.source for o in same if o.source != lr.source and any(
                f.value == c.value for f in o.cells)}
            seen = _clean_copy(copies, k, c.value)
            if len(full) == 1 and (printed_by or seen is not None):
                cells.append(c)
                if seen is not None:
                    seen.cells[k] = None
                continue
            options = tuple(dict.fromkeys(v for v in (c.value, *sorted(full - {c.value},
                                                                          key=str))
                                          if v is not None))
            cells.append(replace(c, value=None, provenance="unresolved", candidates=options))
        out.insert(at, Slot(lr.label, cells, out[max(at - 1, 0)].line, lr.note))
        keys.add(label_key(lr.label))
        issues.append(Issue("warning", "extract.row_from_layer",
                            f"row '{lr.label}' exists only in a run-together copy of the "
                            f"statement; taken from there", line=out[at].line.no,
                            statement=kind))
    return _drop_spent_copies(out, copies, layer, n, issues, kind)


def _clean_copy(copies: list[Slot], k: int, value: Decimal) -> Slot | None:
    """An unlabelled clean row printing ``value`` in column ``k``."""
    for s in copies:
        c = s.cells[k] if k < len(s.cells) else None
        if c is not None and not c.nil and value in readings_of(c):
            return s
    return None


def _drop_spent_copies(out: list[Slot], copies: list[Slot], layer: list[LayerRow], n: int,
                       issues: list[Issue], kind: StatementKind) -> list[Slot]:
    """Unlabelled clean rows whose figures all went to layer rows, or whose remaining figures
    are copies (exact or near) of figures the layer rows print in the same column."""
    figures = [{c.value for lr in layer for c in lr.cells[k:k + 1] if c.value is not None}
               for k in range(n)]
    keep = []
    for s in out:
        if s in copies and any(is_doubtful(c) or _near_only(c, figures[k])
                               for k, c in enumerate(s.cells[:n]) if c is not None) and all(
                c is None or c.nil or any(r == f or near_copy(r, f) for r in readings_of(c)
                                          for f in figures[k])
                for k, c in enumerate(s.cells[:n])) and \
                any(c is not None and not c.nil for c in s.cells):
            issues.append(Issue("info", "extract.duplicate_row",
                                "an unlabelled row repeats figures of rows a run-together copy "
                                "prints; dropped", line=s.line.no, statement=kind))
            continue
        if s in copies and all(c is None for c in s.cells):
            continue                     # every figure went to a layer row
        keep.append(s)
    return keep


def _near_only(cell: Cell, figures: set[Decimal]) -> bool:
    return cell.value is not None and cell.value not in figures and any(
        near_copy(cell.value, f) for f in figures)


def _anchor(out: list[Slot], layer: list[LayerRow], i: int) -> int | None:
    """Where a row only a layer prints goes: after the nearest row the same layer text
    prints before it, else before the nearest row it prints after it."""
    source = layer[i].source
    for back in range(i - 1, -1, -1):
        if layer[back].source != source:
            break
        key = label_key(layer[back].label)
        at = next((j for j, s in enumerate(out) if label_key(s.label) == key), None)
        if at is not None:
            return at + 1
    for fwd in range(i + 1, len(layer)):
        if layer[fwd].source != source:
            break
        key = label_key(layer[fwd].label)
        at = next((j for j, s in enumerate(out) if label_key(s.label) == key), None)
        if at is not None:
            return at
    return None

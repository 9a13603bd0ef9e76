"""Row parsing, step 3 — clean-up: remove duplicated OCR layers, lend from run-together ones.

A row printed twice (once clean, once damaged: "Oneveting loss (2 720 724)") is kept once; a
row whose label is OCR noise beside a similar clean row is dropped; the same label twice in a
row merges, keeping every reading as a candidate. A statement run together on one line lends
what the clean rows lost (labels, figures, whole rows), never overriding a clean reading.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from . import row_labels as rl
from .cell_reading import is_damaged, is_doubtful
from .layers import LayerRow, label_key
from .model import Issue, Line, StatementKind
from .row_assembly import Slot, readings_of

def is_garbled_label(label: str, vocabulary: Counter[str] | None, min_rare: int = 2) -> bool:
    """A label whose words the document uses nowhere else ("Oneveting loss", "Cook and cook
    conjugate at and of year"): an OCR layer, not a row of its own."""
    # the evidence is a whole announcement's vocabulary; a short text has too few words
    if not vocabulary or not label or len(vocabulary) < 500:
        return False
    words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", label)]
    if not words:
        return False
    rare = sum(1 for w in words if vocabulary.get(w, 0) <= 1)
    return rare >= min_rare


def drop_layers(slots: list[Slot], issues: list[Issue], kind: StatementKind,
                         vocabulary: Counter[str] | None = None) -> list[Slot]:
    """Remove rows printed twice: an all-damaged row next to a clean one of the same shape,
    a row whose label is OCR noise next to a row with figures, or the same label twice in a
    row (the second reading becomes a candidate)."""
    out: list[Slot] = []
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
            # only a copy of its neighbour: unlabelled, a similar label or an OCR-noise one
            if any(_clean_same_shape(s, nb) and (
                    not s.label or _similar(s.label, nb.label) or
                    # damaged figures and a word the document uses nowhere else
                    is_garbled_label(s.label, vocabulary, min_rare=1)) for nb in neighbours):
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


def _misread_of(s: Slot, clean: Slot) -> bool:
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


def _clean_same_shape(s: Slot, other: Slot) -> bool:
    if other.heading:
        return False
    pos_s = [c is not None for c in s.cells]
    pos_o = [c is not None and not is_doubtful(c) for c in other.cells]
    return pos_s == pos_o or all(o for o, p in zip(pos_o, pos_s) if p)


def _merge_duplicate(keep: Slot, dup: Slot) -> None:
    for c, (a, b) in enumerate(zip(keep.cells, dup.cells)):
        if b is None:
            continue
        if a is None:
            keep.cells[c] = b
            continue
        if a.value == b.value and a.value is not None:
            continue
        if is_doubtful(a) and not is_doubtful(b) and b.value in readings_of(a):
            keep.cells[c] = replace(b, candidates=readings_of(b) + readings_of(a))
            continue
        if is_doubtful(b) and not is_doubtful(a):
            continue  # a damaged second reading casts no doubt on a clean one
        readings = readings_of(a) + tuple(r for r in readings_of(b) if r not in readings_of(a))
        keep.cells[c] = replace(a, value=None if is_doubtful(a) else a.value,
                                provenance="unresolved", candidates=readings)


def lend_from_layers(slots: list[Slot], layer: list[LayerRow], n: int, issues: list[Issue],
                      kind: StatementKind) -> list[Slot]:
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
        if i in used or label_key(lr.label) in keys:
            continue
        values = [c.value for c in lr.cells]
        if any([c.value if c else None for c in s.cells] == values for s in out):
            continue
        at = _anchor(out, layer, i)
        if at is None:
            continue
        # a row only a layer prints is a reading, not a fact, unless every copy of the
        # layer agrees on it; otherwise reconciliation decides among the readings
        readings = {tuple(c.value for c in other.cells) for other in layer
                    if label_key(other.label) == label_key(lr.label)}
        sources = {other.source for other in layer if label_key(other.label) == label_key(lr.label)}
        agreed = len(readings) == 1 and len(sources) >= 2   # independent copies agree
        cells = []
        for k, c in enumerate(lr.cells):
            if agreed or c.value is None or c.nil:
                cells.append(c)
                continue
            options = tuple(dict.fromkeys(r[k] for r in readings if r[k] is not None))
            cells.append(replace(c, value=None, provenance="unresolved", candidates=options))
        out.insert(at, Slot(lr.label, cells, out[max(at - 1, 0)].line, lr.note))
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

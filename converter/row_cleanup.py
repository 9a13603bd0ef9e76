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

from .cell_reading import is_damaged, is_doubtful
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


def document_vocabulary(lines: Sequence[Line]) -> Counter[str]:
    """How often each word (3+ letters, lower case) occurs in the document."""
    counts: Counter[str] = Counter()
    for line in lines:
        counts.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", line.text))
    return counts

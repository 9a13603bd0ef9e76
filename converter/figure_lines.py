"""Stage 2c, rows (before layout): a label whose figures were printed on the line below it.

When a PDF's label column and figure columns are separate text blocks, some extractors emit
each row as two lines: the label alone, then its note and figures alone, indented to their
columns ("Revenue from contracts with customers" / "        4      264,815    238,402").
Read separately, the label becomes a heading and the figures an unlabelled subtotal (named
"Total <heading>" by reconciliation) whose note reference is read as a figure. This pass
joins the two lines into the one row the page printed, before the layout is inferred.

A label-only line followed *directly* by a figures-only line cannot be a heading with a
subtotal under it: a subtotal sums rows printed between them, and there are none.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .model import Line
from .row_layout import _FIGURE, is_header, is_note_ref

_TOKEN_FIGURE = re.compile(_FIGURE)
_HAS_LETTER = re.compile(r"[A-Za-z]")
_DIGIT = re.compile(r"\d")


def _figures_only(text: str) -> bool:
    """Indented figures (a note reference may stand first), at least one with a digit."""
    if not text[:1].isspace() or not _DIGIT.search(text):
        return False
    tokens = text.split()
    if not tokens or not all(_TOKEN_FIGURE.fullmatch(t) for t in tokens[1:]):
        return False
    return bool(_TOKEN_FIGURE.fullmatch(tokens[0]) or is_note_ref(tokens[0]))


def _label_only(text: str) -> bool:
    """A label with no figure at its end; a heading ending in ':' introduces rows instead."""
    stripped = text.strip()
    if not stripped or not _HAS_LETTER.search(stripped) or stripped.endswith(":"):
        return False
    last = stripped.split()[-1]
    return not (_TOKEN_FIGURE.fullmatch(last) and _DIGIT.search(last)) and not is_header(text)


def joined(label: str, figures: str) -> str:
    """The label over the figures' leading blank, so that every figure keeps its column;
    a label longer than that blank is followed by the figures after two spaces (tab-separated
    figures keep their tabs)."""
    label = label.rstrip()
    if figures.startswith("\t"):
        return label + figures
    if not figures[:len(label) + 2].strip():
        return label + figures[len(label):]
    return label + "  " + figures.lstrip()


def join_figures_below(lines: Sequence[Line]) -> list[Line]:
    """Each label-only line directly followed by a figures-only line becomes one line (the
    label's line number; the figures line is dropped)."""
    out: list[Line] = []
    skip = False
    for i, line in enumerate(lines):
        if skip:
            skip = False
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and nxt.no == line.no + 1 and _label_only(line.text) and \
                _figures_only(nxt.text):
            out.append(replace(line, text=joined(line.text, nxt.text),
                               raw=line.raw.rstrip() + " " + nxt.raw.strip()))
            skip = True
        else:
            out.append(line)
    return out

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

from .model import Issue, Line
from .row_labels import is_section_heading, starts_lowercase
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


# A note reference standing in the note column of a label line ("Revenue      3"), set off
# by two spaces or a tab: the figures below are the row's, the note stays beside its label.
_NOTE_AT_END = re.compile(r"(?:\s{2,}|\t)(?:\d{1,2}(?:\([a-z]{1,3}\))?|\d{1,2}\.\d{1,2})\s*$")


def _note_fits(label: str, figures: str) -> bool:
    """A trailing note reference must stand left of every figure below it: one standing in a
    figure column is a figure (a row with its other cell blank), and the line below is not
    its figures."""
    m = _NOTE_AT_END.search(label.rstrip())
    if m is None:
        return True
    if "\t" in label or "\t" in figures:
        return False
    return len(label.rstrip()) < len(figures) - len(figures.lstrip())


def _label_only(text: str) -> bool:
    """A label with no figure at its end (a note reference in the note column aside); a
    heading ending in ':' introduces rows instead."""
    stripped = _NOTE_AT_END.sub("", text.rstrip()).strip()
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


def _run(lines: Sequence[Line], i: int, wanted) -> tuple[list[int], int]:
    """Indices of the lines from ``i`` that pass ``wanted`` (blank lines between them
    allowed), and where the run ends."""
    found: list[int] = []
    j = i
    while j < len(lines) and (wanted(lines[j].text) or (found and not lines[j].text.strip())):
        if lines[j].text.strip():
            found.append(j)
        j += 1
    return found, j


def _row_ends(labels: list[int], lines: Sequence[Line]) -> list[int]:
    """The last line of each label: a line that begins in lower case continues the label
    above it ("Profit for the half-year attributable to" / "the owners of the Company"), so
    the figures go beside the continuation, where the row assembly joins the two."""
    ends: list[int] = []
    for x in labels:
        if ends and starts_lowercase(lines[x].text.strip()):
            ends[-1] = x
        else:
            ends.append(x)
    return ends


def _is_colon_heading(text: str) -> bool:
    return text.strip().endswith(":") and bool(_HAS_LETTER.search(text))


def join_figures_below(lines: Sequence[Line],
                       kind: str | None = None) -> tuple[list[Line], list[Issue]]:
    """Labels and the figure lines printed after them, paired in order into one line each.

    One label directly above one figure line is one row. A block of labels followed by a
    block of as many figure lines (the extractor read the label column, then the figure
    columns) pairs label n with figure line n; headings ending in ':' stay headings, and so do
    section headings ("Current assets") when counting them would leave a label over. A block
    whose counts differ cannot be paired safely: it is left as read, with an error naming
    the lines (unlabelled figures must not be guessed into rows)."""
    out: list[Line] = []
    issues: list[Issue] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _label_only(line.text):
            out.append(line)
            i += 1
            continue
        labels, j = _run(lines, i, lambda t: _label_only(t) or _is_colon_heading(t))
        figures, k = _run(lines, j, _figures_only)
        rows = _row_ends([x for x in labels if not _is_colon_heading(lines[x].text)], lines)
        if len(rows) != len(figures) and len(figures) >= 2:
            # the label column holds the section headings too ("Current assets"): they
            # never carry figures
            rows = [x for x in rows if not is_section_heading(lines[x].text)] or rows
        # one figure line directly under the last label ("Expenses" / "Raw materials used" /
        # its figures): that label's row; the labels above it are headings
        adjacent = len(figures) == 1 and rows and rows[-1] == labels[-1] and \
            lines[figures[0]].no == lines[labels[-1]].no + 1
        pairs = {rows[-1]: figures[0]} if adjacent else dict(zip(rows, figures)) \
            if figures and len(rows) == len(figures) >= 2 else {}
        if pairs and all(_note_fits(lines[a].text, lines[b].text) for a, b in pairs.items()):
            for x in labels:
                lab = lines[x]
                if x in pairs:
                    fig = lines[pairs[x]]
                    lab = replace(lab, text=joined(lab.text, fig.text),
                                  raw=lab.raw.rstrip() + " " + fig.raw.strip())
                out.append(lab)
            i = k
            continue
        if len(rows) >= 2 and len(figures) >= 2:
            issues.append(Issue(
                "error", "extract.label_block",
                f"{len(rows)} labels (lines {lines[rows[0]].no}-{lines[rows[-1]].no}) are "
                f"printed apart from {len(figures)} lines of figures (lines "
                f"{lines[figures[0]].no}-{lines[figures[-1]].no}): the extraction separated the "
                f"label column from the figures and they cannot be paired safely (the counts "
                f"differ, or a number beside a label stands in a figure column)",
                line=lines[rows[0]].no, statement=kind))  # type: ignore[arg-type]
        out.extend(lines[i:j])
        i = j
    return out, issues

"""Row parsing, step 1 — layout: one input line → a ``Piece`` (label, note, figures per column).

Which tab field holds the label, the note and each column comes from the header line's years
or units, else from the commonest shape of the figure lines. Fields an extractor put in front
of a row (another layer of the statement, a statement run together on one line) are set
aside as ``layer_text``; rows laid out with spaces instead of tabs are re-cut into fields.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from dataclasses import dataclass, field

from . import row_labels as rl
from .cell_reading import field_kind, read_field
from .model import Cell, Line
from .periods import header_slots, is_header_line

# "4", "3(a), 4(b)", "12A"; Bursa Malaysia quarterly reports number their notes by part:
# "A8", "B5" (part A: MFRS 134 notes, part B: Listing Requirements notes).
# Continental reports number notes by section: "4.1", "5.12" (note 4, section 1).
_NOTE = re.compile(
    r"^(?:(?:[AB]\d{1,2}|\d{1,2}(?:\.\d{1,2}|[A-Za-z])?)(?:\s*\([a-z]{1,4}\))*|\([a-z]{1,4}\))"
    r"(?:(?:\s*(?:,|&|and)\s*|\s+)(?:(?:[AB]\d{1,2}|\d{1,2}(?:\.\d{1,2}|[A-Za-z])?)"
    r"(?:\s*\([a-z]{1,4}\))*|\([a-z]{1,4}\)))*$")


_INLINE_NOTE = re.compile(r"\s*\(?\bnotes?\s+(\d{1,2}(?:\s*\([a-z]{1,3}\))?"
                          r"(?:\s*(?:,|&|and)\s*\d{1,2}(?:\s*\([a-z]{1,3}\))?)*)\)?\s*$",
                          re.IGNORECASE)


_VALUE_LIKE = re.compile(r"\(?\d{1,3}(?:,\d{3})+\)?|\(\d+\)")


_UNIT_TOKEN = re.compile(r"(?:RMB|HK\$|US\$|HKD|USD|CNY|EUR|€|GBP|£|S\$)\s*['’]?\s*"
                         r"(?:000|million|k\b)|(?<!\w)(?-i:[kTM](?:EUR|€|CHF|SEK|DKK|NOK))(?!\w)",
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
    # the label field holds only OCR specks ("• • •", "±"): a label was printed there and
    # lost, so the row is an item without a legible label, not an unlabelled subtotal
    lost_label: bool = False

    @property
    def has_values(self) -> bool:
        return any(self.values)


@dataclass
class Layout:
    columns: list[int]          # tab-field index of each value column
    note: int | None            # tab-field index of the note column
    label: int = 0              # tab-field index of the label; fields before it are layers
    # where each figure column ends (character offset) in lines laid out with spaces
    edges: list[int] | None = None


def is_note_ref(text: str) -> bool:
    """A note reference as printed beside a row: "4", "3(a), 4(b)", "5 5", "12(a), (b)"."""
    return bool(_NOTE.match(text.strip()))


_FIGURE = r"(?:\(?[-–]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\)?|\(?[-–]?\d+(?:\.\d+)?\)?|[-–—_*])"


_NOTE_TOKEN = (r"(?:[AB]?\d{1,2}(?:\.\d{1,2})?(?:\([a-z]{1,3}\))?"
               r"(?:,\s*[AB]?\d{1,2}(?:\.\d{1,2})?(?:\([a-z]{1,3}\))?)*)")


def _space_separated(text: str, n: int, edges: Sequence[int] | None = None) -> str:
    """A row laid out with spaces instead of tabs ("Revenue   4   1,234   1,000") → tab fields
    (label, note, figures), when the line ends with exactly one figure per column; with
    fewer figures (a cell printed blank), by where each figure ends against ``edges``."""
    if re.fullmatch(r"[\s\-–—_=~]+", text) and len(text.strip()) >= 3:
        return ""                  # rules only
    figs_only = re.fullmatch(r"\s*(" + _FIGURE + r"(?:\s+" + _FIGURE + r"){" + str(n - 1) +
                             r"})\s*", text)
    if figs_only and re.search(r"\d", text):
        return "\t\t" + "\t".join(figs_only.group(1).split())   # an unlabelled (sub)total
    noted = re.fullmatch(r"\s*(?P<note>\d{1,2}[A-Za-z]?)\s+(?P<figs>" + _FIGURE + r"(?:\s+"
                         + _FIGURE + r"){" + str(n - 1) + r"})\s*", text)
    if noted and edges and _note_left_of_columns(text, n, edges):
        # an unlabelled total with its note ("            8     (4,383)    (4,251)"): the
        # note stands under the note column, left of every figure column
        return "\t".join(["", noted.group("note"), *noted.group("figs").split()])
    m = re.match(r"^(?P<label>.*?[A-Za-z:)].*?)\s+(?:(?P<note>" + _NOTE_TOKEN + r")\s+)?"
                 r"(?P<figs>" + _FIGURE + r"(?:\s+" + _FIGURE + r"){" + str(n - 1) + r"})\s*$",
                 text.strip())
    if not m or re.search(r"\d[\d,]{3,}", m.group("label")) or (
            edges and not m.group("note") and _note_in_first_column(text, n, edges)):
        placed = _by_position(text, n, edges) if edges else None
        return placed if placed is not None else text
    return "\t".join([m.group("label"), m.group("note") or "", *m.group("figs").split()])


def _note_in_first_column(text: str, n: int, edges: Sequence[int]) -> bool:
    """"Proceeds from placement   14   5,000" with the comparative blank: the first of the n
    trailing tokens is a note reference standing left of every figure column."""
    figs, _ = _trailing_figures(text, n)
    if len(figs) != n or not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})?[A-Za-z]?", figs[0][0]):
        return False
    pitch = min((b - a for a, b in zip(edges, edges[1:])), default=12)
    # and the figures after it stand in columns (a ragged line is no evidence)
    return edges[0] - figs[0][2] > pitch // 2 and \
        all(min(abs(f[2] - e) for e in edges) <= 2 for f in figs[1:])


def _note_left_of_columns(text: str, n: int, edges: Sequence[int]) -> bool:
    """The token before a line's n figures ends well left of the first figure column, and
    the n figures stand in their columns: a note reference, not a figure."""
    figs, _ = _trailing_figures(text, n + 1)
    if len(figs) != n + 1:
        return False
    pitch = min((b - a for a, b in zip(edges, edges[1:])), default=12)
    return edges[0] - figs[0][2] > pitch // 2 and \
        all(abs(f[2] - e) <= 2 for f, e in zip(figs[1:], edges))


def _trailing_figures(text: str, n: int) -> tuple[list[tuple[str, int, int]], int]:
    """The figure tokens that end a line (at most ``n``), as (text, start, end), and where
    the text before them ends."""
    tokens = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    figs: list[tuple[str, int, int]] = []
    while tokens and len(figs) < n and re.fullmatch(_FIGURE, tokens[-1][0]):
        figs.insert(0, tokens.pop())
    return figs, tokens[-1][2] if tokens else 0


def figure_edges(texts: Sequence[str], n: int) -> list[int] | None:
    """Where each figure column ends in a statement laid out with spaces: the median end of
    the k-th figure over the lines that print one figure per column (figures are right-aligned
    under their year). ``None`` without enough such lines."""
    ends: list[list[int]] = [[] for _ in range(n)]
    for text in texts:
        if "\t" in text:
            continue
        figs, label_end = _trailing_figures(text, n + 1)
        if len(figs) != n or not re.search(r"[A-Za-z]", text[:label_end] or "x") or \
                is_header_line(text):
            continue
        for k, (_tok, _start, end) in enumerate(figs):
            ends[k].append(end)
    if len(ends[0]) < 3:
        return None
    edges = [sorted(e)[len(e) // 2] for e in ends]
    # only a table whose figures stand in columns: most full rows end each figure within two
    # characters of its column's edge, and the columns are a figure's width apart (a ragged
    # "label  1  2" layout has no positions to go by)
    aligned = sum(all(abs(ends[k][i] - edges[k]) <= 2 for k in range(n))
                  for i in range(len(ends[0])))
    if aligned < 0.6 * len(ends[0]) or any(b - a < 8 for a, b in zip(edges, edges[1:])):
        return None
    return edges


def _by_position(text: str, n: int, edges: Sequence[int]) -> str | None:
    """A row with fewer figures than columns ("Proceeds from issue of shares   330" with the
    comparative blank): each figure goes to the column whose edge is nearest its end, in
    order; a note reference standing far from every column is the row's note."""
    figs, label_end = _trailing_figures(text, n)
    if not figs or not any(ch.isdigit() for f, _s, _e in figs for ch in f):
        return None
    if len(figs) == 1 and re.fullmatch(r"\d{1,2}", figs[0][0]):
        return None     # "Earnings per share ...   11": a lone small integer is a note
    pitch = min((b - a for a, b in zip(edges, edges[1:])), default=12)
    note = ""
    if len(figs) > 1 and is_note_ref(figs[0][0]) and \
            min(abs(figs[0][2] - e) for e in edges) > pitch // 2:
        note = figs.pop(0)[0]
    label = text[:label_end].strip() if label_end else ""
    if label and (not re.search(r"[A-Za-z]", label) or re.search(r"\d[\d,]{3,}", label)):
        return None
    if not note and label:
        parts = label.rsplit(None, 1)
        if len(parts) == 2 and is_note_ref(parts[1]) and re.search(r"\s{2,}\S+$", label):
            label, note = parts[0].strip(), parts[1]
    best: tuple[int, tuple[int, ...]] | None = None
    for cols in combinations(range(n), len(figs)):
        cost = sum(abs(f[2] - edges[c]) for f, c in zip(figs, cols))
        if best is None or cost < best[0]:
            best = (cost, cols)
    assert best is not None
    cells = [""] * n
    for f, c in zip(figs, best[1]):
        cells[c] = f[0]
    return "\t".join([label, note, *cells])


# A cell of a year-on-year change column: "+5.7%", "-12.0 %", "n/a", "n.m.", ">100%".
_CHANGE_CELL = re.compile(r"(?:(?<=\t)|(?<=\s\s))(?:[+\-−–]?\s?>?\s?\d+(?:[.,]\d+)?\s?%|"
                          r"n/?a|n\.\s?m\.?|nm)\s*$", re.I)


def strip_change_cells(text: str) -> str:
    """A row without its trailing change-column cell (the statement's header names such a
    column): "Revenue   4   842,316   797,254   +5.7%" → the row and its two periods."""
    return _CHANGE_CELL.sub("", text).rstrip(" \t")


def _dedupe_note(text: str) -> str:
    """"5 5 5" (one reference repeated by a layer or by packed rows) → "5"."""
    parts = text.split()
    if len(parts) > 1 and len(set(parts)) == 1:
        return parts[0]
    return " ".join(parts)


def is_run_together(text: str) -> bool:
    """Text holding several rows' labels *and* figures: an extraction layer, not a label."""
    return len(_VALUE_LIKE.findall(text)) >= 2 and bool(re.search(r"[A-Za-z]{2,}", text))


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
    if note is None and slots[0] >= 2:
        note = slots[0] - 1          # the field between the label and the figures
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
    text = line.text if "\t" in line.text else _space_separated(line.text, n, layout.edges)
    raw = text.split("\t")
    fields = [f.strip() for f in raw]
    last = layout.columns[-1]
    piece = Piece(line=line, values=[[] for _ in range(n)])
    # a run-together layer printed in front of the row's own fields shifts them right; the
    # row's last column may then be blank ("<layer>\t-\t(16,859)\t"): shift before trimming
    lead = 0
    while len(fields) - lead > last + 1 and (is_run_together(fields[lead]) or
                                             len(fields[lead]) > 250):
        lead += 1
    if lead:
        piece.layer_text = list(fields[:lead])
        fields, raw = fields[lead:], raw[lead:]
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
        if k == 1 and len(trimmed) - 1 == layout.note and is_note_ref(trimmed[-1]) and \
                re.fullmatch(r"\d{1,2}|.*\(\w+\).*", trimmed[-1]):
            k = 0   # "Earnings per share ...<tab>9": a note in the note column, not a figure
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
    piece.lost_label = not label and any(_is_speck(f) for f in lead)
    per_share = per_share_hint or rl.is_per_share(label)
    piece.texts = list(value_fields)
    for c, text in enumerate(value_fields):
        if field_kind(text) == "numeric":
            piece.values[c] = read_field(text, line.no, per_share)
    return piece


_SPECKS = frozenset("•·∙◦±÷×`'′‘’\"“”^")


def _is_speck(text: str) -> bool:
    """Dots and marks OCR leaves where it could not read a word (not a rule, not a dash)."""
    s = text.replace(" ", "")
    return bool(s) and set(s) <= _SPECKS and field_kind(text) == "noise"


def is_header(text: str) -> bool:
    """A column header, also when a layer of run-together text shares its line."""
    if is_header_line(text):
        return True
    kept = [f for f in text.split("\t") if not (is_run_together(f) or len(f) > 250)]
    return len(kept) < len(text.split("\t")) and is_header_line("\t".join(kept))


def label_field(lines: Sequence[Line], layout: Layout) -> int:
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

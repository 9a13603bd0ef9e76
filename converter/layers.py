"""Rows recovered from a statement "run together" on one line (an extraction layer).

Some extractors print a whole statement as one long line ("Revenue 4(a) 1,415,343 1,651,809
Cost of sales 5 (481,300) ...") beside or before its clean rows. The clean rows win; the
run-together text only lends what the clean layer lost: a label a row printed without, a
figure a cell lost, a row missing altogether. Only unambiguous pieces are taken: one label
followed by exactly one figure per column (packed labels are skipped: their figure order is
not knowable).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import row_labels as rl
from .cell_reading import read_figure
from .model import Cell

_TOKEN = re.compile(
    r"(?P<note>\b\d{1,2}\([a-z]{1,3}\))|"
    r"(?P<num>\(?\d{1,3}(?:,\d{3})+\)?|\(\d+(?:\.\d+)?\)|\d+\.\d+|\b\d{1,3}\b)|"
    r"(?P<word>\S+)")


@dataclass(frozen=True)
class LayerRow:
    label: str
    note: str | None
    cells: tuple[Cell, ...]
    source: int = 0          # which run-together text it came from (rows of one are in order)
    # more or fewer figures than columns ("Principal elements — (151,177) — (127,488) —
    # (127,488)"): which figure goes where is unknown, so such a row only confirms figures
    # other copies print, and offers readings for a damaged cell of the same label
    partial: bool = False


def harvest(texts: list[str], n: int, lines: list[int] | None = None) -> list[LayerRow]:
    """Rows of the form ``label [note] v1 .. vn`` found in run-together texts, in order;
    ``lines`` gives each text's input line (for the cells' provenance)."""
    out: list[LayerRow] = []
    for source, text in enumerate(texts):
        line = lines[source] if lines and source < len(lines) else None
        # some layers print a dash before every figure (a column rule): drop those dashes
        if len(re.findall(r"—\s+\(?\d", text)) >= 3:
            text = re.sub(r"(?<!\S)—\s+(?=\(?\d)", "", text)
        words: list[str] = []
        nums: list[str] = []
        note: str | None = None

        def emit() -> None:
            nonlocal note
            label = rl.normalise_label(" ".join(words))
            vals = list(nums)
            if len(vals) == n + 1 and re.fullmatch(r"\d{1,2}", vals[0]):
                note, vals = note or vals[0], vals[1:]
            # "692,807 - (13,766)": a figure of an earlier row echoed after this row's own
            seen = {c.text for row in out if not row.partial for c in row.cells if not c.nil}
            while len(vals) > n and vals[-1] in seen:
                vals = vals[:-1]
            if label and vals and len(rl.split_packed(label)) == 1:
                out.append(LayerRow(label, note, tuple(read_figure(v, line) for v in vals),
                                    source, partial=len(vals) != n))

        tokens = list(_TOKEN.finditer(text))
        for k, m in enumerate(tokens):
            if m.group("word") is not None:
                if m.group("word") in ("—", "–", "-"):
                    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
                    if words and (nxt is None or nxt.group("num") is not None or
                                  nxt.group("word") in ("—", "–", "-")):
                        nums.append("-")     # a dash where a figure goes: nil
                        continue
                    if not words:
                        continue
                if nums:
                    emit()
                    words, nums, note = [], [], None
                words.append(m.group("word"))
            elif m.group("note") is not None:
                note = m.group("note")
            else:
                nums.append(m.group("num"))
        if nums:
            emit()
    return out


def label_key(label: str) -> str:
    return " ".join(label.lower().replace("–", "-").replace("—", "-").split())

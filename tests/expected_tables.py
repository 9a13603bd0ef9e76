"""Expected statement tables (tests/expected/<seed>/<kind>.csv): reading and comparing.

One CSV per seed and statement: ``label,note,c1,c2,...``, one line per row with figures, in
printed order. A cell is the printed value as a number (``-1234`` for ``(1,234)``), ``-`` for
a dash (nil), empty for blank, or ``?`` where the seed itself is damaged or ambiguous (two OCR
readings, a figure the extraction lost): the extraction must then leave the cell unresolved
(reconciliation decides) or blank, never assert a value.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from pathlib import Path

from converter.model import Cell, Row, Statement

EXPECTED = Path(__file__).resolve().parent / "expected"


@dataclass
class Comparison:
    rows_expected: int
    rows_found: int
    cells_expected: int
    cells_matched: int
    mismatches: list[str]


def cell_text(cell: Cell | None) -> str:
    if cell is None:
        return ""
    if cell.nil:
        return "-"
    if cell.provenance == "unresolved" or cell.value is None:
        return "*" if cell.less_than_unit else "?"
    return str(cell.value)


def statement_rows(stmt: Statement) -> list[list[str]]:
    return [[r.label, r.note or "", *[cell_text(c) for c in r.cells]]
            for r in stmt.rows if r.kind != "heading"]


def write_expected(path: Path, stmt: Statement) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["label", "note", *[f"c{i + 1}" for i in range(len(stmt.columns))]])
        w.writerows(statement_rows(stmt))


def read_expected(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    return rows[1:]


def _cell_matches(expected: str, cell: Cell | None) -> bool:
    if expected == "?":
        return cell is None or cell.provenance == "unresolved" or cell.less_than_unit
    if expected == "":
        return cell is None
    if expected == "-":
        return cell is not None and cell.nil
    if expected == "*":
        return cell is not None and cell.less_than_unit
    return cell is not None and cell.provenance != "unresolved" and \
        cell.value == Decimal(expected)


def compare(stmt: Statement, expected: list[list[str]]) -> Comparison:
    """Align extracted rows with expected rows by label (difflib), then compare cells of the
    aligned pairs; unaligned rows on either side are mismatches."""
    rows: list[Row] = [r for r in stmt.rows if r.kind != "heading"]
    mismatches: list[str] = []
    cells_expected = sum(len(e) - 2 for e in expected)
    cells_matched = 0
    matcher = SequenceMatcher(None, [r.label for r in rows], [e[0] for e in expected],
                              autojunk=False)
    pairs: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs.extend(zip(range(i1, i2), range(j1, j2)))
        else:
            for j in range(j1, j2):
                mismatches.append(f"expected row {j + 1} '{expected[j][0]}' not found")
            for i in range(i1, i2):
                mismatches.append(f"unexpected row '{rows[i].label}' (line {rows[i].line})")
    for i, j in pairs:
        row, (label, note, *cells) = rows[i], expected[j]
        if row.label != label:
            mismatches.append(f"row {j + 1}: label {row.label!r} != {label!r}")
            continue
        if (row.note or "") != note:
            mismatches.append(f"row {j + 1} '{label}': note {row.note!r} != {note!r}")
        for c, text in enumerate(cells):
            got = row.cells[c] if c < len(row.cells) else None
            if _cell_matches(text, got):
                cells_matched += 1
            else:
                mismatches.append(f"row {j + 1} '{label}' c{c + 1}: {cell_text(got)} != {text}")
    return Comparison(len(expected), len(rows), cells_expected, cells_matched, mismatches)

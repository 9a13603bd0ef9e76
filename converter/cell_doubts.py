"""Extract stage, after rows: figures that may not belong where they were printed.

Two extraction faults leave a figure in a cell that, in the statement, is blank or nil:

- a *stray copy*: a damaged figure that is a near copy of the figure printed in the same
  column of a neighbouring row ("y ,202,333" under "9,202,353"; "1 120 225" above
  "1,129,235"). A layer drawn slightly offset repeats its neighbour's figure where the page
  had a dash. Nil becomes one more reading of that cell.
- a *sign contradicting the wording* in a cash-flow statement: IAS 7 lines say which way the
  cash moves ("Proceeds from ..." in, "Repayments of ..." out), so "(9,202,353)" beside
  "Proceeds from issuance of ..." is a misread sign or a figure of another row. The cell's
  readings become the printed figure, its negation and nil.

Nothing is decided here: the cell becomes unresolved with those readings and
reconciliation keeps the one the statement's arithmetic needs.
"""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from .cell_reading import is_damaged, is_doubtful
from .model import Cell, Issue, Row, StatementKind

__all__ = ["doubt_cells", "near_copy", "sign_contradicts"]

_INFLOW = re.compile(r"^(?:net )?proceeds (?:from|on)\b|^capital (?:contribution|injection)s?\b|"
                     r"^(?:interest|dividends?) received\b", re.IGNORECASE)
_OUTFLOW = re.compile(r"^(?:repayments? of|payments? (?:of|for)|purchases? of|acquisitions? of|"
                      r"repurchases? of|(?:interest|dividends?|income tax(?:es)?) paid)\b",
                      re.IGNORECASE)
# mixed or two-way wordings, and money the entity lent coming back ("Repayments of loans
# granted to associates" is an inflow)
_MIXED = re.compile(r"/|\(|\bnet (?:change|increase|decrease)|\bincrease\b|\bdecrease\b|"
                    r"\b(?:granted|advanced|lent|made|provided) to\b|\breceivables?\b",
                    re.IGNORECASE)
_NEIGHBOURS = 2          # rows either side a stray copy may come from


def near_copy(a: Decimal, b: Decimal) -> bool:
    """Two figures of the same sign and length that differ in at most two digits, the
    first one included in the agreement: an OCR copy of one another, not equal.

    >>> near_copy(Decimal(9202333), Decimal(9202353)), near_copy(Decimal(-15025), Decimal(-15037))
    (True, True)
    >>> near_copy(Decimal(1290), Decimal(1290)), near_copy(Decimal(52372), Decimal(14856))
    (False, False)
    """
    if a == b or (a < 0) != (b < 0):
        return False
    x, y = str(abs(a)), str(abs(b))
    if len(x) != len(y) or len(x) < 4 or x[0] != y[0]:
        return False
    return sum(p != q for p, q in zip(x, y)) <= 2


def sign_contradicts(label: str, value: Decimal) -> bool:
    """A cash-flow line whose wording fixes the direction, printed the other way."""
    if not value or _MIXED.search(label):
        return False
    if _INFLOW.match(label):
        return value < 0
    if _OUTFLOW.match(label):
        return value > 0
    return False


def doubt_cells(rows: list[Row], kind: StatementKind, issues: list[Issue]) -> None:
    """Add nil (and, for contradicted signs, the negation) to the readings of suspect cells."""
    body = [r for r in rows if r.kind != "heading" and not r.per_share]
    signed = kind == "cash_flows" and _signs_follow_wording(body)
    for i, row in enumerate(body):
        for c, cell in enumerate(row.cells):
            if cell is None or cell.nil:
                continue
            if is_damaged(cell):
                near = [r for r in body[max(0, i - _NEIGHBOURS):i + _NEIGHBOURS + 1]
                        if r is not row and len(r.cells) > c and _printed(r.cells[c]) is not None]
                if Decimal(0) not in cell.candidates and any(
                        near_copy(x, _printed(r.cells[c])) for x in cell.candidates  # type: ignore[arg-type]
                        for r in near):
                    row.cells[c] = replace(cell, candidates=(*cell.candidates, Decimal(0)))
                    issues.append(Issue("info", "extract.stray_copy",
                                        f"'{cell.text}' in '{row.label or 'unlabelled row'}' "
                                        f"column {c + 1} nearly repeats a neighbouring row's "
                                        f"figure; nil is one more reading", line=cell.line,
                                        statement=kind))
            elif signed and not is_doubtful(cell) and cell.value is not None \
                    and sign_contradicts(row.label, cell.value):
                row.cells[c] = replace(cell, value=None, provenance="unresolved",
                                       candidates=(cell.value, -cell.value, Decimal(0)))
                issues.append(Issue("warning", "extract.sign_contradicts_label",
                                    f"'{cell.text}' in '{row.label}' column {c + 1}: the sign "
                                    f"contradicts the wording; readings: {cell.value}, "
                                    f"{-cell.value}, 0", line=cell.line, statement=kind))


def _signs_follow_wording(body: list[Row]) -> bool:
    """Whether this statement prints outflows in parentheses and inflows without: some
    issuers print every line unsigned under "Cash outflows" headings, and then a sign says
    nothing about a misread."""
    agree = contradict = 0
    for row in body:
        if not (_INFLOW.match(row.label) or _OUTFLOW.match(row.label)) or \
                _MIXED.search(row.label):
            continue
        for cell in row.cells:
            value = _printed(cell)
            if value:
                if sign_contradicts(row.label, value):
                    contradict += 1
                else:
                    agree += 1
    return agree >= 3 and agree >= 3 * contradict


def _printed(cell: Cell | None) -> Decimal | None:
    return None if cell is None or cell.nil or is_doubtful(cell) else cell.value

"""A combined "statement of profit or loss and other comprehensive income" → two statements.

IAS 1.10A allows one statement presenting profit or loss and OCI in two sections. The
converter models them as ``income`` and ``comprehensive_income``; this module splits the
parsed rows where the OCI section starts ("Other comprehensive income" heading) and ends
(the total comprehensive income row and its attribution), so that each fact is tagged once.
The profit row that opens the OCI section belongs to both, as it does in separate statements.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .model import Row, Statement

_OCI_HEADING = re.compile(r"^other comprehensive (?:income|loss|\(loss\)/income|income/\(loss\))"
                          r"(?!.*\bfor the\b)", re.IGNORECASE)
_TOTAL_CI = re.compile(r"^total comprehensive", re.IGNORECASE)
_PROFIT = re.compile(r"^(?:profit|loss|\(loss\)/profit|profit/\(loss\))"
                     r"(?: and total comprehensive \w+)? for the (?:year|period)", re.IGNORECASE)


def split_combined(stmt: Statement) -> tuple[Statement, Statement] | None:
    """(income, comprehensive_income) from one combined statement, or None if the OCI
    section cannot be found (then both keep every row)."""
    rows = stmt.rows
    start = next((i for i, r in enumerate(rows)
                  if r.kind == "heading" and _OCI_HEADING.match(r.label)), None)
    if start is None:
        return None
    total = next((i for i in range(start, len(rows))
                  if rows[i].kind != "heading" and _TOTAL_CI.match(rows[i].label)), None)
    if total is None:
        return None
    end = total
    # an attribution block right after: "Total comprehensive income attributable to:" ...
    j = total + 1
    if j < len(rows) and rows[j].kind == "heading" and _TOTAL_CI.match(rows[j].label):
        j += 1
        while j < len(rows) and rows[j].kind != "heading" and not rows[j].per_share:
            end = j
            if not rows[j].label or rows[j].kind == "total":
                break               # the attribution closes with its (unlabelled) total
            j += 1
    profit = next((i for i in range(start - 1, -1, -1)
                   if rows[i].kind != "heading" and _PROFIT.match(rows[i].label)), None)
    oci_ids = set(range(start, end + 1))
    comp_rows = ([rows[profit]] if profit is not None else []) + rows[start:end + 1]
    inc_rows = [r for i, r in enumerate(rows) if i not in oci_ids]
    return (_with_rows(stmt, "income", inc_rows),
            _with_rows(stmt, "comprehensive_income", comp_rows))


def _with_rows(stmt: Statement, kind: str, rows: list[Row]) -> Statement:
    copies = [replace(r, cells=list(r.cells), id=f"r{i}") for i, r in enumerate(rows, start=1)]
    return replace(stmt, kind=kind, rows=copies)  # type: ignore[arg-type]

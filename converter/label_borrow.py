"""Extract stage, after parsing: labels for a statement the extractor printed without any.

Some PDF extractions keep a statement's figures but lose its label column (the labels are
drawn as an image, or land in another text layer). The same figures are usually printed
elsewhere in the announcement with their labels:

- in another statement with the same columns ("Loss for the period" in the income
  statement);
- in the statement of changes in equity, whose block for the same period prints each
  comprehensive-income line in its "Total equity" column, and the total comprehensive
  income split between the owners' "Total" and the "Non-controlling interests" columns;
- and, in a statement of comprehensive income, the one row between the profit row and the
  total comprehensive income that equals their difference is other comprehensive income
  (IAS 1.81A: total comprehensive income = profit or loss + OCI).

A borrowed label keeps ``printed_label = ""``: the statement itself does not print it.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .model import Column, Issue, Row, Statement

__all__ = ["borrow_labels"]

_NCI = re.compile(r"non-?\s*controlling|minority", re.IGNORECASE)
_OWNERS_TOTAL = re.compile(r"^(?:sub-?\s*)?total$|attributable|owners|equity holders|"
                           r"shareholders", re.IGNORECASE)
_TOTAL_EQUITY = re.compile(r"\btotal\b", re.IGNORECASE)
_TCI = re.compile(r"^total comprehensive (?:income|loss|\(loss\)/income|income/\(loss\))",
                  re.IGNORECASE)
_PROFIT = re.compile(r"^(?:profit|loss|\(loss\)/profit|profit/\(loss\)) for the (year|period)",
                     re.IGNORECASE)
# Figures this small recur by chance (a share capital of 5); they prove nothing.
_MIN_EVIDENCE = Decimal(100)


def borrow_labels(statements: list[Statement]) -> list[Issue]:
    """Label the rows of every label-less statement from figures printed elsewhere."""
    issues: list[Issue] = []
    equity = [s for s in statements if s.kind == "changes_in_equity"]
    for stmt in statements:
        rows = [r for r in stmt.rows if r.kind != "heading"]
        if stmt.kind == "changes_in_equity" or not rows or any(r.label for r in rows):
            continue
        for row in rows:
            found = _same_columns(stmt, row, statements) or _from_equity(stmt, row, equity)
            if found is None:
                continue
            row.label, row.printed_label, row.kind = found[0], "", found[1]
            issues.append(Issue("info", "extract.label_borrowed",
                                f"unlabelled row takes the label '{found[0]}' of the row with "
                                f"the same figures in {found[2]}",
                                line=row.line, statement=stmt.kind))
        if stmt.kind == "comprehensive_income":
            issues.extend(_label_oci_total(stmt))
    return issues


def _values(row: Row) -> list[Decimal | None]:
    return [c.value if c is not None else None for c in row.cells]


def _same_columns(stmt: Statement, row: Row,
                  statements: list[Statement]) -> tuple[str, str, str] | None:
    key = _values(row)
    if any(v is None for v in key):
        return None
    for other in statements:
        if other is stmt or other.kind == "changes_in_equity" or \
                len(other.columns) != len(stmt.columns):
            continue
        for r in other.rows:
            if r.label and _values(r) == key:
                return r.label, r.kind, "another statement"
    return None


def _from_equity(stmt: Statement, row: Row,
                 equity: list[Statement]) -> tuple[str, str, str] | None:
    """The label every read column of ``row`` agrees on in the changes in equity."""
    agreed: set[str] | None = None
    kind = "item"
    for column, value in zip(stmt.columns, _values(row)):
        if value is None:
            continue
        if abs(value) < _MIN_EVIDENCE or column.period is None:
            return None
        if column.scope:
            continue    # the changes in equity are the group's: a company figure proves nothing
        labels = {label for soce in equity for label in _equity_labels(soce, column, value)}
        agreed = labels if agreed is None else agreed & labels
        if not agreed:
            return None
    if not agreed or len(agreed) != 1:
        return None
    label = agreed.pop()
    if _TCI.match(label):
        kind = "item" if " attributable to " in label else "total"
    return label, kind, "the statement of changes in equity"


def _equity_labels(soce: Statement, column: Column, value: Decimal) -> set[str]:
    """Labels a figure has in the block of the changes in equity for ``column``'s period."""
    roles = [_role(c, i == len(soce.columns) - 1) for i, c in enumerate(soce.columns)]
    labels: set[str] = set()
    for r in soce.rows:
        if not r.label or r.period != column.period:
            continue
        for role, v in zip(roles, _values(r)):
            if v != value:
                continue
            if role == "total":
                labels.add(r.label)
            elif role in ("owners", "nci") and _TCI.match(r.label):
                who = "owners of the parent" if role == "owners" else "non-controlling interests"
                labels.add(f"{r.label} attributable to {who}")
    return labels


def _role(column: Column, last: bool) -> str:
    name = (column.component or column.header or "").strip()
    if _NCI.search(name):
        return "nci"
    if last and _TOTAL_EQUITY.search(name):
        return "total"
    if _OWNERS_TOTAL.search(name) and not last:
        return "owners"
    return "component"


def _label_oci_total(stmt: Statement) -> list[Issue]:
    """The unlabelled row between profit and total comprehensive income that is their
    difference in every column is the period's other comprehensive income."""
    rows = stmt.rows
    profit = next((i for i, r in enumerate(rows) if _PROFIT.match(r.label or "")), None)
    total = next((i for i, r in enumerate(rows) if _TCI.match(r.label or "") and
                  " attributable to " not in r.label), None)
    if profit is None or total is None or total <= profit + 1:
        return []
    p, t = _values(rows[profit]), _values(rows[total])
    if any(v is None for v in p + t):
        return []
    diff = [b - a for a, b in zip(p, t)]
    match = [r for r in rows[profit + 1:total]
             if not r.label and r.kind != "heading" and _values(r) == diff]
    if len(match) != 1:
        return []
    word = _PROFIT.match(rows[profit].label).group(1).lower()  # type: ignore[union-attr]
    match[0].label = f"Other comprehensive income for the {word}"
    match[0].printed_label, match[0].kind = "", "subtotal"
    return [Issue("info", "extract.label_borrowed",
                  f"unlabelled row is other comprehensive income: total comprehensive income "
                  f"less '{rows[profit].label}' in every column", line=match[0].line,
                  statement=stmt.kind)]

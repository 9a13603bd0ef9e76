"""Report of the extract and reconcile stages: ``Extraction`` → JSON-ready dict or text.

What ``ixbrl extract`` prints. Every figure keeps its provenance and input line, and the
reconciliation report lists each identity checked with its result, each repair and each cell
left unresolved, with the input lines involved, so that a reviewer can check the extraction
against the announcement without reading code.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from .model import Cell, Column, Extraction, Identity, Issue, Row, Statement
from .numbers import format_amount
from .structure import column_tree, subtotal_tree

REPAIR_CODES = ("reconcile.repaired", "reconcile.derived", "reconcile.corrected")
_MARK = {"derived": "=", "unresolved": "?"}


def _num(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _period(column: Column | Row) -> dict[str, str] | None:
    p = column.period
    if p is None:
        return None
    out = {"end": p.end.isoformat()}
    if p.start is not None:
        out["start"] = p.start.isoformat()
    return out


def _cell(cell: Cell | None, j: int) -> dict[str, Any] | None:
    if cell is None:
        return None
    out: dict[str, Any] = {"column": j, "value": _num(cell.value), "text": cell.text,
                           "provenance": cell.provenance, "line": cell.line}
    for key in ("nil", "less_than_unit"):
        if getattr(cell, key):
            out[key] = True
    if cell.derived_from:
        out["derived_from"] = cell.derived_from
    if cell.candidates:
        out["candidates"] = [str(c) for c in cell.candidates]
    return out


def _row(row: Row) -> dict[str, Any]:
    out: dict[str, Any] = {"id": row.id, "label": row.label, "kind": row.kind, "line": row.line,
                           "section": list(row.section),
                           "cells": [_cell(c, j) for j, c in enumerate(row.cells)]}
    if row.printed_label is not None:
        out["printed_label"] = row.printed_label
    for key in ("note", "per_share", "bold", "underline"):
        if getattr(row, key):
            out[key] = getattr(row, key)
    if row.balance_role != "flow":
        out["balance_role"] = row.balance_role
    if row.period is not None:
        out["period"] = _period(row)
    return out


def _statement(st: Statement) -> dict[str, Any]:
    return {
        "kind": st.kind, "title": st.title, "first_line": st.first_line,
        "last_line": st.last_line,
        "unit": {"currency": st.unit.currency, "scale": st.unit.scale,
                 "per_share": st.unit.per_share},
        "columns": [{"index": j, "header": c.header, "period": _period(c),
                     "component": c.component, "unaudited": c.unaudited,
                     "restated": c.restated, "group": c.group, "scope": c.scope or "group"}
                    for j, c in enumerate(st.columns)],
        "rows": [_row(r) for r in st.rows],
        "subtotals": {t: [[s, c] for s, c in kids] for t, kids in subtotal_tree(st).items()},
        **({"column_subtotals": {str(t): [[s, c] for s, c in kids]
                                 for t, kids in column_tree(st).items()}}
           if st.kind == "changes_in_equity" else {}),
    }


def _lines(extraction: Extraction, refs: list[str]) -> list[int]:
    """Input lines of the cells an identity names ("kind:row:column" references)."""
    rows = {(st.kind, r.id): r for st in extraction.statements for r in st.rows}
    out = set()
    for ref in refs:
        kind, row_id, col = ref.rsplit(":", 2)
        row = rows.get((kind, row_id))
        if row is None:
            continue
        j = int(col)
        cell = row.cells[j] if j < len(row.cells) else None
        out.add(cell.line if cell is not None and cell.line else row.line)
    return sorted(out)


def status(identity: Identity) -> str:
    """holds, fails, or unchecked (a figure it needs is unknown)."""
    if identity.expected is None or identity.actual is None:
        return "unchecked"
    return "holds" if identity.holds else "fails"


def _identity(extraction: Extraction, i: Identity) -> dict[str, Any]:
    return {"name": i.name, "total": i.total, "terms": [[s, t] for s, t in i.terms],
            "expected": _num(i.expected), "actual": _num(i.actual), "holds": i.holds,
            "status": status(i), "lines": _lines(extraction, [i.total, *(t for _, t in i.terms)])}


def summary(extraction: Extraction) -> dict[str, int]:
    states = [status(i) for i in extraction.identities]
    codes = [i.code for i in extraction.issues]
    return {"identities": len(states), "holds": states.count("holds"),
            "fails": states.count("fails"), "unchecked": states.count("unchecked"),
            "repaired": codes.count("reconcile.repaired"),
            "corrected": codes.count("reconcile.corrected"),
            "derived": codes.count("reconcile.derived"),
            "unresolved": codes.count("reconcile.unresolved"),
            "errors": sum(i.severity == "error" for i in extraction.issues),
            "warnings": sum(i.severity == "warning" for i in extraction.issues)}


def extraction_to_dict(extraction: Extraction) -> dict[str, Any]:
    """Everything extracted and checked, as plain JSON types (Decimals as strings)."""
    doc = extraction.document
    issues = extraction.issues
    return {
        "source": doc.source, "entity_name": doc.entity_name, "stock_code": doc.stock_code,
        "statements": [_statement(st) for st in extraction.statements],
        "reconciliation": {
            "summary": summary(extraction),
            "identities": [_identity(extraction, i) for i in extraction.identities],
            "repairs": [i.to_dict() for i in issues if i.code in REPAIR_CODES],
            "unresolved": [i.to_dict() for i in issues if i.code == "reconcile.unresolved"],
            "failures": [i.to_dict() for i in issues if i.code == "reconcile.identity"],
        },
        "issues": [i.to_dict() for i in issues],
    }


# --------------------------------------------------------------------------- text
def _show(cell: Cell | None) -> str:
    if cell is None:
        return ""
    if cell.value is None:
        text = cell.text or "*" if cell.less_than_unit else (cell.text or "")
    elif cell.nil and cell.value == 0:
        text = "–"
    else:
        mag = format_amount(abs(cell.value), max(0, -cell.value.as_tuple().exponent))
        text = f"({mag})" if cell.value < 0 else mag
    return text + _MARK.get(cell.provenance, "")


def _statement_text(st: Statement) -> list[str]:
    unit = f"{st.unit.currency}{'' if st.unit.scale == 0 else f' 10^{st.unit.scale}'}"
    out = [f"== {st.kind}: {st.title.strip()} (lines {st.first_line}-{st.last_line}; {unit})"]
    width = max([12] + [len(_show(c)) + 1 for r in st.rows for c in r.cells])
    heads = [(c.component or c.header)[:width - 1] for c in st.columns]
    if any(c.group for c in st.columns):     # "Group | Company", "Cumulative quarter"
        out.append(f"{'':48}" + "".join(c.group[:width - 1].rjust(width) for c in st.columns))
    out.append(f"{'':48}" + "".join(h.rjust(width) for h in heads))
    for row in st.rows:
        label = ("  " * min(len(row.section), 3) + (row.label or "(unlabelled)"))[:47]
        if row.kind == "heading":
            out.append(f"{label:48}{'':{width * len(st.columns)}}  L{row.line}")
            continue
        cells = "".join(_show(c).rjust(width) for c in row.cells)
        out.append(f"{label:48}{cells}  L{row.line}")
    return out


def _issue_text(issue: Issue) -> str:
    where = f"line {issue.line}" if issue.line else "-"
    return f"  {issue.severity:7} {where:>10}  {issue.message}"


def extraction_text(extraction: Extraction) -> str:
    """A readable rendering: statements (= derived, ? unresolved), then the reconciliation."""
    doc = extraction.document
    out = [f"{doc.source}" + (f" — {doc.entity_name}" if doc.entity_name else "")]
    for st in extraction.statements:
        out += [""] + _statement_text(st)
    s = summary(extraction)
    out += ["", f"== reconciliation: {s['identities']} identities checked, {s['holds']} hold, "
                f"{s['fails']} fail, {s['unchecked']} unchecked; {s['repaired']} readings "
                f"chosen, {s['corrected']} corrected, {s['derived']} cells derived, "
                f"{s['unresolved']} unresolved"]
    for identity in extraction.identities:
        if status(identity) != "holds":
            lines = _lines(extraction, [identity.total, *(t for _, t in identity.terms)])
            out.append(f"  {status(identity).upper():9} {identity.name} (lines "
                       f"{', '.join(map(str, lines))})")
    groups = (("repairs", lambda i: i.code in REPAIR_CODES),
              ("unresolved", lambda i: i.code == "reconcile.unresolved"),
              ("other findings", lambda i: i.code not in REPAIR_CODES
               and i.code not in ("reconcile.unresolved", "reconcile.rounding")))
    for title, keep in groups:
        chosen = [i for i in extraction.issues if keep(i)]
        if chosen:
            out += ["", f"== {title} ({len(chosen)})"] + [_issue_text(i) for i in chosen]
    return "\n".join(out) + "\n"

"""Changes in equity: every arithmetic identity of the parsed matrix, and Issues for failures.

Across (IAS 1.106): components add up to the attributable total; total + non-controlling
interests = total equity. Down: each subtotal adds up its items; opening + movements =
closing per column. Between periods: the comparative closing balance is the current opening
balance. Each check becomes a ``model.Identity`` (for the reconcile report); each failure an
``Issue`` with the line of the total that does not tie.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from .equity_solve import Slot, opening_index, amount, column_roles, fuzz_units, row_checks, \
    structure, top_flows
from .model import Column, Identity, Issue, Row, Statement


def _ref(row: Row, col: Column) -> str:
    return f"changes_in_equity:{row.id}:{col.component or col.header}"


def check(blocks: list[list[Row]], columns: list[Column]) -> tuple[list[Identity], list[Issue]]:
    """Every across and down identity of the matrix, and an Issue for each that fails."""
    roles = column_roles(columns)
    n = len(columns)
    ids: list[Identity] = []
    issues: list[Issue] = []

    def unread(r: Row) -> bool:                 # a row whose figures could not be placed
        return r.kind != "heading" and all(c is None for c in r.cells)

    def record(name: str, total: Row, tcol: int, terms: list[tuple[int, Row, int]],
               code: str) -> None:
        cells = [total.cells[tcol], *[r.cells[c] for _, r, c in terms]]
        if all(c is None for c in cells) or unread(total) or any(unread(r) for _, r, _ in terms):
            return
        exp = sum((sg * amount(r.cells[c]) for sg, r, c in terms), Decimal(0))
        act = amount(total.cells[tcol])
        holds = abs(exp - act) <= fuzz_units(cells)
        ids.append(Identity(name, _ref(total, columns[tcol]),
                            tuple((sg, _ref(r, columns[c])) for sg, r, c in terms),
                            exp, act, holds))
        if not holds:
            issues.append(Issue("warning", code,
                                f"{name}: printed {act}, the terms add up to {exp}",
                                line=total.line, statement="changes_in_equity"))

    for block in blocks:
        for row in block:
            if row.kind == "heading":
                continue
            for name, tot, terms in row_checks(row.cells, roles):
                record(f"across '{row.label}': {name}", row, tot,
                       [(1, row, t) for t in terms], "equity.cross_foot")
        slots = [Slot(r, True) for r in block]
        chosen = structure(slots, n)
        for i, s in enumerate(slots):
            r = s.row
            if r.kind == "subtotal":
                terms = chosen.get(i, [])
                for c in range(n):
                    record(f"down '{r.label}' [{columns[c].component}]", r, c,
                           [(1, slots[j].row, c) for j in terms], "equity.down_foot")
            if r.balance_role == "closing":
                oi = opening_index(slots)
                if oi is None:
                    continue
                op = slots[oi].row
                tops = [slots[j].row for j in top_flows(slots, chosen)]
                for c in range(n):
                    record(f"roll-forward '{r.label}' [{columns[c].component}]", r, c,
                           [(1, op, c)] + [(1, t, c) for t in tops], "equity.roll_forward")
    return ids, issues


def _blocks_of(stmt: Statement) -> list[list[Row]]:
    blocks: list[list[Row]] = []
    for r in stmt.rows:
        if not blocks or (r.period != blocks[-1][0].period) or (
                r.balance_role == "opening"
                and any(x.balance_role == "opening" for x in blocks[-1])):
            blocks.append([])
        blocks[-1].append(r)
    return blocks


def equity_check(stmt: Statement) -> tuple[list[Identity], list[Issue]]:
    """Across, down and period-to-period identities of a parsed statement, with failures."""
    blocks = _blocks_of(stmt)
    by_end = {r.period.end: r for b in blocks for r in b
              if r.balance_role == "closing" and r.period}
    for b in blocks:
        # A running matrix prints no opening for the later period: the prior closing is it.
        p = b[0].period
        if p and p.start and not any(r.balance_role == "opening" for r in b):
            prior = by_end.get(p.start - timedelta(days=1))
            if prior is not None:
                b.insert(0, replace(prior, balance_role="opening"))
    ids, issues = check(blocks, stmt.columns)
    # The comparative block's closing balance is the current block's opening balance.
    closings = {r.period.end: r for b in blocks for r in b
                if r.balance_role == "closing" and r.period}
    printed = {id(r) for r in stmt.rows}
    for b in blocks:
        for r in b:
            if (r.balance_role != "opening" or r.period is None or r.period.start is None
                    or id(r) not in printed):
                continue
            prev = closings.get(r.period.start - timedelta(days=1))
            if prev is None:
                continue
            for c, col in enumerate(stmt.columns):
                a = r.cells[c].value if r.cells[c] and r.cells[c].value is not None else 0
                p = prev.cells[c].value if prev.cells[c] and prev.cells[c].value is not None else 0
                holds = a == p
                ids.append(Identity(f"opening = prior closing [{col.component}]",
                                    f"changes_in_equity:{r.id}:{col.component}",
                                    ((1, f"changes_in_equity:{prev.id}:{col.component}"),),
                                    p, a, holds))  # type: ignore[arg-type]
                if not holds:
                    issues.append(Issue("warning", "equity.cross_period",
                                        f"'{r.label}' [{col.component}] {a} differs from "
                                        f"'{prev.label}' {p}", line=r.line,
                                        statement="changes_in_equity"))
    return ids, issues


def equity_identities(stmt: Statement) -> list[Identity]:
    """Every identity checked on the statement (for the reconcile stage's report)."""
    return equity_check(stmt)[0]

"""Reconcile stage, part 2b: the ties between statements that IAS 1 and IAS 7 imply.

Statements + structures → ``Equation`` values: profit or loss and its attribution (income
statement, comprehensive income, changes in equity), total comprehensive income and its
attribution, closing and opening equity per component against the balance sheet and against
the prior period's closing row, and cash and cash equivalents at the end and start of the
period against the balance sheet and the prior period. Which changes-in-equity column is which
comes from its cross-foot, which balance-sheet rows are the equity components from the
structure under "Total equity"; periods are matched by date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from difflib import SequenceMatcher

from .identities import (_BALANCE, _BS_CASH, _CASH_END, _CASH_START, _NCI, _OWNERS, _PL,
                         _TCI, _TOTAL_EQUITY, Equation, _attribution, _duration_column, _eq,
                         _find, _instant_column, _norm, heading, same_units)
from .model import Row, Statement
from .structure import Structure, _blocks, arithmetic_rows


@dataclass
class _EquityColumns:
    """Which changes-in-equity columns hold what, read off the column structure."""

    total: int | None = None
    attributable: int | None = None
    nci: int | None = None
    components: tuple[int, ...] = ()


def equity_columns(statement: Statement, structure: Structure) -> _EquityColumns:
    """Total equity = attributable + NCI; attributable = Σ components (the cross-foot)."""
    tree = structure.column_children
    children = {c for terms in tree.values() for _, c in terms}
    roots = [t for t in tree if t not in children]
    headers = [_norm(c.component or c.header) for c in statement.columns]
    out = _EquityColumns()
    if not roots:
        nci = [j for j, h in enumerate(headers) if _NCI.search(h)]
        out.nci = nci[0] if nci else None
        return out
    out.total = max(roots, key=lambda t: len(tree[t]) + t)
    kids = [c for _, c in tree[out.total]]
    out.nci = next((c for c in kids if _NCI.search(headers[c])), None)
    sub = [c for c in kids if c in tree and c != out.nci]
    if sub and out.nci is not None:
        out.attributable = sub[0]
        out.components = tuple(c for _, c in tree[sub[0]])
    else:
        out.components = tuple(c for c in kids if c != out.nci)
    return out


def _best_match(header: str, rows: list[Row]) -> Row | None:
    """The row whose label reads like the column header ("Share premium" ~ "Share
    premium account"); singular and plural are the same word here."""
    def words(text: str) -> str:
        return " ".join(w.rstrip("s") for w in _norm(text).split())

    scored = [(SequenceMatcher(None, words(header), words(r.label)).ratio(), r) for r in rows]
    scored = [s for s in scored if s[0] >= 0.8]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def _balance_equity_rows(bs: Statement, bs_structure: Structure,
                         soce: Statement, cols: _EquityColumns) -> dict[int, Row]:
    """Changes-in-equity column index → the balance-sheet row holding the same balance."""
    rows = {r.id: r for r in arithmetic_rows(bs)}
    total = next((r for r in (_find(bs, p) for p in _TOTAL_EQUITY) if r is not None), None)
    out: dict[int, Row] = {}
    if total is None:
        return out
    if cols.total is not None:
        out[cols.total] = total
    tree = bs_structure.children
    kids = [rows[c] for _, c in tree.get(total.id, []) if c in rows]
    nci = next((r for r in kids if _NCI.search(_norm(r.label))), None)
    if nci is not None and cols.nci is not None:
        out[cols.nci] = nci
    attributable = next((r for r in kids if r is not nci and r.id in tree), None)
    if attributable is not None and cols.attributable is not None:
        out[cols.attributable] = attributable
    if cols.attributable is None:       # no non-controlling interests: total = components
        parts = [r for r in kids if r is not nci]
    else:
        parts = [rows[c] for _, c in tree.get(attributable.id if attributable else "", [])
                 if c in rows]
    for j in cols.components:
        col = soce.columns[j]
        match = _best_match(col.component or col.header, parts)
        if match is not None and match not in out.values():
            out[j] = match
    return out


def _soce_blocks(soce: Statement) -> list[tuple[object, Row | None, Row | None, list[Row]]]:
    """(period, opening row, closing row, rows) per period block of changes in equity."""
    out = []
    for block in _blocks(arithmetic_rows(soce)):
        closing = next((r for r in reversed(block) if r.balance_role == "closing"), None)
        # the balance the year runs from: of several opening rows ("At 1 January 2024, as
        # previously reported", an IAS 8 adjustment, "At 1 January 2024, as restated") the last
        before = block[:block.index(closing)] if closing is not None else block
        opening = next((r for r in reversed(before) if r.balance_role == "opening"), None)
        balances = [r for r in block if _BALANCE.search(_norm(r.label))]
        if opening is None and balances and balances[0] is block[0]:
            opening = balances[0]
        if closing is None and balances and balances[-1] is not opening:
            closing = balances[-1]
        out.append((block[0].period, opening, closing, block))
    return out


def cross_equations(statements: dict[str, Statement],
                    structures: dict[str, Structure]) -> list[Equation]:
    """Identities between statements (see the module docstring)."""
    out: list[Equation] = []
    inc, oci = statements.get("income"), statements.get("comprehensive_income")
    bs, soce, cf = (statements.get("financial_position"), statements.get("changes_in_equity"),
                    statements.get("cash_flows"))
    # Profit or loss: income statement vs comprehensive income.
    pl, oci_pl = income_profit_row(inc), _find(oci, _PL)
    if inc and oci and pl and oci_pl and inc is not oci:
        for j, col in enumerate(inc.columns):
            k = _duration_column(oci, col.period, j, col.scope)
            if k is not None:
                out.append(_eq(f"cross: profit or loss, income = comprehensive income "
                               f"[{heading(col)}]", ("income", pl.id, j),
                               ("comprehensive_income", oci_pl.id, k)))
    if soce is not None and "changes_in_equity" in structures:
        out += _equity_ties(statements, structures)
    if cf is not None:
        out += _cash_ties(cf, bs)
    return [eq for eq in out if same_units(statements, eq)]


def income_profit_row(statement: Statement | None) -> Row | None:
    """The row that prints the profit or loss of an income statement: its profit line, or,
    when it prints none, its one owners' line if no non-controlling interest is printed
    non-nil (profit = owners' share + NCI's share, IAS 1.81B), so that the statement's ties
    to comprehensive income and changes in equity are still checked."""
    row = _find(statement, _PL)
    if row is not None or statement is None or statement.kind != "income":
        return row
    rows = arithmetic_rows(statement)
    owners = [r for r in rows if _OWNERS.search(_norm(r.label))]
    nci = [r for r in rows if _NCI.search(_norm(r.label))]
    if len(owners) == 1 and all(c is None or c.nil or c.value == 0 for r in nci for c in r.cells):
        return owners[0]
    return None


def _equity_ties(statements: dict[str, Statement],
                 structures: dict[str, Structure]) -> list[Equation]:
    soce = statements["changes_in_equity"]
    cols = equity_columns(soce, structures["changes_in_equity"])
    inc = statements.get("income")
    oci = statements.get("comprehensive_income") or inc
    bs = statements.get("financial_position")
    bs_rows = (_balance_equity_rows(bs, structures.get("financial_position", Structure("")),
                                    soce, cols) if bs else {})
    out: list[Equation] = []
    blocks = _soce_blocks(soce)
    sk = "changes_in_equity"
    for b, (period, opening, closing, block) in enumerate(blocks):
        for source, pattern, what in ((inc, _PL, "profit or loss"),
                                      (oci, _TCI, "total comprehensive income")):
            src_row = income_profit_row(source) if pattern is _PL else _find(source, pattern)
            row = next((r for r in block if pattern.search(_norm(r.label))), None)
            if source is None or src_row is None or row is None:
                continue
            j = _duration_column(source, period, b)
            if j is None:
                continue
            owners, nci = _attribution(source, src_row, structures.get(source.kind))
            for col, src in ((cols.total, src_row), (cols.attributable, owners),
                             (cols.nci, nci)):
                if col is not None and src is not None:
                    out.append(_eq(f"cross: {what}, changes in equity "
                                   f"{heading(soce.columns[col])!r} = {source.kind} "
                                   f"{src.label!r} [{heading(source.columns[j])}]",
                                   (sk, row.id, col), (source.kind, src.id, j)))
        for row, day, when in ((opening, _day_before(period), "opening"),
                               (closing, getattr(period, "end", None), "closing")):
            j = _instant_column(bs, day)
            if row is None or j is None:
                continue
            for col, bs_row in sorted(bs_rows.items()):
                out.append(_eq(f"cross: {when} equity {heading(soce.columns[col])!r} = balance "
                               f"sheet {bs_row.label or bs_row.id!r} [{heading(bs.columns[j])}]",
                               (sk, row.id, col), ("financial_position", bs_row.id, j)))
        # Opening balances are the closing balances of the period just before.
        prior = next((x for x in blocks if x[2] is not None and period is not None
                      and x[0] is not None and x[0].end == _day_before(period)), None)
        if prior is not None and opening is not None:
            for col, header in enumerate(soce.columns):
                out.append(_eq(f"cross: opening equity = prior closing {heading(header)!r}",
                               (sk, opening.id, col), (sk, prior[2].id, col)))
    return out


def _day_before(period) -> date | None:
    start = getattr(period, "start", None)
    return start - timedelta(days=1) if start else None


def _cash_ties(cf: Statement, bs: Statement | None) -> list[Equation]:
    """Cash at end/start of period vs the balance sheet and vs the prior period's end.

    A mismatch with the balance sheet is a warning only: IAS 7.45 lets cash and cash
    equivalents in the cash flow statement include bank overdrafts (IAS 7.8), which the
    balance sheet shows elsewhere."""
    out: list[Equation] = []
    end, start = _find(cf, _CASH_END), _find(cf, _CASH_START)
    # "Cash and cash equivalents at 31 December": the parser's balance role says which end
    roles = {r.balance_role: r for r in arithmetic_rows(cf) if r.balance_role != "flow"
             and _norm(r.label).startswith("cash and cash equivalents")}
    end, start = end or roles.get("closing"), start or roles.get("opening")
    bs_cash = _find(bs, _BS_CASH)
    for j, col in enumerate(cf.columns):
        period = col.period
        for row, day, when in ((end, getattr(period, "end", None), "end"),
                               (start, _day_before(period), "start")):
            k = _instant_column(bs, day, col.scope)
            if row is not None and bs_cash is not None and k is not None:
                out.append(_eq(f"cross: cash at {when} of period = balance sheet "
                               f"[{heading(col)}]", ("cash_flows", row.id, j),
                               ("financial_position", bs_cash.id, k), "warning"))
        prior = next((i for i, c in enumerate(cf.columns) if c.period is not None
                      and period is not None and c.period.end == _day_before(period)
                      and c.scope == col.scope), None)
        if start is not None and end is not None and prior is not None:
            out.append(_eq(f"cross: cash at start = prior period's end [{heading(col)}]",
                           ("cash_flows", start.id, j), ("cash_flows", end.id, prior)))
    return out

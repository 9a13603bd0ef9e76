"""Stage 2c, extract the statement of changes in equity: a block of lines → a ``Statement``.

The statement is a matrix: columns are equity components (share capital, reserves, the
attributable total, non-controlling interests, total equity), rows are movements, printed in
one block per period (current and comparative), each from an opening balance ("As at
1 January 2024", "Balance at 1 January 2023") to a closing balance. Steps, one module each:
cells of a line (``equity_cells``), header → columns (``equity_header``), lines → rows with
wrapped and packed labels re-joined (``equity_rows``), balance dates (``equity_dates``),
period blocks (``equity_blocks``), arithmetic placing (``equity_solve``) and checking
(``equity_checks``). This module runs them and builds the ``Statement``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from .currencies import printed_unit_pattern
from .dates import find_dates
from .equity_blocks import BlockBuilder
from .equity_cells import LineCells, split_line
from .equity_checks import equity_check, equity_identities
from .equity_dates import balance_date, month_end, months_in, shift_months, title_end
from .equity_header import parse_header, unit_of
from .equity_rows import read_rows
from .equity_solve import (Roles, Slot, column_roles, place_orphans, place_short_rows,
                           promote_subtotals, repair_garbled)
from .model import Column, Document, Issue, Period, Row, Statement, Unit
from .periods import detect_unit

__all__ = ["parse_equity", "equity_identities", "equity_check", "balance_date"]


def _header_end(split: list) -> int:
    """Index of the first data line: a label with words and at least one readable figure."""
    for i, ln in enumerate(split):
        if re.search(r"[A-Za-z]{2}", ln.label) and ln.has_values and (
                not ln.noisy or _damaged_figures_only(ln)):
            return i
    return len(split)


def _damaged_figures_only(ln: LineCells) -> bool:
    """A data line one of whose figures OCR damaged ("63 040", "l2,345"): every noisy cell is
    figure-like (three digits or more, no word) and most cells read cleanly. Header lines
    carry words ("Share capital"), not damaged figures."""
    noisy = [c for c in ln.cells if c.noise]
    clean_cells = sum(1 for c in ln.cells if c.tokens)
    return clean_cells >= 2 and clean_cells > len(noisy) and all(
        sum(ch.isdigit() for ch in c.text) >= 3 and not re.search(r"[A-Za-z]{2}", c.text)
        for c in noisy)


def parse_equity(doc: Document, first_line: int, last_line: int, title: str,
                 fallback_unit: Unit | None = None) -> tuple[Statement | None, list[Issue]]:
    """Read the statement of changes in equity printed on lines ``first_line..last_line``.

    Its unit is the one over its columns, else the one its title lines state in words ("(In
    thousands of Canadian dollars)"), else ``fallback_unit`` (the document's)."""
    issues: list[Issue] = []
    lines = [ln for ln in doc.lines if first_line < ln.no <= last_line]
    split = [split_line(ln.no, ln.text) for ln in lines]
    start = _header_end(split)
    header = parse_header(split[:start], split[start] if start < len(split) else None)
    if header is None or start >= len(split):
        issues.append(Issue("error", "equity.no_header",
                            "no equity-component header row found above the figures",
                            line=first_line, statement="changes_in_equity"))
        return None, issues
    dated = periods_as_columns(header.columns)
    if dated:
        issues.append(Issue(
            "error", "equity.components_as_rows",
            f"the statement of changes in equity prints periods as its columns "
            f"({', '.join(dated)}) and its components as rows (a reserve-note layout): "
            f"not supported; print the components as columns to convert it",
            line=first_line, statement="changes_in_equity"))
        return None, issues
    if not any(unit_of(t) for ln in split[:start] for t in [ln.text, *(c.text for c in ln.cells)]):
        stated = detect_unit([title, *(ln.text for ln in lines[:start])])
        if stated is not None or fallback_unit is not None:
            header = replace(header, unit=stated or fallback_unit)
        else:
            issues.append(Issue("info", "equity.unit_assumed",
                                f"no unit printed above the figures; {header.unit.currency} "
                                f"scale {header.unit.scale} assumed", line=first_line,
                                statement="changes_in_equity"))
    items = read_rows(lines[start:], header, issues)
    b = BlockBuilder(header, issues)
    blocks, pools = b.blocks(items)
    roles = column_roles(header.columns)
    for bi, block in enumerate(blocks):
        _solve_block(block, b.carry.get(bi), pools.get(bi, [[], []]), roles, b.n, issues)
    context = " ".join([title] + [ln.text for ln in lines[:start]])
    starts = {bi: b.dates[id(c.row)] + timedelta(days=1) for bi, c in b.carry.items()
              if id(c.row) in b.dates}
    rows = _finish(blocks, b.dates, months_in(context), issues, title_end(context), starts)
    columns = _drop_empty_columns(header.columns, rows, issues)
    stmt = Statement(kind="changes_in_equity", title=title, columns=columns,
                     rows=rows, unit=header.unit, first_line=first_line, last_line=last_line)
    _, found = equity_check(stmt)
    return stmt, issues + found


_YEAR_HEAD = re.compile(r"^(?:FY\s?)?(?:19|20)\d{2}(?:/\d{2})?$", re.IGNORECASE)


def periods_as_columns(columns: list[Column]) -> list[str]:
    """The column headings when every one names a period ("31 Dec 2025", "2024") and none an
    equity component: the components are then the rows, which the roll-forward reader (one
    column per component) cannot read."""
    heads = [" ".join(unit_of_free(c.component or c.header).split()) for c in columns]
    if not heads or not all(find_dates(h) or _YEAR_HEAD.match(h) for h in heads):
        return []
    return heads


def unit_of_free(text: str) -> str:
    """A heading without its unit ("31 Dec 2025 $'000" → "31 Dec 2025")."""
    return printed_unit_pattern().sub(" ", text)


def _drop_empty_columns(columns: list[Column], rows: list[Row],
                        issues: list[Issue]) -> list[Column]:
    """A header scrap that is no word ("x", "Λ") with no figure under it in any row is
    debris of the header, not a component. (A named column stays, blank or not.)"""
    empty = [c for c in range(len(columns)) if all(r.cells[c] is None for r in rows)
             and not re.search(r"[A-Za-z][a-z]{2,}", columns[c].component or columns[c].header)]
    if not rows or not empty or len(empty) == len(columns):
        return columns
    for c in empty:
        issues.append(Issue("info", "equity.empty_column",
                            f"header '{columns[c].header}' has no figures; dropped",
                            statement="changes_in_equity"))
    for r in rows:
        r.cells = [x for c, x in enumerate(r.cells) if c not in empty]
    return [col for c, col in enumerate(columns) if c not in empty]


def _solve_block(block: list[Slot], carried: Slot | None, pool: list, roles: Roles, n: int,
                 issues: list[Issue]) -> None:
    """Place short rows, find unlabelled subtotals, then give orphan figures their rows."""
    proxy = _carried_opening(block, carried)
    if proxy is not None:
        block.insert(0, proxy)
    need, figures = pool
    idxs = [i for i, s in enumerate(block) if any(s is x for x in need)]
    repair_garbled(block, roles, n, issues)
    place_short_rows(block, roles, n, figures, idxs)
    promote_subtotals(block, n)
    place_orphans(block, idxs, figures, n, issues)
    rest = [i for i, s in enumerate(block) if not s.resolved and not s.tokens
            and (s.row.kind in ("subtotal", "total") or s.row.balance_role != "flow")]
    place_orphans(block, rest, [], n, issues)
    if proxy is not None:
        block.remove(proxy)
    for s in block:
        if s.tokens and not s.resolved:
            issues.append(Issue("error", "equity.unresolved",
                                f"'{s.row.label}': {len(s.tokens)} figures for {n} columns "
                                "and no arithmetic places them",
                                line=s.row.line, statement="changes_in_equity"))


def _carried_opening(block: list[Slot], carried: Slot | None) -> Slot | None:
    """The previous period's closing, standing in as this block's opening while solving."""
    if carried is None or any(s.row.balance_role == "opening" for s in block):
        return None
    return Slot(replace(carried.row, balance_role="opening"), carried.resolved)


def _finish(blocks: list[list[Slot]], dates: dict[int, date], months: int,
            issues: list[Issue], title_end: date | None = None,
            starts: dict[int, date] | None = None) -> list[Row]:
    """Order each block (opening first, closing last), give periods, sections and ids."""
    out: list[Row] = []
    for bi, block in enumerate(blocks):
        printed = [s.row for s in block]
        rows = [r for r in printed if r.balance_role != "closing"]
        first = next((i for i, r in enumerate(rows) if r.balance_role == "opening"), 0)
        if rows:
            rows.insert(0, rows.pop(first))       # an opening printed late goes first
        rows += [r for r in printed if r.balance_role == "closing"]
        op = next((dates[id(r)] for r in rows if id(r) in dates
                   and r.balance_role == "opening"), None)
        cl = next((dates[id(r)] for r in rows if id(r) in dates
                   and r.balance_role == "closing"), None)
        if op is None and starts and bi in starts:
            op = starts[bi]
        if op is None and cl is None and title_end is not None:
            cl = month_end(shift_months(title_end, -12 * bi))
        if op is None and cl is not None:
            op = shift_months(cl + timedelta(days=1), -months)
        if cl is None and op is not None:
            cl = shift_months(op, months) - timedelta(days=1)
        period = Period(end=cl, start=op) if op and cl else None
        if period is None:
            issues.append(Issue("warning", "equity.period",
                                "a block of rows has no dated opening or closing balance",
                                line=rows[0].line if rows else None,
                                statement="changes_in_equity"))
        section: tuple[str, ...] = ()
        for r in rows:
            if r.kind == "heading":
                section = (r.label,)
            elif r.balance_role != "flow":
                section = ()
            r.section = section if r.kind != "heading" else ()
            if r.kind == "subtotal":
                section = ()
            r.period = period
            out.append(r)
    for i, r in enumerate(out, 1):
        r.id = f"r{i}"
    return out

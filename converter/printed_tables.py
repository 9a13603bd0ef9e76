"""Which statements the announcement printed as one table, and the rows they share.

Stage: tag → render. Input: the extracted statements and their facts; output: the tables the
report shows, each listing its rows in printed order with the statement each row belongs to.

Why: IAS 1.10A lets a company print one "statement of profit or loss and other comprehensive
income". The converter splits it into ``income`` and ``comprehensive_income`` (``combined``)
so that each part is tagged in its own role, and the profit row, which opens the OCI part,
belongs to both. The page must still read like the original: one table, the profit row
once. A repeated row's facts are then the same facts twice (same concept, context, unit and
value); the copy shown through the other statement's row is left out of the report. When the
copies are not identical (two concepts for one printed figure), or the printed order cannot
be rebuilt, the statements are shown as two tables, as before.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Fact, Row, Statement


@dataclass(frozen=True)
class PrintedTable:
    """One table of the page: its rows in printed order, each with the statement it is in."""

    statements: tuple[Statement, ...]
    rows: tuple[tuple[Statement, Row], ...]
    repeats: frozenset[tuple[str, str]] = frozenset()   # (statement kind, row id) left out


def printed_tables(statements: Sequence[Statement], facts: Iterable[Fact]) -> list[PrintedTable]:
    """The tables to show, in document order."""
    by_row: dict[tuple[str, str], list[Fact]] = {}
    for fact in facts:
        by_row.setdefault((fact.statement or "", fact.row_id), []).append(fact)
    tables: list[PrintedTable] = []
    i = 0
    while i < len(statements):
        first = statements[i]
        second = statements[i + 1] if i + 1 < len(statements) else None
        merged = _merge(first, second, by_row) if second is not None else None
        if merged is not None:
            tables.append(merged)
            i += 2
        else:
            tables.append(PrintedTable((first,), tuple((first, r) for r in first.rows)))
            i += 1
    return tables


def without_repeats(tables: Iterable[PrintedTable], facts: list[Fact]) -> list[Fact]:
    """The facts minus the copies a merged table does not show."""
    left_out = frozenset().union(*(t.repeats for t in tables))
    if not left_out:
        return facts
    return [f for f in facts if (f.statement or "", f.row_id) not in left_out]


def _merge(first: Statement, second: Statement,
           by_row: dict[tuple[str, str], list[Fact]]) -> PrintedTable | None:
    """The two parts of one printed statement as one table, or None."""
    if not (first.kind == "income" and second.kind == "comprehensive_income"
            and first.first_line and first.first_line == second.first_line
            and first.title == second.title and len(first.columns) == len(second.columns)
            and _increasing(first.rows) and _increasing(second.rows)):
        return None
    own = {(r.line, r.label): r for r in first.rows}
    repeats: set[tuple[str, str]] = set()
    for row in second.rows:
        twin = own.get((row.line, row.label))
        if twin is None:
            continue
        copies = by_row.get((second.kind, row.id), [])
        originals = {_key(f) for f in by_row.get((first.kind, twin.id), [])}
        if any(_key(f) not in originals for f in copies):
            return None     # one printed figure, two meanings: keep both tables
        repeats.add((second.kind, row.id))
    if not repeats:
        return None
    rows = [(first, r) for r in first.rows] + [
        (second, r) for r in second.rows if (second.kind, r.id) not in repeats]
    rows.sort(key=lambda pair: pair[1].line)     # stable: a row keeps its place on ties
    return PrintedTable((first, second), tuple(rows), frozenset(repeats))


def _increasing(rows: list[Row]) -> bool:
    lines = [r.line for r in rows]
    return all(a < b for a, b in zip(lines, lines[1:]))


def _key(fact: Fact) -> tuple[object, ...]:
    return (fact.concept.qname, fact.context.id, fact.unit.id, fact.value, fact.nil,
            fact.undisclosed)

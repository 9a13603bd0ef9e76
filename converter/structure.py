"""Reconcile stage, part 1: infer which rows of a statement a subtotal sums.

Statement rows → ``Structure`` (total row → signed children), found by arithmetic
(``sums``), not by labels: a structure is accepted only when the printed figures add up in
every column that can be checked. The calculation linkbase is generated from it
(``subtotal_tree``); changes in equity also gets its column cross-foot (``column_tree``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .model import Cell, Row, Statement
from .sums import Relation, Value, _Item, cell_value, infer_sums

# A blank beside figures in other columns is, far more often than a lost figure, a dash the
# printer or the text extraction left out. The structure search reads it as nil, so that one
# lost dash in every column does not hide a whole section's sum; identities still see the
# blank, and only the solver settles it (saying so).
_NIL = Value(Decimal(0))


def _structure_value(cell: Cell | None) -> Value:
    return _NIL if cell is None else cell_value(cell)


@dataclass
class Structure:
    """The subtotal structure of one statement, as data."""

    kind: str
    relations: list[Relation] = field(default_factory=list)
    equalities: list[tuple[str, str]] = field(default_factory=list)
    column_relations: list[Relation] = field(default_factory=list)  # changes in equity

    @property
    def children(self) -> dict[str, list[tuple[int, str]]]:
        """One tree per total, as a calculation linkbase needs it: the sum that built the row;
        a breakdown below it (profit → owners + NCI) only when nothing else sums to it, since
        two summations of one concept in one tree would be added together."""
        out: dict[str, list[tuple[int, str]]] = {}
        for rel in sorted(self.relations, key=lambda r: r.method == "breakdown"):
            out.setdefault(rel.total, list(rel.terms))
        return out

    @property
    def column_children(self) -> dict[int, list[tuple[int, int]]]:
        return {int(r.total): [(s, int(c)) for s, c in r.terms] for r in self.column_relations}



# --------------------------------------------------------------------------- statements
def _blocks(rows: list[Row]) -> list[list[Row]]:
    """Changes in equity repeats its rows per period: search each block on its own. A block
    ends where the period changes, or where an opening balance follows a closing one (periods
    unknown)."""
    blocks: list[list[Row]] = []
    for row in rows:
        if not blocks or (row.period is not None and blocks[-1][-1].period is not None
                          and row.period != blocks[-1][-1].period) or (
                row.balance_role == "opening"
                and any(r.balance_role == "closing" for r in blocks[-1])):
            blocks.append([])
        blocks[-1].append(row)
    return blocks


def arithmetic_rows(statement: Statement) -> list[Row]:
    """Rows that take part in sums: not headings, not per-share, not entirely blank."""
    return [r for r in statement.rows
            if r.kind != "heading" and not r.per_share
            and any(c is not None for c in r.cells)]


def _row_item(row: Row, width: int) -> _Item:
    cells = list(row.cells) + [None] * (width - len(row.cells))
    # Only rows printed as totals may be found by sign searches: with A = B + C printed,
    # any item C also "equals" A − B, so items (bold or not) are only ever plain runs.
    printed = row.label if row.printed_label is None else row.printed_label
    strong = row.kind != "item" or not printed.strip()
    return _Item(row.id, tuple(_structure_value(c) for c in cells[:width]), strong,
                 row.section)


def infer_structure(statement: Statement) -> Structure:
    """Rows (and for changes in equity, columns) that sum, as a ``Structure``."""
    width = len(statement.columns)
    rows = arithmetic_rows(statement)
    structure = Structure(statement.kind)
    for block in _blocks(rows):
        rels, eqs = infer_sums([_row_item(r, width) for r in block])
        structure.relations += rels
        structure.equalities += eqs
    if statement.kind == "changes_in_equity" and rows:
        columns = [
            _Item(str(j), tuple(cell_value(r.cells[j] if j < len(r.cells) else None)
                                for r in rows), True)
            for j in range(width)
        ]
        structure.column_relations, _ = infer_sums(columns)
        structure.column_relations = [r for r in structure.column_relations
                                      if r.method != "breakdown"]
    return structure


def unexplained_subtotals(statement: Statement, structure: Structure) -> list[Row]:
    """Rows printed as subtotals that no sum explains although unsummed items precede them
    in their section: the figures above do not add up, whatever the reading."""
    rows = arithmetic_rows(statement)
    explained = {r.total for r in structure.relations}
    explained |= {x for pair in structure.equalities for x in pair}
    summed = {c for r in structure.relations for _, c in r.terms}
    out = []
    for i, row in enumerate(rows):
        if row.kind == "item" or row.id in explained:
            continue
        loose = 0
        for prev in reversed(rows[:i]):
            if prev.section != row.section or prev.kind != "item" or prev.id in summed:
                break
            loose += 1
        if loose >= 2:
            out.append(row)
    return out


def subtotal_tree(statement: Statement) -> dict[str, list[tuple[int, str]]]:
    """Total row id → [(+1/-1, child row id)]: the calculation tree of the statement.

    Costs next to nothing after reconcile: the search is memoised on the figures.

    An opening balance built from movements (changes in equity: "At 1 January 2024, as
    restated" = "as previously reported" + the IAS 8 adjustment) is checked by reconciliation
    but is no calculation: the restated balance is tagged as the opening equity, an instant
    the adjustment (a duration) can never sum to in one context. (A closing balance keeps its
    roll-forward: it binds the same concept on both sides and is dropped when assembled.)"""
    roles = {r.id: r.balance_role for r in statement.rows}
    return {total: terms for total, terms in infer_structure(statement).children.items()
            if not (roles.get(total) == "opening"
                    and any(roles.get(child) == "flow" for _, child in terms))}


def column_tree(statement: Statement) -> dict[int, list[tuple[int, int]]]:
    """Changes in equity: total column index → [(+1/-1, component column index)]."""
    return infer_structure(statement).column_children

"""Reconcile stage, the solver: settle unknown cells from identities, check the rest.

Cell references (``identities.Ref``) → values in the statements' rows, changed in place on the
reconcile stage's private copy. An identity with one unknown cell determines it (a blank or
illegible cell is derived; a damaged one takes the reading that fits); damaged cells that only
several identities decide together are tried jointly; a printed figure that several failing
identities agree is misread is corrected. Each step appends an ``Issue`` saying what and why.
A derived figure is the exact difference: where rounding kept the printed figures from adding
up exactly, the derived one absorbs it (one unit at most, as ``_tolerance`` allows).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import product

from .identities import Equation, Ref
from .model import Cell, Issue, Row, Statement
from .numbers import format_amount
from .structure import arithmetic_rows
from .sums import Value, cell_value

_JOINT_LIMIT = 4096     # candidate combinations tried jointly per group of garbled cells
_MAX_CORRECTIONS = 5    # misread printed figures corrected per round, at most


@dataclass
class _Grid:
    """Cell references → rows, with the values arithmetic may use."""

    rows: dict[Ref, tuple[Statement, Row, int]]

    @classmethod
    def of(cls, statements: list[Statement]) -> "_Grid":
        rows = {}
        for st in statements:
            for row in arithmetic_rows(st):
                for j in range(len(st.columns)):
                    rows[(st.kind, row.id, j)] = (st, row, j)
        return cls(rows)

    def cell(self, ref: Ref) -> Cell | None:
        _, row, j = self.rows[ref]
        return row.cells[j] if j < len(row.cells) else None

    def value(self, ref: Ref) -> Value:
        return cell_value(self.cell(ref))

    def put(self, ref: Ref, cell: Cell) -> None:
        _, row, j = self.rows[ref]
        row.cells.extend([None] * (j + 1 - len(row.cells)))
        row.cells[j] = cell

    def line(self, ref: Ref) -> int | None:
        cell = self.cell(ref)
        return (cell.line if cell and cell.line else None) or self.rows[ref][1].line


def _tolerance(eq: Equation, values: list[Value]) -> Decimal:
    # the rounding unit: one in the last printed digit of the most precise figure
    exps = [v.exp for v in values if v.known is not None]
    unit = Decimal(1).scaleb(min(exps)) if exps else Decimal(1)
    stars = sum(v.star for v in values)
    return unit * ((0 if eq.exact else 1) + stars)


def _refs(eq: Equation) -> list[Ref]:
    return [eq.total] + [r for _, r in eq.terms]


def _solve_for(eq: Equation, target: Ref, grid: _Grid) -> Decimal:
    """The value ``target`` must take for ``eq`` to hold, the other cells as they are."""
    total = grid.value(eq.total).known
    others = sum((s * grid.value(r).known for s, r in eq.terms if r != target), Decimal(0))
    if target == eq.total:
        return others
    sign = next(s for s, r in eq.terms if r == target)
    return sign * (total - others)


def _printed(value: Decimal) -> str:
    if value == 0:
        return "–"
    text = format_amount(abs(value), max(0, -value.as_tuple().exponent))
    return f"({text})" if value < 0 else text


def _fix(grid: _Grid, ref: Ref, eq: Equation, needed: Decimal, issues: list[Issue]) -> bool:
    """Settle one unknown cell from ``eq``; False when the readings leave it ambiguous."""
    cell = grid.cell(ref)
    st, row, j = grid.rows[ref]
    where = f"{row.label or row.id!r} [{st.columns[j].header}]"
    readings = sorted(set(cell.candidates)) if cell else []
    if readings:
        tol = _tolerance(eq, [grid.value(r) for r in _refs(eq) if r != ref])
        fits = [c for c in readings if abs(c - needed) <= tol]
        if len(fits) > 1:
            return False
        if len(fits) == 1:
            grid.put(ref, replace(cell, value=fits[0], provenance="printed"))
            issues.append(Issue("info", "reconcile.repaired",
                                f"{where}: read {cell.text!r} as {_printed(fits[0])} (readings "
                                f"{', '.join(map(_printed, readings))}): it satisfies {eq.name}",
                                line=grid.line(ref), statement=st.kind))
            return True
    grid.put(ref, Cell(needed, _printed(needed), provenance="derived",
                       line=cell.line if cell else row.line, nil=needed == 0,
                       derived_from=eq.name, candidates=cell.candidates if cell else ()))
    why = (f"no reading of {cell.text!r} ({', '.join(map(_printed, readings))}) fits; "
           if readings else "")
    # Deriving over readings that all disagree may hide a misread figure elsewhere in the
    # identity: a warning, not an info.
    issues.append(Issue("warning" if readings else "info", "reconcile.derived",
                        f"{where}: {why}derived {_printed(needed)} from {eq.name}",
                        line=grid.line(ref), statement=st.kind))
    return True


def _propagate(equations: list[Equation], grid: _Grid, issues: list[Issue]) -> None:
    """Repeatedly settle cells that are the only unknown of some identity."""
    changed = True
    while changed:
        changed = False
        for eq in equations:
            missing = [r for r in _refs(eq) if grid.value(r).known is None]
            if len(missing) == 1:
                needed = _solve_for(eq, missing[0], grid)
                changed |= _fix(grid, missing[0], eq, needed, issues)


def _holds(eq: Equation, grid: _Grid) -> tuple[Decimal | None, Decimal | None, bool]:
    values = [grid.value(r) for r in _refs(eq)]
    actual = values[0].known
    if any(v.known is None for v in values):
        return None, actual, False
    expected = sum((s * grid.value(r).known for s, r in eq.terms), Decimal(0))
    return expected, actual, abs(expected - actual) <= _tolerance(eq, values)


def _joint(equations: list[Equation], grid: _Grid, issues: list[Issue]) -> None:
    """Cells with several readings that only identities taken together decide."""
    garbled = sorted({r for eq in equations for r in _refs(eq)
                      if grid.value(r).unknown == "candidates"})
    if not garbled:
        return
    relevant = [eq for eq in equations
                if any(r in garbled for r in _refs(eq))
                and all(grid.value(r).known is not None or r in garbled for r in _refs(eq))]
    options = [sorted(set(grid.cell(r).candidates)) for r in garbled]
    n = 1
    for o in options:
        n *= len(o)
    if n > _JOINT_LIMIT or not relevant:
        return
    originals = {r: grid.cell(r) for r in garbled}
    winners = []
    for choice in product(*options):
        for r, v in zip(garbled, choice):
            grid.put(r, Cell(v))
        if all(_holds(eq, grid)[2] for eq in relevant):
            winners.append(choice)
    for r, c in originals.items():
        grid.put(r, c)
    if len(winners) != 1:
        return
    for r, v in zip(garbled, winners[0]):
        st, row, j = grid.rows[r]
        grid.put(r, replace(originals[r], value=v, provenance="printed"))
        issues.append(Issue("info", "reconcile.repaired",
                            f"{row.label or row.id!r} [{st.columns[j].header}]: read "
                            f"{originals[r].text!r} as {_printed(v)}: the only combination of "
                            f"readings that satisfies every identity",
                            line=grid.line(r), statement=st.kind))


def _correct(equations: list[Equation], grid: _Grid, issues: list[Issue]) -> bool:
    """A printed figure that two or more failing identities each need to be the same other
    value, and that every identity it takes part in accepts at that value, was misread (an
    OCR layer's digit, a figure from a neighbouring duplicate row); likewise a figure whose
    sign alone breaks one identity. Correct it, as a warning, only when exactly one cell
    explains the failures. Returns whether it changed anything."""
    uses: dict[Ref, list[Equation]] = {}
    for eq in equations:
        for r in _refs(eq):
            uses.setdefault(r, []).append(eq)
    proposals: dict[tuple[Ref, Decimal], list[Equation]] = {}
    for eq in equations:
        expected, actual, holds = _holds(eq, grid)
        if holds or expected is None:
            continue
        for r in _refs(eq):
            cell = grid.cell(r)
            if cell is None or cell.provenance != "printed" or grid.value(r).star:
                continue
            proposals.setdefault((r, _solve_for(eq, r, grid)), []).append(eq)
    fixes = []
    for (ref, value), failing in proposals.items():
        original = grid.cell(ref)
        # One failing identity suffices for a lost or spurious minus sign (parentheses are
        # what OCR drops most): only one figure of the identity can be exactly half its gap.
        flip = value == -original.value and value != 0
        if len(failing) < 2 and not flip:
            continue
        grid.put(ref, replace(original, value=value))
        if all(_holds(eq, grid)[2] for eq in uses[ref]):
            fixes.append((len(failing), ref, value, original))
        grid.put(ref, original)
    best = max((f[0] for f in fixes), default=0)
    fixes = [f for f in fixes if f[0] == best]
    if len(fixes) != 1:
        return False
    _, ref, value, original = fixes[0]
    st, row, j = grid.rows[ref]
    grid.put(ref, replace(original, value=value, provenance="derived",
                          derived_from=proposals[(ref, value)][0].name,
                          candidates=tuple(dict.fromkeys((*original.candidates, original.value)))))
    names = "; ".join(eq.name for eq in proposals[(ref, value)])
    why = (f"{best} identities need {_printed(value)}" if best > 1 else
           f"its sign is the only single change that makes {names} hold")
    issues.append(Issue("warning", "reconcile.corrected",
                        f"{row.label or row.id!r} [{st.columns[j].header}]: read as "
                        f"{_printed(original.value)} but {why}, and all its identities hold "
                        f"with {_printed(value)} ({names})",
                        line=grid.line(ref), statement=st.kind))
    return True

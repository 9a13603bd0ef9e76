"""Reconcile stage, the solver: settle unknown cells from identities, check the rest.

Cell references (``identities.Ref``) → values in the statements' rows, changed in place on the
reconcile stage's private copy. An identity with one unknown cell determines it (a blank or
illegible cell is derived; a damaged one takes the reading that fits); damaged cells that only
several identities decide together are tried jointly (``joint``, which builds on the grid
here); a printed figure that several failing identities
agree is misread is corrected, and one that is exactly a failing sum's gap is dropped as a
figure from elsewhere. Each step appends an ``Issue`` saying what and why.

Blanks are read as "–" only inside those searches (and by ``structure``), never in the final
check: applied everywhere, a blank that stands for a lost figure would make sums fail.

A derived figure is the exact difference: where rounding kept the printed figures from adding
up exactly, the derived one absorbs it (one unit at most, as ``_tolerance`` allows).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from .identities import Equation, Ref
from .model import Cell, Issue, Row, Statement
from .numbers import format_amount
from .structure import arithmetic_rows
from .sums import Value, cell_value

_MAX_CORRECTIONS = 5    # misread printed figures corrected per round, at most
_SPURIOUS_DIGITS = 4    # a figure taken as spurious must print this many digits (no chance match)
_NIL = Value(Decimal(0))


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
    """Repeatedly settle cells that are the only unknown of some identity.

    A blank is read as a lost dash before it is read as a lost figure: when one printed term
    of the identity is exactly the amount the blank would need, the blank is left for
    ``_drop_spurious`` to weigh (see there), not filled with that amount."""
    used_in = uses(equations)
    changed = True
    while changed:
        changed = False
        for eq in equations:
            missing = [r for r in _refs(eq) if grid.value(r).known is None]
            if len(missing) == 1:
                needed = _solve_for(eq, missing[0], grid)
                if needed != 0 and grid.cell(missing[0]) is None and \
                        _droppable(eq, grid, used_in) is not None:
                    continue
                changed |= _fix(grid, missing[0], eq, needed, issues)


def uses(equations: list[Equation]) -> dict[Ref, list[Equation]]:
    """Cell → the identities it takes part in."""
    out: dict[Ref, list[Equation]] = {}
    for eq in equations:
        for r in _refs(eq):
            out.setdefault(r, []).append(eq)
    return out


def _holds(eq: Equation, grid: _Grid,
           blanks_nil: bool = False) -> tuple[Decimal | None, Decimal | None, bool]:
    """(terms' sum, printed total, whether they agree); ``blanks_nil``: blank cells count
    as "–" (the searches below, never the final check)."""
    values = [_NIL if blanks_nil and grid.cell(r) is None else grid.value(r)
              for r in _refs(eq)]
    actual = values[0].known
    if any(v.known is None for v in values):
        return None, actual, False
    expected = sum((s * v.known for (s, _), v in zip(eq.terms, values[1:])), Decimal(0))
    return expected, actual, abs(expected - actual) <= _tolerance(eq, values)


def _correct(equations: list[Equation], grid: _Grid, issues: list[Issue]) -> bool:
    """A printed figure that two or more failing identities each need to be the same other
    value, and that every identity it takes part in accepts at that value, was misread (an
    OCR layer's digit, a figure from a neighbouring duplicate row); likewise a figure whose
    sign alone breaks one identity. Correct it, as a warning, only when exactly one cell
    explains the failures. Returns whether it changed anything."""
    used_in = uses(equations)
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
        if all(_holds(eq, grid)[2] for eq in used_in[ref]):
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


def _spurious_term(eq: Equation, grid: _Grid) -> Ref | None:
    """The one printed term whose removal makes ``eq`` hold, its blanks read as "–": a
    figure that is exactly a failing sum's whole gap is far likelier a figure from
    elsewhere (a neighbouring row's or layer's, printed where the statement shows "–") than
    a coincidence, once it prints ``_SPURIOUS_DIGITS`` digits. None when no term or several
    terms are, or the identity holds or cannot be checked."""
    expected, actual, holds = _holds(eq, grid, blanks_nil=True)
    if holds or expected is None:
        return None
    gap = actual - expected
    found = []
    for s, r in eq.terms:
        cell = grid.cell(r)
        if cell is None or cell.provenance != "printed" or grid.value(r).star or cell.nil:
            continue
        if s * cell.value == -gap and len(str(abs(int(cell.value)))) >= _SPURIOUS_DIGITS:
            found.append(r)
    return found[0] if len(found) == 1 else None


def _droppable(eq: Equation, grid: _Grid, used_in: dict[Ref, list[Equation]]) -> Ref | None:
    """``eq``'s ``_spurious_term``, when every identity the cell enters holds (or cannot be
    checked) with it read as "–", blanks too."""
    ref = _spurious_term(eq, grid)
    if ref is None:
        return None
    original = grid.cell(ref)
    grid.put(ref, replace(original, value=Decimal(0), nil=True))
    ok = all(_holds(o, grid, blanks_nil=True)[2] or _holds(o, grid, True)[0] is None
             for o in used_in[ref])
    grid.put(ref, original)
    return ref if ok else None


def _drop_spurious(equations: list[Equation], grid: _Grid, issues: list[Issue]) -> bool:
    """Read the first ``_droppable`` figure as "–", with a warning naming the figure dropped.
    Returns whether it changed anything."""
    used_in = uses(equations)
    for eq in equations:
        ref = _droppable(eq, grid, used_in)
        if ref is None:
            continue
        original = grid.cell(ref)
        st, row, j = grid.rows[ref]
        grid.put(ref, replace(original, value=Decimal(0), nil=True, provenance="derived",
                              derived_from=eq.name,
                              candidates=tuple(dict.fromkeys((*original.candidates,
                                                              original.value)))))
        issues.append(Issue("warning", "reconcile.corrected",
                            f"{row.label or row.id!r} [{st.columns[j].header}]: printed "
                            f"{_printed(original.value)}, which is exactly the amount by which "
                            f"{eq.name} fails (its blanks read as –); taken as a figure from "
                            f"elsewhere and read as –", line=grid.line(ref), statement=st.kind))
        return True
    return False

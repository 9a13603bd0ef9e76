"""Reconcile stage: check the statements' arithmetic and repair what the extraction garbled.

``Extraction`` → ``Extraction`` with repaired cells, named subtotals, ``identities`` and
``reconcile.*`` issues. Steps: infer each statement's subtotal structure (``structure``),
collect the identities within and across statements (``identities``), then solve: an identity
with exactly one unknown cell determines it — a blank or illegible cell is *derived*, a cell
with several OCR readings takes the reading that satisfies it (*repaired*); cells with several
readings that no single identity decides are tried jointly. Nothing is guessed: every repair is
an info issue naming the identity, every cell left unknown and every failing identity an error.

Rounding (IAS 1.51(e): figures rounded to the presentation unit): each printed figure is rounded
on its own, so a printed total may differ from the sum of its printed terms by up to
(n + 1) / 2 units for n terms. We accept a difference of one unit in the last printed digit for
sums (larger differences are far more often misreadings), plus one unit per term printed "*"
(non-zero but below the unit, counted as 0). Where one figure is printed twice (profit in the
income statement and in changes in equity) rounding cannot explain a difference: none is
accepted.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import product

from .identities import Equation, Ref, cross_equations, ref_text, structure_equations
from .model import Cell, Extraction, Identity, Issue, Row, Statement
from .numbers import format_amount
from .structure import (Structure, Value, _unit, arithmetic_rows, cell_value, infer_structure,
                        unexplained_subtotals)

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
    known = [v.known for v in values if v.known is not None]
    unit = _unit(known) if known else Decimal(1)
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
    OCR layer's digit, a figure from a neighbouring duplicate row): correct it, as a warning.
    Only when exactly one cell explains those failures. Returns whether it changed anything."""
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
        if len(failing) < 2:
            continue
        original = grid.cell(ref)
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
    issues.append(Issue("warning", "reconcile.corrected",
                        f"{row.label or row.id!r} [{st.columns[j].header}]: read as "
                        f"{_printed(original.value)} but {best} identities need "
                        f"{_printed(value)} and all its identities hold with it ({names})",
                        line=grid.line(ref), statement=st.kind))
    return True


# --------------------------------------------------------------------------- the stage
def _ensure_ids(statements: list[Statement]) -> None:
    """Cell references need row ids; give rows without one their position ("r7")."""
    for st in statements:
        seen: set[str] = set()
        for i, row in enumerate(st.rows):
            if not row.id or row.id in seen:
                row.id = f"r{i}"
            seen.add(row.id)


def _equations(statements: list[Statement]) -> tuple[dict[str, Structure], list[Equation]]:
    structures = {st.kind: infer_structure(st) for st in statements}
    equations: list[Equation] = []
    for st in statements:
        equations += structure_equations(st, structures[st.kind])
    equations += cross_equations({st.kind: st for st in statements}, structures)
    return structures, equations


def reconcile(extraction: Extraction) -> Extraction:
    """Check every identity, repair what they determine, report the rest (never raises on
    document problems). The input is not modified."""
    statements = copy.deepcopy(extraction.statements)
    _ensure_ids(statements)
    repairs: list[Issue] = []
    # Repairs can reveal structure hidden by unknown cells, and structure gives new
    # identities: two rounds reach every case we have seen, a third changes nothing.
    for _ in range(2):
        structures, equations = _equations(statements)
        grid = _Grid.of(statements)
        equations = [eq for eq in equations if all(r in grid.rows for r in _refs(eq))]
        _propagate(equations, grid, repairs)
        _joint(equations, grid, repairs)
        for _ in range(_MAX_CORRECTIONS):
            if not _correct(equations, grid, repairs):
                break
            _propagate(equations, grid, repairs)
    for st in statements:
        name_subtotals(st, infer_structure(st))
    structures, equations = _equations(statements)
    grid = _Grid.of(statements)
    equations = [eq for eq in equations if all(r in grid.rows for r in _refs(eq))]
    identities, findings = _evaluate(equations, grid)
    for st in statements:
        for row in unexplained_subtotals(st, structures[st.kind]):
            findings.append(Issue("warning", "reconcile.unexplained",
                                  f"{row.label or row.id!r} is printed as a subtotal but the "
                                  f"rows above it do not add up to it in any column that can "
                                  f"be checked", line=row.line, statement=st.kind))
    issues = [i for i in extraction.issues if not i.code.startswith("reconcile.")]
    issues += repairs + findings + _unresolved(statements)
    return Extraction(extraction.document, statements, issues=issues, identities=identities)


def _evaluate(equations: list[Equation], grid: _Grid) -> tuple[list[Identity], list[Issue]]:
    identities, issues = [], []
    for eq in equations:
        expected, actual, holds = _holds(eq, grid)
        identities.append(Identity(eq.name, ref_text(eq.total),
                                   tuple((s, ref_text(r)) for s, r in eq.terms),
                                   expected, actual, holds))
        kind = eq.total[0]
        line = grid.line(eq.total)
        if expected is None or actual is None:
            if not any(grid.value(r).unknown in ("unresolved", "candidates")
                       for r in _refs(eq)):
                issues.append(Issue("warning", "reconcile.unchecked",
                                    f"{eq.name}: cannot be checked, a cell is blank",
                                    line=line, statement=kind))
        elif not holds:
            issues.append(Issue(eq.severity, "reconcile.identity",
                                f"{eq.name}: printed {_printed(actual)}, terms sum to "
                                f"{_printed(expected)} (difference "
                                f"{_printed(actual - expected)})", line=line, statement=kind))
        elif expected != actual:
            issues.append(Issue("info", "reconcile.rounding",
                                f"{eq.name}: printed {_printed(actual)}, terms sum to "
                                f"{_printed(expected)}; accepted as rounding", line=line,
                                statement=kind))
    return identities, issues


def _unresolved(statements: list[Statement]) -> list[Issue]:
    out = []
    for st in statements:
        for row in st.rows:
            for j, cell in enumerate(row.cells):
                if cell is not None and cell.value is None and not cell.less_than_unit:
                    header = st.columns[j].header if j < len(st.columns) else str(j)
                    readings = ", ".join(map(_printed, cell.candidates)) or "none"
                    out.append(Issue("error", "reconcile.unresolved",
                                     f"{row.label or row.id!r} [{header}]: {cell.text!r} is "
                                     f"not legible and no identity determines it (readings: "
                                     f"{readings})", line=cell.line or row.line,
                                     statement=st.kind))
    return out


# --------------------------------------------------------------------------- subtotal names
def _tidy_heading(text: str) -> str:
    text = text.strip().rstrip(":").strip()
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def name_subtotals(statement: Statement, structure: Structure) -> None:
    """Give unlabelled subtotals a descriptive label; the printed one goes to printed_label.

    An unlabelled total equal to a labelled row takes that label ("Loss for the year" below
    its attribution); otherwise "Total " + its section heading ("Total non-current assets");
    otherwise the span of its children."""
    rows = {r.id: r for r in statement.rows}
    same = {b: a for a, b in structure.equalities} | {a: b for a, b in structure.equalities}
    for rel in structure.relations:
        row = rows.get(rel.total)
        if row is None or row.label.strip():
            continue
        other = rows.get(same.get(row.id, ""))
        if other is not None and other.label.strip():
            label = other.label.strip()
        elif row.section:
            heading = row.section[-1]
            label = heading.strip().rstrip(":") if heading.lower().startswith("total") \
                else f"Total {_tidy_heading(heading)}"
        else:
            first, last = rows[rel.terms[0][1]], rows[rel.terms[-1][1]]
            label = f"Total of {first.label or first.id} to {last.label or last.id}"
        row.printed_label = row.label
        row.label = label

"""Reconcile stage, the solver's searches: damaged figures that identities decide jointly.

Cells with several OCR readings (``Cell.candidates``) and the identities they take part in →
the readings chosen, on the solver's grid. First per group of cells linked by identities that
only they keep from being checked (all readings of the group tried together), so that one
undecidable cell holds up only its own group; then one identity at a time, reading the
identity's blanks as lost dashes. A choice is made only when exactly one combination fits.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from itertools import product

from .identities import Equation, Ref
from .model import Cell, Issue
from .solve import _fix, _Grid, _holds, _printed, _refs, uses

_JOINT_LIMIT = 4096     # candidate combinations tried jointly per group of garbled cells


def _garbled(grid: _Grid, eq: Equation) -> list[Ref]:
    return [r for r in _refs(eq) if grid.value(r).unknown == "candidates"]


def _components(equations: list[Equation], grid: _Grid) -> list[tuple[list[Ref], list[Equation]]]:
    """Groups of garbled cells linked by identities that only they keep from being checked,
    with those identities: each group is decided on its own, so that one undecidable cell
    does not hold up the others."""
    relevant = [eq for eq in equations if _garbled(grid, eq)
                and all(grid.value(r).known is not None or grid.value(r).options
                        for r in _refs(eq))]
    parent: dict[Ref, Ref] = {}

    def root(r: Ref) -> Ref:
        while parent.setdefault(r, r) != r:
            r = parent[r]
        return r

    for eq in relevant:
        cells = _garbled(grid, eq)
        for r in cells[1:]:
            parent[root(r)] = root(cells[0])
    groups: dict[Ref, tuple[list[Ref], list[Equation]]] = {}
    for eq in relevant:
        group = groups.setdefault(root(_garbled(grid, eq)[0]), ([], []))
        group[1].append(eq)
        group[0].extend(r for r in _garbled(grid, eq) if r not in group[0])
    return [(sorted(cells), eqs) for cells, eqs in groups.values()]


def _winners(cells: list[Ref], blanks: list[Ref], checks: list[Equation],
             grid: _Grid) -> list[tuple[Decimal, ...]]:
    """Combinations of the cells' readings, ``blanks`` read as "–", under which every
    identity in ``checks`` holds; at most two (enough to tell a unique one)."""
    options = [sorted(set(grid.cell(r).candidates)) for r in cells]
    n = 1
    for o in options:
        n *= len(o)
    if n > _JOINT_LIMIT:
        return []
    originals = {r: grid.cell(r) for r in cells + blanks}
    for r in blanks:
        grid.put(r, Cell(Decimal(0), "–", nil=True))
    found = []
    for choice in product(*options):
        for r, v in zip(cells, choice):
            grid.put(r, Cell(v))
        if all(_holds(eq, grid)[2] for eq in checks):
            found.append(choice)
            if len(found) > 1:
                break
    for r, c in originals.items():
        grid.put(r, c)
    return found


def _read_as(grid: _Grid, ref: Ref, value: Decimal, why: str, issues: list[Issue]) -> None:
    st, row, j = grid.rows[ref]
    original = grid.cell(ref)
    grid.put(ref, replace(original, value=value, provenance="printed"))
    issues.append(Issue("info", "reconcile.repaired",
                        f"{row.label or row.id!r} [{st.columns[j].header}]: read "
                        f"{original.text!r} as {_printed(value)}: {why}",
                        line=grid.line(ref), statement=st.kind))


def joint(equations: list[Equation], grid: _Grid, issues: list[Issue]) -> None:
    """Cells with several readings that only identities taken together decide, group by
    group; then those left, one identity at a time with its blanks read as "–"."""
    for cells, relevant in _components(equations, grid):
        found = _winners(cells, [], relevant, grid)
        if len(found) == 1:
            for r, v in zip(cells, found[0]):
                _read_as(grid, r, v, "the only combination of readings that satisfies every "
                         "identity", issues)
    _one_by_one(equations, grid, issues)


def _one_by_one(equations: list[Equation], grid: _Grid, issues: list[Issue]) -> None:
    """An identity whose only unknowns are damaged figures and blanks, with the blanks read
    as lost dashes (the common case: a "–" is the glyph text extraction loses most), decides
    its damaged figures when exactly one combination of readings makes it hold and breaks no
    identity checkable afterwards. Its blanks are then recorded as derived "–"."""
    used_in = uses(equations)
    for eq in equations:
        cells = _garbled(grid, eq)
        blanks = [r for r in _refs(eq) if grid.cell(r) is None]
        if not cells or any(grid.value(r).known is None and r not in cells and r not in blanks
                            for r in _refs(eq)):
            continue
        others = [o for r in cells + blanks for o in used_in[r] if o is not eq]
        found = _winners(cells, blanks, [eq], grid)
        if len(found) != 1:
            continue
        before = {r: grid.cell(r) for r in cells + blanks}
        for r, v in zip(cells, found[0]):
            grid.put(r, Cell(v))
        for r in blanks:
            grid.put(r, Cell(Decimal(0), "–", nil=True))
        breaks = any(_holds(o, grid)[0] is not None and not _holds(o, grid)[2] for o in others)
        for r, c in before.items():
            grid.put(r, c)
        if breaks:
            continue
        for r, v in zip(cells, found[0]):
            _read_as(grid, r, v, f"the only reading that satisfies {eq.name}"
                     + (" with its blank cells as –" if blanks else ""), issues)
        for r in blanks:
            _fix(grid, r, eq, Decimal(0), issues)

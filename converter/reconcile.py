"""Reconcile stage: check the statements' arithmetic and repair what the extraction garbled.

``Extraction`` → ``Extraction`` with repaired cells, named subtotals, ``identities`` and
``reconcile.*`` issues. Steps: infer each statement's subtotal structure (``structure``),
collect the identities within and across statements (``identities``), then solve: an identity
with exactly one unknown cell determines it — a blank or illegible cell is *derived*, a cell
with several OCR readings takes the reading that satisfies it (*repaired*); cells with several
readings that no single identity decides are tried jointly (per group of linked cells, then per
identity with blanks read as "–"); a printed figure that is exactly a failing sum's gap is
dropped (``solve._drop_spurious``). Nothing is guessed: every repair is an issue naming the
identity (a warning when a printed figure is overruled), every cell left unknown and every
failing identity an error.

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
from dataclasses import replace

from .identities import Equation, heading, ref_text, structure_equations
from .model import Extraction, Identity, Issue, Statement
from .joint import joint
from .solve import (_MAX_CORRECTIONS, _correct, _drop_spurious, _Grid, _holds, _printed,
                    _propagate, _refs)
from .structure import Structure, infer_structure, unexplained_subtotals
from .ties import cross_equations


# --------------------------------------------------------------------------- the stage
def _private_copy(statements: list[Statement]) -> list[Statement]:
    """Copies reconcile may change: it sets rows' ids, labels and cells, nothing deeper
    (cells, columns, periods and units are frozen), so copying down to the cell lists is
    enough and much cheaper than a deep copy."""
    out = []
    for st in statements:
        rows = []
        for row in st.rows:
            row = copy.copy(row)
            row.cells = list(row.cells)
            rows.append(row)
        st = copy.copy(st)
        st.rows, st.columns = rows, list(st.columns)
        out.append(st)
    return out


def _ensure_ids(statements: list[Statement]) -> None:
    """Cell references need row ids; give rows without one their position ("r7")."""
    for st in statements:
        seen: set[str] = set()
        for i, row in enumerate(st.rows):
            if not row.id or row.id in seen:
                row.id = f"r{i}"
            seen.add(row.id)


def _equations(statements: list[Statement]) -> tuple[dict[str, Structure], list[Equation]]:
    """Structures and identities of the statements as they stand, named after their rows
    (subtotals named first, so that repairs cite the names the report will show)."""
    for st in statements:
        name_subtotals(st, infer_structure(st))
    structures = {st.kind: infer_structure(st) for st in statements}
    equations: list[Equation] = []
    for st in statements:
        equations += structure_equations(st, structures[st.kind])
    equations += cross_equations({st.kind: st for st in statements}, structures)
    grid = _Grid.of(statements)
    seen: dict[str, int] = {}
    out = []
    for eq in equations:
        if not all(r in grid.rows for r in _refs(eq)):
            continue
        seen[eq.name] = seen.get(eq.name, 0) + 1
        if seen[eq.name] > 1:      # names cite identities: keep them unique
            eq = replace(eq, name=f"{eq.name} #{seen[eq.name]}")
        out.append(eq)
    return structures, out


def _rename(statements: list[Statement], repairs: list[Issue],
            before: dict[str, Equation], after: list[Equation]) -> None:
    """Repairs cite identities by name; a subtotal named in a later round renames them."""
    now = {(eq.total, eq.terms): eq.name for eq in after}
    renamed = {old: now[(eq.total, eq.terms)] for old, eq in before.items()
               if now.get((eq.total, eq.terms), old) != old}
    if not renamed:
        return
    for st in statements:
        for row in st.rows:
            for j, cell in enumerate(row.cells):
                if cell is not None and cell.derived_from in renamed:
                    row.cells[j] = replace(cell, derived_from=renamed[cell.derived_from])
    for k, issue in enumerate(repairs):
        message = issue.message
        for old in sorted(renamed, key=len, reverse=True):
            message = message.replace(old, renamed[old])
        repairs[k] = replace(issue, message=message)


def _still_cited(statements: list[Statement], cited: dict[str, Equation],
                 final: list[Equation]) -> list[Equation]:
    """Identities a repair relied on that the final structure no longer infers (the repair
    changed the figures that suggested them): checked and reported all the same."""
    names = {eq.name for eq in final}
    wanted = {c.derived_from for st in statements for r in st.rows for c in r.cells
              if c is not None and c.derived_from and c.derived_from not in names}
    grid = _Grid.of(statements)
    out = []
    for name in sorted(wanted):
        if name in cited and all(r in grid.rows for r in _refs(cited[name])):
            out.append(cited[name])
    return out


def reconcile(extraction: Extraction) -> Extraction:
    """Check every identity, repair what they determine, report the rest (never raises on
    document problems). The input is not modified."""
    statements = _private_copy(extraction.statements)
    _ensure_ids(statements)
    repairs: list[Issue] = []
    cited: dict[str, Equation] = {}
    # Repairs can reveal structure hidden by unknown cells, and structure gives new
    # identities: two rounds reach every case we have seen, a third changes nothing.
    for _ in range(2):
        structures, equations = _equations(statements)
        cited.update({eq.name: eq for eq in equations})
        grid = _Grid.of(statements)
        _propagate(equations, grid, repairs)
        joint(equations, grid, repairs)
        _propagate(equations, grid, repairs)
        for _ in range(_MAX_CORRECTIONS):
            if not (_correct(equations, grid, repairs)
                    or _drop_spurious(equations, grid, repairs)):
                break
            _propagate(equations, grid, repairs)
    structures, equations = _equations(statements)
    _rename(statements, repairs, cited, equations)
    equations += _still_cited(statements, cited, equations)
    grid = _Grid.of(statements)
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
                if cell is not None and (cell.provenance == "unresolved" or (
                        cell.value is None and not cell.less_than_unit)):
                    header = heading(st.columns[j]) if j < len(st.columns) else str(j)
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

"""Reconcile stage, part 2: identities as equations over cell references, and row finders.

Statements + their inferred ``Structure`` → ``Equation`` values (total = Σ sign × term over
"kind:row:column" cells), one per subtotal and column (and per row for the equity cross-foot).
The ties *between* statements are built in ``ties`` with the finders here: rows are found by
the meaning of their label (regular expressions over common IFRS wordings) and, where labels
cannot say it, by the structure (the rows that add up to profit or loss are its attribution).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .currencies import printed_unit_pattern
from .model import Column, Row, Statement
from .structure import Structure, arithmetic_rows

Ref = tuple[str, str, int]          # (statement kind, row id, column index)


@dataclass(frozen=True)
class Equation:
    """``total`` = Σ sign × term. ``exact``: one figure printed twice, so rounding cannot
    explain a difference; otherwise a difference of one rounding unit is accepted."""

    name: str
    total: Ref
    terms: tuple[tuple[int, Ref], ...]
    exact: bool = False
    severity: Literal["error", "warning"] = "error"


def heading(column: Column) -> str:
    """A column as identity names show it: the component or header without the unit
    ("Share capital RMB'000" → "Share capital"), after its printed group ("Company 2025")
    so that a group's and a company's column of the same year are told apart."""
    text = column.component or column.header
    text = printed_unit_pattern().sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip() or column.header
    return f"{column.group} {text}" if column.group and not column.component else text


def ref_text(ref: Ref) -> str:
    return f"{ref[0]}:{ref[1]}:{ref[2]}"


# --------------------------------------------------------------------------- within statements
def _label(statement: Statement, row_id: str) -> str:
    row = next((r for r in statement.rows if r.id == row_id), None)
    return (row.label or "(unlabelled)") if row else row_id


def structure_equations(statement: Statement, structure: Structure) -> list[Equation]:
    """One equation per subtotal and column (and per row for the equity cross-foot)."""
    k = statement.kind
    out: list[Equation] = []
    rows = arithmetic_rows(statement)
    for rel in structure.relations:
        for j, col in enumerate(statement.columns):
            out.append(Equation(f"{k}: {_label(statement, rel.total)} [{heading(col)}]",
                                (k, rel.total, j), tuple((s, (k, c, j)) for s, c in rel.terms)))
    for a, b in structure.equalities:
        for j, col in enumerate(statement.columns):
            out.append(Equation(f"{k}: {_label(statement, b)} = {_label(statement, a)} "
                                f"[{heading(col)}]", (k, b, j), ((1, (k, a, j)),)))
    for rel in structure.column_relations:
        header = heading(statement.columns[int(rel.total)])
        for row in rows:
            out.append(Equation(f"{k}: cross-foot {header!r} [{row.label or row.id}]",
                                (k, row.id, int(rel.total)),
                                tuple((s, (k, row.id, int(c))) for s, c in rel.terms)))
    return out


# --------------------------------------------------------------------------- finding rows
def _norm(text: str) -> str:
    text = re.sub(r"[’']", "'", text.lower())
    text = re.sub(r"\b(rmb|hk\$|us\$|\$)\s*'?0{3}\b|\bnote\b", " ", text)
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9()/'\- ]", " ", text)).strip(" :-")


_PLW = r"\(?(profit|loss|earnings)\)?(/\(?(profit|loss)\)?)?"
_TCIW = r"total comprehensive \(?(income|loss|expense)\)?(/\(?(income|loss|expense)\)?)?"
_YEAR = r"(for|of) the (financial )?(year|period)( ended .*)?"
# "Profit and total comprehensive income for the year" (no other comprehensive income) is
# both the profit and the total comprehensive income.
_PL = re.compile(rf"^{_PLW}( and {_TCIW})? {_YEAR}$")
_TCI = re.compile(rf"^{_TCIW}( {_YEAR})?$|^{_PLW} and {_TCIW} {_YEAR}$")
_OWNERS = re.compile(r"\b(owners|equity holders|shareholders|members|holders of ordinary "
                     r"shares) of the (company|parent|bank)\b|^owners of the")
_NCI = re.compile(r"\bnon ?- ?controlling interests?\b|\bminority interests?\b")
_CASH_END = re.compile(r"^cash and cash equivalents,? (at|as at) (the )?end of (the )?"
                       r"(financial )?(year|period)")
_CASH_START = re.compile(r"^cash and cash equivalents,? (at|as at) (the )?(beginning|start) of"
                         r" (the )?(financial )?(year|period)")
_BS_CASH = re.compile(r"^(cash and cash equivalents|cash and bank (balances|deposits)|bank "
                      r"balances,? (deposits )?and cash( equivalents)?|cash (at|in) banks? and "
                      r"(on|in) hand|cash and (short-term )?deposits)$")
# Most specific first: "Net assets" is total equity's twin only in the Hong Kong layout.
_TOTAL_EQUITY = (re.compile(r"^total (\(?deficits?\)?/)?(equity|deficits?)(/\(deficits?\))?$"),
                 re.compile(r"^(\(?deficits?\)?/)?equity(/\(deficits?\))?$|^total equity"),
                 re.compile(r"^net (assets|liabilities)"))
_BALANCE = re.compile(r"^(balance )?(as )?at \d|^(balance )?(as )?at [a-z]+ \d|^balance at")


def _find(statement: Statement | None, pattern: re.Pattern[str],
          start: int = 0) -> Row | None:
    if statement is None:
        return None
    rows = arithmetic_rows(statement)
    return next((r for r in rows[start:] if pattern.search(_norm(r.label))), None)


def _attribution(statement: Statement, anchor: Row,
                 structure: Structure | None = None) -> tuple[Row | None, Row | None]:
    """The owners / non-controlling-interests rows that attribute ``anchor``: the rows that
    add up to it (directly, or to an unlabelled total equal to it) when the structure says
    so; otherwise the first such rows after it, before the next total of the same kind."""
    rows = arithmetic_rows(statement)
    by_id = {r.id: r for r in rows}
    if structure is not None:
        twins = {anchor.id} | {b for a, b in structure.equalities if a == anchor.id} | \
            {a for a, b in structure.equalities if b == anchor.id}
        for rel in structure.relations:
            if rel.total not in twins:
                continue
            kids = [by_id[c] for _, c in rel.terms if c in by_id]
            owners = next((r for r in kids if _OWNERS.search(_norm(r.label))), None)
            nci = next((r for r in kids if _NCI.search(_norm(r.label))), None)
            if owners is not None or nci is not None:
                return owners, nci
    owners = nci = None
    for row in rows[rows.index(anchor) + 1:]:
        text = _norm(row.label)
        if _PL.search(text) or _TCI.search(text):
            break
        if owners is None and _OWNERS.search(text):
            owners = row
        elif nci is None and _NCI.search(text):
            nci = row
    return owners, nci


# --------------------------------------------------------------------------- periods
def _duration_column(statement: Statement, period, index: int, scope: str = "") -> int | None:
    """The column of ``statement`` for a duration and scope (the group's figures, or the
    parent company's own: a company column never ties to a group column of the same
    year); by position when periods are unknown."""
    if period is not None:
        for j, col in enumerate(statement.columns):
            if col.period == period and col.scope == scope:
                return j
        return None
    if index < len(statement.columns) and statement.columns[index].scope == scope:
        return index
    return None


def _instant_column(statement: Statement | None, day: date | None,
                    scope: str = "") -> int | None:
    if statement is None or day is None:
        return None
    return next((j for j, c in enumerate(statement.columns)
                 if c.period is not None and c.period.end == day and c.scope == scope), None)


def _eq(name: str, a: Ref, b: Ref, severity: Literal["error", "warning"] = "error") -> Equation:
    return Equation(name, a, ((1, b),), exact=True, severity=severity)


def same_units(statements: dict[str, Statement], eq: Equation) -> bool:
    """Figures of statements printed in different units (HK$'000 vs HK$ million) are not
    compared: rescaling would need the rounding of the coarser one, which ties cannot know."""
    units = {(statements[r[0]].unit.currency, statements[r[0]].unit.scale)
             for r in [eq.total, *(t for _, t in eq.terms)] if r[0] in statements}
    return len(units) <= 1

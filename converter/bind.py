"""Bind stage: each statement row → the concept it is tagged with and its sign factor.

This is where taxonomy knowledge enters the pipeline (through ``mapping``); everything
before is taxonomy-free. Extension concepts proposed by the mapper get the company's prefix
here, once the extension taxonomy's identity is known.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .equity_members import column_members
from .mapping import Candidate, Taxonomy, map_statement
from .model import Concept, ExtensionConcept, Issue, Row, Statement
from .signs import xbrl_sign
from .tagging import Binding


def _first_printed(row: Row) -> Decimal | None:
    for cell in row.cells:
        if cell is not None and cell.value is not None and cell.value != 0:
            return cell.value
    return None


def _factor(row: Row, concept: Concept, statement: Statement) -> tuple[int, str]:
    """+1/-1 with its reason: the sign rule applied to the row's first non-zero figure."""
    printed = _first_printed(row)
    if printed is None:
        return 1, "all figures nil: sign immaterial"
    value, reason = xbrl_sign(printed, concept, statement.kind, row.label)
    return (1 if (value < 0) == (printed < 0) else -1), reason


def bind_statement(statement: Statement, taxonomy: Taxonomy, prefix: str
                   ) -> tuple[dict[str, Binding], list[ExtensionConcept], list[Issue]]:
    """Bindings by row id, the extension concepts used, and rows nothing fits."""
    bindings: dict[str, Binding] = {}
    extensions: list[ExtensionConcept] = []
    issues: list[Issue] = []
    rows = {r.id: r for r in statement.value_rows()}
    for row_id, choice in map_statement(statement, taxonomy).items():
        row = rows.get(row_id)
        if row is None:
            continue
        if isinstance(choice, Candidate):
            concept, also = choice.concept, choice.also
        else:
            concept = replace(choice.concept, prefix=prefix)
            extensions.append(replace(choice, concept=concept))
            also = ()
        factor, reason = _factor(row, concept, statement)
        bindings[row_id] = Binding(concept, factor, reason, tuple(also))
    return bindings, extensions, issues


def equity_members(statement: Statement) -> tuple[dict[int, str | None], list[Issue]]:
    """Changes in equity: the member of each component column, or an issue per unknown one."""
    members, unmatched = column_members(statement.columns)
    issues = [Issue("error", "tag.equity_component",
                    f"equity component '{statement.columns[i].component or statement.columns[i].header}'"
                    " matches no member of ComponentsOfEquityAxis",
                    line=statement.first_line, statement=statement.kind) for i in unmatched]
    return members, issues

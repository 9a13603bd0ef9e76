"""Tag stage: reconciled statements + concept bindings → contexts, units and facts.

Everything the renderer shows is decided here: the XBRL value (scale and sign applied), the
displayed text, ``scale``/``decimals``, the context (instant or duration, with dimensions) and
a content-derived fact id, so that the same input always gives the same output.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal

from .model import (
    Cell, Column, Concept, Context, Fact, FactUnit, Issue, Period, Row, Statement,
    StatementKind,
)
from .numbers import format_amount, parse_number

EQUITY_AXIS = "ifrs-full:ComponentsOfEquityAxis"
# IAS 8 restatements in changes in equity: "as previously reported" and the adjustment are
# members; the restated balance is the axis default (RestatedMember), so no dimension.
RETROSPECTIVE_AXIS = "ifrs-full:RetrospectiveApplicationAndRetrospectiveRestatementAxis"
# The parent company's own figures printed beside the group's ("Group | Company" columns);
# the group's take the axis default, ConsolidatedMember, and so no dimension.
SCOPE_AXIS = "ifrs-full:ConsolidatedAndSeparateFinancialStatementsAxis"
SEPARATE_MEMBER = "ifrs-full:SeparateMember"
STATEMENT_CODES: dict[StatementKind, str] = {
    "income": "is", "comprehensive_income": "ci", "financial_position": "bs",
    "changes_in_equity": "ce", "cash_flows": "cf",
}
_PER_SHARE_TYPES = frozenset({"num:perShareItemType", "ifrs-full:perShareItemType"})


@dataclass(frozen=True)
class Binding:
    """The concept chosen for a row, and how a printed figure becomes the XBRL value.

    ``factor`` is +1 or -1: XBRL value = factor × printed value. It is per row, not per
    cell, because it follows from the concept's balance and the statement's convention.
    """

    concept: Concept
    factor: int = 1
    reason: str = ""
    also: tuple[Concept, ...] = ()   # further concepts for the same figure ("basic and diluted")


@dataclass
class Tagging:
    facts: list[Fact]
    contexts: list[Context]
    units: list[FactUnit]
    issues: list[Issue]


def is_per_share(concept: Concept) -> bool:
    return concept.data_type in _PER_SHARE_TYPES or concept.data_type.endswith("perShareItemType")


def fact_period(concept: Concept, period: Period, row: Row) -> Period | None:
    """The period a figure in ``period``'s column takes for ``concept``.

    Instant concepts in a duration column (cash at beginning of year, equity "as at
    1 January") are instants at the end of the day before the start, or at the end.
    """
    if concept.period_type == "duration":
        return None if period.is_instant else period
    if period.is_instant:
        return period
    if row.balance_role == "opening":
        assert period.start is not None
        return Period(end=period.start - timedelta(days=1))
    return Period(end=period.end)


def context_id(period: Period, dimensions: tuple[tuple[str, str], ...] = ()) -> str:
    base = (f"I{period.end.isoformat()}" if period.is_instant
            else f"D{period.start.isoformat()}_{period.end.isoformat()}")  # type: ignore[union-attr]
    for _axis, member in dimensions:
        base += "_" + member.split(":", 1)[-1]
    return base


def unit_for(concept: Concept, currency: str) -> FactUnit:
    if is_per_share(concept):
        return FactUnit(id=f"{currency}_per_share", numerator=f"iso4217:{currency}",
                        denominator="xbrli:shares")
    return FactUnit(id=currency, numerator=f"iso4217:{currency}")


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()


def tag_cell(statement: Statement, row: Row, col_index: int, cell: Cell, binding: Binding,
             period: Period, dimensions: tuple[tuple[str, str], ...] = ()) -> Fact | Issue:
    """One printed figure → one fact, or an Issue saying why it cannot be tagged."""
    where = dict(line=cell.line or row.line, statement=statement.kind,
                 concept=binding.concept.qname)
    if (cell.value is None or cell.provenance == "unresolved") and not cell.less_than_unit:
        return Issue("error", "tag.unresolved",
                     f"'{row.label}': value unresolved, not tagged", **where)
    fperiod = fact_period(binding.concept, period, row)
    if fperiod is None:
        return Issue("error", "tag.period_type",
                     f"'{row.label}': duration concept {binding.concept.qname} in an instant "
                     "column", **where)
    per_share = is_per_share(binding.concept) or row.per_share
    if per_share:
        scale = row.unit.scale if row.unit is not None else per_share_scale(row.label)
    else:
        scale = statement.unit.scale
    # Accurate to the last printed digit: "1,234" in thousands → -3, "0.13" → 2, cents → 4.
    decimals = printed_decimals(cell) - scale
    # "*": a non-zero amount below the rounding unit. A zero would assert a value the
    # announcement does not give, so the fact is reported nil (XBRL 2.1 §4.6.6).
    undisclosed = cell.less_than_unit and cell.value is None
    printed = Decimal(0) if undisclosed else cell.value
    xbrl_value = binding.factor * printed * (Decimal(10) ** scale)  # type: ignore[operator]
    ctx = Context(id=context_id(fperiod, dimensions), period=fperiod, dimensions=dimensions)
    code = STATEMENT_CODES[statement.kind]
    fact_id = f"{code}-{row.id}-c{col_index}"
    return Fact(
        id=fact_id, concept=binding.concept, context=ctx,
        unit=unit_for(binding.concept, (row.unit or statement.unit).currency if per_share
                      else statement.unit.currency),
        value=xbrl_value + 0,  # normalise -0
        display="" if undisclosed else NIL_DISPLAY if shows_nil(cell) else format_amount(
            abs(printed), printed_decimals(cell)),  # type: ignore[arg-type]
        scale=scale, decimals=decimals, negative=xbrl_value < 0, nil=shows_nil(cell),
        undisclosed=undisclosed,
        statement=statement.kind, row_id=row.id, column=col_index, sign_reason=binding.reason,
    )


# Every dash the extraction produced ("-", "_", "—") is one printed nil: shown as an en dash.
NIL_DISPLAY = "–"
def shows_nil(cell: Cell) -> bool:
    """A printed dash, or a zero reconciliation derived for a lost or spurious figure: the
    announcement's own convention for nil, so it is shown (and tagged) as a dash."""
    return cell.nil or (cell.value == 0 and cell.provenance == "derived")


_CENTS = re.compile(r"\bcents?\b|\bfen\b", re.IGNORECASE)


def per_share_scale(label: str) -> int:
    """Per-share figures are in currency units, or in cents where the label says so
    ("Basic (HK cents)"): iXBRL ``scale="-2"`` turns 2.18 cents into 0.0218."""
    return -2 if _CENTS.search(label) else 0


def printed_decimals(cell: Cell) -> int:
    """Digits after the point as printed; for a repaired or derived figure, as its value has."""
    parsed = parse_number(cell.text)
    if parsed is not None and parsed.value is not None and parsed.value == cell.value:
        return parsed.decimals
    exponent = cell.value.as_tuple().exponent if cell.value is not None else 0
    return max(0, -int(exponent))


def _cell_period(column: Column, row: Row) -> Period | None:
    return column.period or row.period


def tag_statement(statement: Statement, bindings: dict[str, Binding],
                  members: dict[int, str | None] | None = None,
                  restated: dict[str, str | None] | None = None
                  ) -> tuple[list[Fact], list[Issue]]:
    """Tag every figure of a statement whose row has a binding.

    ``members`` maps a column index to an equity-component member qname (changes in
    equity); a column mapped to ``None`` is the undimensioned total. ``restated`` maps the
    rows of an IAS 8 restatement to their ``RETROSPECTIVE_AXIS`` member (None: the restated
    balance, the axis default); all of them are balances at the start of the period, the
    adjustment included (IFRS tags it on the balance's concept, at the same instant).
    """
    restated = restated or {}
    facts: list[Fact] = []
    issues: list[Issue] = []
    for row in statement.value_rows():
        binding = bindings.get(row.id)
        if binding is None:
            if any(c is not None and c.value is not None for c in row.cells):
                issues.append(Issue("error", "tag.unmapped",
                                    f"'{row.label or '(unlabelled subtotal)'}' has no concept",
                                    line=row.line, statement=statement.kind))
            continue
        for index, cell in enumerate(row.cells):
            if cell is None or index >= len(statement.columns):
                continue
            period = _cell_period(statement.columns[index], row)
            if period is None:
                issues.append(Issue("error", "tag.no_period", f"'{row.label}': no period",
                                    line=row.line, statement=statement.kind))
                continue
            dims: tuple[tuple[str, str], ...] = ()
            if members is not None and index not in members:
                continue  # a component no member fits: reported by the bind stage, not guessed
            if members is not None:
                member = members.get(index)
                dims = ((EQUITY_AXIS, member),) if member else ()
            if statement.columns[index].scope == "separate":
                dims = tuple(sorted(dims + ((SCOPE_AXIS, SEPARATE_MEMBER),)))
            placed = row
            if row.id in restated:
                placed = replace(row, balance_role="opening")
                if restated[row.id]:
                    dims = tuple(sorted(dims + ((RETROSPECTIVE_AXIS, restated[row.id]),)))
            for k, concept in enumerate((binding.concept,) + binding.also):
                one = Binding(concept, binding.factor, binding.reason)
                result = tag_cell(statement, placed, index, cell, one, period, dims)
                if isinstance(result, Fact):
                    facts.append(replace(result, id=result.id + (f"-{k}" if k else "")))
                elif k == 0:
                    issues.append(result)
    return facts, issues


def collect(facts: list[Fact]) -> tuple[list[Context], list[FactUnit]]:
    """The distinct contexts and units the facts use, in a stable order."""
    contexts = {f.context.id: f.context for f in facts}
    units = {f.unit.id: f.unit for f in facts}
    return ([contexts[k] for k in sorted(contexts)], [units[k] for k in sorted(units)])


def duplicate_conflicts(facts: list[Fact]) -> list[Issue]:
    """Facts with the same concept, context and unit must agree (Inline XBRL duplicates)."""
    seen: dict[tuple[str, str, str], Fact] = {}
    issues: list[Issue] = []
    for fact in facts:
        key = (fact.concept.qname, fact.context.id, fact.unit.id)
        if fact.undisclosed:
            continue
        first = seen.setdefault(key, fact)
        if first is not fact and first.value != fact.value:
            issues.append(Issue(
                "error", "tag.inconsistent_duplicate",
                f"{fact.concept.qname} in {fact.context.id}: {first.value} ({first.id}) vs "
                f"{fact.value} ({fact.id})", concept=fact.concept.qname, context=fact.context.id,
                element_id=fact.id, statement=fact.statement))
    return issues

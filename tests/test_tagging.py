"""Tag stage: periods, signs, scale/decimals, nil and per-share figures, duplicates."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.model import Cell, Column, Concept, Period, Row, Statement, Unit
from converter.tagging import (
    Binding, collect, context_id, duplicate_conflicts, fact_period, tag_statement,
)

FY = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))
PROFIT = Concept("ProfitLoss", balance="credit")
COST = Concept("CostOfSales", balance="debit")
CASH = Concept("CashAndCashEquivalents", period_type="instant", balance="debit")
EPS = Concept("BasicEarningsLossPerShare", data_type="dtr-2022:perShareItemType", balance=None)
DILUTED = Concept("DilutedEarningsLossPerShare", data_type="dtr-2022:perShareItemType", balance=None)


def _statement(rows: list[Row], kind: str = "income", scale: int = 3) -> Statement:
    return Statement(kind=kind, title="t", columns=[Column("2025", FY)], rows=rows,  # type: ignore[arg-type]
                     unit=Unit("HKD", scale))


def _cell(text: str, value: str | None, nil: bool = False) -> Cell:
    return Cell(value=None if value is None else Decimal(value), text=text, line=7, nil=nil)


def test_opening_balance_in_duration_column_is_instant_before_start() -> None:
    row = Row("Cash at beginning of the year", [], line=1, balance_role="opening")
    assert fact_period(CASH, FY, row) == Period(end=date(2024, 12, 31))
    closing = Row("Cash at end of the year", [], line=2, balance_role="closing")
    assert fact_period(CASH, FY, closing) == Period(end=date(2025, 12, 31))


def test_duration_concept_in_instant_column_is_refused() -> None:
    row = Row("Revenue", [_cell("10", "10")], line=1, id="r1")
    statement = Statement("financial_position", "t", [Column("2025", Period(end=date(2025, 12, 31)))],
                          [row])
    facts, issues = tag_statement(statement, {"r1": Binding(PROFIT)})
    assert not facts and issues[0].code == "tag.period_type"


def test_sign_scale_and_display() -> None:
    rows = [Row("Cost of sales", [_cell("(812,760)", "-812760")], line=3, id="r1"),
            Row("Loss for the year", [_cell("(6,092)", "-6092")], line=4, id="r2")]
    facts, issues = tag_statement(_statement(rows), {
        "r1": Binding(COST, factor=-1), "r2": Binding(PROFIT, factor=1)})
    assert not issues
    cost, loss = facts
    assert cost.value == Decimal(812760000) and not cost.negative and cost.display == "812,760"
    assert loss.value == Decimal(-6092000) and loss.negative and loss.display == "6,092"
    assert cost.scale == 3 and cost.decimals == -3
    assert cost.context.id == "D2025-01-01_2025-12-31" and cost.unit.numerator == "iso4217:HKD"


def test_dash_is_a_nil_zero_fact() -> None:
    rows = [Row("Other income", [_cell("–", "0", nil=True)], line=3, id="r1")]
    (fact,), _ = tag_statement(_statement(rows), {"r1": Binding(PROFIT)})
    assert fact.nil and fact.value == 0 and fact.display == "–" and not fact.negative  # any dash shows as –


def test_per_share_figures_keep_their_decimals_and_tag_both_concepts() -> None:
    rows = [Row("Basic and diluted (HK$)", [_cell("(0.13)", "-0.13")], line=3, id="r1",
                per_share=True)]
    facts, _ = tag_statement(_statement(rows), {"r1": Binding(EPS, also=(DILUTED,))})
    assert [f.concept.name for f in facts] == ["BasicEarningsLossPerShare", "DilutedEarningsLossPerShare"]
    assert all(f.value == Decimal("-0.13") and f.scale == 0 and f.decimals == 2 for f in facts)
    assert facts[0].unit.id == "HKD_per_share" and facts[0].unit.denominator == "xbrli:shares"
    assert len({f.id for f in facts}) == 2


def test_star_is_a_nil_fact_and_unresolved_is_reported() -> None:
    rows = [Row("Tiny", [Cell(None, "(*)", less_than_unit=True)], line=3, id="r1"),
            Row("Lost", [Cell(None, "", provenance="unresolved")], line=4, id="r2")]
    facts, issues = tag_statement(_statement(rows), {"r1": Binding(PROFIT), "r2": Binding(COST)})
    assert len(facts) == 1 and facts[0].undisclosed and facts[0].display == ""
    assert [i.code for i in issues] == ["tag.unresolved"]
    assert duplicate_conflicts(facts + facts) == []


def test_unmapped_row_with_figures_is_an_error() -> None:
    rows = [Row("Mystery", [_cell("5", "5")], line=9, id="r1")]
    _, issues = tag_statement(_statement(rows), {})
    assert issues[0].code == "tag.unmapped" and issues[0].line == 9


def test_equity_members_become_dimensions() -> None:
    statement = Statement("changes_in_equity", "t",
                          [Column("Share capital", component="Share capital"),
                           Column("Total equity", component="Total equity")],
                          [Row("Profit", [_cell("-", "0", nil=True), _cell("5", "5")], line=2,
                               id="r1", period=FY)])
    facts, _ = tag_statement(statement, {"r1": Binding(PROFIT)},
                             {0: "ifrs-full:IssuedCapitalMember", 1: None})
    assert facts[0].context.dimensions == (("ifrs-full:ComponentsOfEquityAxis",
                                            "ifrs-full:IssuedCapitalMember"),)
    assert facts[0].context.id.endswith("_IssuedCapitalMember")
    assert facts[1].context.dimensions == ()
    contexts, units = collect(facts)
    assert len(contexts) == 2 and len(units) == 1


def test_inconsistent_duplicates_are_found() -> None:
    rows = [Row("Loss", [_cell("(5)", "-5")], line=1, id="r1"),
            Row("Loss again", [_cell("(6)", "-6")], line=2, id="r2")]
    facts, _ = tag_statement(_statement(rows), {"r1": Binding(PROFIT), "r2": Binding(PROFIT)})
    assert [i.code for i in duplicate_conflicts(facts)] == ["tag.inconsistent_duplicate"]
    assert context_id(Period(end=date(2025, 6, 30))) == "I2025-06-30"


def test_per_share_in_cents_is_scaled() -> None:
    rows = [Row("Basic (US cents)", [_cell("2.18", "2.18")], line=3, id="r1", per_share=True)]
    (fact,), _ = tag_statement(_statement(rows), {"r1": Binding(EPS)})
    assert fact.scale == -2 and fact.value == Decimal("0.0218") and fact.decimals == 4
    assert fact.display == "2.18"


def test_derived_zero_shows_as_a_dash() -> None:
    """A figure reconciliation set to nil (lost dash, spurious copy) reads as the dash it is."""
    rows = [Row("Proceeds", [Cell(Decimal(0), "y ,202,333", provenance="derived")], line=3, id="r1")]
    (fact,), _ = tag_statement(_statement(rows), {"r1": Binding(PROFIT)})
    assert fact.nil and fact.display == "–" and fact.value == 0

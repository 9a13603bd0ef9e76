"""Bind stage: cross-statement conflicts go to the statement that yields."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.bind import conflicting_rows
from converter.model import Concept, Context, Fact, FactUnit, Period

FY = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))
OCI_FX = Concept("OtherComprehensiveIncomeNetOfTaxExchangeDifferencesOnTranslation", balance="credit")


def _fact(statement: str, row: str, value: int) -> Fact:
    return Fact(id=f"{statement}-{row}", concept=OCI_FX, context=Context("D", FY),
                unit=FactUnit("HKD", "iso4217:HKD"), value=Decimal(value), display="",
                scale=3, decimals=-3, negative=value < 0, statement=statement,  # type: ignore[arg-type]
                row_id=row)


def test_later_statement_yields_the_concept() -> None:
    facts = [_fact("changes_in_equity", "r5", 172776), _fact("comprehensive_income", "r4", -533931)]
    assert conflicting_rows(facts) == {("changes_in_equity", "r5")}


def test_agreeing_duplicates_and_same_statement_are_not_conflicts() -> None:
    assert conflicting_rows([_fact("income", "r1", 5), _fact("comprehensive_income", "r1", 5)]) == set()
    assert conflicting_rows([_fact("income", "r1", 5), _fact("income", "r2", 6)]) == set()

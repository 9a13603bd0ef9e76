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


def test_unlabelled_line_gets_an_anchored_extension_and_a_warning() -> None:
    from converter.bind import bind_unlabelled
    from converter.model import Cell, Column, Row, Statement
    from converter.tagging import Binding

    oci = Concept("OtherComprehensiveIncome", balance="credit")
    rows = [Row("", [Cell(Decimal(-5), "(5)")], line=10, id="r2"),
            Row("Other comprehensive income", [Cell(Decimal(-5), "(5)")], line=11, id="r3",
                kind="subtotal")]
    statement = Statement("comprehensive_income", "t", [Column("2025", FY)], rows)
    bindings = {"r3": Binding(oci)}
    extensions, issues = bind_unlabelled(statement, bindings, {"r3": [(1, "r2")]}, "acme")
    (extension,) = extensions
    assert extension.anchor == "ifrs-full:OtherComprehensiveIncome"
    assert extension.concept.balance == "credit" and extension.concept.period_type == "duration"
    assert bindings["r2"].concept.qname == "acme:UnlabelledComprehensiveIncomeLineR2"
    assert [i.code for i in issues] == ["tag.unlabelled"] and issues[0].line == 10

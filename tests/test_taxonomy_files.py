"""The extension taxonomy's schema and linkbases, checked as XML on small inputs."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from lxml import etree

from converter.assemble import scope_summations, summation_issues
from converter.extension import ExtensionConcept, Role, entity_slug, plan_taxonomy, schema
from converter.linkbases import (
    PERIOD_END, PERIOD_START, Network, PresentationItem, Summation, calculation_linkbase,
    definition_linkbase, presentation_linkbase, split_calculation_roles,
)
from converter.model import Concept, Context, Fact, FactUnit, Period

PLAN = plan_taxonomy("Acme Widgets Holdings Limited", date(2025, 12, 31))
XL = "{http://www.w3.org/1999/xlink}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
PROFIT = Concept("ProfitLoss", balance="credit")
PBT = Concept("ProfitLossBeforeTax", balance="credit")
TAX = Concept("IncomeTaxExpenseContinuingOperations", balance="debit")
OWNERS = Concept("ProfitLossAttributableToOwnersOfParent", balance="credit")
NCI = Concept("ProfitLossAttributableToNoncontrollingInterests", balance="credit")
EQUITY = Concept("Equity", period_type="instant", balance="credit")


def test_plan_names() -> None:
    assert PLAN.prefix == "acme" and PLAN.stem == "acme-2025-12-31"
    assert PLAN.namespace == "https://xbrl.acme.example/2025-12-31"
    assert entity_slug("ifrs Holdings") == "ifrsx"  # never a reserved prefix


def test_schema_declares_extensions_and_imports_dtr_types_when_needed() -> None:
    eps = ExtensionConcept(Concept("AdjustedLossPerShare", prefix="acme", balance=None,
                                   data_type="dtr-2022:perShareItemType", label="Adjusted loss per share"),
                           "ifrs-full:BasicEarningsLossPerShare", "no IFRS concept")
    root = etree.fromstring(schema(PLAN, [eps], [Role("IncomeStatement", "[100] Income")]))
    imports = {i.get("namespace") for i in root.iter("{http://www.w3.org/2001/XMLSchema}import")}
    assert "http://www.xbrl.org/dtr/type/2022-03-31" in imports
    element = root.find("{http://www.w3.org/2001/XMLSchema}element")
    assert element.get("type") == "dtr-2022:perShareItemType" and element.get("id") == "acme_AdjustedLossPerShare"
    assert root.find(f".//{LINK}roleType").get("roleURI").endswith("/role/IncomeStatement")


def test_repeated_concept_with_other_label_gets_its_own_locator() -> None:
    network = Network(Role("ChangesInEquity", "x"), "changes_in_equity",
                      Concept("StatementOfChangesInEquityAbstract", abstract=True),
                      [PresentationItem(EQUITY, PERIOD_START), PresentationItem(PROFIT),
                       PresentationItem(EQUITY, PERIOD_END), PresentationItem(EQUITY, PERIOD_END)])
    root = etree.fromstring(presentation_linkbase(PLAN, [network]))
    arcs = list(root.iter(f"{LINK}presentationArc"))
    assert len(arcs) == 3  # the second closing balance is the same relationship
    pairs = [(a.get(f"{XL}from"), a.get(f"{XL}to")) for a in arcs]
    assert len(set(pairs)) == 3


def test_two_decompositions_of_one_total_go_to_two_roles() -> None:
    network = Network(Role("IncomeStatement", "x"), "income", Concept("IncomeStatementAbstract"), [],
                      [Summation(PROFIT, ((1, PBT), (-1, TAX))), Summation(PROFIT, ((1, OWNERS), (1, NCI)))])
    roles = split_calculation_roles([network])
    assert [r.id for r, _ in roles] == ["IncomeStatement", "IncomeStatement2"]
    root = etree.fromstring(calculation_linkbase(PLAN, roles))
    assert len(list(root.iter(f"{LINK}calculationLink"))) == 2
    weights = sorted(a.get("weight") for a in root.iter(f"{LINK}calculationArc"))
    assert weights == ["-1.0", "1.0", "1.0", "1.0"]


def test_equity_hypercube_is_closed_on_the_segment() -> None:
    member = Concept("IssuedCapitalMember", abstract=True)
    network = Network(Role("ChangesInEquity", "x"), "changes_in_equity",
                      Concept("StatementOfChangesInEquityAbstract"), [PresentationItem(PROFIT)],
                      table=Concept("StatementOfChangesInEquityTable"),
                      axis=Concept("ComponentsOfEquityAxis"), domain=Concept("ComponentsOfEquityDomain"),
                      line_items=Concept("StatementOfChangesInEquityLineItems"), members=[member])
    root = etree.fromstring(definition_linkbase(PLAN, [network], []))
    all_arc = next(a for a in root.iter(f"{LINK}definitionArc")
                   if a.get(f"{XL}arcrole").endswith("/all"))
    assert all_arc.get("{http://xbrl.org/2005/xbrldt}closed") == "true"
    assert all_arc.get("{http://xbrl.org/2005/xbrldt}contextElement") == "segment"
    arcroles = {r.get("arcroleURI") for r in root.iter(f"{LINK}arcroleRef")}
    assert "http://xbrl.org/int/dim/arcrole/domain-member" in arcroles


def _fact(concept: Concept, value: int, statement: str, context: str = "D") -> Fact:
    return Fact(id=f"{concept.name}-{statement}-{context}", concept=concept,
                context=Context(context, Period(start=date(2025, 1, 1), end=date(2025, 12, 31))),
                unit=FactUnit("HKD", "iso4217:HKD"), value=Decimal(value) * 1000, display="",
                scale=3, decimals=-3, negative=value < 0, statement=statement)  # type: ignore[arg-type]


def test_rounding_is_tolerated_and_real_differences_are_not() -> None:
    total = Summation(PBT, ((1, OWNERS), (1, NCI)))
    ok = [_fact(PBT, 101, "income"), _fact(OWNERS, 50, "income"), _fact(NCI, 50, "income")]
    assert summation_issues(total, ok, Role("R", "r")) == []   # 101 vs 100: within ±1.5
    bad = [_fact(PBT, 103, "income"), _fact(OWNERS, 50, "income"), _fact(NCI, 50, "income")]
    assert [i.code for i in summation_issues(total, bad, Role("R", "r"))] == ["calc.inconsistent"]


def test_sum_contradicted_by_another_statement_is_left_out() -> None:
    network = Network(Role("IncomeStatement", "x"), "income", Concept("IncomeStatementAbstract"), [],
                      [Summation(PROFIT, ((1, PBT), (-1, TAX)))])
    facts = [_fact(PROFIT, 90, "income"), _fact(PBT, 100, "income"), _fact(TAX, 10, "income"),
             _fact(PROFIT, 7, "changes_in_equity", "E"), _fact(PBT, 1, "changes_in_equity", "E")]
    issues = scope_summations([network], facts)
    assert [i.code for i in issues] == ["calc.not_expressible"] and network.summations == []


def test_weights_must_agree_with_balances() -> None:
    from converter.assemble import balance_consistent

    assert balance_consistent(PROFIT, [(1, PBT), (-1, TAX)])
    assert not balance_consistent(OWNERS, [(1, PROFIT), (-1, NCI)])  # owners = total − NCI

"""IAS 8 restatements in changes in equity: the rows found by shape and wording, tagged on
``RetrospectiveApplicationAndRetrospectiveRestatementAxis`` (other wordings than the unseen
documents that revealed the gap; their end-to-end check is in test_unseen_issuers)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from lxml import etree

from converter.assemble import BoundStatement, network_for
from converter.equity import parse_equity
from converter.equity_restatement import (
    ADJUSTMENT, ERROR, POLICY, PREVIOUSLY_STATED, adjustment_member, bind_restatements,
    member_tree, restatements, says,
)
from converter.extension import plan_taxonomy
from converter.linkbases import definition_linkbase, presentation_linkbase
from converter.model import Concept, Period
from converter.reader import document_from_text
from converter.tagging import RETROSPECTIVE_AXIS, Binding, tag_statement

EQUITY = Concept("Equity", period_type="instant", balance="credit")
PROFIT = Concept("ProfitLoss", balance="credit")
HEADER = "\tShare capital HK$'000\tAccumulated losses HK$'000\tTotal equity HK$'000\n"


def _parse(body: str):
    doc = document_from_text("Consolidated statement of changes in equity\n" + HEADER + body)
    stmt, issues = parse_equity(doc, 1, len(doc.lines), "Consolidated statement of changes in equity")
    assert stmt is not None, issues
    return stmt


@pytest.mark.parametrize("label,kind", [
    ("Balance at 1 July 2023 – as originally stated", "previously"),
    ("As at 1 April 2024, as previously published", "previously"),
    ("Balance at 1 January 2024 (before restatement)", "previously"),
    ("Balance at 1 July 2023 – restated", "restated"),
    ("As at 1 April 2024 (as adjusted)", "restated"),
    ("Restated balance at 1 January 2024", "restated"),
    ("Prior year adjustment (note 38)", "adjustment"),
    ("Impact of adopting HKFRS 17", "adjustment"),
])
def test_wording_kinds(label: str, kind: str) -> None:
    assert says(label, kind)
    if kind in ("previously", "restated"):   # never both: "before restatement" is not the result
        assert not says(label, "restated" if kind == "previously" else "previously")


def test_restatement_row_is_not_the_restated_balance() -> None:
    assert not says("Restatement (note 2)", "restated")
    assert not says("Balance before restatement", "restated")
    assert says("Restatement (note 2)", "adjustment")


@pytest.mark.parametrize("label,member", [
    ("Correction of a material misstatement", ERROR),
    ("Rectification of prior period errors (note 4)", ERROR),
    ("Effect of adoption of IFRS 17 Insurance Contracts", POLICY),
    ("Adjustment on initial application of SFRS(I) 16", POLICY),
    ("Voluntary change in accounting policies", POLICY),
    ("Prior year adjustments", ADJUSTMENT),
    ("Restatement (note 2)", ADJUSTMENT),
    ("Change in accounting policy and correction of errors", ADJUSTMENT),
    ("Reclassification", ADJUSTMENT),   # between the two balances, the wording names neither
])
def test_adjustment_member_by_wording(label: str, member: str) -> None:
    assert adjustment_member(label) == member


RESTATED = (
    "Balance at 1 July 2023, as originally stated\t1,000\t(240)\t760\n"
    "Prior year adjustment (note 38)\t–\t(35)\t(35)\n"
    "Effect of adopting HKFRS 17\t–\t12\t12\n"
    "Balance at 1 July 2023, restated\t1,000\t(263)\t737\n"
    "Loss for the year\t–\t(80)\t(80)\n"
    "Balance at 30 June 2024\t1,000\t(343)\t657\n"
    "\n"
    "Balance at 1 July 2024\t1,000\t(343)\t657\n"
    "Profit for the year\t–\t43\t43\n"
    "Balance at 30 June 2025\t1,000\t(300)\t700\n"
)


def test_run_found_in_other_wording() -> None:
    stmt = _parse(RESTATED)
    (run,) = restatements(stmt)
    assert run.previous.label.endswith("originally stated")
    assert [(r.label, m) for r, m in run.adjustments] == [
        ("Prior year adjustment (note 38)", ADJUSTMENT),
        ("Effect of adopting HKFRS 17", POLICY)]
    assert run.restated.label.endswith("restated")


def test_no_run_without_restatement_wording_or_a_second_opening() -> None:
    plain = RESTATED.replace(", as originally stated", "").replace("Prior year adjustment (note 38)",
                                                                    "Share of reserves").replace(
        "Effect of adopting HKFRS 17", "Transfer").replace(", restated", "")
    assert restatements(_parse(plain)) == []
    # movements straight after the opening, no second balance: an ordinary year
    ordinary = ("At 1 July 2024\t1,000\t(343)\t657\n"
                "Prior year adjustment\t–\t(10)\t(10)\n"
                "Profit for the year\t–\t53\t53\n"
                "At 30 June 2025\t1,000\t(300)\t700\n")
    assert restatements(_parse(ordinary)) == []


def _bound(stmt):
    bindings = {r.id: Binding(EQUITY) for r in stmt.value_rows() if r.balance_role != "flow"}
    bindings.update({r.id: Binding(Concept(r.label.replace(" ", ""), prefix="acme",
                                           balance="credit"))
                     for r in stmt.value_rows() if r.balance_role == "flow"})
    return bind_restatements(stmt, bindings, EQUITY)


def test_bound_on_equity_at_the_opening_instant_with_the_members() -> None:
    stmt = _parse(RESTATED)
    bindings, members, issues = _bound(stmt)
    by_label = {r.label: r.id for r in stmt.value_rows()}
    prev, adj, policy, restated = (by_label[k] for k in (
        "Balance at 1 July 2023, as originally stated", "Prior year adjustment (note 38)",
        "Effect of adopting HKFRS 17", "Balance at 1 July 2023, restated"))
    assert {k: bindings[k].concept for k in (prev, adj, policy, restated)} == dict.fromkeys(
        (prev, adj, policy, restated), EQUITY)
    assert members == {prev: f"ifrs-full:{PREVIOUSLY_STATED}", adj: f"ifrs-full:{ADJUSTMENT}",
                       policy: f"ifrs-full:{POLICY}", restated: None}
    assert [i.code for i in issues] == ["tag.restatement"]
    # the loss row keeps its own binding
    assert bindings[by_label["Loss for the year"]].concept.prefix == "acme"
    facts, problems = tag_statement(stmt, bindings, {0: "ifrs-full:IssuedCapitalMember",
                                                     1: "ifrs-full:RetainedEarningsMember",
                                                     2: None}, members)
    assert not problems
    opening = Period(end=date(2023, 6, 30))
    total = {f.row_id: f for f in facts if f.column == 2}
    assert total[adj].context.period == opening and total[adj].value == Decimal(-35000)
    assert total[adj].context.dimensions == ((RETROSPECTIVE_AXIS, f"ifrs-full:{ADJUSTMENT}"),)
    assert total[prev].context.dimensions == ((RETROSPECTIVE_AXIS, f"ifrs-full:{PREVIOUSLY_STATED}"),)
    assert total[restated].context.dimensions == () and total[restated].context.period == opening
    # the identity holds between the tagged values, as in print
    assert total[prev].value + total[adj].value + total[policy].value == total[restated].value
    # a component column carries both axes
    component = next(f for f in facts if f.row_id == policy and f.column == 1)
    assert dict(component.context.dimensions) == {
        "ifrs-full:ComponentsOfEquityAxis": "ifrs-full:RetainedEarningsMember",
        RETROSPECTIVE_AXIS: f"ifrs-full:{POLICY}"}


def test_balance_concept_taken_from_the_other_balances_when_the_restated_row_has_none() -> None:
    stmt = _parse(RESTATED)
    bindings = {r.id: Binding(EQUITY) for r in stmt.value_rows() if r.balance_role == "closing"}
    other = Concept("OtherEquity", period_type="instant", balance="credit")
    new, members, _ = bind_restatements(stmt, bindings, other)
    assert {new[k].concept for k in members} == {EQUITY}


def test_member_tree_keeps_the_ifrs_nesting() -> None:
    assert member_tree({POLICY}) == [("RestatedMember", ADJUSTMENT), (ADJUSTMENT, POLICY)]
    assert member_tree({PREVIOUSLY_STATED, ERROR, ADJUSTMENT}) == [
        ("RestatedMember", PREVIOUSLY_STATED), ("RestatedMember", ADJUSTMENT), (ADJUSTMENT, ERROR)]


def test_hypercube_carries_the_restatement_axis_only_when_used() -> None:
    stmt = _parse(RESTATED)
    bindings, members, _ = _bound(stmt)
    columns = {0: "ifrs-full:IssuedCapitalMember", 1: "ifrs-full:RetainedEarningsMember", 2: None}
    plan = plan_taxonomy("Acme Widgets Holdings Limited", date(2025, 6, 30))
    roles = lambda c: frozenset({"label"})  # noqa: E731
    network = network_for(BoundStatement(stmt, bindings, columns, {}, members), roles)
    root = etree.fromstring(definition_linkbase(plan, [network], []))
    arcs = {(a.get("{http://www.w3.org/1999/xlink}arcrole").rsplit("/", 1)[-1],
             a.get("{http://www.w3.org/1999/xlink}from"), a.get("{http://www.w3.org/1999/xlink}to"))
            for a in root.iter("{http://www.xbrl.org/2003/linkbase}definitionArc")}
    assert ("hypercube-dimension", "ifrs_full_StatementOfChangesInEquityTable",
            "ifrs_full_RetrospectiveApplicationAndRetrospectiveRestatementAxis") in arcs
    assert ("dimension-domain", "ifrs_full_RetrospectiveApplicationAndRetrospectiveRestatementAxis",
            "ifrs_full_RestatedMember") in arcs
    assert ("domain-member", f"ifrs_full_{ADJUSTMENT}", f"ifrs_full_{POLICY}") in arcs
    assert b"RetrospectiveApplication" in presentation_linkbase(plan, [network])
    plain = network_for(BoundStatement(stmt, bindings, columns, {}, None), roles)
    assert b"RetrospectiveApplication" not in definition_linkbase(plan, [plain], [])

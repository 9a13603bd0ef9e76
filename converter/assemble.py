"""Assemble stage: bound statements → the networks of the extension taxonomy's linkbases.

Presentation follows the source's row order; calculations come from the subtotal structure
that reconciliation inferred (so they describe *this* company's statements, not the IFRS
model ones), turned into concept weights with the rows' sign factors; the statement of
changes in equity gets its closed hypercube on ``ComponentsOfEquityAxis``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from .extension import Role
from .linkbases import (
    NEGATED_LABEL, PERIOD_END, PERIOD_START, TOTAL_LABEL, DimensionTree, Network,
    PresentationItem, Summation,
)
from .model import Concept, Fact, Issue, Statement, StatementKind
from .tagging import Binding

STATEMENT_ROLES: dict[StatementKind, tuple[str, str, str]] = {
    # kind: (role id, definition, IFRS abstract at the root of the presentation tree)
    "income": ("IncomeStatement", "[100] Statement of profit or loss",
               "IncomeStatementAbstract"),
    "comprehensive_income": ("ComprehensiveIncome", "[200] Statement of comprehensive income",
                             "StatementOfComprehensiveIncomeAbstract"),
    "financial_position": ("FinancialPosition", "[300] Statement of financial position",
                           "StatementOfFinancialPositionAbstract"),
    "changes_in_equity": ("ChangesInEquity", "[400] Statement of changes in equity",
                          "StatementOfChangesInEquityAbstract"),
    "cash_flows": ("CashFlows", "[500] Statement of cash flows", "StatementOfCashFlowsAbstract"),
}

LabelRoles = Callable[[Concept], frozenset[str]]


def _abstract(name: str) -> Concept:
    return Concept(name=name, abstract=True, data_type="xbrli:stringItemType", balance=None)


def _dimensional(name: str) -> Concept:
    return Concept(name=name, abstract=True, data_type="dtr-2022:domainItemType")


@dataclass(frozen=True)
class BoundStatement:
    statement: Statement
    bindings: dict[str, Binding]                  # row id → binding
    members: dict[int, str | None] | None = None  # changes in equity: column → member qname
    tree: dict[str, list[tuple[int, str]]] | None = None   # total row → [(sign, child row)]
    # changes in equity, IAS 8: row → member of the restatement axis (None: the default)
    restated: dict[str, str | None] | None = None


def _preferred_label(row_kind: str, balance_role: str, factor: int, roles: frozenset[str]) -> str | None:
    if balance_role == "opening" and "periodStartLabel" in roles:
        return PERIOD_START
    if balance_role == "closing" and "periodEndLabel" in roles:
        return PERIOD_END
    if row_kind in ("subtotal", "total") and "totalLabel" in roles:
        return TOTAL_LABEL
    if factor < 0 and "negatedLabel" in roles:
        return NEGATED_LABEL
    return None


def balance_consistent(total: Concept, items: list[tuple[int, Concept]]) -> bool:
    """Weights agree with balances: +1 between equal balances, -1 between opposite ones."""
    for weight, item in items:
        if total.balance and item.balance and (weight > 0) != (total.balance == item.balance):
            return False
    return True


def _summations(bound: BoundStatement) -> list[Summation]:
    """Concept-level sums from the row-level subtotal tree.

    Row blocks of different periods (the two years of a statement of changes in equity) print
    the same sum with different items; their union is one summation, because an item absent
    from a period simply has no fact there. Sums within one block stay separate (the loss as
    "before tax − tax" and as "owners + NCI" are two different decompositions).
    """
    rows = {r.id: r for r in bound.statement.rows}
    merged: dict[tuple[Concept, object], dict[Concept, int]] = {}
    periods: dict[Concept, set[object]] = {}
    for total_id, children in (bound.tree or {}).items():
        total = bound.bindings.get(total_id)
        items = [(sign, bound.bindings.get(child)) for sign, child in children]
        if total is None or not items or any(b is None for _, b in items):
            continue  # a sum with an unbound row cannot be expressed
        weighted = [(sign * total.factor * b.factor, b.concept)  # type: ignore[union-attr]
                    for sign, b in items]
        concepts = [c for _, c in weighted]
        if total.concept in concepts or len(set(concepts)) != len(concepts):
            continue  # the same concept on both sides, or twice: not a summation
        if not balance_consistent(total.concept, weighted):
            continue  # XBRL 2.1 §5.1.1.2 forbids it; a rearranged identity, not how it is printed
        period = rows[total_id].period if total_id in rows else None
        seen = periods.setdefault(total.concept, set())
        key = (total.concept, total_id)
        if period is not None and seen and period not in seen:
            key = next(k for k in merged if k[0] == total.concept)
            current = merged[key]
            if any(current.get(c, w) != w for w, c in weighted):
                key = (total.concept, total_id)  # weights disagree: keep them apart
        seen.add(period)
        target = merged.setdefault(key, {})
        for weight, concept in weighted:
            target.setdefault(concept, weight)
    return [Summation(total, tuple((w, c) for c, w in items.items()))
            for (total, _), items in merged.items()]


def network_for(bound: BoundStatement, label_roles: LabelRoles, prefix: str = "") -> Network:
    """``prefix``: the company's, for the hypercube a statement with the parent company's own
    columns needs (IFRS has no table for the primary statements)."""
    statement = bound.statement
    role_id, definition, root = STATEMENT_ROLES[statement.kind]
    items = []
    for row in statement.value_rows():
        binding = bound.bindings.get(row.id)
        if binding is None:
            continue
        # a figure tagged with several concepts ("basic and diluted", the owners' line that is
        # also the profit) presents each of them, and each is a line item of the hypercube
        for concept in (binding.concept, *binding.also):
            preferred = _preferred_label(row.kind, row.balance_role, binding.factor,
                                         label_roles(concept))
            items.append(PresentationItem(concept, preferred))
    network = Network(role=Role(role_id, definition), kind=statement.kind, root=_abstract(root), items=items,
                      summations=_summations(bound))
    if statement.kind == "changes_in_equity" and bound.members is not None:
        members = sorted({m for m in bound.members.values() if m},
                         key=lambda m: list(bound.members.values()).index(m))  # type: ignore[union-attr]
        network.table = _abstract("StatementOfChangesInEquityTable")
        network.axis = _dimensional("ComponentsOfEquityAxis")
        network.domain = _dimensional("ComponentsOfEquityDomain")
        network.line_items = _abstract("StatementOfChangesInEquityLineItems")
        network.members = [_dimensional(m.split(":", 1)[1]) for m in members]
        used = {m.split(":", 1)[1] for m in (bound.restated or {}).values() if m}
        if used:
            network.more_axes.append(restatement_tree(used))
    elif any(c.scope == "separate" for c in statement.columns) and prefix:
        network.table, network.line_items = scope_table(prefix)
        network.axis = _dimensional("ConsolidatedAndSeparateFinancialStatementsAxis")
        network.domain = _dimensional("ConsolidatedMember")
        network.members = [_dimensional("SeparateMember")]
    return network


def restatement_tree(used: set[str]) -> DimensionTree:
    """The IAS 8 axis of the changes-in-equity hypercube with the members used (and the IFRS
    members between them and the domain), as the IFRS table [610000] nests them."""
    from .equity_restatement import RESTATED_DOMAIN, member_tree

    return DimensionTree(
        _dimensional("RetrospectiveApplicationAndRetrospectiveRestatementAxis"),
        _dimensional(RESTATED_DOMAIN),
        tuple((_dimensional(parent), _dimensional(member))
              for parent, member in member_tree(used)))


def scope_table(prefix: str) -> tuple[Concept, Concept]:
    """The company's hypercube and line-items elements for statements printed for the group
    and the parent company side by side (declared in the extension schema)."""
    return (Concept(name="ConsolidatedAndSeparateStatementsTable", prefix=prefix, abstract=True,
                    data_type="xbrli:stringItemType"),
            Concept(name="ConsolidatedAndSeparateStatementsLineItems", prefix=prefix,
                    abstract=True, data_type="xbrli:stringItemType"))


def _index(facts: list[Fact]) -> dict[tuple[str, str, str], list[Fact]]:
    by_key: dict[tuple[str, str, str], list[Fact]] = {}
    for fact in facts:
        if fact.undisclosed:
            continue  # Calculations 1.1 ignores nil facts
        by_key.setdefault((fact.concept.qname, fact.context.id, fact.unit.id), []).append(fact)
    return by_key


def summation_issues(summation: Summation, facts: list[Fact], role: Role,
                     by_key: dict[tuple[str, str, str], list[Fact]] | None = None) -> list[Issue]:
    """Calculations 1.1 (round-to-nearest) for one summation over the given facts.

    Each fact is an interval of ± half its rounding unit; the sum binds wherever the total
    and at least one item are reported in the same context and unit, and is consistent when
    the total's interval meets the sum of the items' intervals (Calculations 1.1 §5).
    ``by_key`` is ``_index(facts)`` when the caller checks many sums over the same facts.
    """
    by_key = _index(facts) if by_key is None else by_key
    issues: list[Issue] = []
    bound = {(ctx, unit) for (concept, ctx, unit) in by_key if concept == summation.total.qname}
    for context_id, unit_id in sorted(bound):
        totals = by_key.get((summation.total.qname, context_id, unit_id))
        present = [(w, by_key[(c.qname, context_id, unit_id)][0]) for w, c in summation.items
                   if (c.qname, context_id, unit_id) in by_key]
        if not totals or not present:
            continue
        low = high = Decimal(0)
        for weight, fact in present:
            half = _half_unit(fact)
            a, b = weight * (fact.value - half), weight * (fact.value + half)
            low, high = low + min(a, b), high + max(a, b)
        total = totals[0]
        half = _half_unit(total)
        if total.value + half < low or total.value - half > high:
            issues.append(Issue(
                "error", "calc.inconsistent",
                f"{summation.total.qname} = {total.value} but its items sum to [{low}, {high}] "
                f"in {context_id} (role {role.id})", concept=summation.total.qname,
                context=context_id, element_id=total.id, statement=total.statement))
    return issues


def scope_summations(networks: list[Network], facts: list[Fact]) -> list[Issue]:
    """Keep each statement's sums that Calculations 1.1 can state without contradiction.

    A sum that fails on its own statement's figures is an error (the arithmetic was
    misread). A sum that holds there but fails on another statement's facts cannot be
    written, because a calculation arc binds in every context: the comprehensive-income
    sum "profit + OCI = total" also binds the changes-in-equity columns, where OCI is
    printed by component. Such a sum is left out, and said so.
    """
    issues: list[Issue] = []
    everything = _index(facts)
    for network in networks:
        own = [f for f in facts if f.statement == network.kind]
        own_index = _index(own)
        kept = []
        for summation in network.summations:
            problems = summation_issues(summation, own, network.role, own_index)
            if problems:
                issues += problems
                continue
            elsewhere = summation_issues(summation, facts, network.role, everything)
            if elsewhere:
                issues.append(Issue(
                    "info", "calc.not_expressible",
                    f"{summation.total.qname} = sum of {len(summation.items)} items holds in "
                    f"{network.role.definition} but not in {elsewhere[0].context}: left out of "
                    "the calculation linkbase", concept=summation.total.qname,
                    statement=network.kind))
                continue
            kept.append(summation)
        network.summations = kept
    return issues


def check_calculations(summations_by_role: list[tuple[Role, list[Summation]]],
                       facts: list[Fact]) -> list[Issue]:
    """The final self-check of the calculation linkbase as written, role by role."""
    issues: list[Issue] = []
    by_key = _index(facts)
    for role, summations in summations_by_role:
        merged: dict[Concept, list[tuple[int, Concept]]] = {}
        for summation in summations:  # Calculations 1.1 adds all of a total's arcs in a role
            merged.setdefault(summation.total, []).extend(summation.items)
        for total, items in merged.items():
            issues += summation_issues(Summation(total, tuple(items)), facts, role, by_key)
    return issues


def _half_unit(fact: Fact) -> Decimal:
    return Decimal(5) * Decimal(10) ** (-fact.decimals - 1)

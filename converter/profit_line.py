"""An income statement whose bottom line is the owners' share: that line is also the profit.

Stage: bind (after a first tagging). Input: the income statement, its bindings and the facts
of the whole document. Output: bindings where the owners' line also carries
``ifrs-full:ProfitLoss``, and the issues saying so (or why not).

Why: some issuers print no "Profit for the year": the statement ends on "Profit attributable
to equity holders of the Company" (and perhaps non-controlling interests printed as nil), or
on the owners' line alone. With no non-controlling interest that line *is* the profit or loss
(IAS 1.81B: profit = owners' share + NCI's share), and the document's other ProfitLoss facts
(the comprehensive-income statement's opening line, the cash-flow statement's starting
profit, changes in equity) and the calculation "profit = profit before tax − tax" need it.
One printed figure gets both concepts, nested (as "basic and diluted" EPS does). ProfitLoss
is the row's first concept, so that the statement's calculation totals on it as IFRS does,
and so that a contradiction found later (another statement's ProfitLoss of another amount)
takes ProfitLoss off the row, leaving the owners' concept.

Never when the statement prints a ProfitLoss row, when a non-controlling interest is printed
non-nil (the profit would have to be computed, not read), or when the document's other
ProfitLoss facts for the period disagree with the owners' figure.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from decimal import Decimal

from .model import Concept, Fact, Issue, Row, Statement
from .tagging import Binding

PROFIT = "ProfitLoss"
OWNERS = "ProfitLossAttributableToOwnersOfParent"
NCI = "ProfitLossAttributableToNoncontrollingInterests"


def _is(binding: Binding | None, name: str) -> bool:
    return binding is not None and any(
        c.prefix == "ifrs-full" and c.name == name for c in (binding.concept, *binding.also))


def _nil(row: Row) -> bool:
    return all(c is None or c.nil or c.value == 0 for c in row.cells)


def owners_line_as_profit(statement: Statement, bindings: dict[str, Binding],
                          facts: list[Fact], profit: Concept
                          ) -> tuple[dict[str, Binding], list[Issue]]:
    """The bindings with ProfitLoss added to the owners' line where it is the bottom line
    (unchanged otherwise), and an issue explaining the decision when one was taken."""
    if statement.kind != "income":
        return bindings, []
    rows = statement.value_rows()
    if any(_is(bindings.get(r.id), PROFIT) for r in rows):
        return bindings, []     # the profit is printed: the owners' line is only its share
    owners = [r for r in rows if _is(bindings.get(r.id), OWNERS)]
    if len(owners) != 1:
        return bindings, []
    row = owners[0]
    where = dict(line=row.line, statement=statement.kind, concept=profit.qname)
    printed_nci = [r for r in rows if _is(bindings.get(r.id), NCI) and not _nil(r)]
    if printed_nci:
        return bindings, [Issue(
            "info", "tag.profit_not_printed",
            f"no profit-or-loss line and non-controlling interests printed ('{printed_nci[0].label}'):"
            f" '{row.label}' is the owners' share only, {profit.qname} is not tagged", **where)]
    own = [f for f in facts if f.statement == statement.kind and f.row_id == row.id
           and not f.context.dimensions and f.concept.name == OWNERS]
    elsewhere: dict[object, set[Decimal]] = defaultdict(set)
    for fact in facts:
        if fact.statement != statement.kind and fact.concept.qname == profit.qname \
                and not fact.context.dimensions and not fact.undisclosed:
            elsewhere[(fact.context.period, fact.unit.id)].add(fact.value)
    for fact in own:
        seen = elsewhere.get((fact.context.period, fact.unit.id))
        if seen and (fact.undisclosed or seen != {fact.value}):
            return bindings, [Issue(
                "warning", "tag.profit_disagrees",
                f"'{row.label}' is the income statement's bottom line, but {profit.qname} for "
                f"{fact.context.period.label()} elsewhere in the document is "
                f"{', '.join(map(str, sorted(seen)))}, not {fact.value}: not tagged as the profit",
                **where)]
    binding = bindings[row.id]
    out = dict(bindings)
    out[row.id] = replace(
        binding, concept=profit,
        also=(binding.concept, *(c for c in binding.also if c != profit)),
        reason=binding.reason + "; the statement prints no profit-or-loss line and no "
        "non-controlling interest: the owners' share is the profit")
    return out, [Issue("info", "tag.profit_from_owners_line",
                       f"'{row.label}' is the statement's bottom line with no non-controlling "
                       f"interest: tagged {profit.qname} and {binding.concept.qname}", **where)]

"""Turn a printed figure into the XBRL value of a concept: the sign follows meaning, not ink.

Stage: map/tag. Input: the value as printed (``(1,234)`` is ``-1234``), the chosen concept,
the statement kind and the printed label. Output: the XBRL value in the printed scale and a
one-line reason that the tagger stores on the fact.

The rule (IXBRL-NOTES "Signs"), stated once:

* Statements of flows (income, comprehensive income, changes in equity, cash flows) print
  each line as its *contribution* to the statement's bottom line: expenses and outflows in
  parentheses. The bottom line has a natural balance: profit/comprehensive income/equity
  are credit, net cash flow is debit. A concept whose balance is the same as the bottom
  line's keeps the printed sign (revenue, "Loss for the year" on ProfitLoss, net cash used
  in operating activities); a concept of the opposite balance is a deduction, so its XBRL
  value is the printed value negated (cost of sales printed (1,266) → +1,266; purchase of
  PP&E printed (4,890) → +4,890; "Income tax credit/(expense)" printed 239 → −239).
* Concepts without a balance (per-share amounts, share counts, some "gains (losses)" items)
  and all instants (balance sheet, opening/closing balances) keep the printed sign:
  accumulated losses printed (56,912) on RetainedEarnings → −56,912. The exception is a
  contra item printed as a deduction inside its section (treasury shares, accumulated
  depreciation, loss allowances): the IFRS concept is the positive amount deducted.
* Some statements print expenses as positive amounts to be subtracted. Pass
  ``expenses_negative=False`` for those: debit lines then keep their printed sign unless the
  label itself names the polarity ("credit/(expense)").
"""
from __future__ import annotations

import re
from decimal import Decimal

from .model import Concept, StatementKind

# The balance of each flow statement's bottom line (what a positive contribution increases).
TOTAL_BALANCE: dict[str, str] = {
    "income": "credit",                 # profit (loss)
    "comprehensive_income": "credit",   # comprehensive income
    "changes_in_equity": "credit",      # equity
    "cash_flows": "debit",              # increase (decrease) in cash
}
# Instant concepts that are deductions inside their section (printed in parentheses).
_CONTRA = re.compile(r"^TreasuryShares|Allowance|AccumulatedDepreciation|"
                     r"AccumulatedAmortisation|AccumulatedImpairment")
# A label that names its own polarity: "credit/(expense)", "(expense)/credit", "(charge)".
_POLARITY = re.compile(r"\((expenses?|charges?|costs?|losses?|loss|deficit|outflow|"
                       r"decrease|used in)\)")


# Profit or loss measures (ProfitLoss, ProfitLossBeforeTax, ProfitLossFromOperatingActivities,
# ...): in a cash-flow statement they are the figure the income statement reports.
_PROFIT_MEASURE = re.compile(r"^ProfitLoss")
# Liabilities printed as deductions: UK "net assets" balance sheets and those that print
# "Current liabilities (36,434)" to show the subtraction. The row is a liability by its
# innermost section ("Current liabilities", "Creditors: amounts falling due within one year",
# not "Equity and liabilities" nor "Net current assets/(liabilities)") or by its own label
# ("Total liabilities"); a net concept (one naming assets or equity) keeps its sign.
_LIABILITY_SECTION = re.compile(r"\bliabilit|\bcreditors\b", re.I)
_NOT_LIABILITY_SECTION = re.compile(r"\bequity\b|\bassets?\b|\bcapital\b", re.I)
_LIABILITY_TOTAL = re.compile(r"^total\s+(?:(?:non-?\s?)?current\s+)?liabilities$", re.I)
_NET_CONCEPT = re.compile(r"Asset|Equity")


def is_liability_row(label: str, section: tuple[str, ...]) -> bool:
    """A balance-sheet row that is a liability by its section or its own label."""
    inner = section[-1] if section else ""
    return bool(_LIABILITY_TOTAL.match(label.strip()) or (
        _LIABILITY_SECTION.search(inner) and not _NOT_LIABILITY_SECTION.search(inner)))


def xbrl_sign(printed_value: Decimal, concept: Concept, statement: StatementKind | str,
              label: str = "", *, expenses_negative: bool = True,
              section: tuple[str, ...] = ()) -> tuple[Decimal, str]:
    """The XBRL value of a printed figure for ``concept`` and why (see module docstring);
    ``section``: the row's headings, outermost first (a liability printed as a deduction)."""
    value = Decimal(printed_value)
    if concept.balance is None or concept.data_type != "xbrli:monetaryItemType":
        return value, "no balance: printed sign kept"
    if concept.period_type == "instant":
        if value < 0 and _CONTRA.search(concept.name):
            return -value, f"contra item printed as a deduction: {concept.name} is positive"
        if value < 0 and statement == "financial_position" and concept.balance == "credit" \
                and not _NET_CONCEPT.search(concept.name) and is_liability_row(label, section):
            return -value, (f"liability printed as a deduction: {concept.name} is positive")
        return value, "instant balance: printed sign kept"
    total = TOTAL_BALANCE.get(statement)
    if total is None:
        return value, f"statement {statement!r}: printed sign kept"
    if statement == "cash_flows" and _PROFIT_MEASURE.match(concept.name):
        # the indirect method starts from the profit itself ("Profit before taxation 79,780"):
        # it is the income statement's figure, not a deduction from the net cash flow
        return value, f"{concept.name} opens the indirect method: printed sign kept"
    if concept.balance == total:
        return value, (f"{concept.balance} concept in a statement of {_bottom(statement)}: "
                       "printed sign kept")
    # Opposite balance: a deduction from the bottom line.
    polarity_named = bool(_POLARITY.search(label.lower()))
    if statement in ("income", "comprehensive_income") and not expenses_negative \
            and not polarity_named:
        return value, (f"{concept.balance} concept; expenses printed as positive amounts: "
                       "printed sign kept")
    return -value, (f"{concept.balance} concept deducted from {_bottom(statement)}: "
                    "printed contribution negated")


def _bottom(statement: str) -> str:
    return {"income": "profit or loss", "comprehensive_income": "comprehensive income",
            "changes_in_equity": "equity", "cash_flows": "net cash flow"}.get(statement,
                                                                               statement)


def expenses_printed_negative(pairs: list[tuple[Decimal, Concept]]) -> bool:
    """Detect a statement's convention from its mapped debit flow lines.

    ``pairs``: (printed value, concept) of an income statement. If most debit-balance lines
    are printed negative, expenses are shown in parentheses (the usual IFRS layout).
    """
    debit = [v for v, c in pairs if c.balance == "debit" and c.period_type == "duration"
             and v != 0]
    if not debit:
        return True
    return sum(1 for v in debit if v < 0) * 2 >= len(debit)

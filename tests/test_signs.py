"""xbrl_sign: the XBRL value follows the concept's balance and the statement, not the ink."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from converter.mapping import Taxonomy
from converter.signs import expenses_printed_negative, xbrl_sign


@pytest.fixture(scope="module")
def tx() -> Taxonomy:
    return Taxonomy.load()


@pytest.mark.parametrize("printed, concept, statement, label, expected", [
    # IXBRL-NOTES cases
    ("-1266243", "CostOfSales", "income", "Cost of sales", "1266243"),
    ("-6092990", "ProfitLoss", "income", "Loss for the year", "-6092990"),
    ("239822", "IncomeTaxExpenseContinuingOperations", "income",
     "Income tax credit/(expense)", "-239822"),
    ("-4890289", "PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities",
     "cash_flows", "Purchase of property, plant and equipment", "4890289"),
    ("-3084483", "CashFlowsFromUsedInOperatingActivities", "cash_flows",
     "Net cash used in operating activities", "-3084483"),
    ("-56912551", "RetainedEarnings", "financial_position", "Accumulated losses", "-56912551"),
    # other wordings
    ("-6918", "IncomeTaxExpenseContinuingOperations", "income", "Income tax (expenses)/credit",
     "6918"),
    ("1520", "Revenue", "income", "Turnover", "1520"),
    ("-35", "FinanceCosts", "income", "Finance costs", "35"),
    ("812", "ProfitLoss", "income", "Profit for the year", "812"),
    ("-4376", "ShareOfProfitLossOfAssociatesAndJointVenturesAccountedForUsingEquityMethod",
     "income", "Share of losses of associates", "-4376"),
    ("538829", "OtherGainsLosses", "income", "Other gains/(losses) - net", "538829"),
    ("-780956",
     "ImpairmentLossImpairmentGainAndReversalOfImpairmentLossDeterminedInAccordanceWithIFRS9",
     "income", "Net impairment losses on financial assets", "780956"),
    ("-0.13", "BasicEarningsLossPerShare", "income", "Basic loss per share (RMB)", "-0.13"),
    ("-533931", "OtherComprehensiveIncomeNetOfTaxExchangeDifferencesOnTranslation",
     "comprehensive_income", "Exchange differences", "-533931"),
    ("-4141450", "ComprehensiveIncome", "comprehensive_income",
     "Total comprehensive loss for the year", "-4141450"),
    ("-26016", "IncomeTaxesPaidRefundClassifiedAsOperatingActivities", "cash_flows",
     "Income tax paid", "26016"),
    ("-120", "DividendsPaidClassifiedAsFinancingActivities", "cash_flows", "Dividends paid",
     "120"),
    ("1837972", "ProceedsFromBorrowingsClassifiedAsFinancingActivities", "cash_flows",
     "Proceeds from borrowings", "1837972"),
    ("-390140", "RepaymentsOfBorrowingsClassifiedAsFinancingActivities", "cash_flows",
     "Repayments of borrowings", "390140"),
    ("-72185", "EffectOfExchangeRateChangesOnCashAndCashEquivalents", "cash_flows",
     "Effect of foreign exchange rate changes", "-72185"),
    ("-300", "DividendsPaid", "changes_in_equity", "Dividends", "300"),
    ("177726", "IncreaseDecreaseThroughSharebasedPaymentTransactions", "changes_in_equity",
     "Share-based compensation", "177726"),
    ("-13530", "TreasuryShares", "financial_position", "Treasury shares", "13530"),
    ("-3947", "NoncontrollingInterests", "financial_position", "Non-controlling interests",
     "-3947"),
    ("9423495", "CashAndCashEquivalents", "cash_flows", "Cash at beginning of year", "9423495"),
])
def test_sign_cases(tx, printed, concept, statement, label, expected):
    value, reason = xbrl_sign(Decimal(printed), tx.concept(concept), statement, label)
    assert value == Decimal(expected), reason
    assert reason


def test_expenses_printed_positive_convention(tx):
    cost = tx.concept("CostOfSales")
    value, _ = xbrl_sign(Decimal("1234"), cost, "income", "Less: cost of sales",
                         expenses_negative=False)
    assert value == Decimal("1234")
    # a label that names its polarity still decides
    tax = tx.concept("IncomeTaxExpenseContinuingOperations")
    value, _ = xbrl_sign(Decimal("50"), tax, "income", "Taxation credit/(charge)",
                         expenses_negative=False)
    assert value == Decimal("-50")


def test_detect_convention(tx):
    cost, rev = tx.concept("CostOfSales"), tx.concept("Revenue")
    assert expenses_printed_negative([(Decimal(-5), cost), (Decimal(9), rev)])
    assert not expenses_printed_negative([(Decimal(5), cost), (Decimal(9), rev)])


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**12, max_value=10**12,
                   places=2))
def test_sign_is_involution_free_of_magnitude(value):
    """Whatever the figure, only its sign may change, never its magnitude."""
    tx = Taxonomy.load()
    for name, statement in (("CostOfSales", "income"), ("ProfitLoss", "income"),
                            ("RetainedEarnings", "financial_position"),
                            ("InterestPaidClassifiedAsFinancingActivities", "cash_flows")):
        out, _ = xbrl_sign(value, tx.concept(name), statement, "")
        assert abs(out) == abs(value)

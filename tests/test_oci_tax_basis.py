"""OCI items before tax where the statement prints the tax on them on a line of its own."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.extract import extract_file
from converter.mapping import Taxonomy, map_statement

OCI = """HARROW ESTATES PLC
CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME
For the year ended 30 September 2025

\t\t2025\t2024
\t\t£m\t£m
Profit for the year\t\t41.2\t37.9
Items that will not be reclassified to profit or loss:
Actuarial gains on defined benefit pension schemes\t\t6.0\t-2.4
Deferred tax on items that will not be reclassified\t\t-1.5\t0.6
Items that may be reclassified to profit or loss:
Exchange differences on translation of foreign operations\t\t-3.1\t2.2
Other comprehensive income for the year\t\t1.4\t0.4
Total comprehensive income for the year\t\t42.6\t38.3
"""


@pytest.fixture(scope="module")
def mapped(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    source = tmp_path_factory.mktemp("oci") / "harrow.txt"
    source.write_text(OCI, encoding="utf-8")
    [statement] = [s for s in extract_file(source).statements if s.kind == "comprehensive_income"]
    found = map_statement(statement, Taxonomy.load())
    return {r.label: getattr(found.get(r.id), "concept", None) and found[r.id].concept.name
            for r in statement.value_rows()}


def test_an_item_in_a_block_with_its_own_tax_line_is_before_tax(mapped: dict[str, str]) -> None:
    assert mapped["Actuarial gains on defined benefit pension schemes"] == \
        "OtherComprehensiveIncomeBeforeTaxGainsLossesOnRemeasurementsOfDefinedBenefitPlans"
    assert mapped["Deferred tax on items that will not be reclassified"] == \
        "IncomeTaxRelatingToComponentsOfOtherComprehensiveIncomeThatWillNotBeReclassifiedToProfitOrLoss"


def test_an_item_in_a_block_without_one_stays_net_of_tax(mapped: dict[str, str]) -> None:
    assert mapped["Exchange differences on translation of foreign operations"] == \
        "OtherComprehensiveIncomeNetOfTaxExchangeDifferencesOnTranslation"

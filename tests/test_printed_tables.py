"""A combined statement of profit or loss and OCI is shown as one table, its profit row once."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from converter.extract import extract_file
from converter.model import Concept
from converter.pipeline import ConvertOptions, build_report
from converter.printed_tables import printed_tables, without_repeats
from converter.readback import read_facts

COMBINED = """KESTREL MARINE HOLDINGS LIMITED
ANNUAL RESULTS FOR THE YEAR ENDED 31 MARCH 2025

CONSOLIDATED STATEMENT OF PROFIT OR LOSS AND OTHER COMPREHENSIVE INCOME
For the year ended 31 March 2025

\t\t2025\t2024
\tNote\tHK$'000\tHK$'000
Revenue\t3\t512,300\t488,100
Cost of services\t\t(401,200)\t(380,050)
Gross profit\t\t111,100\t108,050
Administrative expenses\t\t(60,400)\t(57,900)
Finance costs\t\t(8,700)\t(9,150)
Profit before taxation\t\t42,000\t41,000
Taxation\t5\t(7,100)\t(6,900)
Profit for the year\t\t34,900\t34,100
Other comprehensive income
Items that may be reclassified subsequently to profit or loss:
Exchange differences on translating foreign operations\t\t(2,300)\t1,150
Other comprehensive income for the year\t\t(2,300)\t1,150
Total comprehensive income for the year\t\t32,600\t35,250
Earnings per share
Basic and diluted (HK cents)\t6\t8.73\t8.53
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    source = tmp_path_factory.mktemp("combined") / "kestrel.txt"
    source.write_text(COMBINED, encoding="utf-8")
    extraction = extract_file(source)
    return extraction, build_report(extraction, ConvertOptions(outdir=Path("unused")))


def test_one_table_in_printed_order_profit_row_once(built) -> None:
    extraction, (report, _plan, _files, xhtml) = built
    assert [s.kind for s in extraction.statements] == ["income", "comprehensive_income"]
    [table] = printed_tables(extraction.statements, report.facts)
    labels = [row.label for _statement, row in table.rows]
    assert labels.count("Profit for the year") == 1
    assert labels.index("Profit for the year") < labels.index(
        "Exchange differences on translating foreign operations") < labels.index(
        "Total comprehensive income for the year") < labels.index(
        "Basic and diluted (HK cents)")
    assert xhtml.count(b'class="figures ') == 1


def test_the_repeated_row_is_tagged_once_and_nothing_else_is_lost(built) -> None:
    _extraction, (report, _plan, _files, xhtml) = built
    assert not [i for i in report.issues if i.severity == "error"], report.issues
    profit = [f for f in report.facts if f.concept.name == "ProfitLoss"]
    assert sorted(f.value for f in profit) == [34_100_000, 34_900_000]
    assert {f.statement for f in profit} == {"income"}
    # every figure printed in the statement is still a fact, and the page holds them all
    assert len(read_facts(xhtml)) == len(report.facts) == 2 * 13


def test_two_concepts_for_one_printed_figure_keep_two_tables(built) -> None:
    extraction, (report, _plan, _files, _xhtml) = built
    income, comprehensive = extraction.statements
    [repeat] = [r for r in comprehensive.rows if r.label == "Profit for the year"]
    profit = [f for f in report.facts if f.concept.name == "ProfitLoss"]

    def copies(concept: Concept) -> list:
        return [replace(f, id=f"{f.id}-copy", concept=concept, statement=comprehensive.kind,
                        row_id=repeat.id) for f in profit]

    same = report.facts + copies(profit[0].concept)
    [table] = printed_tables(extraction.statements, same)
    assert without_repeats([table], same) == report.facts
    other = Concept("ProfitLossAttributableToOwnersOfParent", period_type="duration",
                    balance="credit")
    differing = report.facts + copies(other)
    tables = printed_tables(extraction.statements, differing)
    assert [len(t.statements) for t in tables] == [1, 1]
    assert without_repeats(tables, differing) == differing


def test_separate_statements_stay_separate(built) -> None:
    extraction, (report, _plan, _files, _xhtml) = built
    income, comprehensive = extraction.statements
    apart = [income, replace(comprehensive, first_line=income.first_line + 40)]
    assert [len(t.statements) for t in printed_tables(apart, report.facts)] == [1, 1]

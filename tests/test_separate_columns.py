"""The parent company's own figures beside the group's ("Group | Company" columns).

The parser marks those columns ``scope="separate"``; tagging puts their facts on
ConsolidatedAndSeparateFinancialStatementsAxis = SeparateMember (the group's take the axis
default), and the company's hypercube makes them dimensionally valid.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter.extract import extract_file
from converter.pipeline import ConvertOptions, build_report
from converter.tagging import SCOPE_AXIS, SEPARATE_MEMBER
from converter.validation import ValidateOptions, validate_paths

BALANCE_SHEET = """ANCHORAGE FOODS PTE. LTD.

STATEMENTS OF FINANCIAL POSITION
As at 31 March 2025

\t\tGroup\t\tCompany
\t\t2025\t2024\t2025\t2024
\tNote\tS$'000\tS$'000\tS$'000\tS$'000
Non-current assets
Plant and equipment\t4\t48,200\t45,900\t-\t-
Investments in subsidiaries\t\t-\t-\t30,000\t30,000
Total non-current assets\t\t48,200\t45,900\t30,000\t30,000
Current assets
Inventories\t\t12,400\t11,800\t-\t-
Cash and cash equivalents\t\t9,600\t8,100\t1,200\t900
Total current assets\t\t22,000\t19,900\t1,200\t900
Total assets\t\t70,200\t65,800\t31,200\t30,900
Equity
Share capital\t\t40,000\t40,000\t40,000\t40,000
Accumulated losses\t\t(2,800)\t(4,200)\t(9,300)\t(9,600)
Total equity\t\t37,200\t35,800\t30,700\t30,400
Current liabilities
Trade and other payables\t\t33,000\t30,000\t500\t500
Total liabilities\t\t33,000\t30,000\t500\t500
Total equity and liabilities\t\t70,200\t65,800\t31,200\t30,900
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("separate")
    source = folder / "anchorage.txt"
    source.write_text(BALANCE_SHEET, encoding="utf-8")
    extraction = extract_file(source)
    [statement] = extraction.statements
    assert [(c.group, c.scope) for c in statement.columns] == [
        ("Group", ""), ("Group", ""), ("Company", "separate"), ("Company", "separate")]
    assert not [i for i in extraction.issues if i.severity != "info"], extraction.issues
    report, plan, files, xhtml = build_report(extraction, ConvertOptions(outdir=folder))
    return folder, report, plan, files, xhtml


def test_company_figures_are_on_the_separate_member(built) -> None:
    _folder, report, _plan, _files, _xhtml = built
    assert not [i for i in report.issues if i.severity == "error"], report.issues
    cash = {(f.context.period.end.year, f.context.dimensions): f.value
            for f in report.facts if f.concept.name == "CashAndCashEquivalents"}
    separate = ((SCOPE_AXIS, SEPARATE_MEMBER),)
    assert cash == {(2025, ()): 9_600_000, (2024, ()): 8_100_000,
                    (2025, separate): 1_200_000, (2024, separate): 900_000}


def test_the_company_hypercube_is_declared_and_linked(built) -> None:
    _folder, _report, plan, files, _xhtml = built
    schema = etree.fromstring(files[plan.schema_file])
    names = {e.get("name"): e.get("substitutionGroup") for e in schema.iter(
        "{http://www.w3.org/2001/XMLSchema}element")}
    assert names["ConsolidatedAndSeparateStatementsTable"] == "xbrldt:hypercubeItem"
    definition = files[plan.linkbase_file("def")].decode()
    assert "ifrs-full_ConsolidatedAndSeparateFinancialStatementsAxis" in definition
    assert "ifrs-full_SeparateMember" in definition
    assert "Consolidated and separate statements [table]" in files[
        plan.linkbase_file("lab")].decode()


def test_the_page_heads_each_column_group_once(built) -> None:
    _folder, _report, _plan, _files, xhtml = built
    page = xhtml.decode()
    assert page.count('colspan="2" class="group">Group<') == 1
    assert page.count('colspan="2" class="group">Company<') == 1


@pytest.mark.arelle
def test_arelle_finds_the_report_valid(built, taxonomy_package: Path) -> None:
    folder, _report, plan, files, xhtml = built
    (folder / "reports").mkdir()
    (folder / "taxonomy").mkdir()
    (folder / "reports" / "report.xhtml").write_bytes(xhtml)
    schema_dir = folder / "reports" / Path(f"../taxonomy/{plan.schema_file}").parent
    for name, data in files.items():
        (schema_dir / name).write_bytes(data)
    [result] = validate_paths([folder / "reports" / "report.xhtml"],
                              ValidateOptions(taxonomy_package=taxonomy_package))
    assert result.valid, result.summary()
    assert result.facts == len(_report.facts)

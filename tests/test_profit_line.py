"""An income statement whose only bottom line is the owners' share of the profit: that line is
also ``ifrs-full:ProfitLoss`` (two nested facts on one printed figure), and only then."""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from converter.model import Cell, Column, Concept, Period, Row, Statement, Unit
from converter.profit_line import owners_line_as_profit
from converter.tagging import Binding, tag_statement

FY = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))
PROFIT = Concept("ProfitLoss", balance="credit")
OWNERS = Concept("ProfitLossAttributableToOwnersOfParent", balance="credit")
NCI = Concept("ProfitLossAttributableToNoncontrollingInterests", balance="credit")
PBT = Concept("ProfitLossBeforeTax", balance="credit")


def _row(rid: str, label: str, text: str, nil: bool = False) -> Row:
    value = Decimal(0) if nil else Decimal(text.strip("()").replace(",", "")) * (
        -1 if text.startswith("(") else 1)
    return Row(label, [Cell(value, text, nil=nil, line=1)], line=int(rid[1:]), id=rid)


def _income(*rows: tuple[Row, Concept]) -> tuple[Statement, dict[str, Binding]]:
    stmt = Statement("income", "Income statement", [Column("2025", FY)], [r for r, _ in rows],
                     unit=Unit("HKD", 3))
    return stmt, {r.id: Binding(c) for r, c in rows}


def _facts(stmt: Statement, bindings: dict[str, Binding]):
    return tag_statement(stmt, bindings)[0]


def test_owners_line_alone_is_also_the_profit() -> None:
    stmt, bindings = _income((_row("r1", "Profit before tax", "900"), PBT),
                             (_row("r2", "Profit attributable to shareholders of the parent",
                                   "750"), OWNERS))
    new, issues = owners_line_as_profit(stmt, bindings, _facts(stmt, bindings), PROFIT)
    assert new["r2"].concept == PROFIT and new["r2"].also == (OWNERS,)
    assert [i.code for i in issues] == ["tag.profit_from_owners_line"]
    facts = _facts(stmt, new)
    assert [(f.id, f.concept.name, f.value) for f in facts if f.row_id == "r2"] == [
        ("is-r2-c0", "ProfitLoss", Decimal(750000)),
        ("is-r2-c0-1", "ProfitLossAttributableToOwnersOfParent", Decimal(750000))]


def test_nil_nci_still_leaves_the_owners_line_the_profit() -> None:
    stmt, bindings = _income((_row("r1", "Loss attributable to equity holders", "(42)"), OWNERS),
                             (_row("r2", "Minority interests", "–", nil=True), NCI))
    new, _ = owners_line_as_profit(stmt, bindings, _facts(stmt, bindings), PROFIT)
    assert new["r1"].concept == PROFIT and new["r2"] == bindings["r2"]
    (loss,) = [f for f in _facts(stmt, new) if f.concept == PROFIT]
    assert loss.value == Decimal(-42000) and loss.negative


@pytest.mark.parametrize("rows,code", [
    # the profit is printed: the owners' line is its share only
    (((_row("r1", "Net profit", "800"), PROFIT),
      (_row("r2", "Owners of the Company", "800"), OWNERS)), None),
    # a non-controlling interest is printed: the profit would have to be computed
    (((_row("r1", "Equity holders of the Company", "700"), OWNERS),
      (_row("r2", "Non-controlling interests", "100"), NCI)), "tag.profit_not_printed"),
    # two owners' lines (continuing and total, say): which one is the profit is not read
    (((_row("r1", "Owners' share from continuing operations", "700"), OWNERS),
      (_row("r2", "Owners' share", "650"), OWNERS)), None),
])
def test_left_alone(rows, code) -> None:
    stmt, bindings = _income(*rows)
    new, issues = owners_line_as_profit(stmt, bindings, _facts(stmt, bindings), PROFIT)
    assert new is bindings
    assert [i.code for i in issues] == ([code] if code else [])


def test_not_when_another_statement_reports_another_profit() -> None:
    stmt, bindings = _income((_row("r1", "Attributable to owners of the Company", "750"), OWNERS),)
    oci = Statement("comprehensive_income", "OCI", [Column("2025", FY)],
                    [_row("r1", "Profit for the year", "790")], unit=Unit("HKD", 3))
    facts = _facts(stmt, bindings) + tag_statement(oci, {"r1": Binding(PROFIT)})[0]
    new, issues = owners_line_as_profit(stmt, bindings, facts, PROFIT)
    assert new is bindings and [i.code for i in issues] == ["tag.profit_disagrees"]
    # the same profit in a coarser unit agrees: facts compare values, not printed figures
    oci.unit = Unit("HKD", 0)
    oci.rows[0].cells[0] = Cell(Decimal(750000), "750,000", line=1)
    facts = _facts(stmt, bindings) + tag_statement(oci, {"r1": Binding(PROFIT)})[0]
    new, _ = owners_line_as_profit(stmt, bindings, facts, PROFIT)
    assert new["r1"].concept == PROFIT


def test_only_the_income_statement() -> None:
    stmt, bindings = _income((_row("r1", "Owners of the parent", "750"), OWNERS),)
    stmt.kind = "comprehensive_income"
    assert owners_line_as_profit(stmt, bindings, [], PROFIT) == (bindings, [])


# --------------------------------------------------------------------------- end to end
ANNOUNCEMENT = """WILLOWBANK FOODS HOLDINGS LIMITED
(Stock Code: 9123)

ANNUAL RESULTS ANNOUNCEMENT FOR THE YEAR ENDED 31 DECEMBER 2025

CONSOLIDATED INCOME STATEMENT
FOR THE YEAR ENDED 31 DECEMBER 2025

\t\t2025\t2024
\tNote\tHK$'000\tHK$'000
Revenue\t3\t520,400\t498,100
Cost of sales\t\t(351,200)\t(340,050)
Gross profit\t\t169,200\t158,050
Administrative expenses\t\t(88,400)\t(84,300)
Finance costs\t\t(6,300)\t(7,150)
Profit before taxation\t\t74,500\t66,600
Taxation\t5\t(12,290)\t(10,990)
{bottom}
Earnings per share
Basic and diluted (HK cents)\t6\t12.4\t11.1

CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME
FOR THE YEAR ENDED 31 DECEMBER 2025

\t2025\t2024
\tHK$'000\tHK$'000
Profit for the year\t62,210\t55,610
Other comprehensive income
Item that may be reclassified subsequently to profit or loss:
Exchange differences arising on translation of foreign operations\t(1,210)\t840
Total comprehensive income for the year\t61,000\t56,450
"""
BOTTOM_LINES = {
    "equity holders": "Profit attributable to equity holders of the Company\t\t62,210\t55,610",
    "owners, nil NCI": ("Profit for the year attributable to:\nOwners of the Company\t\t62,210\t"
                        "55,610\nNon-controlling interests\t\t–\t–"),
    "for the year, owners": "Profit for the year attributable to owners of the Company\t\t62,210\t55,610",
}


def _build(tmp_path: Path, bottom: str):
    from converter.extract import extract_file
    from converter.pipeline import ConvertOptions, build_report

    source = tmp_path / "willowbank.txt"
    source.write_text(ANNOUNCEMENT.format(bottom=bottom), encoding="utf-8")
    return build_report(extract_file(source), ConvertOptions(outdir=tmp_path))


@pytest.mark.parametrize("wording", sorted(BOTTOM_LINES))
def test_bottom_line_wordings_give_both_facts_nested(tmp_path: Path, wording: str) -> None:
    from converter.readback import read_facts

    report, _plan, files, xhtml = _build(tmp_path, BOTTOM_LINES[wording])
    assert not [i for i in report.issues if i.severity == "error"], report.issues
    read = read_facts(xhtml)
    for year, value in (("2025", 62210000), ("2024", 55610000)):
        for concept in ("ifrs-full:ProfitLoss", "ifrs-full:ProfitLossAttributableToOwnersOfParent"):
            got = {f.value for f in read if f.concept == concept and f.period.endswith(f"{year}-12-31")}
            assert got == {Decimal(value)}, (concept, year, got)
    # one printed figure: the owners' fact sits inside the profit fact
    assert b'name="ifrs-full:ProfitLoss" contextRef="D2025-01-01_2025-12-31"' in xhtml
    # the calculation totals on the profit, as IFRS does: profit = profit before tax − tax
    cal = etree.fromstring(next(v for k, v in files.items() if k.endswith("_cal.xml")))
    xl = "{http://www.w3.org/1999/xlink}"
    arcs = {(a.get(xl + "from"), a.get(xl + "to"))
            for a in cal.iter("{http://www.xbrl.org/2003/linkbase}calculationArc")}
    assert ("ifrs_full_ProfitLoss", "ifrs_full_ProfitLossBeforeTax") in arcs


def test_printed_profit_line_keeps_the_owners_line_alone(tmp_path: Path) -> None:
    report, *_ = _build(tmp_path, "Profit for the year\t\t62,210\t55,610\nAttributable to:\n"
                                  "Owners of the Company\t\t62,210\t55,610")
    income = [f for f in report.facts if f.statement == "income"]
    owners = [f for f in income if f.concept.name == "ProfitLossAttributableToOwnersOfParent"]
    assert owners and all(f.id.count("-") == 2 for f in owners)   # no nested twin
    assert len([f for f in income if f.concept.name == "ProfitLoss"]) == 2
    assert not [i for i in report.issues if i.code == "tag.profit_from_owners_line"]


@pytest.mark.arelle
def test_converted_report_with_owners_bottom_line_is_valid(tmp_path: Path,
                                                           taxonomy_package: Path) -> None:
    from converter.pipeline import ConvertOptions, convert_file
    from converter.readback import read_facts

    source = tmp_path / "willowbank.txt"
    source.write_text(ANNOUNCEMENT.format(bottom=BOTTOM_LINES["equity holders"]), encoding="utf-8")
    result = convert_file(source, ConvertOptions(outdir=tmp_path / "out",
                                                 taxonomy_package=str(taxonomy_package)))
    assert result.error is None, result.summary()
    from converter.validation import ValidateOptions, validate_paths

    (check,) = validate_paths([result.package], ValidateOptions(taxonomy_package=str(taxonomy_package)))
    assert check.valid and not [f for f in check.findings if f.severity == "error"], check.summary()
    names = {f.concept for f in read_facts(result.report.read_bytes())  # type: ignore[union-attr]
             if f.period == "2025-01-01..2025-12-31"}
    assert {"ifrs-full:ProfitLoss", "ifrs-full:ProfitLossAttributableToOwnersOfParent"} <= names


@pytest.mark.parametrize("wording", sorted(BOTTOM_LINES))
def test_reconciliation_ties_the_owners_bottom_line_to_comprehensive_income(
        tmp_path: Path, wording: str) -> None:
    """Reconcile (taxonomy-free) checks the same identity: the owners' line that is the
    bottom line equals the comprehensive-income statement's profit; a misread fails it."""
    from converter.extract import extract_file

    source = tmp_path / "willowbank.txt"
    source.write_text(ANNOUNCEMENT.format(bottom=BOTTOM_LINES[wording]), encoding="utf-8")
    ties = [i for i in extract_file(source).identities if i.name.startswith("cross: profit")]
    assert len(ties) == 2 and all(i.holds for i in ties)
    # the comprehensive-income statement adds up on its own, but starts from another profit
    source.write_text(ANNOUNCEMENT.format(bottom=BOTTOM_LINES[wording]).replace(
        "Profit for the year\t62,210", "Profit for the year\t62,120").replace(
        "for the year\t61,000", "for the year\t60,910"), encoding="utf-8")
    ties = [i for i in extract_file(source).identities if i.name.startswith("cross: profit")]
    assert [i.holds for i in ties] == [False, True]


def test_no_tie_when_a_non_controlling_interest_is_printed(tmp_path: Path) -> None:
    from converter.extract import extract_file

    source = tmp_path / "willowbank.txt"
    source.write_text(ANNOUNCEMENT.format(bottom=(
        "Profit attributable to:\nOwners of the Company\t\t61,000\t55,000\n"
        "Non-controlling interests\t\t1,210\t610")), encoding="utf-8")
    assert not [i for i in extract_file(source).identities if i.name.startswith("cross: profit")]

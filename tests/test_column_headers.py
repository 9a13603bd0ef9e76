"""Column headers of issuers outside Hong Kong: numeric dates, column groups, Group | Company.

Inline examples in several wordings and layouts (tab-separated and space-aligned): a Bursa
Malaysia quarterly report ("Individual quarter | Cumulative quarter", dd.mm.yyyy), a Singapore
"The Group | The Company" balance sheet in S$'000, a UK "Group | Parent company" layout, IFRS
"Consolidated | Separate" columns. The rule that matters most: a period that cannot be read
is reported, never guessed.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from converter.extract import extract_file
from converter.model import Period
from converter.periods import (column_heads, find_dates, fiscal_year_end, group_cells,
                               is_header_line, is_period_line, period_hint, read_columns)


def _extract(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "announcement.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def _periods(statement) -> list[tuple[date | None, date]]:  # type: ignore[no-untyped-def]
    return [(c.period.start, c.period.end) for c in statement.columns]


# --------------------------------------------------------------------------- B: dates
@pytest.mark.parametrize("text, expected", [
    ("30.6.2025", date(2025, 6, 30)),
    ("30/06/2025", date(2025, 6, 30)),
    ("30-06-2025", date(2025, 6, 30)),
    ("2025-06-30", date(2025, 6, 30)),
    ("30 Jun 2025", date(2025, 6, 30)),
    ("June 30, 2025", date(2025, 6, 30)),
    ("31.12.2024 (audited)", date(2024, 12, 31)),
    ("06/30/2025", date(2025, 6, 30)),          # can only be month first
    ("5.4.2025", date(2025, 4, 5)),             # ambiguous: day first (IFRS outside the US)
])
def test_printed_date_forms(text: str, expected: date) -> None:
    assert find_dates(text) == [expected]


def test_ambiguous_dates_follow_an_unambiguous_one_in_the_same_header() -> None:
    assert find_dates("\t06/30/2025\t03/31/2025") == [date(2025, 6, 30), date(2025, 3, 31)]
    assert find_dates("\t12/31/2025\t01/02/2025") == [date(2025, 12, 31), date(2025, 1, 2)]
    assert find_dates("\t31/12/2025\t01/02/2025") == [date(2025, 12, 31), date(2025, 2, 1)]
    assert find_dates("\t01/02/2025", month_first=True) == [date(2025, 1, 2)]


@pytest.mark.parametrize("text", ["Revenue\t1.234.567", "2024-25", "Note 3.1.2",
                                  "Loans\t12/2025", "1.5\t2.5"])
def test_figures_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_numeric_date_line_is_a_header_line() -> None:
    assert is_header_line("\t\t30.6.2025\t30.6.2024\t30.6.2025\t30.6.2024")
    assert is_header_line("                 31/12/2025   31/12/2024")
    assert not is_header_line("Revenue\tA8\t52,000\t48,000")


@pytest.mark.parametrize("texts, fy_end", [
    (["for the financial year ending 31 December 2025"], (12, 31)),
    (["Financial year end: 30 June 2026"], (6, 30)),
    (["FOR THE SECOND QUARTER ENDED 30 JUNE 2025"], (12, 31)),
    (["Interim report for the third quarter ended 31 December 2025"], (3, 31)),
    (["for the financial year ended March 31, 2025"], (3, 31)),
    (["Revenue for the year"], None),
    (["Annual results for the year ended 31 March 2025"], (3, 31)),
    (["for the year ended 30 June 2025", "the financial year ending 31 December 2025"],
     (12, 31)),
])
def test_fiscal_year_end_from_the_document(texts: list[str], fy_end: tuple[int, int]) -> None:
    assert fiscal_year_end(texts) == fy_end


@pytest.mark.parametrize("text, expected", [
    ("FOR THE SECOND QUARTER ENDED 30 JUNE 2025", True),
    ("For the nine months ended 30.9.2025", True),
    ("As at 31 December 2025", True),
    ("For the year", False),
    ("Revenue for the period\t1,234\t1,000", False),
    ("At 1 January 2025\t500\t400", False),
    ("At 30 June 2025         500       400", False),
])
def test_period_lines(text: str, expected: bool) -> None:
    assert is_period_line(text) is expected


# --------------------------------------------------------------------------- B + C: quarterly
QUARTERLY = """\
KINABALU PLANTATIONS BERHAD
(Incorporated in Malaysia)
Interim financial report for the financial year ending 31 March 2026

CONDENSED CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME
FOR THE PERIOD ENDED 30 SEPTEMBER 2025

\t\tIndividual quarter\t\tCumulative quarter
\t\tQuarter ended\t\tYear to date
\t\t30.9.2025\t30.9.2024\t30.9.2025\t30.9.2024
\tNote\tRM'000\tRM'000\tRM'000\tRM'000
Revenue\tB1\t8,400\t7,900\t16,100\t15,300
Cost of sales\t\t(5,000)\t(4,700)\t(9,600)\t(9,100)
Gross profit\t\t3,400\t3,200\t6,500\t6,200
Other operating expenses\t\t(1,100)\t(1,000)\t(2,200)\t(2,000)
Profit before taxation\t\t2,300\t2,200\t4,300\t4,200
Taxation\tB6\t(550)\t(530)\t(1,030)\t(1,010)
Profit for the financial period\t\t1,750\t1,670\t3,270\t3,190
"""


def test_quarterly_columns_take_their_length_from_the_group_words(tmp_path: Path) -> None:
    """Individual quarter: three months; Cumulative quarter / year to date: from the start of
    a financial year ending 31 March (so April)."""
    ex = _extract(tmp_path, QUARTERLY)
    (stmt,) = [s for s in ex.statements if s.kind in ("income", "comprehensive_income")]
    assert _periods(stmt) == [
        (date(2025, 7, 1), date(2025, 9, 30)), (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2025, 4, 1), date(2025, 9, 30)), (date(2024, 4, 1), date(2024, 9, 30))]
    assert [c.group for c in stmt.columns] == ["Individual quarter"] * 2 + \
        ["Cumulative quarter / Year to date"] * 2
    assert all(c.scope == "" for c in stmt.columns)
    assert not [i for i in ex.issues if i.code == "extract.period_unread"]
    assert stmt.rows[0].label == "Revenue"          # the group lines are no heading rows


def test_spans_printed_per_group_win_over_the_title() -> None:
    hint = period_hint(["STATEMENT OF PROFIT OR LOSS", "For the quarter ended 30 June 2025"])
    cols, issues = read_columns("income", hint, [
        "\t\t3 months ended\t\t6 months ended",
        "\t\t30/06/2025\t30/06/2024\t30/06/2025\t30/06/2024"])
    assert not issues
    assert [c.period for c in cols] == [
        Period(date(2025, 6, 30), date(2025, 4, 1)), Period(date(2024, 6, 30), date(2024, 4, 1)),
        Period(date(2025, 6, 30), date(2025, 1, 1)), Period(date(2024, 6, 30), date(2024, 1, 1))]


def test_cumulative_column_without_a_stated_year_start_is_an_error() -> None:
    hint = period_hint(["Statement of profit or loss", "for the period ended 30 June 2025"])
    cols, issues = read_columns("income", hint, [
        "\t\tCurrent quarter\t\tCumulative period",
        "\t\t30.6.2025\t30.6.2024\t30.6.2025\t30.6.2024"], title="Statement of profit or loss")
    assert [c.period is None for c in cols] == [False, False, True, True]
    assert cols[0].period == Period(date(2025, 6, 30), date(2025, 4, 1))
    assert [i.severity for i in issues] == ["error", "error"]
    assert "Cumulative period" in issues[0].message and "column 3" in issues[0].message


# --------------------------------------------------------------------------- C: Group | Company
SINGAPORE_LAYOUT = """\
HARBOURLIGHT HOLDINGS LIMITED

BALANCE SHEETS
As at 31 December 2025

                                        The Group              The Company
                              Note    31/12/2025  31/12/2024  31/12/2025  31/12/2024
                                         S$'000      S$'000      S$'000      S$'000
Non-current assets
Property, plant and equipment   4        88,100      80,200           -           -
Investments in subsidiaries     5             -           -      45,000      45,000
Total non-current assets                 88,100      80,200      45,000      45,000
Current assets
Cash and cash equivalents                12,900      10,800       1,200         900
Total current assets                     12,900      10,800       1,200         900
Total assets                            101,000      91,000      46,200      45,900
Share capital                            50,000      50,000      50,000      50,000
Retained earnings/(accumulated losses)   31,000      25,000      (4,800)     (5,100)
Total equity                             81,000      75,000      45,200      44,900
Trade and other payables                 20,000      16,000       1,000       1,000
Total liabilities                        20,000      16,000       1,000       1,000
Total equity and liabilities            101,000      91,000      46,200      45,900
"""


def test_singapore_group_and_company_balance_sheet_in_layout_text(tmp_path: Path) -> None:
    ex = _extract(tmp_path, SINGAPORE_LAYOUT)
    (bs,) = ex.statements
    assert [c.group for c in bs.columns] == ["The Group"] * 2 + ["The Company"] * 2
    assert [c.scope for c in bs.columns] == ["", "", "separate", "separate"]
    assert [c.period.end for c in bs.columns] == [date(2025, 12, 31), date(2024, 12, 31)] * 2
    assert bs.unit.currency == "SGD"
    assert not any(r.label in ("The Group", "The Company") for r in bs.rows)
    assert not [i for i in ex.issues if i.severity == "error"]
    # the company's retained earnings stay in the company's columns
    row = next(r for r in bs.rows if r.label.startswith("Retained earnings"))
    assert [c.value for c in row.cells] == [31000, 25000, -4800, -5100]


UK_TABS = """\
THISTLE & CROWN PLC

BALANCE SHEETS
at 31 March 2025

\t\tGroup\t\tParent company
\t\t2025\t2024\t2025\t2024
\tNotes\t£m\t£m\t£m\t£m
Intangible assets\t9\t410.2\t398.7\t-\t-
Investments in subsidiaries\t10\t-\t-\t602.0\t602.0
Total non-current assets\t\t410.2\t398.7\t602.0\t602.0
Cash at bank and in hand\t\t55.1\t47.9\t0.4\t0.3
Total assets\t\t465.3\t446.6\t602.4\t602.3
Called up share capital\t\t20.0\t20.0\t20.0\t20.0
Retained earnings\t\t345.3\t326.6\t580.4\t580.3
Total equity\t\t365.3\t346.6\t600.4\t600.3
Trade and other payables\t\t100.0\t100.0\t2.0\t2.0
Total equity and liabilities\t\t465.3\t446.6\t602.4\t602.3
"""


def test_uk_group_and_parent_company_tab_columns(tmp_path: Path) -> None:
    ex = _extract(tmp_path, UK_TABS)
    (bs,) = ex.statements
    assert [c.scope for c in bs.columns] == ["", "", "separate", "separate"]
    assert [c.group for c in bs.columns] == ["Group"] * 2 + ["Parent company"] * 2
    assert [c.period.end for c in bs.columns] == [date(2025, 3, 31), date(2024, 3, 31)] * 2
    assert not [i for i in ex.issues if i.severity == "error"]


@pytest.mark.parametrize("line, groups, scopes", [
    ("\t\tGroup\t\tCompany", ["Group", "Company"], ["", "separate"]),
    ("            Consolidated            Separate", ["Consolidated", "Separate"],
     ["", "separate"]),
    ("\t\tGroup\t\tBank", ["Group", "Bank"], ["", "separate"]),
    ("\t\tBank\t\tCompany", ["Bank", "Company"], ["", "separate"]),   # Bank: the reporting group
    ("\t\tTHE GROUP\t\tTHE COMPANY", ["THE GROUP", "THE COMPANY"], ["", "separate"]),
])
def test_group_lines(line: str, groups: list[str], scopes: list[str]) -> None:
    assert group_cells(line) == groups
    assert is_header_line(line)
    heads = column_heads([line], 4)
    assert [h.group for h in heads] == [groups[0]] * 2 + [groups[1]] * 2
    assert [h.scope for h in heads] == [scopes[0]] * 2 + [scopes[1]] * 2


@pytest.mark.parametrize("line", ["Company", "Amount due to the Company\t\t1,000\t900",
                                  "Group\tGroup restructuring costs", "Share capital\tGroup"])
def test_not_group_lines(line: str) -> None:
    assert group_cells(line) == []


def test_groups_that_do_not_divide_the_columns_are_ignored() -> None:
    heads = column_heads(["\t\tGroup\t\tCompany"], 3)
    assert all(h.group == "" and h.scope == "" for h in heads)


def test_consolidated_and_separate_income_with_years(tmp_path: Path) -> None:
    text = """\
NORDLAND FINANS ASA

STATEMENT OF PROFIT OR LOSS
for the year ended 31 December 2025

\t\tConsolidated\t\tSeparate
\tNote\t2025\t2024\t2025\t2024
\t\tEUR'000\tEUR'000\tEUR'000\tEUR'000
Revenue\t3\t9,000\t8,000\t500\t400
Operating expenses\t\t(6,000)\t(5,500)\t(300)\t(250)
Profit before tax\t\t3,000\t2,500\t200\t150
Income tax expense\t\t(600)\t(500)\t(40)\t(30)
Profit for the year\t\t2,400\t2,000\t160\t120
"""
    ex = _extract(tmp_path, text)
    (pl,) = ex.statements
    assert [c.scope for c in pl.columns] == ["", "", "separate", "separate"]
    assert _periods(pl) == [(date(2025, 1, 1), date(2025, 12, 31)),
                            (date(2024, 1, 1), date(2024, 12, 31))] * 2


# --------------------------------------------------------------------------- A: no inventing
def test_columns_without_years_are_reported_not_invented(tmp_path: Path) -> None:
    """Four columns, no year, no date, no period line: the old code counted years down from
    today. Now every column is without a period and each says so."""
    text = """\
ACME BERHAD

STATEMENT OF PROFIT OR LOSS

\t\tRM'000\tRM'000\tRM'000\tRM'000
Revenue\t\t52,000\t48,000\t101,000\t95,000
Cost of sales\t\t(31,000)\t(29,000)\t(60,500)\t(57,200)
Gross profit\t\t21,000\t19,000\t40,500\t37,800
"""
    ex = _extract(tmp_path, text)
    (pl,) = ex.statements
    assert [c.period for c in pl.columns] == [None] * 4
    unread = [i for i in ex.issues if i.code == "extract.period_unread"]
    assert len(unread) == 4 and all(i.severity == "error" for i in unread)
    assert "STATEMENT OF PROFIT OR LOSS" in unread[0].message
    assert "RM'000" in unread[0].message


def test_four_columns_with_one_year_do_not_count_down() -> None:
    hint = period_hint(["Statement of financial position", "As at 31 December 2025"])
    cols, issues = read_columns("financial_position", hint, ["\t\t2025\t\t\t",
                                                             "\t\tRM'000\tRM'000\tRM'000\tRM'000"])
    # four columns and no groups: which is the comparative cannot be told
    assert cols[0].period == Period(date(2025, 12, 31))
    assert [c.period for c in cols[1:]] == [None, None, None]
    assert len(issues) == 3 and "column 2" in issues[0].message


def test_group_pairs_take_the_comparative_convention_each() -> None:
    """Group | Company printed without years, the title giving the date: each pair is the
    current period and its comparative (IAS 1.38), per group, not 2025..2022."""
    hint = period_hint(["Statements of financial position", "As at 30 June 2025"])
    cols, issues = read_columns("financial_position", hint, [
        "\t\tGroup\t\tCompany", "\t\tS$'000\tS$'000\tS$'000\tS$'000"])
    assert [(i.severity, i.code) for i in issues] == [("info", "extract.period_comparative")] * 2
    assert [c.period.end for c in cols] == [date(2025, 6, 30), date(2024, 6, 30)] * 2


def test_two_columns_keep_the_one_comparative_convention() -> None:
    hint = period_hint(["Statement of profit or loss", "for the year ended 31 March 2025"])
    cols, issues = read_columns("income", hint, ["\tNote\tHK$'000\tHK$'000"])
    assert [(i.severity, i.code) for i in issues] == [("info", "extract.period_comparative")]
    assert [c.period for c in cols] == [Period(date(2025, 3, 31), date(2024, 4, 1)),
                                        Period(date(2024, 3, 31), date(2023, 4, 1))]


# --------------------------------------------------------------------------- D: ties by scope
GROUP_COMPANY_CASH = """\
MERBAU HOLDINGS BERHAD

STATEMENTS OF FINANCIAL POSITION
AS AT 31 DECEMBER 2025

\t\tGroup\t\tCompany
\t\t2025\t2024\t2025\t2024
\tNote\tRM'000\tRM'000\tRM'000\tRM'000
Property, plant and equipment\t5\t120,400\t115,300\t-\t-
Investment in subsidiaries\t\t-\t-\t80,000\t80,000
Cash and cash equivalents\t\t15,500\t12,500\t2,000\t1,500
Total assets\t\t135,900\t127,800\t82,000\t81,500
Share capital\t\t60,000\t60,000\t60,000\t60,000
Retained earnings\t\t75,900\t67,800\t22,000\t21,500
Total equity\t\t135,900\t127,800\t82,000\t81,500

STATEMENTS OF CASH FLOWS
FOR THE FINANCIAL YEAR ENDED 31 DECEMBER 2025

\t\tGroup\t\tCompany
\t\t2025\t2024\t2025\t2024
\t\tRM'000\tRM'000\tRM'000\tRM'000
Net cash from operating activities\t\t9,000\t7,000\t500\t400
Net cash used in investing activities\t\t(6,000)\t(5,000)\t-\t-
Net increase in cash and cash equivalents\t\t3,000\t2,000\t500\t400
Cash and cash equivalents at beginning of the financial year\t\t12,500\t10,500\t1,500\t1,100
Cash and cash equivalents at end of the financial year\t\t15,500\t12,500\t2,000\t1,500
"""


def test_cross_statement_ties_pair_columns_by_scope_and_period(tmp_path: Path) -> None:
    """Cash at the end of the year ties the company's cash flow column to the company's
    balance sheet column (2,000), never to the group's of the same year (15,500)."""
    ex = _extract(tmp_path, GROUP_COMPANY_CASH)
    cash = [i for i in ex.identities if i.name.startswith("cross: cash at")]
    assert cash and all(i.holds for i in cash), [(i.name, i.expected, i.actual) for i in cash]
    company = [i for i in cash if "Company" in i.name]
    assert len(company) == len(cash) - len([i for i in cash if "Group" in i.name]) > 0
    for ident in cash:
        total_col = int(ident.total.rsplit(":", 1)[1])
        term_col = int(ident.terms[0][1].rsplit(":", 1)[1])
        assert (total_col >= 2) == (term_col >= 2), ident.name   # same scope on both sides
    assert not [i for i in ex.issues if i.severity == "error"]


# --------------------------------------------------------------------------- a company statement apart
def test_company_balance_sheet_after_the_groups_is_kept_out_of_it(tmp_path: Path) -> None:
    """UK issuers print "Company balance sheet" after the consolidated one: its rows must not
    become more rows of the group's balance sheet (a second 'Total equity' for the group)."""
    group_part = UK_TABS.split("\t\tGroup")[0].replace("BALANCE SHEETS",
                                                        "CONSOLIDATED BALANCE SHEET")
    text = group_part + """\
\t\t2025\t2024
\tNotes\t£m\t£m
Intangible assets\t9\t410.2\t398.7
Cash at bank and in hand\t\t55.1\t47.9
Total assets\t\t465.3\t446.6
Total equity\t\t365.3\t346.6
Trade and other payables\t\t100.0\t100.0
Total equity and liabilities\t\t465.3\t446.6

Statement of financial position of the Company
at 31 March 2025
\t\t2025\t2024
\tNotes\t£m\t£m
Investments in subsidiaries\t10\t602.0\t602.0
Total assets\t\t602.4\t602.3
Total equity\t\t600.4\t600.3
Trade and other payables\t\t2.0\t2.0
Total equity and liabilities\t\t602.4\t602.3
"""
    ex = _extract(tmp_path, text)
    (bs,) = ex.statements
    assert [r.label for r in bs.rows].count("Total equity") == 1
    assert bs.last_line < text.splitlines().index("Statement of financial position of the Company")
    (note,) = [i for i in ex.issues if i.code == "extract.separate_statement"]
    assert note.severity == "warning" and "of the Company" in note.message


@pytest.mark.parametrize("title, separate", [
    ("COMPANY BALANCE SHEET", True),
    ("Parent company statement of cash flows", True),
    ("Statement of financial position of the Company", True),
    ("Statements of financial position of the Group and the Company", False),
    ("Consolidated statement of financial position", False),
])
def test_separate_titles(title: str, separate: bool) -> None:
    from converter.locate import is_separate_title, title_kinds
    assert title_kinds(title)
    assert is_separate_title(title) is separate


BURSA_STACKED = """\
MERANTI GLOVES BERHAD
Quarterly report on consolidated results for the financial year ending 31 December 2025

CONDENSED CONSOLIDATED STATEMENT OF PROFIT OR LOSS
FOR THE SECOND QUARTER ENDED 30 JUNE 2025

\t\tCurrent\tPreceding Year\tCurrent\tPreceding Year
\t\tYear\tCorresponding\tYear\tCorresponding
\t\tQuarter\tQuarter\tTo Date\tPeriod
\t\t30/06/2025\t30/06/2024\t30/06/2025\t30/06/2024
\tNote\tRM'000\tRM'000\tRM'000\tRM'000
Revenue\tB1\t52,000\t48,000\t101,000\t95,000
Cost of sales\t\t(31,000)\t(29,000)\t(60,500)\t(57,200)
Gross profit\t\t21,000\t19,000\t40,500\t37,800
Profit for the period\t\t8,360\t7,144\t15,656\t14,212
"""


def test_bursa_headings_printed_a_word_a_line(tmp_path: Path) -> None:
    """"Current / Year / Quarter" and "Preceding Year / Corresponding / Period", one piece a
    line: joined per tab field, they say quarter or year to date; none becomes a row."""
    ex = _extract(tmp_path, BURSA_STACKED)
    (pl,) = ex.statements
    assert _periods(pl) == [
        (date(2025, 4, 1), date(2025, 6, 30)), (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2025, 1, 1), date(2025, 6, 30)), (date(2024, 1, 1), date(2024, 6, 30))]
    assert [r.label for r in pl.rows] == ["Revenue", "Cost of sales", "Gross profit",
                                          "Profit for the period"]
    assert not [i for i in ex.issues if i.severity == "error"]


def test_third_balance_sheet_under_group_only_by_tab_fields(tmp_path: Path) -> None:
    """Group prints three dates (IAS 1.40A), Company two: 5 columns under 2 groups are
    assigned by tab field; 'as at 1.1.2024' is the instant that ends 31 December 2023."""
    text = """\
ACME BERHAD

STATEMENTS OF FINANCIAL POSITION
AS AT 31 DECEMBER 2025

\t\tGroup\t\t\tCompany
\t\t31.12.2025\t31.12.2024\t1.1.2024\t31.12.2025\t31.12.2024
\t\t\t(Restated)\t(Restated)
\tNote\tRM'000\tRM'000\tRM'000\tRM'000\tRM'000
Property, plant and equipment\t5\t120,400\t115,300\t110,000\t-\t-
Investment in subsidiaries\t\t-\t-\t-\t80,000\t80,000
Total assets\t\t120,400\t115,300\t110,000\t80,000\t80,000
Share capital\t\t60,000\t60,000\t60,000\t60,000\t60,000
Retained earnings\t\t60,400\t55,300\t50,000\t20,000\t20,000
Total equity\t\t120,400\t115,300\t110,000\t80,000\t80,000
"""
    ex = _extract(tmp_path, text)
    (bs,) = ex.statements
    assert [c.scope for c in bs.columns] == ["", "", "", "separate", "separate"]
    assert [c.period.end for c in bs.columns] == [
        date(2025, 12, 31), date(2024, 12, 31), date(2023, 12, 31), date(2025, 12, 31),
        date(2024, 12, 31)]
    assert [c.restated for c in bs.columns] == [False, True, True, False, False]


def test_group_cells_not_over_the_first_column_are_ignored() -> None:
    heads = column_heads(["\t\t\tGroup\t\t\tCompany"], 5, [2, 3, 4, 5, 6])
    assert all(h.group == "" for h in heads)


def test_changes_in_equity_dates_and_lengths_in_other_wordings() -> None:
    from converter.equity_dates import balance_date, months_in
    assert balance_date("At 1.1.2025") == date(2025, 1, 1)
    assert balance_date("Balance at 31-12-2024") == date(2024, 12, 31)
    assert months_in("for the 6 months ended 30 June 2025") == 6
    assert months_in("FOR THE QUARTER ENDED 31 MARCH 2025") == 3
    assert months_in("for the financial year ended 31 December 2025") == 12


QUARTERLY_LAYOUT = """\
SABLE TECHNOLOGIES BERHAD

CONDENSED CONSOLIDATED STATEMENT OF PROFIT OR LOSS
FOR THE SECOND QUARTER ENDED 30 JUNE 2025

                                 Individual quarter          Cumulative quarter
                                  3 months ended               6 months ended
                                30 Jun 2025  30 Jun 2024   30 Jun 2025  30 Jun 2024
                          Note       RM'000       RM'000        RM'000       RM'000
Revenue                    A8        52,000       48,000       101,000       95,000
Cost of sales                       (31,000)     (29,000)      (60,500)     (57,200)
Gross profit                         21,000       19,000        40,500       37,800
Income tax expense         B5        (2,640)      (2,256)       (4,944)      (4,488)
Profit for the period                18,360       16,744        35,556       32,600
"""


def test_quarterly_report_in_layout_text(tmp_path: Path) -> None:
    """Space-aligned: group words, spans and "30 Jun 2025" dates by runs of spaces; the
    second quarter of a December year starts in January; Bursa note numbers "A8", "B5"."""
    ex = _extract(tmp_path, QUARTERLY_LAYOUT)
    (pl,) = ex.statements
    assert _periods(pl) == [
        (date(2025, 4, 1), date(2025, 6, 30)), (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2025, 1, 1), date(2025, 6, 30)), (date(2024, 1, 1), date(2024, 6, 30))]
    assert [c.group for c in pl.columns] == ["Individual quarter"] * 2 + \
        ["Cumulative quarter"] * 2
    assert [(r.label, r.note) for r in pl.rows][:2] == [("Revenue", "A8"),
                                                         ("Cost of sales", None)]
    assert pl.rows[3].note == "B5"


def test_us_style_month_first_header() -> None:
    hint = period_hint(["Consolidated balance sheet"])
    cols, issues = read_columns("financial_position", hint, [
        "\t\tJune 30, 2025\tDecember 31, 2024", "\t\t(Unaudited)\t"])
    assert not issues
    assert [c.period.end for c in cols] == [date(2025, 6, 30), date(2024, 12, 31)]
    assert [c.unaudited for c in cols] == [True, False]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_HEADER_PIECES = st.sampled_from([
    "Group", "Company", "The Bank", "Individual quarter", "Cumulative quarter",
    "3 months ended", "Year to date", "30.6.2025", "31/12/2024", "2025", "2024", "RM'000",
    "(Restated)", "Note", "1,234", "(5)", "", "Current", "Year", "Quarter", "1.1.2024"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_HEADER_PIECES, max_size=7).map("\t".join), max_size=5),
       st.integers(min_value=1, max_value=7),
       st.sampled_from(["income", "financial_position", "cash_flows"]))
def test_any_header_gives_columns_or_issues_never_a_crash(lines: list[str], n: int,
                                                          kind: str) -> None:
    hint = period_hint(["Statement", *lines])
    cols, issues = read_columns(kind, hint, lines, n)  # type: ignore[arg-type]
    assert len(cols) == n
    for j, c in enumerate(cols):
        if c.period is None:
            assert any(f"column {j + 1} " in i.message and i.severity == "error"
                       for i in issues)
        assert c.scope in ("", "separate")


def test_company_rows_under_the_groups_in_one_statement_are_cut_off(tmp_path: Path) -> None:
    """Changes in equity printed "Group" block then "Company" block in one statement: the
    company's balances must not become more periods of the group's (they did, silently)."""
    text = """\
ACME BERHAD

STATEMENTS OF CHANGES IN EQUITY
FOR THE FINANCIAL YEAR ENDED 31 DECEMBER 2025

\t\tShare capital\tRetained earnings\tTotal equity
\t\tRM'000\tRM'000\tRM'000
Group
At 1 January 2024\t\t60,000\t50,000\t110,000
Profit for the financial year\t\t-\t12,000\t12,000
At 31 December 2024\t\t60,000\t62,000\t122,000
Profit for the financial year\t\t-\t8,000\t8,000
At 31 December 2025\t\t60,000\t70,000\t130,000

The Company
At 1 January 2024\t\t60,000\t20,000\t80,000
Profit for the financial year\t\t-\t1,000\t1,000
At 31 December 2024\t\t60,000\t21,000\t81,000
"""
    ex = _extract(tmp_path, text)
    (soce,) = ex.statements
    assert soce.last_line == 13
    assert not any(r.line > 13 for r in soce.rows)
    (note,) = [i for i in ex.issues if i.code == "extract.separate_statement"]
    assert note.line == 15 and "The Company" in note.message
    assert not [i for i in ex.issues if "roll-forward" in i.message]


def test_dated_duration_column_without_a_length_is_not_taken_as_a_year() -> None:
    """"30.6.2025 30.6.2024" over a profit or loss with no "year/6 months/quarter ended"
    anywhere: a year to 30 June would be a guess (it is more often a half-year)."""
    hint = period_hint(["Statement of profit or loss"])
    cols, issues = read_columns("income", hint, ["\t\t30.6.2025\t30.6.2024"])
    assert [c.period for c in cols] == [None, None]
    assert len(issues) == 2 and "no period length" in issues[0].message
    # the document's financial year ends on that date: a year
    cols, issues = read_columns("income", hint, ["\t\t30.6.2025\t30.6.2024"], fy_end=(6, 30))
    assert not issues and cols[0].period == Period(date(2025, 6, 30), date(2024, 7, 1))
    # a column headed by a year alone is that financial year, ending on the day the
    # document gives ("financial year ended 31 March ..."), never an assumed 31 December
    cols, issues = read_columns("income", hint, ["\t\t2025\t2024"], fy_end=(3, 31))
    assert not issues and cols[1].period == Period(date(2024, 3, 31), date(2023, 4, 1))
    cols, issues = read_columns("income", hint, ["\t\t2025\t2024"])
    assert [c.period for c in cols] == [None, None]
    assert "no day and month" in issues[0].message


def test_columns_of_the_same_period_without_a_group_heading_are_reported() -> None:
    """Reproducer 2 with the "Group  Company" line lost: the two 2025 columns read as the
    same period; said where it starts, not left to surface as duplicate facts."""
    hint = period_hint(["Statements of financial position", "As at 31 December 2025"])
    cols, issues = read_columns("financial_position", hint, ["\t\t2025\t2024\t2025\t2024"])
    assert [c.period.end.year for c in cols] == [2025, 2024, 2025, 2024]
    assert [(i.severity, i.code) for i in issues] == [("warning", "extract.duplicate_period")] * 2
    assert "same period as column 1" in issues[0].message


def test_month_first_is_decided_for_the_whole_header() -> None:
    """A US header: "06/30/2025" can only be month first, so "05/06/2025" beside it (in
    another tab field, or on another header line) is 6 May, not 5 June."""
    hint = period_hint(["Condensed consolidated balance sheets"])
    cols, _ = read_columns("financial_position", hint, ["\t\t06/30/2025\t05/06/2025"])
    assert [c.period.end for c in cols] == [date(2025, 6, 30), date(2025, 5, 6)]
    cols, _ = read_columns("financial_position", hint, ["\t\tRestated 06/30/2025",
                                                        "\t\t05/06/2025\t04/03/2025"])
    assert [c.period.end for c in cols] == [date(2025, 5, 6), date(2025, 4, 3)]


SOCE_RESERVE_CLASSES = """\
ACME BERHAD

CONDENSED CONSOLIDATED STATEMENT OF CHANGES IN EQUITY
FOR THE 6 MONTHS ENDED 30.6.2025

{classes}
{names1}
{names2}
{units}
At 1.1.2025{sep}60,000{s}1,000{s}50,000{s}111,000
Profit for the financial period{sep}-{s}-{s}8,000{s}8,000
At 30.6.2025{sep}60,000{s}1,000{s}58,000{s}119,000
"""


@pytest.mark.parametrize("layout", ["tabs", "spaces"])
def test_reserve_classes_over_equity_columns_name_no_component(tmp_path: Path,
                                                               layout: str) -> None:
    """Malaysian "<--- Non-distributable --->  Distributable" over the components is a class
    spanning columns, not the first components' names."""
    if layout == "tabs":
        text = SOCE_RESERVE_CLASSES.format(
            classes="\t\t<------ Non-distributable ------>\tDistributable",
            names1="\t\tShare\tTranslation\tRetained\tTotal",
            names2="\t\tcapital\treserve\tearnings\tequity",
            units="\t\tRM'000\tRM'000\tRM'000\tRM'000", sep="\t\t", s="\t")
    else:
        text = SOCE_RESERVE_CLASSES.format(
            classes=" " * 30 + "<------ Non-distributable ------>   Distributable",
            names1=" " * 35 + "Share     Translation       Retained         Total",
            names2=" " * 33 + "capital         reserve       earnings        equity",
            units=" " * 34 + "RM'000          RM'000         RM'000        RM'000",
            sep=" " * 22, s=" " * 10)
    ex = _extract(tmp_path, text)
    (soce,) = ex.statements
    assert [c.component for c in soce.columns] == ["Share capital", "Translation reserve",
                                                   "Retained earnings", "Total equity"]
    assert {r.period for r in soce.rows} == {Period(date(2025, 6, 30), date(2025, 1, 1))}

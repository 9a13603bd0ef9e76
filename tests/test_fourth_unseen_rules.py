"""General rules found on the fourth round of unseen announcements (tests/data/unseen/
jadeport-2025-rmb-restated, coolabah-2025-halfyear), each shown here in yet another wording."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from converter.column_groups import is_lone_group_line
from converter.equity import periods_as_columns
from converter.figure_lines import join_figures_below
from converter.home_dollar import home_dollar, home_yen, localise_dollar
from converter.model import Column, Line, Row, Statement, Unit
from converter.periods import is_header_line
from converter.reader import document_from_text
from helpers import extract_text as _extract, row_values as _values


def _lines(*texts: str) -> list[Line]:
    return [Line(no=i + 1, raw=t, text=t) for i, t in enumerate(texts)]


# --------------------------------------------------------------------------- "( 1,234 )"
def test_parentheses_set_off_by_spaces_close_around_the_figure_and_keep_its_right_edge() -> None:
    text = "Selling costs             ( 1,204.5 )      (980 )     ( 7 )"
    [line] = document_from_text(text).lines
    assert line.text.split() == ["Selling", "costs", "(1,204.5)", "(980)", "(7)"]
    # the closing parenthesis stays where it was: the column keeps its right edge
    assert len(line.text) == len(text) and line.text.index(")") == text.index(")")
    # words in parentheses, and a figure in prose, are left alone
    assert document_from_text("Revenue ( see below )").lines[0].text == "Revenue ( see below )"


def test_a_statement_printing_spaced_parentheses_reads_negative_figures(tmp_path: Path) -> None:
    ext = _extract(tmp_path, (
        "LOTUSWAY HOLDINGS LTD\n\nCONSOLIDATED INCOME STATEMENT\n"
        "For the year ended 31 December 2025\n\n"
        "                                        2025          2024\n"
        "                                      S$'000        S$'000\n\n"
        "Turnover                              84,210        80,015\n"
        "Cost of goods sold               ( 51,330 )    ( 49,870 )\n"
        "Gross profit                          32,880        30,145\n"
        "Distribution expenses             ( 9,114 )     ( 8,702 )\n"
        "Profit before taxation                23,766        21,443\n"))
    stmt = ext.statement("income")
    assert stmt is not None and stmt.unit.currency == "SGD"
    assert _values(stmt, "Cost of goods sold") == [Decimal(-51330), Decimal(-49870)]
    assert _values(stmt, "Distribution expenses") == [Decimal(-9114), Decimal(-8702)]


# --------------------------------------------------------------------------- figures below labels
def test_a_label_and_the_figure_line_directly_under_it_are_one_row() -> None:
    lines = _lines("Turnover",
                   "                              7     52,400     48,120",
                   "Expenses",
                   "Staff costs",
                   "                                   (12,900)   (11,300)",
                   "Profit attributable to:",
                   "Members of the parent",
                   "\t\t9,870\t8,450")
    out, issues = join_figures_below(lines)
    assert not issues
    texts = [ln.text for ln in out]
    assert texts[0] == "Turnover                      7     52,400     48,120"
    assert texts[1] == "Expenses"                                  # a heading stays one
    assert texts[2].startswith("Staff costs ") and texts[2].endswith("(12,900)   (11,300)")
    assert texts[3] == "Profit attributable to:"
    assert texts[4] == "Members of the parent\t\t9,870\t8,450"      # tab fields kept
    assert [ln.no for ln in out] == [1, 3, 4, 6, 7]


def test_a_label_block_pairs_with_as_many_figure_lines_section_headings_aside() -> None:
    lines = _lines("Current assets", "Bank balances", "Debtors", "Total current assets", "",
                   "                        4,100     3,900",
                   "                        2,250     2,010",
                   "                        6,350     5,910")
    out, issues = join_figures_below(lines, "financial_position")
    assert not issues
    texts = [" ".join(ln.text.split()) for ln in out]
    assert texts == ["Current assets", "Bank balances 4,100 3,900", "Debtors 2,250 2,010",
                     "Total current assets 6,350 5,910"]


def test_a_label_block_whose_count_differs_is_left_with_a_warning() -> None:
    lines = _lines("Fees", "Commissions", "Other revenue", "",
                   "                        4,100     3,900",
                   "                        2,250     2,010")
    out, issues = join_figures_below(lines, "income")
    assert [ln.text for ln in out] == [ln.text for ln in lines]
    assert [i.code for i in issues] == ["extract.label_block"]
    assert "3 labels" in issues[0].message and "2 lines of figures" in issues[0].message


def test_a_lone_figure_line_after_a_blank_line_is_not_joined_to_the_label_above() -> None:
    lines = _lines("Equity attributable to owners", "", "                 9,870     8,450")
    out, _ = join_figures_below(lines)
    assert [ln.text for ln in out] == [ln.text for ln in lines]


def test_a_half_year_statement_with_figures_under_each_label_reads_every_row(
        tmp_path: Path) -> None:
    ext = _extract(tmp_path, (
        "Kowhai Dairy Limited\nNZX: KDL\n\n"
        "Consolidated income statement\nFor the six months ended 31 December 2025\n\n"
        "                                               Group\n"
        "                                 Notes  31 Dec 2025   31 Dec 2024\n"
        "                                              $'000         $'000\n\n"
        "Sales revenue\n"
        "                                 3          96,410        90,233\n"
        "Cost of sales\n"
        "                                          (70,102)      (66,951)\n"
        "Gross margin\n"
        "                                            26,308        23,282\n"
        "Operating expenses\n"
        "                                          (14,877)      (13,905)\n"
        "Net profit before tax\n"
        "                                            11,431         9,377\n"))
    stmt = ext.statement("income")
    assert stmt is not None
    assert (stmt.unit.currency, stmt.unit.scale) == ("NZD", 3)
    assert [(c.period.start.isoformat(), c.period.end.isoformat())
            for c in stmt.columns if c.period and c.period.start] == \
        [("2025-07-01", "2025-12-31"), ("2024-07-01", "2024-12-31")]
    assert _values(stmt, "Sales revenue") == [Decimal(96410), Decimal(90233)]
    assert _values(stmt, "Net profit before tax") == [Decimal(11431), Decimal(9377)]
    assert not any(r.label == "Group" for r in stmt.rows)
    assert not [i for i in ext.identities if not i.holds]


# --------------------------------------------------------------------------- which dollar, which ¥
def test_a_bare_dollar_is_the_home_dollar_of_the_one_jurisdiction_named() -> None:
    assert home_dollar(["Listed on the NZX Main Board", "  $'000  $'000"])[0] == "NZD"
    assert home_dollar(["TSX: ABC", "(in thousands of $)", "$ in millions"])[0] == "CAD"
    assert home_dollar(["ABN 11 222 333 444", "$m"])[0] == "AUD"
    # US dollars printed as a unit somewhere: "$" may mean them
    assert home_dollar(["ASX announcement", "$'000", "Segment (US$'000)"]) is None
    # two jurisdictions named, or none: nothing is decided
    assert home_dollar(["ASX and NZX listed", "$'000"]) is None
    assert home_dollar(["$ in millions, except per share amounts"]) is None
    # no bare dollar unit at all
    assert home_dollar(["ASX", "A$'000"]) is None


def test_the_home_dollar_relabels_statement_and_per_share_units() -> None:
    row = Row(label="Basic earnings per share (cents)", cells=[], line=9,
              unit=Unit("USD", -2, per_share=True))
    stmt = Statement(kind="income", title="t", columns=[Column(header="2025")], rows=[row],
                     unit=Unit("USD", 3))
    doc = document_from_text("Wattle Ltd\nASX code: WTL\n   $'000\n")
    issues = localise_dollar(doc, [stmt])
    assert stmt.unit == Unit("AUD", 3) and row.unit == Unit("AUD", -2, per_share=True)
    assert [i.code for i in issues] == ["extract.home_currency"] and "ASX" in issues[0].message


def test_the_yen_sign_is_the_yen_unless_the_document_names_the_renminbi(tmp_path: Path) -> None:
    assert home_yen(["Incorporated in the People's Republic of China", "¥ million"]) == \
        ("CNY", "People's Republic of China")
    assert home_yen(["Tokyo, Japan; RMB loans", "¥ million"]) is None
    ext = _extract(tmp_path, (
        "SAKURA MACHINERY CO., LTD.\n\nConsolidated statement of income\n"
        "For the year ended 31 March 2025\n\n"
        "                                     FY2024        FY2025\n"
        "                                  ¥ million     ¥ million\n\n"
        "Net sales                            41,205        43,118\n"
        "Cost of sales                      (30,016)      (31,442)\n"
        "Operating profit                     11,189        11,676\n"))
    stmt = ext.statement("income")
    assert stmt is not None and (stmt.unit.currency, stmt.unit.scale) == ("JPY", 6)


# --------------------------------------------------------------------------- column headings
def test_one_group_word_over_all_columns_is_header_text_not_a_row() -> None:
    assert is_lone_group_line("                              The Group")
    assert is_lone_group_line("\t\tConsolidated (Audited)")
    assert is_header_line("                        Consolidated")
    assert not is_lone_group_line("Consolidated")                # flush left: a label
    assert not is_lone_group_line("            Consolidated revenue")


# --------------------------------------------------------------------------- equity as rows
def test_equity_columns_that_are_periods_say_the_components_are_rows() -> None:
    assert periods_as_columns([Column(header="31 Dec 2025 $'000"), Column(header="2024")]) == \
        ["31 Dec 2025", "2024"]
    assert periods_as_columns([Column(header="FY2025"), Column(header="FY2024")])
    assert periods_as_columns([Column(header="Share capital"), Column(header="Total 2025")]) == []


def test_a_reserve_note_style_equity_statement_is_refused_clearly(tmp_path: Path) -> None:
    w = 14
    head = " " * 40 + "30 Jun 2025".rjust(w) + "30 Jun 2024".rjust(w)
    ext = _extract(tmp_path, "\n".join([
        "Banksia Retail Limited", "ABN 55 666 777 888", "",
        "Consolidated statement of profit or loss", "For the year ended 30 June 2025", "",
        head, " " * 40 + "$'000".rjust(w) + "$'000".rjust(w), "",
        "Sales".ljust(40) + "9,000".rjust(w) + "8,000".rjust(w),
        "Net profit".ljust(40) + "1,000".rjust(w) + "900".rjust(w), "",
        "Consolidated statement of changes in equity", "For the year ended 30 June 2025", "",
        head, " " * 40 + "$'000".rjust(w) + "$'000".rjust(w), "",
        "Contributed equity",
        "Opening balance".ljust(40) + "5,000".rjust(w) + "5,000".rjust(w),
        "Closing balance".ljust(40) + "5,000".rjust(w) + "5,000".rjust(w),
        "Retained earnings",
        "Opening balance".ljust(40) + "2,100".rjust(w) + "1,200".rjust(w),
        "Net profit".ljust(40) + "1,000".rjust(w) + "900".rjust(w),
        "Closing balance".ljust(40) + "3,100".rjust(w) + "2,100".rjust(w), ""]) + "\n")
    assert ext.statement("changes_in_equity") is None
    [issue] = [i for i in ext.issues if i.code == "equity.components_as_rows"]
    assert issue.severity == "error" and "30 Jun 2025" in issue.message
    assert "not supported" in issue.message


# --------------------------------------------------------------------------- other negative styles
def test_a_triangle_or_a_trailing_minus_marks_a_negative_figure(tmp_path: Path) -> None:
    assert document_from_text("Impairment loss      △1,204    ▲ 87").lines[0].text.split() == \
        ["Impairment", "loss", "-1,204", "-87"]
    assert document_from_text("Write-downs      2,310-      96-").lines[0].text.split() == \
        ["Write-downs", "-2,310", "-96"]
    # a year range and a page mark are no figures with a minus
    assert document_from_text("FY2024-25 review").lines[0].text == "FY2024-25 review"
    ext = _extract(tmp_path, (
        "HANAMI FOODS CO., LTD.\n\nConsolidated statement of income\n"
        "For the year ended 31 March 2025\n\n"
        "                                     FY2025        FY2024\n"
        "                                  ¥ million     ¥ million\n\n"
        "Net sales                            52,300        50,100\n"
        "Cost of sales                       △38,900       △37,600\n"
        "Gross profit                         13,400        12,500\n"))
    stmt = ext.statement("income")
    assert stmt is not None
    assert _values(stmt, "Cost of sales") == [Decimal(-38900), Decimal(-37600)]


def test_figures_in_an_unknown_form_are_an_error_naming_the_row(tmp_path: Path) -> None:
    from converter.unread_figures import unread_figures
    assert unread_figures("Finance costs      <1,204>     <980>") == ["<1,204>", "<980>"]
    assert unread_figures("Deferred income     1,250CR     900") == ["1,250CR"]
    assert unread_figures("Revenue   4   1,204   (980)") == []          # a note and figures
    assert unread_figures("Trade receivables   12,3A5   9,870") == []     # OCR damage: repaired
    assert unread_figures("<1,204>  <980>") == []                         # no label: not a row
    ext = _extract(tmp_path, (
        "Orchard Co\n\nIncome statement\nFor the year ended 31 December 2025\n\n"
        "                                   2025        2024\n"
        "                                  $'000       $'000\n\n"
        "Revenue                            9,100       8,800\n"
        "Finance costs                      <410>       <388>\n"
        "Profit before tax                  8,690       8,412\n"))
    [issue] = [i for i in ext.issues if i.code == "extract.figures_unread"]
    assert issue.severity == "error" and issue.line == 10 and "Finance costs" in issue.message


def test_the_dollar_jurisdiction_table_is_sorted_unique_and_compiles() -> None:
    import csv
    import re

    from converter.resources import taxonomy_dir
    with open(taxonomy_dir() / "dollar_jurisdictions.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    with open(taxonomy_dir() / "currencies.csv", newline="", encoding="utf-8") as fh:
        known = {r["code"] for r in csv.DictReader(fh)}
    codes = [r["code"] for r in rows]
    assert codes == sorted(set(codes)) and set(codes) <= known
    for r in rows:
        pattern = re.compile(r["evidence"])
        assert not pattern.search("$'000") and not pattern.search("United States")


def test_a_document_with_no_known_unit_says_the_unit_is_assumed(tmp_path: Path) -> None:
    ext = _extract(tmp_path, (
        "Tanjung Cement Tbk\n\nConsolidated statement of profit or loss\n"
        "For the year ended 31 December 2025\n\n"
        "                                   2025        2024\n\n"
        "Net revenue                      9,100       8,800\n"
        "Cost of revenue                 (6,410)     (6,388)\n"
        "Gross profit                     2,690       2,412\n"))
    [issue] = [i for i in ext.issues if i.code == "extract.unit_assumed"]
    assert issue.severity == "warning" and "assumed" in issue.message
    ext = _extract(tmp_path, (
        "Tanjung Cement Tbk\n\nConsolidated statement of profit or loss\n"
        "For the year ended 31 December 2025\n\n"
        "                                   2025        2024\n"
        "                             Rp million  Rp million\n\n"
        "Net revenue                      9,100       8,800\n"
        "Gross profit                     9,100       8,800\n"))
    stmt = ext.statement("income")
    assert stmt is not None and (stmt.unit.currency, stmt.unit.scale) == ("IDR", 6)
    assert not [i for i in ext.issues if i.code == "extract.unit_assumed"]


def test_fiscal_period_names_with_two_digit_years_are_column_headings() -> None:
    assert is_header_line("                                 1H FY26       1H FY25")
    assert is_header_line("          HY25      HY24")
    assert is_header_line("\tFY26\tFY25")
    assert not is_header_line("Revenue    26    25")
    assert not is_header_line("FY26 guidance reaffirmed at 12%")


def test_a_wrapped_label_in_a_label_block_takes_its_figures_on_its_last_line(
        tmp_path: Path) -> None:
    lines = _lines("Net profit for the period attributable to",
                   "the members of the parent entity", "Dividends declared", "",
                   "                        4,100     3,900",
                   "                        (2,250)   (2,010)")
    out, issues = join_figures_below(lines, "income")
    assert not issues
    texts = [" ".join(ln.text.split()) for ln in out]
    assert texts == ["Net profit for the period attributable to",
                     "the members of the parent entity 4,100 3,900",
                     "Dividends declared (2,250) (2,010)"]


def test_dollar_thousands_without_an_apostrophe_is_the_unit_not_a_nil_figure(
        tmp_path: Path) -> None:
    assert "$000" in document_from_text("                  $000        $000").lines[0].text
    ext = _extract(tmp_path, (
        "Kauri Timber Limited\nNZX: KTL\n\nConsolidated income statement\n"
        "For the year ended 31 March 2025\n\n"
        "                                   2025          2024\n"
        "                                   $000          $000\n\n"
        "Revenue                           9,100         8,800\n"
        "Operating expenses               (6,410)       (6,388)\n"
        "Operating profit                  2,690         2,412\n"))
    stmt = ext.statement("income")
    assert stmt is not None and (stmt.unit.currency, stmt.unit.scale) == ("NZD", 3)
    assert [r.label for r in stmt.rows] == ["Revenue", "Operating expenses", "Operating profit"]


def test_a_note_beside_a_label_stays_with_it_and_a_figure_there_does_not() -> None:
    lines = _lines("Sales revenue                 5",
                   "                                       9,100         8,800")
    out, _ = join_figures_below(lines)
    assert [" ".join(ln.text.split()) for ln in out] == ["Sales revenue 5 9,100 8,800"]
    # "12" stands in a figure column (its other cell blank): a row, and the line below is an
    # unlabelled subtotal, not its figures
    lines = _lines("Sundry debtors                                         12",
                   "                                       9,100         8,800")
    out, _ = join_figures_below(lines)
    assert [ln.text for ln in out] == [ln.text for ln in lines]

"""General rules found on the fifth round of unseen announcements (tests/data/unseen/
northbridge-2025-canadian, karoo-2025-rand), each shown here in yet another wording."""
from __future__ import annotations

from pathlib import Path

from converter.equity_header import unit_of
from converter.equity_members import member_for
from converter.equity_solve import column_roles
from converter.locate import title_kinds
from converter.model import Column, Unit
from converter.periods import detect_unit
from converter.reader import document_from_text, strip_markup
from converter.row_labels import mapping_label
from helpers import extract_text, row_values


# --------------------------------------------------------------------------- titles
def test_titles_qualified_as_summarised_reviewed_or_provisional_are_titles() -> None:
    assert title_kinds("Reviewed condensed group statement of cash flows") == ("cash_flows",)
    assert title_kinds("PROVISIONAL SUMMARIZED CONSOLIDATED BALANCE SHEET") == \
        ("financial_position",)
    assert title_kinds("Summarised statement of changes in equity") == ("changes_in_equity",)
    assert title_kinds("A summarised view of the balance sheet was given") == ()


# --------------------------------------------------------------------------- the rand
def test_the_rand_sign_counts_with_its_scale_and_never_hides_the_ringgit() -> None:
    assert detect_unit(["Rm"]) == Unit("ZAR", 6)
    assert detect_unit(["(R'000)"]) == Unit("ZAR", 3)
    assert detect_unit(["R million"]) == Unit("ZAR", 6)
    assert detect_unit(["RM'000"]) == Unit("MYR", 3)
    assert detect_unit(["RM million"]) == Unit("MYR", 6)
    assert detect_unit(["R&D spend 2025"]) is None
    assert unit_of("Share premium Rm") == Unit("ZAR", 6)
    assert unit_of("Hedging reserve RM'000") == Unit("MYR", 3)
    assert unit_of("Reserves") is None


# --------------------------------------------------------------------------- page furniture
def test_a_running_footer_ending_in_its_page_number_is_furniture_at_a_page_break() -> None:
    text = "\n".join([
        "Balance sheet", "                          2025        2024",
        "Stock                                   4,210       3,980",
        "",
        "Ubuntu Breweries Ltd   Interim report for the six months ended 31 August 2025        21",
        "\fBalance sheet (continued)",
        "Creditors                               2,004       1,870",
        "",
        "Ubuntu Breweries Ltd   Interim report for the six months ended 31 August 2025        22",
        "\f"])
    lines = [ln.text for ln in document_from_text(text).lines]
    assert lines[4] == "" and lines[8] == ""
    assert lines[2].split()[-1] == "3,980"          # rows keep their figures


def test_a_row_with_one_figure_is_not_furniture() -> None:
    text = "\n".join(["Cash flow statement", "                          2025        2024",
                      "Dividends received from joint ventures          1,250",
                      "\fNotes"])
    lines = [ln.text for ln in document_from_text(text).lines]
    assert lines[2].split()[-1] == "1,250"


# --------------------------------------------------------------------------- dollar signs
def test_a_currency_sign_at_the_column_edge_with_spaces_before_the_figure_is_blanked() -> None:
    text, _, _ = strip_markup("Net sales                 $      12,345      $       9,876")
    assert text.split() == ["Net", "sales", "12,345", "9,876"]
    assert len(text) == len("Net sales                 $      12,345      $       9,876")
    prose, _, _ = strip_markup("The fee was $ 5 per unit")
    assert "$" in prose


# --------------------------------------------------------------------------- unlabelled totals
STATEMENT = """\
Group statement of profit or loss
For the year ended 31 March 2025
                                      Notes          2025          2024
                                                      £000          £000
Turnover                                  2       58,204        51,377
Operating costs                                  (41,860)      (37,015)
Trading profit                                    16,344        14,362
Tax charge
Current year                                      (3,912)       (3,404)
Prior years                                          208          (96)
                                          6       (3,704)       (3,500)
Profit for the year                               12,640        10,862
"""


def test_an_unlabelled_total_keeps_its_note_apart_from_its_figures(tmp_path: Path) -> None:
    stmt = extract_text(tmp_path, STATEMENT).statement("income")
    assert stmt is not None
    row = next(r for r in stmt.rows if r.printed_label == "" and r.kind != "heading")
    assert row.note == "6"
    assert [c.value for c in row.cells] == [-3704, -3500]


# --------------------------------------------------------------------------- sections
BALANCE_SHEET = """\
Consolidated balance sheet
At 30 June 2025
                                                    2025          2024
                                                    $000          $000
Plant and equipment                               12,400        11,900
Debtors                                            3,100         2,800
Total assets                                      15,500        14,700
Capital and reserves
Issued shares                                      5,000         5,000
Accumulated profits                                4,300         3,600
Total equity                                       9,300         8,600
Current liabilities
Creditors                                          4,200         4,100
Bank loans                                         2,000         2,000
Total liabilities                                  6,200         6,100
Total equity and liabilities                      15,500        14,700
"""


def test_a_total_broader_than_its_group_stands_outside_it(tmp_path: Path) -> None:
    stmt = extract_text(tmp_path, BALANCE_SHEET).statement("financial_position")
    assert stmt is not None
    section = {r.label: r.section for r in stmt.rows}
    assert section["Bank loans"] == ("Current liabilities",)
    assert "Current liabilities" not in section["Total liabilities"]
    # "Total equity" closes "Capital and reserves": the liabilities are not in it
    assert "Capital and reserves" not in section["Creditors"]


# --------------------------------------------------------------------------- dividend labels
def test_a_dividend_amount_per_share_is_not_part_of_the_mapping_label() -> None:
    assert mapping_label("Ordinary dividends paid (24.0p per share)") == "Ordinary dividends paid"
    assert mapping_label("Dividend on common shares (US$0.15 a share)") == \
        "Dividend on common shares"
    assert mapping_label("Shares issued (note 12)") != ""
    assert mapping_label("Earnings per share (cents)") == "Earnings per share (cents)"


# --------------------------------------------------------------------------- equity
def test_canadian_and_south_african_component_names_have_members() -> None:
    assert member_for("Contributed surplus") == (True, "AdditionalPaidinCapitalMember")
    assert member_for("Accumulated other comprehensive loss") == \
        (True, "AccumulatedOtherComprehensiveIncomeMember")
    assert member_for("Attributable to common shareholders") == \
        (True, "EquityAttributableToOwnersOfParentMember")
    assert member_for("Accumulated deficit") == (True, "RetainedEarningsMember")


def test_a_column_attributable_to_the_owners_is_their_subtotal() -> None:
    cols = [Column(header=h, component=h) for h in (
        "Share capital", "Retained earnings", "Attributable to equity holders",
        "Minority interests", "Total")]
    roles = column_roles(cols)
    assert (roles.components, roles.total, roles.nci, roles.equity) == ((0, 1), 2, 3, 4)


EQUITY = """\
Statement of changes in equity
for the year ended 31 March 2025
(in millions of Canadian dollars)

                                                                       Attributable
                                              Share       Retained        to equity        Minority
                                            capital       earnings          holders       interests        Total

At 31 March 2023                                500            910            1,410              60        1,470
Profit for the year                               -            120              120               8          128
Dividends                                         -            (40)             (40)             (2)         (42)
At 31 March 2024                                500            990            1,490              66        1,556
Profit for the year                               -            150              150               9          159
Dividends                                         -            (45)             (45)             (3)         (48)
At 31 March 2025                                500          1,095            1,595              72        1,667
"""


def test_a_month_end_balance_heading_the_table_opens_the_year_after_it(tmp_path: Path) -> None:
    stmt = extract_text(tmp_path, EQUITY).statement("changes_in_equity")
    assert stmt is not None
    assert stmt.unit == Unit("CAD", 6)      # stated in words over the table
    assert [c.component for c in stmt.columns] == [
        "Share capital", "Retained earnings", "Attributable to equity holders",
        "Minority interests", "Total"]
    first = stmt.rows[0]
    assert first.label == "At 31 March 2023" and first.balance_role == "opening"
    assert first.period is not None and first.period.start is not None
    assert (first.period.start.isoformat(), first.period.end.isoformat()) == \
        ("2023-04-01", "2024-03-31")
    assert row_values(stmt, "At 31 March 2025") == [500, 1095, 1595, 72, 1667]


# --------------------------------------------------------------------------- another table
CASH_FLOWS_THEN_TABLE = """\
Consolidated cash flow statement
for the year ended 31 December 2025
                                                   2025          2024
                                                  €'000         €'000
Cash generated from operations                   18,420        16,905
Tax paid                                         (3,110)       (2,870)
Net cash from operating activities               15,310        14,035
Purchase of equipment                            (6,400)       (5,900)
Net cash used in investing activities            (6,400)       (5,900)
Net increase in cash and cash equivalents         8,910         8,135
Cash and cash equivalents at 1 January           20,050        11,915
Cash and cash equivalents at 31 December         28,960        20,050

Analysis of net funds
                                                   2025          2024
                                                  €'000         €'000
Cash at bank                                     28,960        20,050
Borrowings                                      (10,000)      (12,000)
Net funds                                        18,960         8,050
"""


def test_a_titled_table_after_the_statement_is_not_part_of_it(tmp_path: Path) -> None:
    stmt = extract_text(tmp_path, CASH_FLOWS_THEN_TABLE).statement("cash_flows")
    assert stmt is not None
    labels = [r.label for r in stmt.rows]
    assert labels[-1] == "Cash and cash equivalents at 31 December"
    assert "Net funds" not in labels and "Borrowings" not in labels

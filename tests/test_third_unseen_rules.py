"""General rules found on the third round of unseen announcements (tests/data/unseen/
auental-2025-continental, wrenfield-2025-netassets), each shown here in yet another wording."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from converter.checks import untagged_figure_findings
from converter.digit_groups import comma_grouped, groups_by_space
from converter.equity_header import unit_of
from converter.equity_members import member_for
from converter.model import Concept, Unit
from converter.periods import detect_unit, has_change_column, is_header_line
from converter.reader import document_from_text, strip_markup
from converter.row_labels import mapping_label, split_packed, starts_lowercase
from converter.row_layout import _space_separated, is_note_ref, strip_change_cells
from converter.signs import xbrl_sign
from helpers import extract_text as _extract, row_values as _values


# --------------------------------------------------------------------------- space-grouped
def test_a_document_grouping_thousands_by_spaces_reads_them_as_one_figure() -> None:
    lines = ["Net sales            1 204 388      987 010",
             "Cost of goods sold    (612 900)     -455 120",
             "EPS                       3.25          2.90"] * 4
    assert groups_by_space(lines)
    assert comma_grouped(lines[0]) == "Net sales            1,204,388      987,010"
    assert comma_grouped(lines[1]) == "Cost of goods sold    (612,900)     -455,120"
    assert comma_grouped(lines[2]) == lines[2]
    # a decimal comma goes with space groups ("3,25" kronor per share, "-0,8" million)
    assert comma_grouped("Earnings per share (SEK)      3,25      2,90") == \
        "Earnings per share (SEK)      3.25      2.90"
    assert comma_grouped("Currency effects   (0,8)   -1 204,5") == \
        "Currency effects   (0.8)   -1,204.5"
    assert comma_grouped("Bonds   1,250   900") == "Bonds   1,250   900"    # three digits: left


def test_a_comma_document_with_a_few_spaced_figures_is_left_to_reconciliation() -> None:
    lines = ["Trade payables\t12,340\t11,002"] * 20 + ["Accruals   4 512   3 900"]
    assert not groups_by_space(lines)


def test_no_break_and_narrow_spaces_group_thousands_too(tmp_path: Path) -> None:
    nb, thin = "\u00a0", "\u202f"
    text = ("NORRLAND KRAFT AB\n\nCONSOLIDATED INCOME STATEMENT\n"
            "For the year ended 31 December 2025\n\n"
            f"                                   2025          2024\n"
            f"                                   SEK k         SEK k\n\n"
            f"Net sales                     1{nb}204{nb}388       987{nb}010\n"
            f"Cost of goods sold             -612{thin}900      -455{thin}120\n"
            f"Gross profit                    591{nb}488       531{nb}890\n"
            f"Administrative expenses        -301{nb}488      -231{nb}890\n"
            f"Profit before tax               290{nb}000       300{nb}000\n"
            f"Income tax                      -60{nb}000       -61{nb}800\n"
            f"Profit for the year             230{nb}000       238{nb}200\n")
    ext = _extract(tmp_path, text)
    income = ext.statement("income")
    assert income is not None and (income.unit.currency, income.unit.scale) == ("SEK", 3)
    assert _values(income, "Net sales") == [Decimal(1204388), Decimal(987010)]
    assert _values(income, "Cost of goods sold") == [Decimal(-612900), Decimal(-455120)]


# --------------------------------------------------------------------------- continental units
@pytest.mark.parametrize("text,unit", [
    ("EUR k", Unit("EUR", 3)), ("in €k", Unit("EUR", 3)), ("TEUR", Unit("EUR", 3)),
    ("kEUR", Unit("EUR", 3)), ("T€", Unit("EUR", 3)), ("CHF k", Unit("CHF", 3)),
    ("in € thousand", Unit("EUR", 3)), ("MSEK", Unit("SEK", 6)), ("MEUR", Unit("EUR", 6)),
])
def test_continental_thousands(text: str, unit: Unit) -> None:
    assert detect_unit([text]) == unit
    assert is_header_line(f"   {text}      {text}")


@pytest.mark.parametrize("text", ["TEUR", "kEUR", "EUR k"])
def test_continental_thousands_over_equity_columns(text: str) -> None:
    assert unit_of(text) == Unit("EUR", 3)


@pytest.mark.parametrize("prose", ["Kick-off meeting", "the EUR key rate", "TEURO", "Meur"])
def test_k_and_t_need_a_currency_beside_them(prose: str) -> None:
    assert detect_unit([prose]) is None


# --------------------------------------------------------------------------- section notes
@pytest.mark.parametrize("note", ["7.3", "12.1", "3.2, 3.4", "14"])
def test_notes_numbered_by_section_are_note_references(note: str) -> None:
    assert is_note_ref(note)


def test_a_section_note_between_label_and_figures_is_not_part_of_the_label() -> None:
    fields = _space_separated("Trade payables                 7.3        54,120       49,880", 2)
    assert fields.split("\t") == ["Trade payables", "7.3", "54,120", "49,880"]
    per_share = _space_separated("Diluted earnings per share (SEK)   9.2      3.25     2.90", 2)
    assert per_share.split("\t") == ["Diluted earnings per share (SEK)", "9.2", "3.25", "2.90"]


# --------------------------------------------------------------------------- names, breakdowns
@pytest.mark.parametrize("label", [
    "Profit attributable to owners of Brightwater Holdings Limited",
    "Dividends paid to shareholders of Norrland Kraft AB",
    "Equity attributable to shareholders of Ventoux Énergie S.A.",
])
def test_a_company_name_inside_a_label_is_not_split_as_packed_labels(label: str) -> None:
    assert split_packed(label) == [label]


def test_packed_labels_still_split() -> None:
    assert split_packed("Turnover Cost of sales") == ["Turnover", "Cost of sales"]


@pytest.mark.parametrize("label,lower", [
    ("of which: lease liabilities", False), ("thereof to minority shareholders", False),
    ("hereof deferred taxes", False), ("and equipment", True), ("of associates", True),
])
def test_a_breakdown_line_is_its_own_row_not_a_wrapped_label(label: str, lower: bool) -> None:
    assert starts_lowercase(label) is lower


def test_breakdown_rows_under_a_total_keep_their_own_figures(tmp_path: Path) -> None:
    text = ("CONSOLIDATED BALANCE SHEET\nAs at 31 December 2025\n"
            "\t2025\t2024\n\tEUR'000\tEUR'000\n"
            "Property, plant and equipment\t900\t800\n"
            "Cash\t100\t100\n"
            "Total assets\t1,000\t900\n"
            "Financial liabilities\t400\t380\n"
            "of which: lease liabilities\t120\t110\n"
            "Share capital\t600\t520\n"
            "Total equity and liabilities\t1,000\t900\n")
    position = _extract(tmp_path, text).statement("financial_position")
    assert position is not None
    assert _values(position, "Financial liabilities") == [Decimal(400), Decimal(380)]
    assert _values(position, "of which: lease liabilities") == [Decimal(120), Decimal(110)]


@pytest.mark.parametrize("printed,named", [
    ("Finance costs†", "Finance costs"),
    ("Other expenses (ii)", "Other expenses"),
    ("Turnover³", "Turnover"),
    ("Dividends paid to owners of Norrland Kraft AB", "Dividends paid to owners of the Company"),
    ("of which: interest expense", "interest expense"),
    ("Amount due to Orchid Trading Limited", "Amount due to Orchid Trading Limited"),
    ("Equity attributable to shareholders of Ventoux Énergie S.A.",
     "Equity attributable to shareholders of the Company"),
    ("Income tax (expense)/credit", "Income tax (expense)/credit"),
    ("Revenue from contracts with customers (IFRS 15)", "Revenue from contracts with customers (IFRS 15)"),
])
def test_the_line_item_a_label_names(printed: str, named: str) -> None:
    assert mapping_label(printed) == named


def test_the_printed_label_stays_on_the_row(tmp_path: Path) -> None:
    text = ("CONSOLIDATED INCOME STATEMENT\nFor the year ended 31 December 2025\n"
            "\t2025\t2024\n\tUS$'000\tUS$'000\n"
            "Turnover*\t5,000\t4,000\n"
            "Operating costs\t(3,000)\t(2,500)\n"
            "Profit for the year\t2,000\t1,500\n")
    income = _extract(tmp_path, text).statement("income")
    assert income is not None
    row = income.rows[0]
    assert (row.label, row.printed_label) == ("Turnover", "Turnover*")


# --------------------------------------------------------------------------- page breaks
def test_a_form_feed_is_a_page_break_not_a_line() -> None:
    text = "Revenue\t10\t9\n\fFurniture Ltd\nCost of sales\t(4)\t(3)\nEnd\f\nNext page\n"
    lines = document_from_text(text).lines
    assert [ln.no for ln in lines] == [1, 2, 3, 4, 5]
    assert lines[2].text == "Cost of sales\t(4)\t(3)"
    assert "\f" not in "".join(ln.text for ln in lines)


def test_a_running_header_naming_the_report_before_its_period_is_furniture() -> None:
    text = ("Payables\t1,000\t900\n\n                                        9\n"
            "\fGLENMORE FOODS PLC\nInterim report for the six months ended 30 June 2025\n\n"
            "Borrowings\t2,000\t1,800\n")
    kept = [ln.text for ln in document_from_text(text).lines]
    assert "Interim report for the six months ended 30 June 2025" not in kept
    assert "GLENMORE FOODS PLC" not in kept


@pytest.mark.parametrize("period", ["Six months ended 30 June 2025",
                                    "Unaudited six months ended 30 June 2025",
                                    "(Audited) Year ended 30 June 2025"])
def test_a_statements_own_period_line_at_a_page_top_stays(period: str) -> None:
    text = ("Payables\t1,000\t900\n\n                                        9\n"
            f"\f{period}\nGLENMORE FOODS PLC\n\n"
            "Borrowings\t2,000\t1,800\n")
    kept = [ln.text for ln in document_from_text(text).lines]
    assert period in kept


# --------------------------------------------------------------------------- change columns
@pytest.mark.parametrize("row,kept", [
    ("Net sales\t12,400\t11,000\t+12.7%", "Net sales\t12,400\t11,000"),
    ("Net sales      12,400      11,000       -3.0 %", "Net sales      12,400      11,000"),
    ("EBITDA margin    18.2    17.5    n.m.", "EBITDA margin    18.2    17.5"),
    ("Other income\t310\t-\tn/a", "Other income\t310\t-"),
])
def test_a_change_column_cell_is_dropped(row: str, kept: str) -> None:
    assert strip_change_cells(row) == kept


@pytest.mark.parametrize("head", ["Δ %", "Change in %", "+/-", "in %", "Variance"])
def test_a_change_column_head_is_a_header_line(head: str) -> None:
    assert is_header_line(head)
    assert has_change_column([f"\t2025\t2024\t{head}"])


def test_a_statement_with_a_change_column_has_two_periods(tmp_path: Path) -> None:
    text = ("CONSOLIDATED INCOME STATEMENT\nFor the year ended 31 December 2025\n"
            "\tNote\t2025\t2024\tChange\n\t\tEUR k\tEUR k\tin %\n"
            "Net sales\t3.1\t5,000\t4,000\t+25.0%\n"
            "Operating costs\t\t(3,000)\t(2,500)\t-20.0%\n"
            "Profit for the year\t\t2,000\t1,500\t+33.3%\n")
    income = _extract(tmp_path, text).statement("income")
    assert income is not None and len(income.columns) == 2
    assert _values(income, "Net sales") == [Decimal(5000), Decimal(4000)]


# --------------------------------------------------------------------------- glyphs on figures
def test_a_minus_sign_and_glued_pence_or_cents_are_read() -> None:
    text = strip_markup("Loss per share (cents)      (3.2)c      4.1c")[0]
    assert text.split() == ["Loss", "per", "share", "(cents)", "(3.2)", "4.1"]
    assert strip_markup("Net change in cash   \u221212,062   42,021")[0] == \
        "Net change in cash   -12,062   42,021"


@pytest.mark.parametrize("prose", ["a final dividend of 2p per share", "Note 4c  Leases"])
def test_pence_in_prose_is_left_alone(prose: str) -> None:
    assert strip_markup(prose)[0] == prose


# --------------------------------------------------------------------------- signs
_PAYABLES = Concept("TradeAndOtherCurrentPayables", period_type="instant", balance="credit")
_RESERVE = Concept("OtherReserves", period_type="instant", balance="credit")
_NET = Concept("CurrentAssetsLiabilities", period_type="instant", balance="debit")
_TOTAL_LIAB = Concept("Liabilities", period_type="instant", balance="credit")


@pytest.mark.parametrize("concept,label,section,value", [
    (_PAYABLES, "Creditors", ("Creditors: amounts falling due within one year",), 8_400),
    (_PAYABLES, "Trade payables", ("LIABILITIES", "Current liabilities"), 8_400),
    (_TOTAL_LIAB, "Total liabilities", (), 8_400),
    (_RESERVE, "Translation reserve", ("Capital and reserves",), -8_400),
    (_RESERVE, "Other reserves", ("EQUITY AND LIABILITIES", "Equity"), -8_400),
    (_NET, "Net current liabilities", ("Current liabilities",), -8_400),
])
def test_a_liability_printed_as_a_deduction_is_a_positive_liability(
        concept: Concept, label: str, section: tuple[str, ...], value: int) -> None:
    got, _reason = xbrl_sign(Decimal(-8_400), concept, "financial_position", label,
                             section=section)
    assert got == Decimal(value)


# --------------------------------------------------------------------------- equity, notes
@pytest.mark.parametrize("header", ["Subscribed capital", "Common stock", "Stated capital"])
def test_other_names_of_the_issued_capital(header: str) -> None:
    assert member_for(header)[1] == "IssuedCapitalMember"


def test_a_section_note_in_the_note_column_is_not_an_untagged_figure() -> None:
    from lxml import etree

    xhtml = ('<html xmlns="http://www.w3.org/1999/xhtml" '
             'xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body><table>'
             '<tr><td>Leases</td><td class="note">12.3</td>'
             '<td><ix:nonFraction name="a:b">4,000</ix:nonFraction></td><td>3,900</td></tr>'
             '</table></body></html>')
    found = list(untagged_figure_findings(etree.fromstring(xhtml.encode())))
    assert [f.value for f in found] == ["3,900"]


@pytest.mark.parametrize("name,printed", [("ProfitLoss", -1_250), ("ProfitLossBeforeTax", 8_300),
                                          ("ProfitLossFromOperatingActivities", 410)])
def test_the_profit_that_opens_the_indirect_method_keeps_its_printed_sign(name: str,
                                                                         printed: int) -> None:
    """'Loss for the period (1,250)' at the top of a cash-flow statement is the income
    statement's ProfitLoss, −1,250: not a deduction from the net cash flow (a negated value
    would contradict the income statement's fact and push the row onto an extension)."""
    concept = Concept(name, balance="credit")
    got, _reason = xbrl_sign(Decimal(printed), concept, "cash_flows", "Loss for the period")
    assert got == Decimal(printed)
    # an outflow of the same (credit) balance is still a deduction
    outflow = Concept("PurchaseOfPropertyPlantAndEquipmentClassifiedAsInvestingActivities",
                      balance="credit")
    assert xbrl_sign(Decimal(-400), outflow, "cash_flows")[0] == Decimal(400)


# --------------------------------------------------------------------------- periods as spans
@pytest.mark.parametrize("title,months,end", [
    ("for the financial year from 1 January to 31 December 2025", 12, (12, 31, 2025)),
    ("For the period 1 July 2024 – 30 June 2025", 12, (6, 30, 2025)),
    ("January 1 through December 31, 2025", 12, (12, 31, 2025)),
    ("for the half-year from 1 April to 30 September 2025", 6, (9, 30, 2025)),
])
def test_a_period_printed_as_first_and_last_day_ends_on_the_last(title: str, months: int,
                                                                  end: tuple[int, int, int]) -> None:
    from converter.periods import period_hint

    hint = period_hint([title])
    assert (hint.month, hint.day, hint.year) == end
    assert hint.months == months


def test_two_dates_that_are_not_a_span_keep_the_first() -> None:
    from converter.periods import period_hint

    hint = period_hint(["As at 31 December 2025 and 1 January 2024"])
    assert (hint.month, hint.day, hint.year) == (12, 31, 2025)


# --------------------------------------------------------------------------- footnotes
def test_footnotes_under_a_statement_are_not_rows(tmp_path: Path) -> None:
    text = ("CONSOLIDATED INCOME STATEMENT\nFor the year ended 31 March 2025\n"
            "\t2025\t2024\n\tNZ$'000\tNZ$'000\n"
            "Operating revenue†\t8,000\t7,000\n"
            "Operating expenses\t(5,000)\t(4,600)\n"
            "Profit for the year\t3,000\t2,400\n"
            "Earnings per share (cents)\n"
            "Basic\t12.0\t9.6\n\n"
            "† Operating revenue for 2024 is restated for the change in agency accounting.\n"
            "* Less than NZ$1,000.\n")
    ext = _extract(tmp_path, text)
    income = ext.statement("income")
    assert income is not None
    assert [r.label for r in income.rows] == ["Operating revenue", "Operating expenses",
                                              "Profit for the year", "Earnings per share (cents)",
                                              "Basic"]
    assert any(i.code == "extract.trailing_text" for i in ext.issues)


# --------------------------------------------------------------------------- blank cells
_BLANK_CELLS = """\
STATEMENT OF CASH FLOWS
For the year ended 30 June 2025
                                                 Note        2025        2024
                                                          A$'000      A$'000
Receipts from customers                                    41,200      38,900
Payments to suppliers                                     (30,100)    (29,000)
Government grants received                                              1,250
Proceeds from share placement                        14     5,000
Net cash from operating activities                         16,100      11,150
"""


def test_a_lone_figure_in_layout_text_goes_to_the_column_it_stands_under(tmp_path: Path) -> None:
    flows = _extract(tmp_path, _BLANK_CELLS).statement("cash_flows")
    assert flows is not None
    printed = {r.label: [c.value if c is not None and c.provenance == "printed" else None
                         for c in r.cells] for r in flows.rows}
    assert printed["Government grants received"] == [None, Decimal(1250)]
    assert printed["Proceeds from share placement"] == [Decimal(5000), None]
    row = next(r for r in flows.rows if r.label == "Proceeds from share placement")
    assert row.note == "14"


def test_figure_edges_need_rows_that_print_every_column() -> None:
    from converter.row_layout import figure_edges

    lines = _BLANK_CELLS.splitlines()
    assert figure_edges(lines, 2) == [lines[4].index("41,200") + 6, len(lines[4])]
    assert figure_edges(lines[:6], 2) is None      # two full rows are not enough to go by
    assert figure_edges(lines[2:4] * 3, 2) is None  # header lines are not figure rows


# --------------------------------------------------------------------------- activity sections
_NO_HEADINGS_CF = """\
STATEMENT OF CASH FLOWS
For the year ended 31 December 2025
\t2025\t2024
\tCHF'000\tCHF'000
Receipts from customers\t9,000\t8,000
Payments to suppliers and staff\t(6,000)\t(5,500)
Interest paid\t(200)\t(250)
Cash flow from operating activities\t2,800\t2,250
Purchase of equipment\t(1,000)\t(900)
Cash flow used in investing activities\t(1,000)\t(900)
Change in cash and cash equivalents\t1,800\t1,350
Cash and cash equivalents at 1 January\t3,000\t1,650
Cash and cash equivalents at 31 December\t4,800\t3,000
"""


def test_activity_totals_give_the_rows_above_them_their_section(tmp_path: Path) -> None:
    flows = _extract(tmp_path, _NO_HEADINGS_CF).statement("cash_flows")
    assert flows is not None
    section = {r.label: r.section for r in flows.rows}
    assert section["Interest paid"] == ("Cash flows from operating activities",)
    assert section["Purchase of equipment"] == ("Cash flows from investing activities",)
    assert section["Cash flow from operating activities"] == ()
    assert section["Change in cash and cash equivalents"] == ()
    kinds = {r.label: r.kind for r in flows.rows}
    assert kinds["Cash flow from operating activities"] == "subtotal"


def test_an_activity_total_closes_its_heading(tmp_path: Path) -> None:
    text = _NO_HEADINGS_CF.replace("Receipts from customers",
                                   "Operating activities\nReceipts from customers")
    text = text.replace("Purchase of equipment", "Investing activities\nPurchase of equipment")
    flows = _extract(tmp_path, text).statement("cash_flows")
    assert flows is not None
    section = {r.label: r.section for r in flows.rows}
    assert section["Interest paid"] == ("Operating activities",)
    assert section["Cash and cash equivalents at 31 December"] == ()


@pytest.mark.parametrize("header,years", [
    ("\t2024/25\t2023/24", [2025, 2024]), ("\t2025-26\t2024-25", [2026, 2025]),
    ("\t2024/2025\t2023/2024", [2025, 2024]), ("\t2025\t2024", [2025, 2024]),
    ("\t2020-2024\t2019", [2020, 2024, 2019]),     # not one year apart: both years read
])
def test_a_year_named_by_the_two_calendar_years_it_spans_is_the_one_it_ends_in(
        header: str, years: list[int]) -> None:
    from converter.periods import header_slots

    assert [s.year for s in header_slots(header)] == years


@pytest.mark.parametrize("header", ["\t30 Sept 2025\t30 Sept 2024", "\tSept. 30, 2025\tSept. 30, 2024"])
def test_sept_is_september(header: str) -> None:
    from converter.periods import header_slots

    assert [s.day.isoformat() for s in header_slots(header) if s.day] == \
        ["2025-09-30", "2024-09-30"]


@pytest.mark.parametrize("raw,clean", [
    ("Financial expenses        - 9 734       - 10 515",
     "Financial expenses         -9 734        -10 515"),
    ("Net result\t\u2212 1,204\t\u2013 3", "Net result\t -1,204\t -3"),
    ("Years 2024 - 2025", "Years 2024 - 2025"),
    ("Other  \u2013  1,234", "Other  \u2013  1,234"),        # a nil dash, then a figure
])
def test_a_minus_set_off_by_a_space_joins_its_figure(raw: str, clean: str) -> None:
    assert strip_markup(raw)[0] == clean

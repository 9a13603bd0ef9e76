"""One small example per parser rule added for announcements of unseen issuers, each in a
wording none of the test documents uses (see tests/test_unseen_issuers.py for the documents)."""
from __future__ import annotations

from decimal import Decimal

from converter import row_labels as rl
from converter.equity import parse_equity
from converter.equity_cells import split_line
from converter.equity_header import parse_header, unit_of
from converter.extract import extract_document
from converter.model import Line
from converter.periods import detect_unit, is_header_line, per_share_unit
from converter.reader import document_from_text
from converter.rows import parse_rows


def _lines(text: str, start: int = 1) -> list[Line]:
    return [Line(no=i, raw=t, text=t) for i, t in enumerate(text.split("\n"), start=start)]


# --- row_labels: a date inside a label, and the balance it names -------------------------
def test_a_date_in_a_label_does_not_start_a_new_label() -> None:
    assert rl.split_packed("Bank balances and cash at 1 October") == \
        ["Bank balances and cash at 1 October"]
    # the sentence-case split itself still works around it
    assert rl.split_packed("Bank overdrafts at 30 September Trade payables") == \
        ["Bank overdrafts at 30 September", "Trade payables"]


def test_a_balance_dated_on_the_first_or_last_day_of_a_month() -> None:
    assert rl.balance_role("Cash and bank balances at 1 October") == "opening"
    assert rl.balance_role("Balance as at 1st July 2024") == "opening"
    assert rl.balance_role("Cash and bank balances at 30 September") == "closing"
    assert rl.balance_role("Cash at 28 February") == "closing"
    assert rl.balance_role("Dividends declared on 15 March") == "flow"
    # North American: the period word ends the label after a comma or a dash
    assert rl.balance_role("Cash and cash equivalents, beginning of year") == "opening"
    assert rl.balance_role("Cash - start of the financial period") == "opening"
    assert rl.balance_role("Cash and short-term investments, end of period") == "closing"
    assert rl.balance_role("Cash generated in the second half of the year") == "flow"


# --- row_labels/rows: a label wrapped after a comma keeps its comma -----------------------
def test_a_label_wrapped_after_a_comma_keeps_it() -> None:
    lines = _lines("Fair value gain on investment properties,\n"
                   "  net of deferred tax                               1,234        (567)\n"
                   "Other expenses                                       (89)          (12)")
    rows, _ = parse_rows(lines, 2, "comprehensive_income")
    labels = [r.label for r in rows if r.kind != "heading"]
    assert labels == ["Fair value gain on investment properties, net of deferred tax",
                      "Other expenses"]


def test_a_trailing_comma_without_a_continuation_is_dropped() -> None:
    rows, _ = parse_rows(_lines("Plant and machinery,\t1,000\t900"), 2, "financial_position")
    assert [r.label for r in rows] == ["Plant and machinery"]


# --- periods: more currencies, "financial year", hundredths per share -----------------------
def test_units_of_other_markets() -> None:
    unit = detect_unit(["RM'000"])
    assert unit is not None and (unit.currency, unit.scale) == ("MYR", 3)
    unit = detect_unit(["A$m"])
    assert unit is not None and (unit.currency, unit.scale) == ("AUD", 6)
    assert detect_unit(["RMB'000"]).currency == "CNY"     # type: ignore[union-attr]
    u = unit_of("Retained profits RM'000")
    assert u is not None and u.currency == "MYR"


def test_per_share_in_sen_and_pence() -> None:
    assert per_share_unit("Basic earnings per ordinary share (sen)", "MYR") == \
        per_share_unit("Diluted (sen)", "MYR")
    unit = per_share_unit("Basic earnings per share (pence)", "GBP")
    assert (unit.currency, unit.scale, unit.per_share) == ("GBP", -2, True)


def test_financial_year_and_period_titles_are_headers() -> None:
    assert is_header_line("FOR THE FINANCIAL PERIOD ENDED 30 SEPTEMBER 2025")
    assert is_header_line("for the financial year ended 30 June 2025")
    assert not is_header_line("Financial assets at amortised cost  1,234  1,000")


# --- reader: page furniture inside a statement ----------------------------------------------
def test_page_number_and_running_header_are_blanked() -> None:
    text = ("Trade payables                              1,234      1,000\n"
            "\n"
            "                              - 14 -\n"
            "\n"
            "KINGFISHER HOLDINGS LIMITED\n"
            "Interim report 2025\n"
            "\n"
            "Bank loans                                    500        600\n")
    doc = document_from_text(text)
    assert [ln.text for ln in doc.lines if ln.text.strip()] == [
        "Trade payables                              1,234      1,000",
        "Bank loans                                    500        600"]
    assert [ln.no for ln in doc.lines] == list(range(1, 9))        # numbering kept


def test_a_figure_split_onto_its_own_line_is_not_a_page_number() -> None:
    text = "Closing balance\n\n5\n\n1,234\n\n\t\t7\t8\n"
    doc = document_from_text(text)
    assert [ln.text for ln in doc.lines] == text.rstrip("\n").split("\n")


def test_a_heading_after_a_page_number_is_kept() -> None:
    text = "Goodwill   100   90\n\n                     Page 3\n\nCurrent assets\n\nCash   5   4\n"
    doc = document_from_text(text)
    assert "Current assets" in [ln.text for ln in doc.lines]
    assert "Page 3" not in [ln.text.strip() for ln in doc.lines]


# --- rows: a page printed twice -------------------------------------------------------------
def test_rows_printed_again_are_dropped_once() -> None:
    page = ("Non-current assets\nPlant and equipment\t4,100\t3,900\nInvestment property\t820\t800\n"
            "\t4,920\t4,700\n")
    body = page + "Bank borrowings\t(300)\t(250)\n" + page + "Bank borrowings\t(900)\t(950)"
    rows, issues = parse_rows(_lines(body), 2, "financial_position")
    labels = [r.label for r in rows if r.kind != "heading"]
    assert labels == ["Plant and equipment", "Investment property", "", "Bank borrowings",
                      "Bank borrowings"]
    assert [i.code for i in issues].count("extract.duplicate_page") == 1


def test_a_label_repeated_with_other_figures_is_kept() -> None:
    body = ("Lease liabilities\t12\t10\nBorrowings\t100\t90\nProvisions\t5\t4\n"
            "Lease liabilities\t40\t45\nBorrowings\t300\t320\nProvisions\t7\t6")
    rows, issues = parse_rows(_lines(body), 2, "financial_position")
    assert len(rows) == 6 and not [i for i in issues if i.code == "extract.duplicate_page"]


# --- equity: a damaged figure on the first line, names one space apart ---------------------
def test_equity_first_line_with_a_damaged_figure_is_data() -> None:
    text = ("STATEMENT OF CHANGES IN EQUITY\n"
            "For the year ended 30 September 2025\n"
            "\tIssued capital\tRetained profits\tTotal\n"
            "\tA$'000\tA$'000\tA$'000\n"
            "At 1 October 2024\t1,000\t2,050\t3 050\n"
            "Profit for the year\t-\t400\t400\n"
            "At 30 September 2025\t1,000\t2,450\t3,450\n")
    doc = document_from_text(text)
    stmt, _ = parse_equity(doc, 1, len(doc.lines), "STATEMENT OF CHANGES IN EQUITY")
    assert stmt is not None
    assert [c.component for c in stmt.columns] == ["Issued capital", "Retained profits", "Total"]
    opening = stmt.rows[0]
    assert opening.label == "At 1 October 2024" and opening.balance_role == "opening"
    assert [c.value for c in opening.cells if c is not None] == [1000, 2050, 3050]


def test_layout_equity_names_one_space_apart() -> None:
    names = [("Issued", "capital"), ("Retained", "earnings"), ("Minority", "interests"),
             ("", "Total equity")]
    # right-aligned over the figures, "interests Total equity" one space apart
    header = [" " * 30 + "".join(n[k].rjust(13) for n in names) for k in (0, 1)]
    assert "interests Total equity" in header[1]
    data = "At 1 April 2024".ljust(30) + "".join(f.rjust(13) for f in
                                                ("1,000", "2,000", "300", "3,300"))
    lines = [split_line(i, t) for i, t in enumerate(header, start=10)]
    h = parse_header(lines, split_line(12, data))
    assert h is not None
    assert [c.component for c in h.columns] == [
        "Issued capital", "Retained earnings", "Minority interests", "Total equity"]


def test_layout_document_extracts_in_ringgit() -> None:
    text = ("STATEMENT OF FINANCIAL POSITION\n"
            "AS AT 30 SEPTEMBER 2025\n\n"
            "                                        2025        2024\n"
            "                                      RM'000      RM'000\n"
            "Inventories                            1,200       1,100\n"
            "Cash and short-term deposits,\n"
            "  restricted                             300         250\n"
            "Total current assets                   1,500       1,350\n")
    ext = extract_document(document_from_text(text))
    stmt = ext.statement("financial_position")
    assert stmt is not None and stmt.unit.currency == "MYR"
    row = next(r for r in stmt.rows if r.label.startswith("Cash"))
    assert row.label == "Cash and short-term deposits, restricted"
    assert [c.value for c in row.cells] == [Decimal(300), Decimal(250)]


def test_a_statement_title_after_a_page_number_is_not_furniture() -> None:
    """A page that starts a statement: its title and period line recur (the statement goes
    on over the next page, or extraction printed a layer twice) but they are no running
    header."""
    title = "   CONSOLIDATED STATEMENT OF CASH FLOWS"
    period = "   For the year ended 30 September 2025"
    text = "\n".join([
        "Sable Retail Holdings Ltd", "", title, period, "", "Revenue   1,000   900", "",
        "                       - 4 -", "", title, period, "",
        "Net cash from operating activities   2,100   1,950", "",
        "                       - 5 -", "", "Sable Retail Holdings Ltd", "Annual results", "",
        "Cash at end of year   3,400   3,100"])
    doc = document_from_text(text)
    kept = [ln.text.strip() for ln in doc.lines if ln.text.strip()]
    assert kept.count(title.strip()) == 2 and kept.count(period.strip()) == 2
    assert "- 4 -" not in kept and "- 5 -" not in kept
    assert "Annual results" not in kept           # the running header beside page 5 is blanked

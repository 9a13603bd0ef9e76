"""Locating statements: titles in many wordings, not mentions in prose or notes."""
from __future__ import annotations

import pytest

from converter.errors import InputError
from converter.extract import extract_document
from converter.locate import locate_statements, title_kinds
from converter.reader import document_from_text


@pytest.mark.parametrize("text, kinds", [
    ("CONSOLIDATED INCOME STATEMENT", ("income",)),
    ("INTERIM CONDENSED CONSOLIDATED BALANCE SHEET", ("financial_position",)),
    ("Consolidated Statement of Financial Position as at 31 December 2024",
     ("financial_position",)),
    ("Consolidated statement of profit or loss and other comprehensive income",
     ("income", "comprehensive_income")),
    ("CONSOLIDATED STATEMENT OF COMPREHANSIVE LOSS", ("comprehensive_income",)),
    ("Condensed consolidated statement of profit or loss", ("income",)),
    ("CONSOLIDATED STATEMENT OF CASH FLOWS (CONTINUED)", ("cash_flows",)),
    ("Consolidated cash flow statement", ("cash_flows",)),
    ("INTERIM CONDENSED CONSOLIDATED STATEMENT OF CHANGES IN EQUITY FOR THE SIX MONTHS ENDED "
     "JUNE 30, 2024", ("changes_in_equity",)),
    ("The figures in respect of the Group's consolidated balance sheet have been agreed", ()),
    ("(d) Amounts recognised in the consolidated income statement", ()),
    ("NOTES TO THE CONSOLIDATED FINANCIAL STATEMENTS", ()),
])
def test_title_kinds(text: str, kinds: tuple[str, ...]) -> None:
    assert title_kinds(text) == kinds


DOC = """Results announcement
The consolidated income statement below shows a profit.

Consolidated statement of profit or loss and other comprehensive income
For the year ended 31 March 2025
\tNote\t2025\t2024
\t\tHK$'000\tHK$'000
Revenue\t3\t1,000\t900
Cost of sales\t\t(400)\t(350)
Profit for the year\t\t600\t550

Consolidated statement of financial position
As at 31 March 2025
\t\t2025\t2024
\t\tHK$'000\tHK$'000
Cash and cash equivalents\t\t5,000\t4,000
Total assets\t\t5,000\t4,000

Notes to the consolidated financial statements
1 General information
Revenue\t\t1,000\t900
"""


def test_combined_statement_counts_as_two_and_notes_are_excluded() -> None:
    doc = document_from_text(DOC, "x")
    blocks = locate_statements(doc)
    assert [b.kind for b in blocks] == ["income", "comprehensive_income", "financial_position"]
    assert blocks[0].first_line == blocks[1].first_line == 4
    assert blocks[2].last_line < 19
    extraction = extract_document(doc)
    fp = extraction.statement("financial_position")
    assert fp is not None and fp.unit.currency == "HKD" and fp.unit.scale == 3
    assert [c.period.end.isoformat() for c in fp.columns] == ["2025-03-31", "2024-03-31"]
    inc = extraction.statement("income")
    assert inc is not None and inc.columns[0].period.start.isoformat() == "2024-04-01"
    assert [r.label for r in inc.rows] == ["Revenue", "Cost of sales", "Profit for the year"]
    assert inc.rows[0].note == "3"


def test_no_statements_is_input_error() -> None:
    with pytest.raises(InputError, match="no financial statements found in memo.txt"):
        extract_document(document_from_text("Dear shareholders,\nThank you.\n", "memo.txt"))


def test_title_broken_over_two_lines() -> None:
    text = ("CONDENSED CONSOLIDATED STATEMENT OF PROFIT OR LOSS AND\n"
            "OTHER COMPREHENSIVE INCOME\nFor the six months ended 30 September 2025\n"
            "\t\t2025\t2024\n\t\tHK$'000\tHK$'000\nRevenue\t\t100\t90\nCost of sales\t\t(40)\t(30)\n"
            "Profit for the period\t\t60\t60\n")
    blocks = locate_statements(document_from_text(text, "x"))
    assert [b.kind for b in blocks] == ["income", "comprehensive_income"]
    inc = extract_document(document_from_text(text, "x")).statement("income")
    assert inc is not None
    assert inc.columns[1].period.start.isoformat() == "2024-04-01"


def test_pdftotext_layout_style(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Columns by runs of spaces, rules under figures, a title over two lines, HK cents."""
    from pathlib import Path

    from converter.extract import extract_file
    src = Path(__file__).parent / "data" / "layout_style_statements.txt"
    extraction = extract_file(src)
    inc = extraction.statement("income")
    assert inc is not None and inc.title.endswith("OTHER COMPREHENSIVE INCOME")
    # reconciliation may name unlabelled subtotals; the printed label is kept
    got = {(r.label if r.printed_label is None else r.printed_label):
           [c.value if c else None for c in r.cells] for r in inc.rows if r.kind != "heading"}
    assert got["Revenue"] == [1234567, 1100000]
    assert got["Impairment losses on financial and contract assets, net"] == [-1234, 0]
    oci = extraction.statement("comprehensive_income")
    assert oci is not None and [r.label for r in oci.rows if r.kind == "total"] == [
        "Total comprehensive income for the year"]
    assert "Total comprehensive income for the year" not in got
    assert got[""] == [218026, 186876]
    assert not any(r.line in (10, 18, 21, 27) for r in inc.rows)  # rules are not rows
    eps = next(r for r in inc.rows if r.label == "Basic (HK cents)")
    assert eps.unit is not None and eps.unit.scale == -2 and eps.unit.currency == "HKD"
    fp = extraction.statement("financial_position")
    assert fp is not None and fp.columns[0].period.end.isoformat() == "2025-03-31"
    assert [r.label for r in fp.rows if r.kind == "heading"] == [
        "NON-CURRENT ASSETS", "CURRENT ASSETS", "CURRENT LIABILITIES"]
    assert fp.rows[-1].label == "Net assets"


def test_a_failing_later_stage_becomes_an_issue(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import converter.extract as ex

    def broken(extraction):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("boom")

    real = ex._optional
    monkeypatch.setattr(ex, "_optional",
                        lambda m, n: broken if n == "reconcile" else real(m, n))
    extraction = extract_document(document_from_text(DOC, "x"))
    assert extraction.statement("income") is not None
    assert any(i.code == "extract.stage_failed" and "boom" in i.message
               for i in extraction.issues)


def test_table_of_contents_and_note_mentions_lose_to_the_statement() -> None:
    text = ("Contents\nConsolidated statement of profit or loss\nConsolidated statement of "
            "financial position\nHighlights\tRevenue\t1,000\t900\nProfit\t\t100\t90\n"
            "Margin\t\t10\t10\n\n"
            "Consolidated statement of profit or loss\nFor the year ended 31 December 2024\n"
            "\t\t2024\t2023\n\t\tHK$'000\tHK$'000\nRevenue\t\t1,000\t900\n"
            "Cost of sales\t\t(600)\t(500)\nProfit for the year\t\t400\t400\n"
            "Consolidated statement of profit or loss (continued)\n\t\t2024\t2023\n"
            "Attributable to owners\t\t390\t395\nNon-controlling interests\t\t10\t5\n\n"
            "Consolidated statement of financial position\nAs at 31 December 2024\n"
            "\t\t2024\t2023\nCash\t\t500\t400\nTotal assets\t\t500\t400\nTotal equity\t\t500\t400\n")
    blocks = locate_statements(document_from_text(text, "x"))
    assert [(b.kind, b.first_line) for b in blocks] == [("income", 8), ("financial_position", 20)]
    assert blocks[0].last_line == 18           # the "(continued)" part belongs to it


def test_combined_statement_is_split_into_its_two_sections() -> None:
    text = ("Consolidated statement of profit or loss and other comprehensive income\n"
            "For the year ended 31 December 2024\n\t\t2024\t2023\n\t\tHK$'000\tHK$'000\n"
            "Revenue\t\t1,000\t900\nProfit for the year\t\t100\t90\n"
            "Other comprehensive income\t\t\t\n"
            "Items that may be reclassified to profit or loss:\t\t\t\n"
            "Exchange differences on translation\t\t(10)\t5\n"
            "Total comprehensive income for the year\t\t90\t95\n"
            "Total comprehensive income attributable to:\t\t\t\n"
            "Owners of the Company\t\t80\t90\nNon-controlling interests\t\t10\t5\n"
            "\t\t90\t95\n"
            "Earnings per share (HK cents)\t\t5.0\t4.5\n")
    extraction = extract_document(document_from_text(text, "x"))
    inc = extraction.statement("income")
    oci = extraction.statement("comprehensive_income")
    assert inc is not None and oci is not None

    def printed(r):  # type: ignore[no-untyped-def]
        return r.label if r.printed_label is None else r.printed_label
    assert [printed(r) for r in inc.rows] == ["Revenue", "Profit for the year",
                                              "Earnings per share (HK cents)"]
    assert [printed(r) for r in oci.rows][:2] == ["Profit for the year",
                                                  "Other comprehensive income"]
    assert [printed(r) for r in oci.rows][-3:] == ["Owners of the Company",
                                                   "Non-controlling interests", ""]
    assert [r.id for r in oci.rows] == [f"r{i}" for i in range(1, len(oci.rows) + 1)]


def test_block_ends_at_a_numbered_note_heading() -> None:
    text = ("Consolidated statement of cash flows\nFor the year ended 31 December 2024\n"
            "\t\t2024\t2023\nNet cash from operating activities\t\t1,200\t1,100\n"
            "Cash and cash equivalents at end of year\t\t5,000\t3,800\nNet increase\t\t1,200\t1,100\n"
            "2. SEGMENT INFORMATION\nRevenue by segment\t\t1,000\t900\nOther\t\t200\t100\n")
    blocks = locate_statements(document_from_text(text, "x"))
    assert blocks and blocks[0].last_line == 6


@pytest.mark.parametrize("sign_off", ["By order of the Board", "On behalf of the Board",
                                      "For and on behalf of the board of directors"])
def test_block_ends_at_the_sign_off(sign_off: str) -> None:
    text = ("Condensed consolidated statement of cash flows\nFor the six months ended 30 June 2025\n"
            "\t\t2025\t2024\nNet cash from operating activities\t\t1,200\t1,100\n"
            "Cash and cash equivalents at end of the period\t\t5,000\t3,800\n\n"
            f"{sign_off}\nLotus Holdings Limited\nChairman\n\nHong Kong, 20 August 2025\n")
    blocks = locate_statements(document_from_text(text, "x"))
    assert blocks and blocks[0].last_line == 5

"""General rules found on the second round of unseen announcements (tests/data/unseen/
harborview-2025-bank, larchmere-2025-restated), each shown here in yet another wording."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.equity_header import unit_of
from converter.extract import extract_file
from converter.locate import locate_statements
from converter.model import Unit
from converter.periods import detect_unit, is_header_line
from converter.reader import document_from_text, strip_markup
from converter.structure import subtotal_tree


# --------------------------------------------------------------------------- currency signs
@pytest.mark.parametrize("raw,cells", [
    ("Turnover    £ 1,284.6    £ 1,196.3", ["1,284.6", "1,196.3"]),
    ("Total assets\tHK$ 12,345\tHK$(9,876)", ["12,345", "(9,876)"]),
    ("Net loss                 $(42.0)      $ 17.5", ["(42.0)", "17.5"]),
    ("Operating loss          ($1,042.0)    (€ 17.5)", ["(1,042.0)", "(17.5)"]),
])
def test_a_currency_sign_before_a_figure_in_a_cell_is_blanked(raw: str, cells: list[str]) -> None:
    text = strip_markup(raw)[0]
    assert "$" not in text and "£" not in text
    assert [t.strip() for t in text.replace("\t", "  ").split("  ") if t.strip()][1:] == cells
    assert len(text) == len(raw.rstrip())          # columns keep their places


@pytest.mark.parametrize("prose", ["Grants of less than US$5,000 are expensed",
                                   "a special dividend of $0.12 per share",
                                   "HK$'000   HK$'000"])
def test_currency_in_prose_or_a_unit_line_is_left_alone(prose: str) -> None:
    assert strip_markup(prose)[0] == prose


# --------------------------------------------------------------------------- nil cells
@pytest.mark.parametrize("raw,expected", [
    ("| Share of losses of associates |  | Nil | (1,203) |",
     "Share of losses of associates\t\t  –\t(1,203)"),
    ("Impairment of goodwill        NIL         4,500",
     "Impairment of goodwill          –         4,500"),
    ("Deferred revenue\t12\tnil", "Deferred revenue\t12\t  –"),
])
def test_nil_printed_in_a_figure_column_reads_as_a_dash(raw: str, expected: str) -> None:
    assert strip_markup(raw)[0] == expected


@pytest.mark.parametrize("prose", ["Nil-rate band relief", "Mr Anil  Kumar, director",
                                   "Dividend per share:  nil"])
def test_nil_as_a_word_is_left_alone(prose: str) -> None:
    assert strip_markup(prose)[0] == prose


# --------------------------------------------------------------------------- page breaks
def test_a_page_number_flush_left_before_a_form_feed_is_furniture() -> None:
    text = ("Trade payables\t1,000\t900\n\n27\n\fNORTHWIND TRADING LTD\n\n"
            "Bank loans\t2,000\t1,800\n\n14\n\nAccruals\t300\t200\n")
    lines = [ln.text for ln in document_from_text(text).lines]
    assert "27" not in lines and "NORTHWIND TRADING LTD" not in lines
    assert "14" in lines            # a bare figure flush left with no page break near it stays


# --------------------------------------------------------------------------- units
@pytest.mark.parametrize("line,unit", [
    ("($ in millions, except per share data)", Unit("USD", 6)),
    ("(€ in thousands)", Unit("EUR", 3)),
    ("(in millions of US$)", None),          # the unit words in another order: not this rule
])
def test_a_parenthesised_unit_line_is_a_header_and_gives_the_unit(line: str,
                                                                 unit: Unit | None) -> None:
    if unit is None:
        return
    assert is_header_line(line)
    assert detect_unit([line]) == unit
    assert unit_of(line) == unit


# --------------------------------------------------------------------------- continued statements
_CONTINUED_DOC = """\
STATEMENT OF FINANCIAL POSITION
At 30 September 2025
\t2025\t2024
\tA$'000\tA$'000
Plant and equipment\t4,100\t3,900
Receivables\t1,200\t1,000
Cash\t700\t600
Total assets\t6,000\t5,500

STATEMENT OF FINANCIAL POSITION (cont'd)
At 30 September 2025
\t2025\t2024
\tA$'000\tA$'000
Payables\t1,000\t800
Borrowings\t2,000\t2,200
Total liabilities\t3,000\t3,000
Contributed equity\t2,000\t2,000
Retained earnings\t1,000\t500
Total equity\t3,000\t2,500
Total equity and liabilities\t6,000\t5,500
"""


def test_a_continued_statement_extends_the_first_part_and_is_never_chosen_alone() -> None:
    doc = document_from_text(_CONTINUED_DOC)
    blocks = [b for b in locate_statements(doc) if b.kind == "financial_position"]
    assert len(blocks) == 1
    assert blocks[0].first_line == 1 and blocks[0].last_line == 20


# --------------------------------------------------------------------------- restated equity
_RESTATED_DOC = """\
STATEMENT OF FINANCIAL POSITION
As at 31 March 2025
\t31 March 2025\t31 March 2024\t1 April 2023
\t\t(Restated)\t(Restated)
\tS$'000\tS$'000\tS$'000
Property, plant and equipment\t5,000\t4,800\t4,500
Cash and bank balances\t1,500\t1,100\t1,000
Total assets\t6,500\t5,900\t5,500
Borrowings\t2,000\t2,000\t2,000
Total liabilities\t2,000\t2,000\t2,000
Share capital\t1,000\t1,000\t1,000
Accumulated profits\t3,500\t2,900\t2,500
Total equity\t4,500\t3,900\t3,500

STATEMENT OF CHANGES IN EQUITY
For the year ended 31 March 2025
\tShare capital\tAccumulated profits\tTotal
\tS$'000\tS$'000\tS$'000
Balance at 1 April 2023, as originally stated\t1,000\t2,700\t3,700
Prior year adjustment\t-\t(200)\t(200)
Balance at 1 April 2023, restated\t1,000\t2,500\t3,500
Profit for the year\t-\t400\t400
Balance at 31 March 2024\t1,000\t2,900\t3,900

Balance at 1 April 2024\t1,000\t2,900\t3,900
Profit for the year\t-\t600\t600
Balance at 31 March 2025\t1,000\t3,500\t4,500
"""


@pytest.fixture(scope="module")
def restated(tmp_path_factory: pytest.TempPathFactory):
    path: Path = tmp_path_factory.mktemp("restated") / "restated.txt"
    path.write_text(_RESTATED_DOC, encoding="utf-8")
    return extract_file(path)


def test_the_restated_opening_ties_to_the_third_balance_sheet(restated) -> None:
    ties = [i for i in restated.identities if i.name.startswith("cross: opening equity")]
    assert ties and all(i.holds for i in ties), [(i.name, i.holds) for i in ties]
    assert not [i.name for i in restated.identities if not i.holds]


def test_a_restated_opening_is_checked_but_no_calculation(restated) -> None:
    soce = restated.statement("changes_in_equity")
    assert soce is not None
    by_label = {r.label: r for r in soce.rows}
    restated_row = by_label["Balance at 1 April 2023, restated"]
    checked = [i for i in restated.identities
               if i.name.startswith("changes_in_equity: Balance at 1 April 2023, restated")]
    assert checked and all(i.holds for i in checked)
    assert restated_row.id not in subtotal_tree(soce)


# --------------------------------------------------------------------------- a day per column
@pytest.mark.parametrize("header", [
    ["\tSeptember 30,\tMarch 31,", "\t2025\t2025"],
    ["\t30 September\t31 March", "\t2025\t2025"],
])
def test_each_column_takes_the_day_printed_over_its_year(header: list[str]) -> None:
    from converter.periods import period_hint, read_columns

    columns, issues = read_columns("financial_position", period_hint(["BALANCE SHEETS"]), header)
    assert [c.period.end.isoformat() for c in columns if c.period] == \
        ["2025-09-30", "2025-03-31"]
    assert not [i for i in issues if i.severity == "error"]


def test_one_period_line_over_two_years_still_gives_both_the_same_day() -> None:
    from converter.periods import period_hint, read_columns

    header = ["Nine months ended September 30,", "\t2025\t2024"]
    columns, _ = read_columns("income", period_hint(header), header)
    assert [(c.period.start.isoformat(), c.period.end.isoformat())  # type: ignore[union-attr]
            for c in columns] == [("2025-01-01", "2025-09-30"), ("2024-01-01", "2024-09-30")]


# --------------------------------------------------------------------------- tight equity header
_TIGHT_EQUITY = """\
STATEMENT OF CHANGES IN EQUITY
(in thousands of euros)

                                    Issued capital Hedging reserve Accumulated losses   Total
Balance at 1 January 2025                    5,000             (40)            (1,200)   3,760
Loss for the period                              -                -              (300)    (300)
Balance at 31 December 2025                  5,000             (40)            (1,500)   3,460
"""


_TIGHT_DECIMALS = """\
STATEMENT OF CHANGES IN EQUITY
(£ in millions)

                                    Issued capital Hedging reserve Accumulated losses   Total
Balance at 1 January 2025                      5.0            (0.4)             (12.0)    (7.4)
Loss for the period                              -                -              (3.1)    (3.1)
Balance at 31 December 2025                    5.0            (0.4)             (15.1)   (10.5)
"""


@pytest.mark.parametrize("text", [_TIGHT_EQUITY, _TIGHT_DECIMALS])
def test_component_names_one_space_apart_are_split_by_the_figure_columns(
        tmp_path: Path, text: str) -> None:
    path = tmp_path / "tight.txt"
    path.write_text(text, encoding="utf-8")
    soce = extract_file(path).statement("changes_in_equity")
    assert soce is not None
    assert [c.component or c.header for c in soce.columns] == \
        ["Issued capital", "Hedging reserve", "Accumulated losses", "Total"]


# --------------------------------------------------------------------------- flags by position
def test_a_flag_in_layout_text_goes_to_the_column_it_stands_under() -> None:
    from converter.periods import period_hint, read_columns

    header = ["                                        2025            2024            2023",
              "                                                 Re-presented     (Unaudited)"]
    columns, _ = read_columns("income", period_hint(["Year ended 30 June 2025"]), header)
    assert [c.restated for c in columns] == [False, True, False]
    assert [c.unaudited for c in columns] == [False, False, True]


@pytest.mark.parametrize("line,unit", [
    ("(CHF in thousands)", Unit("CHF", 3)),
    ("SEK m", Unit("SEK", 6)),
    ("(in thousands of Swiss francs)", Unit("CHF", 3)),
    ("INR'000", Unit("INR", 3)),
])
def test_other_currencies_printed_by_iso_code(line: str, unit: Unit) -> None:
    assert detect_unit([line]) == unit
    assert detect_unit(["a bazaar of 3 million stalls"]) is None


# --------------------------------------------------------------------------- US-style balances
@pytest.mark.parametrize("label,day", [
    ("Balance, December 31, 2023", "2023-12-31"),
    ("Balances, January 1, 2024", "2024-01-01"),
    ("Balance at September 30, 2025", "2025-09-30"),
])
def test_us_style_balance_rows_are_dated(label: str, day: str) -> None:
    from converter.equity_dates import balance_date

    found = balance_date(label)
    assert found is not None and found.isoformat() == day
    assert balance_date("Balance sheet reclassification") is None

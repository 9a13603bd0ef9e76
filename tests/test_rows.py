"""Row parsing on small statements of our own, in wordings and damage the seeds do not have."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings, strategies as st

from converter.cell_reading import read_field, split_figures
from converter.extract import parse_block
from converter.locate import locate_statements
from converter.model import Row, Statement
from converter.numbers import format_amount
from converter.reader import document_from_text
from converter.row_labels import split_packed
from converter.rows import is_note_ref


def parse(body: str, title: str = "Consolidated statement of financial position",
          header: str = "\t\t2025\t2024\n\tNote\tHK$'000\tHK$'000") -> Statement:
    doc = document_from_text(f"{title}\nAs at 31 March 2025\n{header}\n{body}\n", "t.txt")
    block = locate_statements(doc)[0] if locate_statements(doc) else None
    assert block is not None, "statement not located"
    stmt, _ = parse_block(doc, block)
    assert stmt is not None
    return stmt


def values(row: Row) -> list[Decimal | None]:
    return [c.value if c is not None else None for c in row.cells]


def items(stmt: Statement) -> list[tuple[str, list[Decimal | None]]]:
    return [(r.label, values(r)) for r in stmt.rows if r.kind != "heading"]


BODY = """Non-current assets\t\t\t
Property, plant and equipment\t7\t1,200\t1,100
Investment properties\t\t300\t280
\t\t1,500\t1,380
Current assets\t\t\t
Trade receivables\t\t400\t390
Cash at bank and on hand\t\t600\t(50)
Total assets\t\t2,500\t1,720"""


def test_clean_rows_sections_and_unlabelled_subtotal() -> None:
    stmt = parse(BODY)
    assert items(stmt)[:4] == [
        ("Property, plant and equipment", [Decimal(1200), Decimal(1100)]),
        ("Investment properties", [Decimal(300), Decimal(280)]),
        ("", [Decimal(1500), Decimal(1380)]),
        ("Trade receivables", [Decimal(400), Decimal(390)]),
    ]
    rows = {r.label: r for r in stmt.rows}
    assert rows["Property, plant and equipment"].note == "7"
    assert rows["Property, plant and equipment"].section == ("Non-current assets",)
    assert rows["Trade receivables"].section == ("Current assets",)
    assert [r.kind for r in stmt.rows if not r.label] == ["subtotal"]
    assert rows["Total assets"].kind == "total"
    assert [r.id for r in stmt.rows] == [f"r{i}" for i in range(1, len(stmt.rows) + 1)]


def test_packed_labels_and_cells() -> None:
    stmt = parse("Current assets Inventories Trade receivables Cash at bank\t\t"
                 "100 200 (300)\t90 180 270\n\t\t0\t540")
    assert items(stmt)[:3] == [("Inventories", [Decimal(100), Decimal(90)]),
                               ("Trade receivables", [Decimal(200), Decimal(180)]),
                               ("Cash at bank", [Decimal(-300), Decimal(270)])]
    assert stmt.rows[0].kind == "heading" and stmt.rows[0].label == "Current assets"


def test_packed_line_with_subtotal_before_total() -> None:
    stmt = parse("Bank loans Lease liabilities Total liabilities\t\t10 20 30 30\t5 6 11 11")
    assert items(stmt) == [("Bank loans", [Decimal(10), Decimal(5)]),
                           ("Lease liabilities", [Decimal(20), Decimal(6)]),
                           ("", [Decimal(30), Decimal(11)]),
                           ("Total liabilities", [Decimal(30), Decimal(11)])]


def test_short_column_aligned_by_magnitude_and_left_unresolved() -> None:
    stmt = parse("Share capital Share premium Retained earnings\t\t"
                 "8,100,000 (2,300,000)\t7 7,900,000 (2,100,000)\n\t\t5,800,007\t5,800,007")
    got = items(stmt)
    assert got[0] == ("Share capital", [None, Decimal(7)])
    assert got[1] == ("Share premium", [Decimal(8100000), Decimal(7900000)])
    assert got[2] == ("Retained earnings", [Decimal(-2300000), Decimal(-2100000)])
    assert got[3] == ("", [Decimal(5800007), Decimal(5800007)])


def test_wrapped_labels_figures_on_last_line() -> None:
    stmt = parse("Proceeds from disposal of property, plant and\t\t\t\n"
                 "equipment\t\t9,209\t5,712\n"
                 "Dividends received from associates and joint\t\t\t\n"
                 "ventures\t\t1\t2", title="Consolidated statement of cash flows",
                 header="\t\tYear ended 31 March\t\n\t\t2025\t2024")
    assert items(stmt) == [
        ("Proceeds from disposal of property, plant and equipment", [Decimal(9209), Decimal(5712)]),
        ("Dividends received from associates and joint ventures", [Decimal(1), Decimal(2)])]


def test_wrapped_label_packed_with_the_next() -> None:
    stmt = parse("Distribution costs Impairment losses on trade receivables and\t5\t(100)\t(90)\n"
                 "contract assets\t\t(20)\t(10)", title="Consolidated income statement",
                 header="\t\t2025\t2024")
    assert items(stmt) == [
        ("Distribution costs", [Decimal(-100), Decimal(-90)]),
        ("Impairment losses on trade receivables and contract assets",
         [Decimal(-20), Decimal(-10)])]


def test_dashes_stars_and_per_share() -> None:
    stmt = parse("Other gains\t\t–\t*\nProfit for the year\t\t1,000\t900\n"
                 "Basic earnings per share (HK cents)\t9\t12.5\t(3.1)",
                 title="Consolidated statement of profit or loss", header="\t\t2025\t2024")
    other, profit, eps = [r for r in stmt.rows if r.kind != "heading"]
    assert other.cells[0].nil and other.cells[0].value == 0
    assert other.cells[1].less_than_unit and other.cells[1].value is None
    assert profit.kind == "subtotal"
    assert eps.per_share and values(eps) == [Decimal("12.5"), Decimal("-3.1")]


def test_damaged_duplicate_layer_is_dropped_and_garbled_cells_kept_unresolved() -> None:
    stmt = parse("Opcrating profit\t\t(2 720 724)\t(1 011 770)\n"
                 "Operating profit\t\t3,729,734\t1,811,778\n"
                 "Other receivables\t\t2,000\tT31,177",
                 title="Consolidated income statement", header="\t\t2025\t2024")
    got = [r for r in stmt.rows if r.kind != "heading"]
    assert [r.label for r in got] == ["Operating profit", "Other receivables"]
    cell = got[1].cells[1]
    assert cell.provenance == "unresolved" and cell.value is None
    assert Decimal(731177) in cell.candidates and Decimal(31177) in cell.candidates


def test_cash_balances_have_roles() -> None:
    stmt = parse("Cash and cash equivalents at beginning of the year\t\t10\t8\n"
                 "Cash and cash equivalents at end of the year\t\t12\t10",
                 title="Consolidated statement of cash flows", header="\t\t2025\t2024")
    assert [r.balance_role for r in stmt.rows] == ["opening", "closing"]


def test_run_together_layer_lends_labels_and_rows() -> None:
    layer = ("Turnover 3 5,000 4,000 Cost of sales (3,000) (2,500) Gross profit 2,000 1,500 "
             "Other income 50 40")
    stmt = parse(f"{layer}\tTurnover\t3\t5,000\t4,000\n"
                 "x\tCost of sales\t\t(3,000)\t(2,500)\n"
                 "y\t\t\t2,000\t1,500\n",
                 title="Consolidated income statement", header="")
    got = items(stmt)
    assert got[0] == ("Turnover", [Decimal(5000), Decimal(4000)])
    assert got[2] == ("Gross profit", [Decimal(2000), Decimal(1500)])
    assert got[3][0] == "Other income"      # only the layer printed it: unresolved readings
    assert all(c.provenance == "unresolved" for c in stmt.rows[-1].cells)


def test_space_separated_rows() -> None:
    stmt = parse("Revenue   4   1,234   1,000\nProfit for the year   234   (10)",
                 title="Consolidated income statement", header="2025 2024")
    assert items(stmt) == [("Revenue", [Decimal(1234), Decimal(1000)]),
                           ("Profit for the year", [Decimal(234), Decimal(-10)])]
    assert stmt.rows[0].note == "4"


@pytest.mark.parametrize("text, note", [("4", True), ("3(a), 4(b)", True), ("5 5", True),
                                        ("12(a), (b)", True), ("14 13", True), ("1,234", False),
                                        ("Revenue", False)])
def test_note_refs(text: str, note: bool) -> None:
    assert is_note_ref(text) is note


def test_split_figures_and_readings() -> None:
    assert [c.value for c in read_field("7,280,503 300,735 (4,000)")] == [
        Decimal(7280503), Decimal(300735), Decimal(-4000)]
    dotted = read_field("(2.720.724)")[0]
    assert dotted.provenance == "unresolved" and dotted.candidates[0] == Decimal(-2720724)
    doubled = read_field("((500 202)")[0]
    assert doubled.provenance == "unresolved" and Decimal(-500202) in doubled.candidates
    assert len(split_figures("15 002 014")) == 1


def test_split_packed_keeps_proper_nouns_and_acronyms() -> None:
    assert split_packed("Amounts due to the Company Bank balances") == [
        "Amounts due to the Company", "Bank balances"]
    assert split_packed("Financial assets at FVOCI") == ["Financial assets at FVOCI"]


# --------------------------------------------------------------------------- property test
LABELS = ["Revenue", "Cost of sales", "Distribution costs", "Administrative expenses",
          "Finance costs", "Share of results of associates", "Income tax expense",
          "Impairment losses on trade receivables", "Other gains and losses",
          "Fair value changes on investment properties"]


def _fmt(v: int) -> str:
    s = format_amount(Decimal(abs(v)))
    return f"({s})" if v < 0 else s


@st.composite
def statements(draw):  # type: ignore[no-untyped-def]
    n = draw(st.integers(min_value=2, max_value=6))
    labels = draw(st.permutations(LABELS))[:n]
    vals = [[draw(st.integers(min_value=-10**7, max_value=10**7).filter(lambda x: x != 0))
             for _ in range(2)] for _ in range(n)]
    style = draw(st.fixed_dictionaries({
        "note_column": st.booleans(), "bold": st.booleans(), "markdown": st.booleans(),
        "pack_first": st.booleans(), "wrap": st.sampled_from([None] + list(range(n))),
        "pad": st.sampled_from(["", " ", "  "]),
        "spaces": st.booleans(),
    }))
    return labels, vals, style


def render(labels: list[str], vals: list[list[int]], style: dict) -> str:  # type: ignore[type-arg]
    pad = style["pad"]
    if style["spaces"]:
        # a layout with runs of spaces instead of tabs (no packing or wrapping then)
        gap = " " * (2 + len(pad))
        out = ["Consolidated statement of profit or loss", "For the year ended 31 December 2024",
               f"{gap}2024{gap}2023"]
        out += [f"{lab}{gap}{_fmt(v[0])}{gap}{_fmt(v[1])}" for lab, v in zip(labels, vals)]
        return "\n".join(out) + "\n"
    lead = "\t" if style["note_column"] else ""
    out = ["Consolidated statement of profit or loss", "For the year ended 31 December 2024",
           f"{lead}\t2024\t2023"]
    i = 0
    while i < len(labels):
        if style["pack_first"] and i == 0 and len(labels) > 2:
            lab = f"{labels[0]} {labels[1]}"
            cells = [f"{_fmt(vals[0][c])} {_fmt(vals[1][c])}" for c in range(2)]
            out.append(f"{lab}{lead}\t{pad}{cells[0]}{pad}\t{cells[1]}")
            i += 2
            continue
        label = labels[i]
        if style["bold"]:
            label = f"<b>{label}</b>"
        elif style["markdown"]:
            label = f"**{label}**"
        cells = [_fmt(v) for v in vals[i]]
        words = labels[i].split()
        if style["wrap"] == i and len(words) > 2 and words[1][0].islower():
            out.append(f"{words[0]}{lead}\t\t")
            out.append(f"{' '.join(words[1:])}{lead}\t{cells[0]}\t{pad}{cells[1]}{pad}")
        else:
            out.append(f"{pad}{label}{pad}{lead}\t{cells[0]}\t{cells[1]}")
        i += 1
    return "\n".join(out) + "\n"


@settings(max_examples=200, deadline=None)
@given(statements())
def test_reformatted_statement_gives_the_same_cells(case) -> None:  # type: ignore[no-untyped-def]
    labels, vals, style = case
    doc = document_from_text(render(labels, vals, style), "p.txt")
    blocks = locate_statements(doc)
    assert blocks and blocks[0].kind == "income"
    stmt, _ = parse_block(doc, blocks[0])
    assert stmt is not None
    got = [(r.label, values(r)) for r in stmt.rows if r.kind != "heading"]
    assert got == [(lab, [Decimal(v) for v in vs]) for lab, vs in zip(labels, vals)]


def test_note_inside_the_label_cell() -> None:
    stmt = parse("Trade receivables (Note 12)\t\t400\t390\nInventories Note 11\t\t50\t40\n"
                 "Total current assets\t\t450\t430")
    assert [(r.label, r.note) for r in stmt.rows] == [("Trade receivables", "12"),
                                                      ("Inventories", "11"),
                                                      ("Total current assets", None)]


def test_ocr_copy_of_the_next_row_is_dropped() -> None:
    stmt = parse("\t\t(5.017)\t(122)\n\t\t(5,017)\t(132)\n\t\t100\t200",
                 title="Consolidated statement of comprehensive income", header="\t\t2025\t2024")
    assert [values(r) for r in stmt.rows] == [[Decimal(-5017), Decimal(-132)],
                                              [Decimal(100), Decimal(200)]]


# --------------------------------------------------------------------------- untrusted input
PIECES = ["Revenue", "Total assets", "Notes", "2024", "2023", "RMB'000", "(1,234)", "5,678",
          "–", "*", "(2 720 724)", "T31,177", "((500 202)", "3(a), 4(b)", "\t", "\t\t", "  ",
          "Cash and cash equivalents at end of year", "and", "of the", "<b>", "**", "|",
          "(Unaudited)", "As at 30 June 2024", "Year ended 31 December", "_ · ·", "0.13",
          "Non-current assets Property, plant and equipment", "1 (10 (7)", "y ,202,333"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES), max_size=8), max_size=25),
       st.sampled_from(["CONSOLIDATED BALANCE SHEET", "Statement of profit or loss",
                        "CONSOLIDATED STATEMENT OF CASH FLOWS"]))
def test_any_table_text_parses_without_crashing(lines, title) -> None:  # type: ignore[no-untyped-def]
    from converter.errors import InputError
    from converter.rows import parse_rows
    body = "\n".join(" ".join(parts) for parts in lines)
    doc = document_from_text(f"{title}\n{body}\n", "fuzz.txt")
    for block in locate_statements(doc):
        stmt, issues = parse_block(doc, block)
        if stmt is not None:
            assert all(len(r.cells) == len(stmt.columns) for r in stmt.rows)
            assert [r.id for r in stmt.rows] == [f"r{i}" for i in range(1, len(stmt.rows) + 1)]
    rows, _ = parse_rows(doc.lines[1:], 2, "income")
    assert all(len(r.cells) == 2 for r in rows)
    try:
        from converter.extract import extract_document
        extract_document(document_from_text(f"{title}\n{body}\n", "fuzz.txt"))
    except InputError:
        pass


def test_note_on_a_heading_line_is_not_a_figure() -> None:
    stmt = parse("Profit for the period\t\t10,903\t8,703\n"
                 "Earnings per share attributable to owners of the parent\t9\n"
                 "Basic (US cents)\t\t2.18\t1.74",
                 title="Condensed consolidated statement of profit or loss",
                 header="\t\t2025\t2024\n\tNotes\tUS$'000\tUS$'000")
    heading = stmt.rows[1]
    assert heading.kind == "heading" and all(c is None for c in heading.cells)
    eps = stmt.rows[2]
    assert eps.per_share and eps.unit is not None and eps.unit.scale == -2


def test_page_breaks_inside_a_table_are_skipped() -> None:
    stmt = parse("Inventories\t\t100\t90\n– 12 –\nPage 12 of 40\n"
                 "CONSOLIDATED STATEMENT OF FINANCIAL POSITION (CONTINUED)\n"
                 "Trade receivables\t\t200\t180\n"
                 "Total current assets\t\t300\t270")
    assert items(stmt) == [("Inventories", [Decimal(100), Decimal(90)]),
                           ("Trade receivables", [Decimal(200), Decimal(180)]),
                           ("Total current assets", [Decimal(300), Decimal(270)])]


def test_total_comprehensive_income_closes_the_oci_headings() -> None:
    stmt = parse("Profit for the year\t\t40,400\t35,200\n"
                 "Other comprehensive income\t\t\t\n"
                 "Items that may be reclassified subsequently to profit or loss:\t\t\t\n"
                 "Exchange differences on translating foreign operations\t\t1,200\t(800)\n"
                 "Total comprehensive income for the year\t\t41,600\t34,400\n"
                 "Attributable to:\t\t\t\nOwners of the Company\t\t41,000\t34,000\n"
                 "Non-controlling interests\t\t600\t400",
                 title="Consolidated statement of comprehensive income",
                 header="\t\t2025\t2024\n\t\tHK$'000\tHK$'000")
    by = {r.label: r for r in stmt.rows}
    assert by["Exchange differences on translating foreign operations"].section[0] == \
        "Other comprehensive income"
    assert by["Total comprehensive income for the year"].section == ()
    assert not any("comprehensive" in h.lower() for h in by["Owners of the Company"].section)


def test_a_lone_star_line_is_not_a_row() -> None:
    """A footnote marker left alone on a line by the extraction is not an unlabelled subtotal."""
    from converter.reader import document_from_text
    from converter.extract import extract_document

    text = ("CONSOLIDATED STATEMENT OF FINANCIAL POSITION\nAS AT 31 DECEMBER 2025\n"
            "\t\t2025\t2024\n\tNote\tHK$'000\tHK$'000\n"
            "Inventories\t\t10\t8\nCash and cash equivalents\t\t5\t4\n*\n\t\t15\t12\n"
            "Total assets\t\t15\t12\n")
    statement = extract_document(document_from_text(text)).statement("financial_position")
    assert statement is not None
    printed = [r.label if r.printed_label is None else r.printed_label
               for r in statement.value_rows()]
    assert printed.count("") == 1  # only the unlabelled subtotal
    assert all(r.line != 7 for r in statement.rows)

"""Reading: markup stripped but remembered; unreadable input is a one-line InputError."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.errors import InputError
from converter.reader import document_from_text, read_document, strip_markup


@pytest.mark.parametrize("raw, text, bold, underline", [
    ("<b>Revenue</b>\t<u><b>(1,234)</b></u>", "Revenue\t(1,234)", True, True),
    ("**CONSOLIDATED BALANCE SHEET**  ", "CONSOLIDATED BALANCE SHEET", True, False),
    ("## **Profit for the year**", "Profit for the year", True, False),
    ("Amounts in HK\\$'000", "Amounts in HK$'000", False, False),
    ("\t\t<hr/> <b>6,203,865</b>\t<hr/> 5,300,438", "\t\t 6,203,865\t 5,300,438", True, False),
    ("Finance costs\t$(128,261)$", "Finance costs\t(128,261)", False, False),
    ("^{*} less than HK$1,000", "* less than HK$1,000", False, False),
    ("<i>Items that may be reclassified</i>\t\t", "Items that may be reclassified\t\t", False, False),
])
def test_strip_markup(raw: str, text: str, bold: bool, underline: bool) -> None:
    assert strip_markup(raw) == (text, bold, underline)


def test_lines_are_numbered_from_one() -> None:
    doc = document_from_text("a\n<b>b</b>\nc", "x")
    assert [(l.no, l.text, l.bold) for l in doc.lines] == [(1, "a", False), (2, "b", True),
                                                          (3, "c", False)]


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"Revenue \xff\xfe\xfa 1,234\n", "not UTF-8"),
])
def test_bad_input(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_missing_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_document(tmp_path)


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes("\ufeffRevenue\t1,234".encode("utf-8"))
    assert read_document(p).lines[0].text == "Revenue\t1,234"
    p.write_bytes("Revenue\t1,234".encode("utf-16"))
    assert read_document(p).lines[0].text == "Revenue\t1,234"


@pytest.mark.parametrize("raw, text", [
    ("| Revenue | 4 | 1,234 | 1,000 |", "Revenue\t4\t1,234\t1,000"),
    ("|  | 2025 | 2024 |", "\t2025\t2024"),
    ("|---|---:|---:|", ""),
    ("<tr><td>Finance costs</td><td>(56)</td><td>(40)</td></tr>", "Finance costs\t(56)\t(40)"),
    ("Profit | loss", "Profit | loss"),
])
def test_tables_become_tab_cells(raw: str, text: str) -> None:
    assert strip_markup(raw)[0] == text


def test_markdown_pipe_statement_parses() -> None:
    from converter.extract import extract_document
    doc = document_from_text(
        "## Consolidated statement of profit or loss\nFor the year ended 30 June 2025\n\n"
        "| | Notes | 2025 | 2024 |\n|---|---|---:|---:|\n| | | US$'000 | US$'000 |\n"
        "| Revenue | 3 | 5,120 | 4,870 |\n| Cost of sales | | (3,010) | (2,950) |\n"
        "| **Gross profit** | | **2,110** | **1,920** |\n", "m.md")
    stmt = extract_document(doc).statement("income")
    assert stmt is not None and stmt.unit.currency == "USD"
    assert [(r.label, r.note, [c.value for c in r.cells]) for r in stmt.rows] == [
        ("Revenue", "3", [5120, 4870]), ("Cost of sales", None, [-3010, -2950]),
        ("Gross profit", None, [2110, 1920])]
    assert stmt.rows[2].bold and stmt.columns[0].period.end.isoformat() == "2025-06-30"


def test_doctests_of_the_extract_modules() -> None:
    import doctest

    import converter.cell_reading
    import converter.locate
    import converter.reader
    import converter.row_labels
    for module in (converter.reader, converter.locate, converter.cell_reading,
                   converter.row_labels):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__

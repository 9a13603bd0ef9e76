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

"""Periods and units from titles and column headers, in several wordings."""
from __future__ import annotations

from datetime import date

import pytest

from converter.model import Unit
from converter.periods import (build_columns, detect_unit, find_dates, is_header_line,
                               period_hint, per_share_currency)


def test_find_dates() -> None:
    assert find_dates("As at June 30, 2024 and 31 December 2023") == [date(2024, 6, 30),
                                                                      date(2023, 12, 31)]


def test_six_months_with_years_in_header() -> None:
    hint = period_hint(["FOR THE SIX MONTHS ENDED 30 JUNE 2022", "\t\t2022\t2021"])
    cols = build_columns("income", hint, ["\t\t2022\t2021", "\t\t(Unaudited)\t(Unaudited)"])
    assert [(c.period.start, c.period.end) for c in cols] == [
        (date(2022, 1, 1), date(2022, 6, 30)), (date(2021, 1, 1), date(2021, 6, 30))]
    assert all(c.unaudited for c in cols)


def test_missing_comparative_year_steps_back() -> None:
    hint = period_hint(["Statement of financial position", "As at 31 March 2025"])
    cols = build_columns("financial_position", hint,
                         ["\tAs at 31 March 2025\t", "\tNote\tHK$'000\tHK$'000"])
    assert [c.period.end for c in cols] == [date(2025, 3, 31), date(2024, 3, 31)]
    assert all(c.period.is_instant for c in cols)


def test_flags_by_field() -> None:
    hint = period_hint(["Balance sheet"])
    cols = build_columns("financial_position", hint, [
        "\tNotes\tAs at June 30, 2024 RMB'000 (Unaudited)\tAs at December 31, 2023 RMB'000",
        "\t\tUS$'000\tUS$'000 (Restated)"])
    assert [c.period.end for c in cols] == [date(2024, 6, 30), date(2023, 12, 31)]
    assert [c.unaudited for c in cols] == [True, False]
    assert [c.restated for c in cols] == [False, True]


@pytest.mark.parametrize("text, unit", [
    ("\t\tRMB'000\tRMB'000", Unit("CNY", 3)),
    ("HK$'000", Unit("HKD", 3)),
    ("US$ million", Unit("USD", 6)),
    ("RMB million", Unit("CNY", 6)),
    ("presented in thousands of Renminbi", Unit("CNY", 3)),
    ("Revenue", None),
])
def test_units(text: str, unit: Unit | None) -> None:
    assert detect_unit([text]) == unit


@pytest.mark.parametrize("text, header", [
    ("\t\tYear ended 31 December\t", True),
    ("\t\t2024\t2023", True),
    ("\tNote\tRMB'000\tRMB'000 (Restated)", True),
    ("Revenue\t4\t3,808,510\t4,700,263", False),
    ("Cash and cash equivalents at beginning of year\t9,423,495\t7,962,813", False),
    ("Loss for the year", False),
])
def test_header_lines(text: str, header: bool) -> None:
    assert is_header_line(text) is header


def test_per_share_currency() -> None:
    assert per_share_currency("Basic and diluted loss per share (RMB)") == "CNY"
    assert per_share_currency("Basic earnings per share (HK$)") == "HKD"


@pytest.mark.parametrize("label, unit", [
    ("Basic and diluted loss per share (RMB)", Unit("CNY", 0, True)),
    ("Basic earnings per share (HK cents)", Unit("HKD", -2, True)),
    ("Diluted earnings per share (US$)", Unit("USD", 0, True)),
    ("Earnings per share - basic", Unit("HKD", 0, True)),
])
def test_per_share_unit(label: str, unit: Unit) -> None:
    from converter.periods import per_share_unit
    assert per_share_unit(label, "HKD") == unit


@pytest.mark.parametrize("text", ["Six months ended June 30,\t\t", "\tAs at 30 June\t",
                                  "For the year ended December 31"])
def test_header_lines_ending_in_a_day(text: str) -> None:
    assert is_header_line(text)

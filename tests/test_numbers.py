"""Printed figures: every form the statements use, and what is not a figure."""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from converter.numbers import format_amount, parse_number


@pytest.mark.parametrize("text, value, negative, decimals", [
    ("1,234", Decimal(1234), False, 0),
    ("(1,234)", Decimal(-1234), True, 0),
    ("1,234.5", Decimal("1234.5"), False, 1),
    ("(0.13)", Decimal("-0.13"), True, 2),
    ("6", Decimal(6), False, 0),
    ("12,345,678", Decimal(12345678), False, 0),
    ("-1,234", Decimal(-1234), True, 0),
    (" 3,772,101 ", Decimal(3772101), False, 0),
])
def test_amounts(text: str, value: Decimal, negative: bool, decimals: int) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed.value == value
    assert parsed.negative is negative
    assert parsed.decimals == decimals
    assert not parsed.nil


@pytest.mark.parametrize("dash", ["-", "–", "—", "_", "−"])
def test_dashes_are_nil(dash: str) -> None:
    parsed = parse_number(dash)
    assert parsed is not None and parsed.nil and parsed.value == 0


def test_star_is_less_than_unit() -> None:
    parsed = parse_number("*")
    assert parsed is not None and parsed.less_than_unit and parsed.value is None


@pytest.mark.parametrize("text", ["", "Note", "(1,234", "1,234)", "1,23,4", "3(a)", "RMB'000",
                                  "2024", "abc", "1.2.3"])
def test_not_a_figure(text: str) -> None:
    parsed = parse_number(text)
    # A bare year is a valid number; the caller decides by position whether it is a header.
    if text == "2024":
        assert parsed is not None and parsed.value == 2024
    else:
        assert parsed is None


@given(st.integers(min_value=0, max_value=10**12), st.booleans())
def test_round_trip(n: int, negative: bool) -> None:
    printed = format_amount(Decimal(n))
    if negative:
        printed = f"({printed})"
    parsed = parse_number(printed)
    assert parsed is not None
    assert parsed.value == (-n if negative else n)

"""The currency table (taxonomy/currencies.csv) and what the page shows from it."""
from __future__ import annotations

import csv
import re
from datetime import date

from converter.currencies import CURRENCIES_NAME, currency_name, currency_symbol
from converter.model import Column, Period, Statement, Unit
from converter.render import _unit_label
from converter.resources import taxonomy_dir


def test_table_is_well_formed() -> None:
    with open(taxonomy_dir() / CURRENCIES_NAME, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    codes = [r["code"] for r in rows]
    assert len(codes) == len(set(codes)) >= 10
    for r in rows:
        assert re.fullmatch(r"[A-Z]{3}", r["code"]), r
        assert r["symbol"].strip() == r["symbol"] and r["symbol"], r
        assert r["name"].strip() and "(" in r["name"], r


def test_symbols_and_names_with_a_plain_fallback() -> None:
    assert currency_symbol("MYR") == "RM" and currency_symbol("HKD") == "HK$"
    assert currency_name("GBP") == "Pounds sterling (£)"
    assert currency_symbol("XAU") == "XAU" and currency_name("XAU") == "XAU"


def test_statement_unit_header() -> None:
    def header(currency: str, scale: int) -> str:
        column = Column("2025", Period(date(2025, 1, 1), date(2025, 12, 31)))
        return _unit_label(Statement("income", "", [column], [],
                                     unit=Unit(currency=currency, scale=scale)))
    assert header("MYR", 3) == "RM'000"
    assert header("GBP", 6) == "£ million"


def test_identity_names_drop_any_listed_unit() -> None:
    from converter.identities import heading

    def shown(text: str) -> str:
        return heading(Column(text, component=text))
    assert shown("Retained earnings RM'000") == "Retained earnings"
    assert shown("Total £m") == "Total" and shown("Treasury shares (US$'000)") == "Treasury shares"
    assert shown("Reserve R'000") == "Reserve"
    assert shown("Capital R&D reserve") == "Capital R&D reserve"    # a letter is no unit alone

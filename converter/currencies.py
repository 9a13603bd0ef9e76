"""How a currency is written on the page: its symbol ("HK$") and its name, by ISO 4217 code.

Stage: render (statement headers) and cover (presentation currency). The table is data,
``taxonomy/currencies.csv``; a code it does not list is shown as the code itself, which is
never wrong, only plainer.
"""
from __future__ import annotations

import csv
from functools import lru_cache

from .resources import taxonomy_dir

CURRENCIES_NAME = "currencies.csv"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    with open(taxonomy_dir() / CURRENCIES_NAME, newline="", encoding="utf-8") as fh:
        return {r["code"]: (r["symbol"], r["name"]) for r in csv.DictReader(fh)}


def currency_symbol(code: str) -> str:
    """"HKD" → "HK$" (as in "HK$'000")."""
    return _table().get(code, (code, code))[0]


def currency_name(code: str) -> str:
    """"MYR" → "Malaysian ringgit (RM)"."""
    return _table().get(code, (code, code))[1]

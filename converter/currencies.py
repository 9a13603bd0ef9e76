"""How a currency is written on the page: its symbol ("HK$") and its name, by ISO 4217 code.

Stage: render (statement headers) and cover (presentation currency). The table is data,
``taxonomy/currencies.csv``; a code it does not list is shown as the code itself, which is
never wrong, only plainer.
"""
from __future__ import annotations

import csv
import re
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


@lru_cache(maxsize=1)
def printed_unit_pattern() -> re.Pattern[str]:
    """A unit as headers print it beside a name: "RMB'000", "(HK$'000)", "£m", "USD million"
    — every symbol and code of the table, so that a new currency is one row of data. A
    one-letter symbol ("R") counts only with its scale ("R'000"), not as a word ("R&D")."""
    tokens = {t for code, (symbol, _name) in _table().items() for t in (code, symbol)}
    def alternation(items: set[str]) -> str:
        return "|".join(re.escape(t) for t in sorted(items, key=len, reverse=True))
    scale = r"\s*['’]?\s*(?:000|m|million|k)"
    long, short = {t for t in tokens if len(t) > 1}, {t for t in tokens if len(t) == 1}
    parts = [rf"(?:{alternation(long)})(?:{scale})?"] + (
        [rf"(?:{alternation(short)}){scale}"] if short else [])
    return re.compile(rf"\(?(?<![\w$])(?:{'|'.join(parts)})(?!\w)\)?|\(?\$['’]000\)?")

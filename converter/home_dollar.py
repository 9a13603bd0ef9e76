"""Stage 2 (extract, after the statements are parsed): which dollar a bare "$" means (and
which currency a "¥").

"$'000" names no country. US filings print it, but so do Australian, Canadian, New Zealand and
Singapore issuers, whose announcements name their exchange or their standards ("ABN 12 ...",
"ASX", "AASB 134", "NZX", "TSX", "SFRS(I)"). Tagging an Australian group's figures in US
dollars would be silently wrong, so a bare "$" is the home dollar of the one jurisdiction the
document names, unless the document prints US dollars as a unit itself ("US$'000"). The
evidence is data: ``taxonomy/dollar_jurisdictions.csv`` (code, regular expression).
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from functools import lru_cache

from .model import Document, Issue, Statement
from .resources import taxonomy_dir

JURISDICTIONS_NAME = "dollar_jurisdictions.csv"
# US dollars printed as a unit: then "$" may well mean them, and nothing is changed.
_US_UNIT = re.compile(r"US\s?\$\s*['’]?\s*(?:000|m\b|million|bn|billion)|\bUSD\s*['’]?\s*"
                      r"(?:000|m\b|million|k\b|thousand)|\bU\.?S\.? dollars\b", re.IGNORECASE)
# A bare dollar sign as a unit: "$'000", "$m", "$ million", "($ in millions)".
_BARE_UNIT = re.compile(r"(?<![A-Za-z])\$\s*['’]?\s*(?:000|m\b|million|in\s+millions|"
                        r"in\s+thousands|bn\b|billion)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _evidence() -> tuple[tuple[str, re.Pattern[str]], ...]:
    with open(taxonomy_dir() / JURISDICTIONS_NAME, newline="", encoding="utf-8") as fh:
        return tuple((r["code"], re.compile(r["evidence"])) for r in csv.DictReader(fh))


def home_dollar(texts: list[str]) -> tuple[str, str] | None:
    """(ISO code, the evidence as printed) when the text prints a bare "$" unit, no US-dollar
    unit, and names exactly one dollar jurisdiction; else None."""
    text = "\n".join(texts)
    if not _BARE_UNIT.search(text) or _US_UNIT.search(text):
        return None
    found = [(code, m.group(0)) for code, pattern in _evidence()
             if (m := pattern.search(text)) is not None]
    return found[0] if len(found) == 1 else None


# "¥" read as yen (the periods table); a document that names the renminbi and not the yen
# means the yuan by it.
_YEN_SIGN = re.compile(r"[¥￥]\s*['’]?\s*(?:000|m\b|million|k\b|thousand|bn\b|billion)",
                       re.IGNORECASE)
_RENMINBI = re.compile(r"\bRMB\b|\bRenminbi\b|People's Republic of China")
_YEN_NAMED = re.compile(r"\bJPY\b|\byen\b|\bJapan", re.IGNORECASE)


def home_yen(texts: list[str]) -> tuple[str, str] | None:
    """("CNY", evidence) when the text prints "¥" as a unit and names the renminbi, not the
    yen; else None (the sign stays the yen's)."""
    text = "\n".join(texts)
    if not _YEN_SIGN.search(text) or _YEN_NAMED.search(text):
        return None
    m = _RENMINBI.search(text)
    return ("CNY", m.group(0)) if m else None


def localise_dollar(doc: Document, statements: list[Statement]) -> list[Issue]:
    """Re-read the statements' bare-dollar units (parsed as USD) as the home dollar, and a
    yuan sign (parsed as JPY) as CNY; one info issue says why."""
    texts = [line.text for line in doc.lines]
    issues = _relabel(statements, "USD", home_dollar(texts), "'$'")
    return issues + _relabel(statements, "JPY", home_yen(texts), "'¥'")


def _relabel(statements: list[Statement], parsed: str, home: tuple[str, str] | None,
             sign: str) -> list[Issue]:
    if home is None:
        return []
    code, evidence = home
    changed = False
    for stmt in statements:
        if stmt.unit.currency == parsed:
            stmt.unit = replace(stmt.unit, currency=code)
            changed = True
        for row in stmt.rows:
            if row.unit is not None and row.unit.currency == parsed:
                row.unit = replace(row.unit, currency=code)
    if not changed:
        return []
    return [Issue("info", "extract.home_currency",
                  f"{sign} read as {code}: the document names its jurisdiction or currency "
                  f"('{evidence}') and prints no unit that would contradict it")]

"""Changes in equity: the dates that make the period blocks.

Balance rows carry the periods ("As at 1 January 2024", "Balance at 31 December 2023",
"At June 30, 2024", "Balance at beginning of the year"); the title names the period length
("for the six months ended 30 June 2024"). An opening balance is an instant at the start of
the block's duration, a closing balance at its end (IAS 1.106(d)).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH = r"(?P<m>[A-Za-z]{3,9})\.?"
_BALANCE = re.compile(r"^(?:balance|balances)?,?\s*(?:as\s+at|as\s+of|at)\b\s*(?P<rest>.+)$"
                      r"|^balances?(?:,\s*|\s+)(?P<rest2>.+)$", re.IGNORECASE)
_DMY = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})")
_NUMERIC = re.compile(r"\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b")
_MDY = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})")
# Balances printed without a date: "Balance at beginning of the year", "At end of period".
UNDATED = re.compile(r"^(?:balances?\s+)?(?:as\s+)?(?:at|as\s+of)?\s*(?:the\s+)?"
                      r"(?P<which>beginning|start|end|close)\s+of\s+(?:the\s+)?"
                      r"(?:financial\s+)?(?:year|period)\b", re.IGNORECASE)
_ENDED = re.compile(r"ended\s+(.{6,25}?\d{4})", re.IGNORECASE)
TOTAL = re.compile(r"^(?:sub-?\s*)?total\b", re.IGNORECASE)


def balance_date(label: str) -> date | None:
    """The date of an opening or closing balance row, None for other rows.

    >>> balance_date("Balance at 1 January 2023")
    datetime.date(2023, 1, 1)
    >>> balance_date("As at June 30, 2024")
    datetime.date(2024, 6, 30)
    >>> balance_date("Balance, December 31, 2023")
    datetime.date(2023, 12, 31)
    """
    m = _BALANCE.match(label.strip())
    if not m:
        return None
    rest = m.group("rest") or m.group("rest2") or ""
    num = _NUMERIC.search(rest)
    if num:                                   # "31.12.2023", "1/1/2024": day first (IFRS/HK)
        try:
            return date(int(num.group(4)), int(num.group(3)), int(num.group(1)))
        except ValueError:
            return None
    for rx in (_DMY, _MDY):
        d = rx.search(rest)
        if d and d.group("m").lower() in _MONTHS:
            try:
                return date(int(d.group("y")), _MONTHS[d.group("m").lower()], int(d.group("d")))
            except ValueError:
                return None
    return None


def role_of(d: date) -> str:
    """Balances at a month end close a period; any other day (1 January) opens one."""
    return "closing" if (d + timedelta(days=1)).day == 1 else "opening"


def months_in(text: str) -> int:
    """Length of the period a title names, in months (a year unless it says otherwise)."""
    t = " ".join(text.lower().split())
    for words, n in (("three months", 3), ("3 months", 3), ("nine months", 9), ("9 months", 9),
                     ("six months", 6), ("6 months", 6), ("half-year", 6), ("half year", 6),
                     ("quarter ended", 3), ("interim", 6)):
        if words in t:
            return n
    return 12


def shift_months(d: date, months: int) -> date:
    """Move a date by whole months, keeping the day where the month allows."""
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, calendar.monthrange(d.year + y, m + 1)[1]))


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def title_end(text: str) -> date | None:
    """The period end a title names: "for the year ended 31 December 2024" → 2024-12-31."""
    m = _ENDED.search(text)
    if not m:
        return None
    return balance_date("At " + m.group(1).strip(" ,"))

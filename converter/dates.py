"""Dates as statements print them, and the document's financial year.

"31 December 2024", "June 30, 2024", "2024-06-30", "30.6.2025", "30/06/2025": column headers,
titles and period lines of issuers in Hong Kong, Malaysia, Singapore, the UK and the US.
Numeric dates are read day first (IFRS reporters outside the US) unless only month first
can be right. Used by ``periods`` (column headers) and ``column_groups``.
"""
from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|" \
         r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s*(\d{4}))?", re.I)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(\d{4}))?", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "30.6.2025", "30/06/2025", "30-06-2025": day first outside the US (IFRS reporters); the
# separator must repeat, so "2024-25" or "1.5" never read as a date.
_NUMERIC_DATE = re.compile(
    r"(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d.,/-]?\d)")
_DURATION = re.compile(
    r"\b(year|twelve\s+months|12\s+months|six\s+months|6\s+months|half[-\s]year|"
    r"three\s+months|3\s+months|nine\s+months|9\s+months|quarter)\s+ended\b", re.I)
_DURATION_MONTHS = {"year": 12, "twelve": 12, "12": 12, "six": 6, "6": 6, "half": 6,
                    "three": 3, "3": 3, "nine": 9, "9": 9, "quarter": 3}

def find_dates(text: str, month_first: bool | None = None) -> list[date]:
    """Full dates in a text, in order: "31 December 2024", "June 30, 2024", "2024-06-30",
    "30.6.2024" (numeric dates day first unless ``month_first`` or the text says otherwise)."""
    found: list[tuple[int, date]] = []
    for m in _DAY_MONTH.finditer(text):
        if m.group(3):
            found.append((m.start(), _make_date(int(m.group(3)), m.group(2), int(m.group(1)))))
    for m in _MONTH_DAY.finditer(text):
        if m.group(3):
            found.append((m.start(), _make_date(int(m.group(3)), m.group(1), int(m.group(2)))))
    for m in _ISO_DATE.finditer(text):
        try:
            found.append((m.start(), date(int(m.group(1)), int(m.group(2)), int(m.group(3)))))
        except ValueError:
            pass
    found.extend(_numeric_dates(text, month_first))
    return [d for _, d in sorted(found) if d is not None]  # type: ignore[misc]


def _numeric_dates(text: str, month_first: bool | None = None) -> list[tuple[int, date]]:
    """Dates printed as figures: "30.6.2025", "30/06/2025", "06/30/2025".

    Day first unless the first number cannot be a day-in-month reading (second > 12) or the
    caller says the document writes month first: IFRS reporters outside the US print
    day first, and "06/30/2025" can only be month first. An ambiguous "05/06/2025" follows
    the other dates of the same text when one of them is unambiguous.
    """
    matches = list(_NUMERIC_DATE.finditer(text))
    if month_first is None:
        month_first = writes_month_first(text)
    out: list[tuple[int, date]] = []
    for m in matches:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (b, a) if (month_first and a <= 12) or b > 12 else (a, b)
        try:
            out.append((m.start(), date(year, month, day)))
        except ValueError:
            continue
    return out


def writes_month_first(text: str) -> bool:
    """Whether the numeric dates of a text are month first: one can only be read so
    ("06/30/2025") and none only day first ("30/06/2025")."""
    pairs = [(int(m.group(1)), int(m.group(3))) for m in _NUMERIC_DATE.finditer(text)]
    return any(b > 12 >= a for a, b in pairs) and not any(a > 12 >= b for a, b in pairs)


def _make_date(year: int, month: str, day: int) -> date | None:
    try:
        return date(year, _MONTHS[month.lower().rstrip(".")[:3] if month.lower().startswith(
            "sept") else month.lower().rstrip(".")], day)
    except (KeyError, ValueError):
        return None


# "for the financial year ending 31 December 2025", "financial year end: 30 June"
_FY_END = re.compile(r"financial\s+year\s+(?:ending|ended|end(?:s|ed)?)\s*(?:on\s+|:\s*)?"
                     r"(.{0,25})", re.I)
_QUARTER_NO = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:financial\s+)?"
                         r"quarter\s+(?:ended|ending)\s+(.{0,25})", re.I)
# an annual announcement's "results for the year ended 31 March 2025": the weakest sign
_YEAR_ENDED = re.compile(r"\b(?:year|twelve\s+months|12\s+months)\s+ended\s+(.{0,25})", re.I)
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4}


def fiscal_year_end(texts: list[str]) -> tuple[int, int] | None:
    """(month, day) the financial year ends, as the document states it: "financial year
    ending 31 December 2025", else a numbered quarter ("second quarter ended 30 June 2025":
    two quarters after the year's end, so the year ends in December), else "year ended
    31 March 2025" anywhere (an annual announcement's own period)."""
    quarter: tuple[int, int] | None = None
    year: tuple[int, int] | None = None
    for text in texts:
        m = _FY_END.search(text)
        if m:
            md = _month_day(m.group(1))
            if md:
                return md
        q = _QUARTER_NO.search(text)
        if q and quarter is None:
            md = _month_day(q.group(2))
            if md:
                month = (md[0] - 3 * _ORDINAL[q.group(1).lower()]) % 12 or 12
                quarter = (month, calendar.monthrange(2001, month)[1])
        y = _YEAR_ENDED.search(text)
        if y and year is None:
            year = _month_day(y.group(1))
    return quarter or year


def _month_day(text: str) -> tuple[int, int] | None:
    for pattern, d_i, m_i in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        m = pattern.match(text.strip())
        if m:
            key = m.group(m_i).lower().rstrip(".")
            month = _MONTHS.get(key[:3] if key.startswith("sept") else key)
            if month:
                return month, int(m.group(d_i))
    dates = _numeric_dates(text)
    return (dates[0][1].month, dates[0][1].day) if dates else None


_PERIOD_LINE = re.compile(r"^\s*(?:\(?(?:for|in)\s+the\b|as\s+(?:at|of)\b|at\s+\d)", re.I)


def is_period_line(text: str) -> bool:
    """A line under a statement title naming its period: "FOR THE SECOND QUARTER ENDED 30
    JUNE 2025", "As at 31.12.2025" (no figures, a date or a year-ended phrase)."""
    s = " ".join(text.split())
    if not _PERIOD_LINE.match(s) or len(s) > 120 or re.search(r"\d{1,3},\d{3}", s):
        return False
    if len([f for f in re.split(r"\t|\s{2,}", text) if f.strip()]) > 1:
        return False            # a row with figures beside it ("At 1 January 2025   500")
    return bool(find_dates(s) or _DURATION.search(s) or re.search(r"\bended\b", s, re.I))

"""Stage 2b, periods and units: title and column-header text → ``Column``s and ``Unit``.

A statement's columns are told by its title ("for the six months ended 30 June 2024"), its
header lines ("Year ended 31 December", "2024  2023", "As at June 30, 2024 RMB'000
(Unaudited)") and its unit line ("RMB'000", "HK$'000", "US$ million"). Extraction often loses
part of the header (one year instead of two, a date cut in half), so every piece is optional;
a missing year is completed only by the IAS 1.38 convention that the second column of a pair
is the same period one year earlier. A period no header states is left out and reported,
never guessed. Dates are read by ``dates``, column groups ("Group  Company", "Individual
quarter  Cumulative quarter") by ``column_groups``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .column_groups import (ColumnHead, column_heads, group_cells, is_fragment_line,
                            is_lone_group_line)
from .dates import (_DAY_MONTH, _DURATION, _DURATION_MONTHS, _MONTH_DAY, _MONTHS,
                    _NUMERIC_DATE, find_dates, fiscal_year_end, is_period_line,
                    writes_month_first)
from .model import Column, Issue, Period, StatementKind, Unit

__all__ = ["PeriodHint", "Slot", "ColumnHead", "find_dates", "fiscal_year_end",
           "is_period_line", "group_cells", "column_heads", "period_hint", "header_slots",
           "is_header_line", "build_columns", "read_columns", "detect_unit", "document_unit",
           "currency_code", "per_share_currency", "per_share_unit"]

_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d{2})(?![\d,.])")
# Columns headed by fiscal-period names with two-digit years (Australian and Asian style):
# "FY26", "1H FY26", "H1 FY25", "HY25", "2H24"; a line of only these is a header line.
_FISCAL_HEADS = re.compile(r"(?:(?:[12]H|H[12]|HY|FY|[12]H\s?FY|H[12]\s?FY)\s?\d{2}"
                           r"(?:/\d{2})?\s*)+", re.I)
_UNAUDITED = re.compile(r"\bunaudited\b", re.I)
_RESTATED = re.compile(r"\b(?:restated|re-presented|represented)\b", re.I)
_HEADER_WORDS = re.compile(
    r"\b(?:year|years|six|three|nine|twelve|months?|ended|as\s+(?:at|of)|notes?|unaudited|"
    r"audited|restated|period|financial(?=\s+(?:year|period))|half-year|quarter|weeks)\b", re.I)

# Currency as printed → ISO 4217. Longer spellings first so "HK$" wins over "$".
_CURRENCIES: tuple[tuple[str, str], ...] = (
    (r"HK\s?\$|HKD|Hong\s+Kong\s+dollars?", "HKD"),
    (r"US\s?\$|USD|United\s+States\s+dollars?|U\.S\.\s+dollars?", "USD"),
    (r"S\s?\$|SGD|Singapore\s+dollars?", "SGD"),
    (r"NT\s?\$|TWD", "TWD"),
    (r"RMB|CNY|Renminbi|Rmb", "CNY"),
    (r"RM(?![A-Za-z])|MYR|Ringgit", "MYR"),
    (r"A\s?\$|AUD|Australian\s+dollars?", "AUD"),
    (r"NZ\s?\$|NZD", "NZD"),
    (r"C\s?\$|CAD|Canadian\s+dollars?", "CAD"),
    (r"EUR|€|euros?", "EUR"),
    (r"GBP|£|pounds?\s+sterling", "GBP"),
    # "¥" is the yen's sign and also the yuan's: Japanese; a Chinese issuer's document
    # names the renminbi ("RMB"), and home_dollar re-reads it as CNY
    (r"JPY|yen|¥|￥", "JPY"),
    (r"MOP|patacas?", "MOP"),
    (r"(?<![A-Za-z])Rp\.?|Rupiah", "IDR"),
    (r"(?<![A-Za-z])CHF|Swiss\s+francs?", "CHF"),
    # the rupee as Indian issuers print it: "Rs.", "₹", "Rupees" (the ISO code is below)
    (r"(?<![A-Za-z])Rs\.?(?![A-Za-z])|₹|\bIndian\s+rupees?\b|\brupees?\b", "INR"),
    # the Gulf currencies by name ("Saudi Riyals thousands", "UAE Dirham '000")
    (r"\bSaudi\s+riy?als?\b", "SAR"),
    (r"\b(?:UAE\s+)?dirhams?\b", "AED"),
    # the rand's one-letter sign, upper case, counts where a scale follows it ("R'000", "Rm",
    # "R million": _SCALED asks for one); "RM" (ringgit) is matched before it
    (r"(?<![A-Za-z])(?-i:R(?![A-Za-z$])|R(?=m\b))|South\s+African\s+rands?|\brands?\b", "ZAR"),
    # other reporters, printed by ISO code only ("SEK m", "INR'000"): the code is the unit
    (r"(?<![A-Za-z])(?:SEK|NOK|DKK|INR|ZAR|KRW|THB|PHP|IDR|BRL|KZT|AED|SAR|QAR)(?![A-Za-z])", ""),
    (r"\$", "USD"),                  # a bare dollar sign ("$ in millions"): US dollars
)
_CURRENCY = "|".join(f"(?:{p})" for p, _ in _CURRENCIES)
# "k" is continental shorthand for thousands, after the currency ("EUR k", "€k") or before it
# ("kEUR", "TEUR", "T€": tausend Euro); Nordic and German reports prefix millions with "M"
# ("MSEK", "MEUR"). The prefixed forms are matched in their printed case.
_SCALED = re.compile(
    r"(?P<cur>" + _CURRENCY + r")\s*['’‘`]?\s*(?:in\s+)?"
    r"(?P<scale>000|'000|million|millions|mn|m\b|k\b|thousands?|billion|bn|lakhs?\b|lacs?\b|"
    r"crores?\b)"
    r"|(?<![\w$])(?-i:(?P<pscale>[kTM])(?P<pcur>EUR|€|CHF|GBP|£|USD|SEK|DKK|NOK|PLN|CZK))(?!\w)",
    re.I)
_IN_THOUSANDS = re.compile(
    r"in\s+(?P<scale>thousands|millions)\s+of\s+(?P<cur>" + _CURRENCY + r")", re.I)
_PER_SHARE_UNIT = re.compile(r"\((?P<cur>" + _CURRENCY + r")\)|\b(?:HK|RMB|US)\s*cents\b", re.I)


@dataclass(frozen=True)
class PeriodHint:
    """What a title and header say about the periods, each piece optional."""

    months: int | None = None           # 12 for "year ended", 6 for "six months ended"
    month: int | None = None            # month and day the periods end
    day: int | None = None
    year: int | None = None             # the current period's year, from the title


@dataclass(frozen=True)
class Slot:
    """One column as its header prints it."""

    field: int                          # tab-field index in its header line
    year: int | None = None
    day: date | None = None             # a full printed date, when there is one
    unaudited: bool = False
    restated: bool = False


def period_hint(texts: list[str]) -> PeriodHint:
    """Read duration, period-end day and year from a title and its header lines."""
    months = month = day = year = None
    for text in texts:
        if months is None and (m := _DURATION.search(text)):
            months = _DURATION_MONTHS[m.group(1).split()[0].split("-")[0].lower()]
        if month is None and (span := _date_span(text)) is not None:
            # "for the financial year from 1 January to 31 December 2025": ends at the second
            month, day, year, span_months = span
            months = months or span_months
            continue
        if month is None:
            for pattern, d_i, m_i in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
                m = pattern.search(text)
                if m:
                    try:
                        key = m.group(m_i).lower().rstrip(".")
                        month = _MONTHS[key[:3] if key.startswith("sept") else key]
                        day = int(m.group(d_i))
                        if m.group(3):
                            year = year or int(m.group(3))
                    except KeyError:
                        continue
                    break
        if year is None and (y := _YEAR.search(text)) and _DURATION.search(text):
            year = int(y.group(1))
    return PeriodHint(months=months, month=month, day=day, year=year)


_SPAN_JOIN = re.compile(r"^\s*(?:,?\s*(?:to|until|till|through)|[-–—])\s*$", re.I)


def _month_day(m: re.Match[str], d_i: int, m_i: int) -> tuple[int, int, int | None] | None:
    key = m.group(m_i).lower().rstrip(".")
    month = _MONTHS.get(key[:3] if key.startswith("sept") else key)
    if month is None:
        return None
    return month, int(m.group(d_i)), int(m.group(3)) if m.group(3) else None


def _date_span(text: str) -> tuple[int, int, int | None, int | None] | None:
    """A period printed as its first and last day ("from 1 January to 31 December 2025",
    "1 July 2024 – 30 June 2025", "January 1 through December 31, 2025"): (month, day, year)
    of the last day and the months spanned (when the first day opens a month)."""
    found = []
    for pattern, d_i, m_i in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        for m in pattern.finditer(text):
            md = _month_day(m, d_i, m_i)
            if md is not None:
                found.append((m.start(), m.end(), md))
    found.sort()
    kept: list[tuple[int, int, tuple[int, int, int | None]]] = []
    for item in found:              # "July 2024" read again as "July 20": overlaps go
        if not kept or item[0] >= kept[-1][1]:
            kept.append(item)
    for (_, end1, first), (start2, _, last) in zip(kept, kept[1:]):
        if not _SPAN_JOIN.match(text[end1:start2]):
            continue
        months = None
        if first[1] == 1:
            years = (last[2] - first[2]) if last[2] and first[2] else 0
            months = (last[0] - first[0]) % 12 + 1 + 12 * max(years - 1, 0) if years > 1 \
                else (last[0] - first[0]) % 12 + 1
        return last[0], last[1], last[2], months
    return None


def header_slots(text: str, month_first: bool | None = None) -> list[Slot]:
    """The column slots one header line prints: years or dates, by tab field. Numeric dates
    are read in the order the whole line (or ``month_first``, for the whole header) uses."""
    slots: list[Slot] = []
    if month_first is None:
        month_first = writes_month_first(text)
    for i, field in enumerate(text.split("\t")):
        dates = find_dates(field, month_first)
        if dates:
            for d in dates:
                slots.append(Slot(i, d.year, d, bool(_UNAUDITED.search(field)),
                                  bool(_RESTATED.search(field))))
            continue
        for y in _YEAR.findall(_SPLIT_YEAR.sub(_year_ended, field)):
            slots.append(Slot(i, int(y), None, bool(_UNAUDITED.search(field)),
                              bool(_RESTATED.search(field))))
    return slots


# A financial year across two calendar years, named by both ("2024/25", "2024-25",
# "2024/2025"): UK and Indian issuers head their columns so; the year is the one it ends in.
_SPLIT_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d{2})\s?[/\-–]\s?(\d{2}|(?:19|20)\d{2})"
                         r"(?![\d,.])")


def _year_ended(m: re.Match[str]) -> str:
    first, second = int(m.group(1)), int(m.group(2))
    if second < 100:
        second += first - first % 100
    return str(second) if second == first + 1 else m.group(0)


# The head of a year-on-year change column ("Change", "Change in %", "in %", "Δ %", "+/-",
# "Var."), printed after the periods by continental issuers: a header, never a row.
_CHANGE_HEAD = re.compile(r"(?:change|variance|var\.|Δ|\+/-|yoy)(?:\s*(?:in\s*)?%)?|"
                          r"(?:in\s*)?%", re.I)


def has_change_column(header_lines: list[str]) -> bool:
    """Whether a statement's header names a change column after its periods."""
    return any(re.search(r"\b(?:change|variance)\b|%|Δ|\+/-", t, re.I) for t in header_lines)


def is_header_line(text: str) -> bool:
    """A column-header line: years, dates, units or header words, and no amounts."""
    s = text.strip()
    if not s:
        return False
    if _CHANGE_HEAD.fullmatch(s):
        return True             # the head of a change column alone: "in %", "Change", "+/-"
    if re.search(r"\d{1,3},\d{3}|\(\d", s):
        return False
    tokens = s.split()
    last = tokens[-1].strip(".,;:")
    after_month = len(tokens) > 1 and tokens[-2].lower().strip(".,") in _MONTHS
    if last.isdigit() and not _YEAR.fullmatch(last) and not after_month:
        return False            # a row ending in a figure ("Inventories Note 11  50  40")
    if group_cells(text) or is_fragment_line(text) or is_lone_group_line(text):
        return True
    if _FISCAL_HEADS.fullmatch(s):
        return True             # "1H FY26  1H FY25", "HY25  HY24": period names, no amounts
    if s.startswith("(") and s.endswith(")") and (_SCALED.search(s) or _IN_THOUSANDS.search(s)):
        return True             # a unit line: "($ in millions, except per share amounts)"
    has_marker = bool(_YEAR.search(s) or _SCALED.search(s) or _HEADER_WORDS.search(s) or
                      _DAY_MONTH.search(s) or _MONTH_DAY.search(s) or _NUMERIC_DATE.search(s))
    if not has_marker:
        return False
    words = re.findall(r"[A-Za-z]{3,}", _HEADER_WORDS.sub(" ", _SCALED.sub(" ", s)))
    months = [w for w in words if w.lower() in _MONTHS or w.lower() == "sept"]
    return len(words) - len(months) <= 2


def build_columns(kind: StatementKind, hint: PeriodHint, header_lines: list[str],
                  n_columns: int | None = None) -> list[Column]:
    """Columns for a statement from its header lines (``read_columns`` without its Issues)."""
    return read_columns(kind, hint, header_lines, n_columns)[0]


def read_columns(kind: StatementKind, hint: PeriodHint, header_lines: list[str],
                 n_columns: int | None = None, fy_end: tuple[int, int] | None = None,
                 title: str = "", line: int | None = None) -> tuple[list[Column], list[Issue]]:
    """Columns for a statement from its header lines, and what could not be read.

    The header line with most years or dates gives the slots; flags ("(Unaudited)",
    "(Restated)") on other lines are matched by tab field, else by order. Column-group lines
    ("Group  Company", "Individual quarter  Cumulative quarter", "3 months ended  6 months
    ended") give each column its group, scope and length. A column whose period no header
    prints is completed only by the IAS 1.38 convention of one comparative: the second column
    of a pair whose first is read is the same period a year earlier. Anything else is left
    without a period and reported (an error: a guessed period would be tagged as right).
    """
    best: list[Slot] = []
    month_first = writes_month_first("\n".join(header_lines))
    for text in header_lines:
        slots = header_slots(text, month_first)
        if len(slots) > len(best):
            best = slots
    pairs = _day_months(header_lines, len(best))
    if pairs and all(s.day is None and s.year for s in best):
        # US style: "June 30,  December 31," over "2025  2024": each column its own day
        best = [replace(s, day=_safe_date(s.year, m, d))  # type: ignore[arg-type]
                for s, (m, d) in zip(best, pairs)]
    unit_count = max((len(_SCALED.findall(t)) for t in header_lines), default=0)
    n = n_columns or max(len(best), unit_count, 2)
    flags_u, flags_r = _flags(header_lines, best, n)
    heads = column_heads(header_lines, n, [s.field for s in best] if len(best) == n else None)
    issues: list[Issue] = []
    instant = kind == "financial_position"
    columns: list[Column] = []
    for c in range(n):
        slot = best[c] if c < len(best) else None
        head = heads[c]
        end, known = _column_end(slot, hint, c, best, heads, fy_end)
        if known == "comparative":
            issues.append(Issue(
                "info", "extract.period_comparative",
                f"{title or kind}: column {c + 1} prints no year; taken as the comparative "
                f"of the column before it, one year earlier (IAS 1.38)", line=line,
                statement=kind))
        header = _slot_header(slot, end, head.group or f"column {c + 1}")
        period: Period | None = None
        if end is None:
            issues.append(_unread(kind, title, c, head, header_lines, line,
                                  "no year or date is printed over it" if known == "no year"
                                  else "a year is printed but no day and month, nor a "
                                  "financial year end"))
        elif instant:
            # "as at 1 January 2024" (a third balance sheet, IAS 1.40A) is the start of that
            # day: the instant that ends 31 December 2023 (see model.Period)
            period = Period(end=end - timedelta(days=1) if end.day == 1 else end)
        else:
            months = _months(head, end, hint, fy_end, bool(slot and slot.day))
            if months is None:
                why = (f"'{head.group}' runs from the start of the financial year, which the "
                       "document does not state") if head.cumulative else (
                       "it prints a date but no period length (year, 6 months, quarter ...)")
                issues.append(_unread(kind, title, c, head, header_lines, line, why))
            else:
                period = Period(end=end, start=_start(end, months))
        columns.append(Column(header=header, period=period, unaudited=flags_u[c],
                              restated=flags_r[c], scope=head.scope, group=head.group))
    return _without_twins(columns, issues, kind, title, heads, header_lines, line)


def _without_twins(columns: list[Column], issues: list[Issue], kind: StatementKind,
                   title: str, heads: list[ColumnHead], header_lines: list[str],
                   line: int | None) -> tuple[list[Column], list[Issue]]:
    """Two columns read as the same period and scope: the header did not say what sets
    them apart (a quarter and a year to date, the group and the company). Reported, so that
    the duplicate facts they would give are explained where they start; the periods are
    kept (a caller that knows better, e.g. from the layout, may still set the scope)."""
    seen: dict[tuple[str, Period], int] = {}
    for c, col in enumerate(columns):
        if col.period is None:
            continue
        key = (col.scope, col.period)
        if key in seen:
            printed = " | ".join(" ".join(t.split()) for t in header_lines if t.strip())
            issues.append(Issue(
                "warning", "extract.duplicate_period",
                f"{title or kind}: column {c + 1} reads as the same period as column "
                f"{seen[key] + 1} ({col.period.label()}) and no group heading (such as "
                f"'Group  Company') tells them apart; header as printed: {printed[:200]}",
                line=line, statement=kind))
        else:
            seen[key] = c
    return columns, issues


def _day_months(header_lines: list[str], n: int) -> list[tuple[int, int]] | None:
    """The (month, day) each of ``n`` columns prints on a header line of its own, without a
    year ("June 30,   December 31,", "30 June   31 December"); None when no line prints
    exactly one per column."""
    if n < 2:
        return None
    for text in header_lines:
        if _YEAR.search(text):
            continue
        for pattern, d_i, m_i in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
            found = list(pattern.finditer(text))
            if len(found) != n:
                continue
            keys = [m.group(m_i).lower().rstrip(".") for m in found]
            keys = [k[:3] if k.startswith("sept") else k for k in keys]
            if not all(k in _MONTHS for k in keys):
                continue
            out = [(_MONTHS[k], int(m.group(d_i))) for k, m in zip(keys, found)]
            if all(1 <= d <= 31 for _, d in out):
                return out
    return None


_FLAGS_ONLY = re.compile(r"\s*(?:[(\[]?(?:unaudited|audited|restated|re-presented|represented|"
                         r"as\s+restated)[)\]]?\*?\s*)+", re.I)


def _year_centres(header_lines: list[str], n: int) -> list[float] | None:
    """Where each of ``n`` columns prints its year on an untabbed header line."""
    for text in header_lines:
        found = list(_YEAR.finditer(text))
        if "\t" not in text and len(found) == n:
            return [(m.start() + m.end()) / 2 for m in found]
    return None


def _flags(header_lines: list[str], best: list[Slot], n: int) -> tuple[list[bool], list[bool]]:
    """"(Unaudited)" / "(Restated)" per column, by tab field, else by order."""
    flags_u = [False] * n
    flags_r = [False] * n
    centres = _year_centres(header_lines, n)
    for text in header_lines:
        if centres and "\t" not in text and _FLAGS_ONLY.fullmatch(text):
            # layout text: a line of flags only ("(Restated)" under the 2024 column), each
            # flag to the column whose year it stands under
            for m in re.finditer(r"\S+(?: \S+)?", text):
                col = min(range(n), key=lambda c: abs(centres[c] - (m.start() + m.end()) / 2))
                flags_u[col] |= bool(_UNAUDITED.search(m.group(0)))
                flags_r[col] |= bool(_RESTATED.search(m.group(0)))
            continue
        fields = text.split("\t")
        hits = [(i, bool(_UNAUDITED.search(f)), bool(_RESTATED.search(f)))
                for i, f in enumerate(fields) if _UNAUDITED.search(f) or _RESTATED.search(f)]
        for order, (i, u, r) in enumerate(hits):
            col = next((c for c, s in enumerate(best) if s.field == i), None)
            if col is None:
                col = _field_to_column(i, fields, n) if len(hits) < n else order
            if col is not None and col < n:
                flags_u[col] |= u
                flags_r[col] |= r
    for c, s in enumerate(best[:n]):
        flags_u[c] |= s.unaudited
        flags_r[c] |= s.restated
    return flags_u, flags_r


def _unread(kind: StatementKind, title: str, c: int, head: ColumnHead, header_lines: list[str],
            line: int | None, why: str) -> Issue:
    printed = " | ".join(" ".join(t.split()) for t in header_lines if t.strip()) or "(none)"
    where = f" ('{head.group}')" if head.group else ""
    return Issue("error", "extract.period_unread",
                 f"{title or kind}: the period of column {c + 1}{where} cannot be read from "
                 f"its header ({why}); header as printed: {printed[:200]}",
                 line=line, statement=kind)


def _field_to_column(i: int, fields: list[str], n: int) -> int | None:
    """Map a header field to a column when no year slot shares its index: count from the right."""
    nonempty = [j for j, f in enumerate(fields) if f.strip()]
    last = nonempty[-1] if nonempty else len(fields) - 1
    col = n - 1 - (last - i)
    return col if 0 <= col < n else None


def _column_end(slot: Slot | None, hint: PeriodHint, c: int, best: list[Slot],
                heads: list[ColumnHead], fy_end: tuple[int, int] | None = None
                ) -> tuple[date | None, str]:
    """The column's last day and how it is known: "printed" over it, from the "period line"
    under the title, as the "comparative" of its pair; or why not: "no year", "no day" (a
    year is printed but no day and month anywhere: the title, the period line or the
    document's financial year end)."""
    if slot and slot.day:
        return slot.day, "printed"
    md = (hint.month, hint.day or 31) if hint.month else fy_end
    if slot and slot.year:
        return (_safe_date(slot.year, *md), "printed") if md else (None, "no day")
    # the pair this column belongs to: its group's columns, or the whole statement
    mates = [j for j in range(len(heads)) if heads[j].key == heads[c].key]
    if len(mates) != 2 or c != mates[1]:
        if hint.year and md and (len(heads) == 1 or (len(mates) == 2 and c == mates[0] and
                                                     not any(j < len(best) for j in mates))):
            return _safe_date(hint.year, *md), "period line"
        return None, "no year"
    first = mates[0]
    if first < len(best) and best[first].year:
        year = best[first].year
        if not hint.month and best[first].day:
            md = (best[first].day.month, best[first].day.day)
    elif first >= len(best) and hint.year:
        year = hint.year
    else:
        return None, "no year"
    if not md:
        return None, "no day"
    return _safe_date(year - 1, *md), "comparative"


def _months(head: ColumnHead, end: date, hint: PeriodHint, fy_end: tuple[int, int] | None,
            dated: bool = False) -> int | None:
    """How many months a duration column covers: its own header's words first, then the
    title's. A column headed by a year alone is that financial year; one headed by a date
    and no length is a year only when the date is the document's financial year end (an
    interim "30.6.2025" column is not a year to 30 June). None: not stated."""
    if head.months:
        return head.months
    if head.cumulative:
        if fy_end is None:
            return None
        return (end.month - fy_end[0]) % 12 or 12
    if hint.months:
        return hint.months
    if dated and (fy_end is None or fy_end[0] != end.month):
        return None
    return 12


def _safe_date(year: int, month: int, day: int) -> date:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last))


def _start(end: date, months: int) -> date:
    """First day of a period of ``months`` ending on ``end`` (inclusive)."""
    after = end + timedelta(days=1)
    total = after.year * 12 + after.month - 1 - months
    y, m = divmod(total, 12)
    return _safe_date(y, m + 1, after.day)


def _slot_header(slot: Slot | None, end: date | None, fallback: str) -> str:
    if slot and slot.day:
        return slot.day.isoformat()
    if slot and slot.year:
        return str(slot.year)
    return str(end.year) if end else fallback


def detect_unit(texts: list[str], default: Unit | None = None) -> Unit | None:
    """The statement unit from header/title text: "RMB'000" → CNY, scale 3."""
    for text in texts:
        m = _SCALED.search(text) or _IN_THOUSANDS.search(text)
        if m:
            return _unit_of(m)
    return default


def _unit_of(m: re.Match[str]) -> Unit:
    groups = m.groupdict()
    if groups.get("pcur"):
        return Unit(currency=currency_code(groups["pcur"]), scale=_scale(groups["pscale"]))
    return Unit(currency=currency_code(m.group("cur")), scale=_scale(m.group("scale")))


def document_unit(texts: list[str]) -> Unit | None:
    """The unit the document states most often ("presented in RMB'000"), for garbled headers."""
    counts: dict[Unit, int] = {}
    for text in texts:
        for m in list(_SCALED.finditer(text)) + list(_IN_THOUSANDS.finditer(text)):
            unit = _unit_of(m)
            counts[unit] = counts.get(unit, 0) + 1
    return max(counts, key=lambda u: counts[u]) if counts else None


def currency_code(printed: str) -> str:
    for pattern, code in _CURRENCIES:
        if re.fullmatch(pattern, printed.strip(), re.I):
            return code or printed.strip().upper()      # printed as its ISO code
    return "CNY"


def _scale(printed: str) -> int:
    p = printed.lower().strip("'’ ")
    if p in ("000", "thousand", "thousands", "k", "t"):
        return 3
    if p in ("million", "millions", "mn", "m"):
        return 6
    if p in ("billion", "bn"):
        return 9
    # the Indian numbering units: a lakh is 100,000, a crore 10,000,000
    if p in ("lakh", "lakhs", "lac", "lacs"):
        return 5
    if p in ("crore", "crores"):
        return 7
    return 0


def per_share_currency(label: str) -> str | None:
    """The currency a per-share row names: "Basic loss per share (RMB)" → "CNY"."""
    m = _PER_SHARE_UNIT.search(label)
    if not m:
        return None
    return currency_code(m.group("cur")) if m.group("cur") else None


# Per-share amounts printed in the currency's hundredth: cents, fen, (Malaysian) sen, pence.
_CENTS = re.compile(r"\b(HK|RMB|US|S|NT|A|NZ)?\s*(?:cents?|fen|sen|pence)\b", re.I)


def per_share_unit(label: str, statement_currency: str) -> Unit:
    """The unit of a per-share row: its printed currency ("(RMB)", "(HK$)"), in cents when it
    says so ("(HK cents)" → scale -2), else the statement's currency, per share."""
    cents = _CENTS.search(label)
    if cents:
        prefix = (cents.group(1) or "").upper()
        code = {"HK": "HKD", "RMB": "CNY", "US": "USD", "S": "SGD", "NT": "TWD", "A": "AUD",
                "NZ": "NZD"}.get(
            prefix, statement_currency)
        return Unit(currency=code, scale=-2, per_share=True)
    return Unit(currency=per_share_currency(label) or statement_currency, scale=0,
                per_share=True)

"""Stage 2b, periods and units: title and column-header text → ``Column``s and ``Unit``.

A statement's columns are told by its title ("for the six months ended 30 June 2024"), its
header lines ("Year ended 31 December", "2024  2023", "As at June 30, 2024 RMB'000
(Unaudited)") and its unit line ("RMB'000", "HK$'000", "US$ million"). Extraction often loses
part of the header (one year instead of two, a date cut in half), so every piece is optional
and the rest is completed by the IAS 1 convention that a comparative column is the same period
one year earlier.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Column, Issue, Period, StatementKind, Unit

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|" \
         r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s*(\d{4}))?", re.I)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(\d{4}))?", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# "30.6.2025", "30/06/2025", "30-06-2025": day first outside the US (IFRS reporters); the
# separator must repeat, so "2024-25" or "1.5" never read as a date.
_NUMERIC_DATE = re.compile(r"(?<![\d.,/-])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d.,/-]?\d)")
_YEAR = re.compile(r"(?<![\d,.])((?:19|20)\d{2})(?![\d,.])")
_DURATION = re.compile(
    r"\b(year|twelve\s+months|12\s+months|six\s+months|6\s+months|half[-\s]year|"
    r"three\s+months|3\s+months|nine\s+months|9\s+months|quarter)\s+ended\b", re.I)
_DURATION_MONTHS = {"year": 12, "twelve": 12, "12": 12, "six": 6, "6": 6, "half": 6,
                    "three": 3, "3": 3, "nine": 9, "9": 9, "quarter": 3}
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
    (r"JPY|yen", "JPY"),
    (r"MOP|patacas?", "MOP"),
)
_CURRENCY = "|".join(f"(?:{p})" for p, _ in _CURRENCIES)
_SCALED = re.compile(
    r"(?P<cur>" + _CURRENCY + r")\s*['’‘`]?\s*(?P<scale>000|'000|million|millions|mn|m\b|"
    r"thousands?|billion|bn)", re.I)
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
        month_first = any(int(m.group(3)) > 12 >= int(m.group(1)) for m in matches) and \
            not any(int(m.group(1)) > 12 >= int(m.group(3)) for m in matches)
    out: list[tuple[int, date]] = []
    for m in matches:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (b, a) if (month_first and a <= 12) or b > 12 else (a, b)
        try:
            out.append((m.start(), date(year, month, day)))
        except ValueError:
            continue
    return out


def _make_date(year: int, month: str, day: int) -> date | None:
    try:
        return date(year, _MONTHS[month.lower().rstrip(".")[:3] if month.lower().startswith(
            "sept") else month.lower().rstrip(".")], day)
    except (KeyError, ValueError):
        return None


def period_hint(texts: list[str]) -> PeriodHint:
    """Read duration, period-end day and year from a title and its header lines."""
    months = month = day = year = None
    for text in texts:
        if months is None and (m := _DURATION.search(text)):
            months = _DURATION_MONTHS[m.group(1).split()[0].split("-")[0].lower()]
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


def header_slots(text: str) -> list[Slot]:
    """The column slots one header line prints: years or dates, by tab field."""
    slots: list[Slot] = []
    for i, field in enumerate(text.split("\t")):
        dates = find_dates(field)
        if dates:
            for d in dates:
                slots.append(Slot(i, d.year, d, bool(_UNAUDITED.search(field)),
                                  bool(_RESTATED.search(field))))
            continue
        for y in _YEAR.findall(field):
            slots.append(Slot(i, int(y), None, bool(_UNAUDITED.search(field)),
                              bool(_RESTATED.search(field))))
    return slots


def is_header_line(text: str) -> bool:
    """A column-header line: years, dates, units or header words, and no amounts."""
    s = text.strip()
    if not s:
        return False
    if re.search(r"\d{1,3},\d{3}|\(\d", s):
        return False
    tokens = s.split()
    last = tokens[-1].strip(".,;:")
    after_month = len(tokens) > 1 and tokens[-2].lower().strip(".,") in _MONTHS
    if last.isdigit() and not _YEAR.fullmatch(last) and not after_month:
        return False            # a row ending in a figure ("Inventories Note 11  50  40")
    if group_cells(text) or is_fragment_line(text):
        return True
    has_marker = bool(_YEAR.search(s) or _SCALED.search(s) or _HEADER_WORDS.search(s) or
                      _DAY_MONTH.search(s) or _MONTH_DAY.search(s) or _NUMERIC_DATE.search(s))
    if not has_marker:
        return False
    words = re.findall(r"[A-Za-z]{3,}", _HEADER_WORDS.sub(" ", _SCALED.sub(" ", s)))
    months = [w for w in words if w.lower() in _MONTHS or w.lower() == "sept"]
    return len(words) - len(months) <= 2


# ----------------------------------------------------------------------- column groups
# Words printed over several columns: whose figures ("Group  Company", "The Group  The
# Company", "Consolidated  Separate", "Group  Bank") or which span ("Individual quarter
# Cumulative quarter" in Bursa Malaysia quarterly reports, "3 months ended  6 months ended").
_SEPARATE = r"(?:the\s+)?(?:company|separate|parent(?:\s+company)?|parent\s+entity)"
_WHOLE = r"(?:the\s+)?(?:group|consolidated)"
_BANK = r"(?:the\s+)?bank"
_QUARTER = (r"individual\s+(?:quarter|period)|cumulative\s+(?:quarters?|periods?)|"
            r"(?:current|preceding)\s+(?:financial\s+)?year\s+(?:corresponding\s+)?"
            r"(?:quarter|period|to[\s-]+date)|(?:current\s+)?(?:financial\s+)?(?:year|period)"
            r"[\s-]+to[\s-]+date|current\s+quarter|quarter")
_SPAN = (r"(?:year|twelve\s+months|12\s+months|six\s+months|6\s+months|half[-\s]year|"
         r"three\s+months|3\s+months|nine\s+months|9\s+months|quarter|period)\s+"
         r"(?:ended|ending)\b.*")
_GROUP_CELL = re.compile(
    rf"^(?:{_SEPARATE}|{_WHOLE}|{_BANK}|{_QUARTER}|{_SPAN})(?:\s*\((?:un)?audited\))?$", re.I)
_CUMULATIVE = re.compile(r"cumulative|to[\s-]+date|corresponding\s+period", re.I)
_ONE_QUARTER = re.compile(r"individual\s+quarter|quarter$", re.I)


@dataclass(frozen=True)
class ColumnHead:
    """What the column-group lines print over one column."""

    group: str = ""                     # printed group text ("Company", "Cumulative quarter")
    scope: str = ""                     # "separate": the parent company's own figures
    months: int | None = None           # length its group words give ("6 months ended")
    cumulative: bool = False            # from the start of the financial year
    key: tuple[int, ...] = ()           # which group cell of each group line it sits under


def group_cells(text: str) -> list[str]:
    """The cells of a column-group line ("\\t\\tGroup\\t\\tCompany" → ["Group", "Company"]), or
    [] when the line is not one: at least two cells, each a group or span phrase."""
    cells = [c.strip() for f in text.split("\t") for c in re.split(r"\s{2,}", f) if c.strip()]
    cells = [c for c in cells if not re.fullmatch(r"notes?", c, re.I)]
    if len(cells) < 2 or not all(_GROUP_CELL.match(" ".join(c.split())) for c in cells):
        return []
    return [" ".join(c.split()) for c in cells]


# Words of column headers printed one word a line ("Current / Year / Quarter", "Preceding
# Year / Corresponding / Period" in Bursa Malaysia quarterly reports).
_FRAGMENT_WORDS = frozenset(
    "current preceding prior previous year years corresponding quarter quarters to date "
    "period periods financial cumulative individual months month ended ending as at of the "
    "group company bank consolidated separate parent three six nine twelve half "
    "audited unaudited restated note notes".split())


def is_fragment_line(text: str) -> bool:
    """A header line of column-heading word pieces only, in two or more cells."""
    cells = [c for c in re.split(r"\t|\s{2,}", text) if c.strip()]
    words = re.findall(r"[^\W\d_]+|\d+", text.lower())
    return len(cells) >= 2 and bool(words) and all(
        w in _FRAGMENT_WORDS or w in _MONTHS or w.isdigit() and len(w) <= 2 for w in words) \
        and any(w in ("current", "preceding", "prior", "previous", "cumulative", "individual",
                      "corresponding", "quarter", "period", "date") for w in words)


def _stacked_cells(header_lines: list[str]) -> list[str]:
    """Column headings printed a word or two a line, joined per tab field into one line
    ("Current\tPreceding Year" / "Year\tCorresponding" / "Quarter\tQuarter" →
    "Current Year Quarter\tPreceding Year Corresponding Quarter")."""
    out: list[str] = []
    run: list[list[str]] = []
    for text in [*header_lines, ""]:
        # a group line ("INDIVIDUAL QUARTER  CUMULATIVE QUARTER") above the pieces spans
        # several columns: it starts no stack
        if "\t" in text and is_fragment_line(text) and (run or not group_cells(text)):
            run.append(text.split("\t"))
            continue
        if len(run) >= 2:
            width = max(len(r) for r in run)
            out.append("\t".join(" ".join(r[i].strip() for r in run if i < len(r)
                                            and r[i].strip()) for i in range(width)))
        run = []
    return out


def column_heads(header_lines: list[str], n: int,
                 fields: list[int] | None = None) -> list[ColumnHead]:
    """Each column's group, scope and span from the group lines above it.

    A line of k group cells over n columns covers them in equal runs, left to right (n/k
    each): issuers print the group's and the company's figures as equal sets. When k does
    not divide n (a third balance sheet under "Group" only, IAS 1.40A), tab fields say which
    cell is over which column (``fields``: each column's tab field in the date/year line);
    otherwise the line is ignored rather than guessed.
    """
    group = [""] * n
    scope = [""] * n
    months: list[int | None] = [None] * n
    cumulative = [False] * n
    keys: list[tuple[int, ...]] = [()] * n
    for text in [*header_lines, *_stacked_cells(header_lines)]:
        cells = group_cells(text)
        if not cells:
            continue
        runs = _runs(text, cells, n, fields)
        if runs is None:
            continue
        whole = any(re.fullmatch(_WHOLE, c, re.I) for c in cells)
        for i, cell in enumerate(cells):
            span = _DURATION.search(cell)
            for c in runs[i]:
                if len(cells) < n:
                    keys[c] = (*keys[c], i)
                if span:
                    months[c] = _DURATION_MONTHS[span.group(1).split()[0].split("-")[0].lower()]
                    continue
                if re.match(_SPAN, cell, re.I):
                    continue            # "Period ended ...": a span with no length
                # the group is what spans columns (or says whose figures they are); a
                # heading over each single column is no group
                if len(cells) < n or re.fullmatch(f"{_SEPARATE}|{_WHOLE}|{_BANK}", cell, re.I):
                    group[c] = f"{group[c]} / {cell}" if group[c] else cell
                if re.fullmatch(_SEPARATE, cell, re.I) or (
                        whole and re.fullmatch(_BANK, cell, re.I)):
                    scope[c] = "separate"
                elif _CUMULATIVE.search(cell):
                    cumulative[c] = True
                elif _ONE_QUARTER.search(cell) and months[c] is None:
                    months[c] = 3
    return [ColumnHead(group[c], scope[c], months[c], cumulative[c], keys[c]) for c in range(n)]


def _runs(text: str, cells: list[str], n: int,
          fields: list[int] | None) -> list[range] | None:
    """The columns under each group cell: equal runs, else by tab field, else None."""
    k = len(cells)
    if n % k == 0:
        return [range(i * (n // k), (i + 1) * (n // k)) for i in range(k)]
    at = [i for i, f in enumerate(text.split("\t")) if f.strip()]
    if not fields or len(fields) != n or len(at) != k or fields[0] < at[0]:
        return None
    owner = [max(i for i in range(k) if at[i] <= f) for f in fields]
    runs = [range(owner.index(i), n - owner[::-1].index(i)) if i in owner else range(0)
            for i in range(k)]
    return runs if all(runs) else None


# "for the financial year ending 31 December 2025", "financial year end: 30 June"
_FY_END = re.compile(r"financial\s+year\s+(?:ending|ended|end(?:s|ed)?)\s*(?:on\s+|:\s*)?"
                     r"(.{0,25})", re.I)
_QUARTER_NO = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:financial\s+)?"
                         r"quarter\s+(?:ended|ending)\s+(.{0,25})", re.I)
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
            "4th": 4}


def fiscal_year_end(texts: list[str]) -> tuple[int, int] | None:
    """(month, day) the financial year ends, as the document states it: "financial year
    ending 31 December 2025", else a numbered quarter ("second quarter ended 30 June 2025":
    two quarters after the year's end, so the year ends in December)."""
    quarter: tuple[int, int] | None = None
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
    return quarter


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
    for text in header_lines:
        slots = header_slots(text)
        if len(slots) > len(best):
            best = slots
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
        end, known = _column_end(slot, hint, c, best, heads)
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
                                  "no year or date is printed over it"))
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


def _flags(header_lines: list[str], best: list[Slot], n: int) -> tuple[list[bool], list[bool]]:
    """"(Unaudited)" / "(Restated)" per column, by tab field, else by order."""
    flags_u = [False] * n
    flags_r = [False] * n
    for text in header_lines:
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
                heads: list[ColumnHead]) -> tuple[date | None, str]:
    """The column's last day and how it is known: "printed" over it, from the "period line"
    under the title, as the "comparative" of its pair, or "" (not known)."""
    if slot and slot.day:
        return slot.day, "printed"
    month, day = hint.month or 12, hint.day or 31
    if slot and slot.year:
        return _safe_date(slot.year, month, day), "printed"
    # the pair this column belongs to: its group's columns, or the whole statement
    mates = [j for j in range(len(heads)) if heads[j].key == heads[c].key]
    if len(mates) != 2 or c != mates[1]:
        if hint.year and (len(heads) == 1 or (len(mates) == 2 and c == mates[0] and not any(
                j < len(best) for j in mates))):
            return _safe_date(hint.year, month, day), "period line"
        return None, ""
    first = mates[0]
    if first < len(best) and best[first].year:
        year = best[first].year
        if not hint.month and best[first].day:
            month, day = best[first].day.month, best[first].day.day
    elif first >= len(best) and hint.year:
        year = hint.year
    else:
        return None, ""
    return _safe_date(year - 1, month, day), "comparative"


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
            return Unit(currency=currency_code(m.group("cur")), scale=_scale(m.group("scale")))
    return default


def document_unit(texts: list[str]) -> Unit | None:
    """The unit the document states most often ("presented in RMB'000"), for garbled headers."""
    counts: dict[Unit, int] = {}
    for text in texts:
        for m in list(_SCALED.finditer(text)) + list(_IN_THOUSANDS.finditer(text)):
            unit = Unit(currency=currency_code(m.group("cur")), scale=_scale(m.group("scale")))
            counts[unit] = counts.get(unit, 0) + 1
    return max(counts, key=lambda u: counts[u]) if counts else None


def currency_code(printed: str) -> str:
    for pattern, code in _CURRENCIES:
        if re.fullmatch(pattern, printed.strip(), re.I):
            return code
    return "CNY"


def _scale(printed: str) -> int:
    p = printed.lower().strip("'’ ")
    if p in ("000", "thousand", "thousands"):
        return 3
    if p in ("million", "millions", "mn", "m"):
        return 6
    if p in ("billion", "bn"):
        return 9
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

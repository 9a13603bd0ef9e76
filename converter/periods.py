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

from .model import Column, Period, StatementKind, Unit

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|" \
         r"december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r"(?:,?\s*(\d{4}))?", re.I)
_MONTH_DAY = re.compile(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s*(\d{4}))?", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
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


def find_dates(text: str) -> list[date]:
    """Full dates in a text, in order: "31 December 2024", "June 30, 2024", "2024-06-30"."""
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
    return [d for _, d in sorted(found) if d is not None]  # type: ignore[misc]


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
    has_marker = bool(_YEAR.search(s) or _SCALED.search(s) or _HEADER_WORDS.search(s) or
                      _DAY_MONTH.search(s) or _MONTH_DAY.search(s))
    if not has_marker:
        return False
    words = re.findall(r"[A-Za-z]{3,}", _HEADER_WORDS.sub(" ", _SCALED.sub(" ", s)))
    months = [w for w in words if w.lower() in _MONTHS or w.lower() == "sept"]
    return len(words) - len(months) <= 2


def build_columns(kind: StatementKind, hint: PeriodHint, header_lines: list[str],
                  n_columns: int | None = None) -> list[Column]:
    """Columns for a statement from its header lines, completed by convention.

    The header line with most years gives the slots; flags ("(Unaudited)", "(Restated)") on
    other lines are matched by tab field, else by order. Missing years step back one year.
    """
    best: list[Slot] = []
    for text in header_lines:
        slots = header_slots(text)
        if len(slots) > len(best):
            best = slots
    unit_count = max((len(_SCALED.findall(t)) for t in header_lines), default=0)
    n = n_columns or max(len(best), unit_count, 2)
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

    instant = kind == "financial_position"
    months = hint.months or 12
    columns: list[Column] = []
    for c in range(n):
        slot = best[c] if c < len(best) else None
        end = _column_end(slot, hint, c, best)
        period = Period(end=end) if instant else Period(end=end, start=_start(end, months))
        header = _slot_header(slot, end)
        columns.append(Column(header=header, period=period, unaudited=flags_u[c],
                              restated=flags_r[c]))
    return columns


def _field_to_column(i: int, fields: list[str], n: int) -> int | None:
    """Map a header field to a column when no year slot shares its index: count from the right."""
    nonempty = [j for j, f in enumerate(fields) if f.strip()]
    last = nonempty[-1] if nonempty else len(fields) - 1
    col = n - 1 - (last - i)
    return col if 0 <= col < n else None


def _column_end(slot: Slot | None, hint: PeriodHint, c: int, best: list[Slot]) -> date:
    if slot and slot.day:
        return slot.day
    month, day = hint.month or 12, hint.day or 31
    if slot and slot.year:
        year = slot.year
    elif best and best[0].year:
        year = best[0].year - c
    else:
        year = (hint.year or date.today().year) - c
    return _safe_date(year, month, day)


def _safe_date(year: int, month: int, day: int) -> date:
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day, last))


def _start(end: date, months: int) -> date:
    """First day of a period of ``months`` ending on ``end`` (inclusive)."""
    after = end + timedelta(days=1)
    total = after.year * 12 + after.month - 1 - months
    y, m = divmod(total, 12)
    return _safe_date(y, m + 1, after.day)


def _slot_header(slot: Slot | None, end: date) -> str:
    if slot and slot.day:
        return slot.day.isoformat()
    return str(slot.year if slot and slot.year else end.year)


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

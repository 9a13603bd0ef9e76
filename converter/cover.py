"""Cover facts: what the announcement says about itself, tagged as IFRS text and date facts.

Entity name, period covered, date of end of reporting period, presentation currency and
level of rounding (IAS 1.51), each a visible ``ix:nonNumeric`` on the report's cover, in the
context of the current reporting period.
"""
from __future__ import annotations

from .currencies import currency_name
from .model import Context, Period, Statement
from .render import column_caption

ROUNDING = {0: "Units", 3: "Thousands", 6: "Millions", 9: "Billions"}


def _long_date(period: Period) -> str:
    d = period.end
    return f"{d.day} {d.strftime('%B')} {d.year}"


def current_period(statements: list[Statement]) -> Period | None:
    """The longest-ending duration among the statements' columns: the reporting period."""
    durations = [c.period for s in statements for c in s.columns
                 if c.period is not None and not c.period.is_instant]
    durations += [r.period for s in statements for r in s.rows
                  if r.period is not None and not r.period.is_instant]
    return max(durations, key=lambda p: (p.end, p.start), default=None)


def cover_items(entity_name: str, statements: list[Statement]
                ) -> tuple[list[dict[str, object]], Context | None]:
    """View items for the cover table, and the context they need."""
    period = current_period(statements)
    if period is None:
        return [], None
    context = Context(id=f"D{period.start.isoformat()}_{period.end.isoformat()}",  # type: ignore[union-attr]
                      period=period)
    unit = statements[0].unit
    caption = column_caption(next(c for s in statements for c in s.columns
                                  if c.period == period)) if any(
        c.period == period for s in statements for c in s.columns) else ""
    rows = [
        ("Name of reporting entity", "NameOfReportingEntityOrOtherMeansOfIdentification",
         entity_name, None),
        ("Period covered", "PeriodCoveredByFinancialStatements", caption, None),
        ("Date of end of reporting period", "DateOfEndOfReportingPeriod2013",
         _long_date(period), "ixt:date-day-monthname-year-en"),
        ("Presentation currency", "DescriptionOfPresentationCurrency",
         currency_name(unit.currency), None),
        ("Level of rounding", "LevelOfRoundingUsedInFinancialStatements",
         ROUNDING.get(unit.scale, f"10^{unit.scale}"), None),
    ]
    items = []
    for label, concept, text, fmt in rows:
        if not text:
            continue
        items.append({"label": label, "text": text, "fact": {
            "id": f"cover-{concept}", "name": f"ifrs-full:{concept}", "context": context.id,
            "format": fmt, "text": text}})
    return items, context

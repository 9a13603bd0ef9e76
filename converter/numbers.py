"""Printed figures → ``Decimal``: the one place that knows how statements print numbers.

Conventions handled (IAS 1 presentation as printed in HK/IFRS announcements):
``(1,234)`` negative; ``1,234.5`` decimals; a dash (``-``, ``–``, ``—``, ``_``) meaning nil;
``*`` meaning "less than the rounding unit" (a non-zero amount that rounds to nothing).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

DASHES = frozenset({"-", "–", "—", "−", "_", "‐", "‒", "―"})
LESS_THAN_UNIT = frozenset({"*"})

# A well-formed printed amount: optional parentheses or minus, digits grouped by commas (or
# ungrouped), optional decimal part. Anything else is not a number to this module.
_AMOUNT = re.compile(
    r"""^(?P<open>\()?(?P<minus>[-−–])?\s*
        (?P<int>\d{1,3}(?:,\d{3})+|\d+)
        (?:\.(?P<frac>\d+))?
        \s*(?P<close>\))?$""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class ParsedNumber:
    """A printed figure: its value as shown (negative when in parentheses) and its form."""

    text: str
    value: Decimal | None           # None only for "*" (unknown, below the unit)
    nil: bool = False               # a dash: zero
    less_than_unit: bool = False    # "*"
    negative: bool = False          # printed in parentheses or with a minus
    decimals: int = 0               # digits printed after the decimal point


def parse_number(text: str) -> ParsedNumber | None:
    """Parse one printed cell; ``None`` when the text is not a figure.

    >>> parse_number("(1,234)").value
    Decimal('-1234')
    >>> parse_number("–").nil
    True
    """
    s = text.strip()
    if not s:
        return None
    if s in DASHES or (len(s) > 1 and set(s) <= DASHES):
        return ParsedNumber(text=s, value=Decimal(0), nil=True)
    if s in LESS_THAN_UNIT:
        return ParsedNumber(text=s, value=None, less_than_unit=True)
    m = _AMOUNT.match(s)
    if not m or bool(m.group("open")) != bool(m.group("close")):
        return None
    digits = m.group("int").replace(",", "")
    frac = m.group("frac") or ""
    try:
        magnitude = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    negative = bool(m.group("open") or m.group("minus"))
    return ParsedNumber(
        text=s,
        value=-magnitude if negative else magnitude,
        negative=negative,
        decimals=len(frac),
    )


def format_amount(magnitude: Decimal, decimals: int = 0) -> str:
    """Print a non-negative amount the way statements do: ``1234567`` → ``1,234,567``."""
    if magnitude < 0:
        raise ValueError("format_amount takes a magnitude; the sign is shown by parentheses")
    return f"{magnitude:,.{decimals}f}"

"""Stage 1, read (a document-wide step): figures grouped by spaces ("1 234 567") → commas.

Continental-European and some other issuers print thousands separated by a space (or a
no-break or thin space, which the reader has already turned into one): "842 316", "-1 024",
"(12 500)". Every later stage reads a space as the gap between cells, and the OCR repairs read
"12 345" as a damaged figure with several readings. Whether a space inside digits is a
thousands separator is a property of the whole document, not of one cell: where the
document's figures are grouped by spaces and (almost) never by commas, each space-grouped
figure is rewritten with commas of the same width, so that columns keep their places and the
rest of the pipeline sees the one form it knows; a decimal comma ("2,33"), which goes with
space groups, becomes a point. A document that groups by commas is left alone (a stray "12 345" there is OCR damage, for reconciliation to read).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

# A space-grouped figure standing as a cell: after the line start, a tab, two spaces or an
# opening parenthesis / minus; a head of 1-3 digits, then groups of exactly three digits
# after one space; an optional decimal part; then a cell boundary.
_SPACE_GROUPED = re.compile(
    r"(?:(?<=^)|(?<=\t)|(?<=\s\s)|(?<=[(\-−–]))"
    r"(?P<fig>\d{1,3}(?: \d{3})+)(?P<frac>\.\d+)?"
    r"(?=\)?(?:\t|\s\s|\s*$))")
_COMMA_GROUPED = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,])")

# A document groups by spaces when it prints at least this many such figures and at least
# this many times as many as comma-grouped ones (prose such as "1,000 shares" may add a few).
_MIN_FIGURES = 8
_DOMINANCE = 4


def groups_by_space(texts: Iterable[str]) -> bool:
    """Whether a document's figures are grouped by spaces rather than commas.

    >>> groups_by_space(["Revenue   842 316   797 254"] * 8)
    True
    >>> groups_by_space(["Revenue   842,316   797,254"] * 8 + ["Bank   12 345   9,876"])
    False
    """
    spaced = commas = 0
    for text in texts:
        spaced += sum(1 for _ in _SPACE_GROUPED.finditer(text))
        commas += len(_COMMA_GROUPED.findall(text))
    return spaced >= _MIN_FIGURES and spaced >= _DOMINANCE * max(commas, 1)


# A decimal comma in a figure cell ("2,33", "-0,5", "1 234,56"): one or two digits after the
# comma (three would be as well read as a thousands group, and are left alone).
_DECIMAL_COMMA = re.compile(
    r"(?:(?<=^)|(?<=\t)|(?<=\s\s)|(?<=[(\-−–]))"
    r"(?P<int>\d{1,3}(?: \d{3})*|\d+),(?P<frac>\d{1,2})"
    r"(?=\)?(?:\t|\s\s|\s*$))")


def comma_grouped(text: str) -> str:
    """Rewrite each space-grouped figure of one line with commas (same width); a decimal
    comma, which goes with space groups, becomes a decimal point.

    >>> comma_grouped("Cost of sales   4.2   -561 482   -538 907")
    'Cost of sales   4.2   -561,482   -538,907'
    >>> comma_grouped("As of 1 January 2024   24 000   (1 250.5)")
    'As of 1 January 2024   24,000   (1,250.5)'
    >>> comma_grouped("Earnings per share (€)   2,33   1,96")
    'Earnings per share (€)   2.33   1.96'
    """
    text = _DECIMAL_COMMA.sub(lambda m: f"{m.group('int')}.{m.group('frac')}", text)
    return _SPACE_GROUPED.sub(lambda m: m.group("fig").replace(" ", ",") + (m.group("frac") or ""),
                              text)

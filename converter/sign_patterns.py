"""Reconcile stage, the fast path of ``sums``: which sign patterns make a total add up.

``sums`` looks for signs that make rows add up to a total (2**k patterns for a run of k rows,
8 per combination of three rows). Checking each pattern column by column cost seconds on a
long statement. Here each column is added up once per *subset* instead: subtracting the rows
of a subset N turns Σ v into Σ v − 2·Σ_N v, so one pass over the 2**k subset sums lists every
pattern that fits that column. Patterns are numbered as ``itertools.product((1, -1), repeat=k)``
yields them (bit k−1−i set: row i subtracted), so callers keep the enumeration order.

The result is a filter with no false negatives: a pattern left out fails a checkable column,
which ``sums._fits`` would reject too. Callers still confirm each survivor with ``_fits``
(evidence digits, damaged readings), so the search returns exactly what the plain enumeration
returned, only without trying the patterns that cannot fit.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import product
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .sums import Value

_ONE = Decimal(1)
# Decimal arithmetic is exact while every intermediate fits the context's 28 digits; the
# subset sums of up to 40 figures stay within (largest digit − smallest digit + 4) digits.
_EXACT_SPAN = 24

_Reading = tuple[Decimal, int, bool]     # (figure, exponent of its last digit, printed "*")


def signs_of(mask: int, k: int) -> tuple[int, ...]:
    """The pattern numbered ``mask`` among ``product((1, -1), repeat=k)``."""
    return tuple(-1 if mask >> (k - 1 - i) & 1 else 1 for i in range(k))


def column_masks(total: Value, terms: Sequence[Value]) -> set[int] | None:
    """Patterns for which one column adds up, None when it cannot be checked.

    Mirrors ``sums._column_fits`` case by case: an unknown figure makes the column
    uncheckable; one or two damaged figures fit when some combination of their readings does
    (more are uncheckable)."""
    values = [total, *terms]
    damaged = [i for i, v in enumerate(values) if v.options]
    if damaged:
        if len(damaged) > 2 or (total.known is None and not total.options) or \
                any(v.known is None and not v.options for v in terms):
            return None
        out: set[int] = set()
        plain: list[_Reading] = [(v.known, v.exp, v.star) for v in values]  # type: ignore[misc]
        for combo in product(*(values[i].options for i in damaged)):
            read = list(plain)
            for i, c in zip(damaged, combo):
                read[i] = (c, values[i].exp, False)    # a reading: no "*", the cell's digits
            out |= _masks(read)
        return out
    if total.known is None or any(v.known is None for v in terms):
        return None
    return _masks([(v.known, v.exp, v.star) for v in values])  # type: ignore[misc]


def _masks(read: list[_Reading]) -> set[int]:
    """Patterns with |Σ ± term − total| within ``_column_fits``'s tolerance."""
    total, terms = read[0][0], [r[0] for r in read[1:]]
    exp = min(r[1] for r in read)
    stars = sum(r[2] for r in read)
    tol = _ONE.scaleb(exp) * (int(len(terms) > 1) + stars)
    figures = [abs(r[0]) for r in read if r[0]]
    if figures and max(f.adjusted() for f in figures) - exp > _EXACT_SPAN:
        return _masks_one_by_one(total, terms, tol)
    gap = sum(terms, Decimal(0)) - total           # subtracting N leaves gap − 2·Σ_N
    sums = [Decimal(0)]
    for v in terms:
        double = v + v
        sums = [s + d for s in sums for d in (0, double)]
    lo, hi = gap - tol, gap + tol
    return {m for m, s in enumerate(sums) if lo <= s <= hi}


def _masks_one_by_one(total: Decimal, terms: list[Decimal], tol: Decimal) -> set[int]:
    """Figures too long for exact subset sums: add each pattern in order, as printed."""
    out = set()
    for m, signs in enumerate(product((1, -1), repeat=len(terms))):
        expected = Decimal(0)
        for s, v in zip(signs, terms):
            expected += v if s > 0 else -v
        if abs(expected - total) <= tol:
            out.add(m)
    return out


def sign_candidates(total: Sequence[Value], rows: Sequence[Sequence[Value]]) -> list[int]:
    """Patterns (ascending) that fit every checkable column of ``total`` = Σ ± rows; none
    when no column can be checked, since ``_fits`` then accepts nothing."""
    found: set[int] | None = None
    for j, value in enumerate(total):
        masks = column_masks(value, [r[j] for r in rows])
        if masks is None:
            continue
        found = masks if found is None else found & masks
        if not found:
            return []
    return sorted(found or ())


def misfit_runs(total: Sequence[Value],
                rows: Sequence[Sequence[Value]]) -> tuple[dict[int, int], int]:
    """For the runs ending at the last of ``rows``, added as printed: run length k ≥ 2 → how
    many checkable columns miss ``total`` (one running sum per column instead of one sum per
    length), and the length from which no column can be checked any more (a blank or
    illegible figure, or a third damaged one, in every column: ``_fits`` accepts nothing).
    Columns with a damaged figure are left to ``_fits`` (no false negatives, as above)."""
    misses: dict[int, int] = {}
    checkable_until = 0
    for j, t in enumerate(total):
        if t.known is None and not t.options:
            continue
        acc, exp, stars = Decimal(0), t.exp, int(t.star)
        top = abs(t.known).adjusted() if t.known else 0
        summing, damaged = t.known is not None, int(bool(t.options))
        k = 0
        for k, row in enumerate(reversed(rows), start=1):
            v = row[j]
            if v.known is None:
                if not v.options or damaged == 2:
                    break
                damaged += 1
                summing = False
            if not summing:
                continue
            acc += v.known
            exp, stars = min(exp, v.exp), stars + v.star
            top = max(top, abs(v.known).adjusted() if v.known else 0)
            if top - exp > _EXACT_SPAN:
                summing = False
            elif k >= 2 and abs(acc - t.known) > _ONE.scaleb(exp) * (1 + stars):
                misses[k] = misses.get(k, 0) + 1
        else:
            k += 1          # every run checkable in this column
        checkable_until = max(checkable_until, k)
    return misses, checkable_until

"""The fast sign search finds exactly what trying every sign pattern finds.

``sign_patterns`` filters the 2**k sign patterns by subset sums; ``sums`` confirms the
survivors. These tests compare it, on generated figures that collide often (repeated
figures, zeros, "*", blanks, damaged cells with readings, cents), with the plain enumeration
``sums`` used before.
"""
from __future__ import annotations

from decimal import Decimal
from itertools import combinations, product

from hypothesis import given, settings
from hypothesis import strategies as st

from converter import sums
from converter.model import Cell, Column, Row, Statement
from converter.sign_patterns import column_masks, sign_candidates, signs_of
from converter.structure import infer_structure, subtotal_tree
from converter.sums import (Value, _column_fits, _combination, _fits, _Item, _maybe_nonzero,
                            _run, _signed_run)

# A few large figures, so that sums reach the evidence digits and different sign patterns
# often give the same total (the case where the enumeration order decides).
_FIGURES = [0, 120_000, 250_000, 370_000, 1_250_000, 98_765]


def _value(draw) -> Value:
    kind = draw(st.sampled_from(["plain"] * 6 + ["cents", "star", "blank", "options"]))
    figure = Decimal(draw(st.sampled_from(_FIGURES))) * draw(st.sampled_from([1, -1]))
    if kind == "cents":
        return Value(figure + Decimal("0.05"), exp=-2)
    if kind == "star":
        return Value(Decimal(0), star=True)
    if kind == "blank":
        return Value(None, unknown="blank")
    if kind == "options":
        others = draw(st.lists(st.sampled_from(_FIGURES), min_size=1, max_size=2))
        return Value(None, unknown="candidates",
                     options=tuple(dict.fromkeys([figure, *map(Decimal, others)])))
    return Value(figure)


@st.composite
def _search(draw, max_rows: int):
    """Rows and a total that is a signed sum of some of them, give or take a unit."""
    width = draw(st.integers(1, 3))
    rows = [_Item(f"r{i}", tuple(_value(draw) for _ in range(width)), True)
            for i in range(draw(st.integers(2, max_rows)))]
    if draw(st.booleans()):     # a run as printed: the last few rows, all added
        first = draw(st.integers(0, len(rows) - 1))
        signs = [int(i >= first) for i in range(len(rows))]
    else:
        signs = [draw(st.sampled_from([1, -1, 0])) for _ in rows]
    vec = []
    for j in range(width):
        known = [(s, r.vec[j]) for s, r in zip(signs, rows)]
        figure = sum((s * (v.known if v.known is not None else (v.options or (0,))[0])
                      for s, v in known), Decimal(0))
        figure += draw(st.sampled_from([0, 0, 0, 1, -1, 2]))
        vec.append(draw(st.sampled_from([Value(figure), Value(figure), Value(None),
                                         Value(None, options=(figure, figure + 10))])))
    return _Item("total", tuple(vec), True), rows


def _signed_run_by_enumeration(total, frontier):
    for k in range(2, min(len(frontier), sums._MAX_SIGNED_RUN) + 1):
        run = frontier[-k:]
        patterns = sorted((p for p in product((1, -1), repeat=k) if -1 in p),
                          key=lambda p: p.count(-1))
        for signs in patterns:
            terms = list(zip(signs, run))
            if _fits(total, terms, min_digits=sums._EVIDENCE):
                return terms
    return None


def _combination_by_enumeration(total, pool):
    for k in range(2, sums._MAX_COMBO + 1):
        found = []
        for rows in combinations(pool, k):
            for signs in product((1, -1), repeat=k):
                terms = list(zip(signs, rows))
                if _fits(total, terms, min_digits=sums._EVIDENCE):
                    found.append(terms)
        if found:
            return min(found, key=lambda ts: sum(s < 0 for s, _ in ts))
    return None


def _run_by_enumeration(total, frontier, loose=False):
    """The shortest run that fits; loose: the only run that fits all columns but one."""
    fits = []
    for k in range(2, min(len(frontier), sums._MAX_RUN) + 1):
        run = frontier[-k:]
        if not _maybe_nonzero(run[0]):
            continue
        terms = [(1, t) for t in run]
        if _fits(total, terms, loose, min_digits=sums._LOOSE_EVIDENCE if loose else 0):
            fits.append(terms)
    if loose:
        return fits[0] if len(fits) == 1 else None
    return fits[0] if fits else None


@settings(max_examples=200, deadline=None)
@given(_search(max_rows=9), st.booleans())
def test_run_matches_enumeration(case, loose):
    total, frontier = case
    assert _run(total, frontier, loose) == _run_by_enumeration(total, frontier, loose)


@settings(max_examples=200, deadline=None)
@given(_search(max_rows=7))
def test_signed_run_matches_enumeration(case):
    total, frontier = case
    assert _signed_run(total, frontier) == _signed_run_by_enumeration(total, frontier)


@settings(max_examples=100, deadline=None)
@given(_search(max_rows=7))
def test_combination_matches_enumeration(case):
    total, pool = case
    assert _combination(total, pool) == _combination_by_enumeration(total, pool)


@settings(max_examples=200, deadline=None)
@given(_search(max_rows=5))
def test_column_masks_are_the_patterns_that_fit(case):
    """Every pattern is in the mask set exactly when ``_column_fits`` says the column fits;
    None exactly when it says the column cannot be checked."""
    total, rows = case
    k = len(rows)
    for j in range(len(total.vec)):
        masks = column_masks(total.vec[j], [r.vec[j] for r in rows])
        for mask in range(2 ** k):
            fits = _column_fits(total.vec[j],
                                [(s, r.vec[j]) for s, r in zip(signs_of(mask, k), rows)])
            assert (None if masks is None else mask in masks) == fits


def test_pattern_numbers_follow_itertools_product():
    assert [signs_of(m, 3) for m in range(8)] == list(product((1, -1), repeat=3))


def test_subtraction_found_by_subset_sums():
    """'Net current assets' = current assets − current liabilities, printed unbracketed."""
    assets, liabilities, net = (_Item(i, (Value(Decimal(a)), Value(Decimal(b))), True)
                                for i, a, b in (("ca", 812_400, 790_100),
                                                ("cl", 455_900, 401_300),
                                                ("nca", 356_500, 388_800)))
    assert sign_candidates(net.vec, [assets.vec, liabilities.vec]) == [1]   # (+1, −1)
    assert _signed_run(net, [assets, liabilities]) == [(1, assets), (-1, liabilities)]


def test_one_unknown_column_is_skipped_and_no_checkable_column_fits_nothing():
    a = _Item("a", (Value(Decimal(500_000)), Value(None)), True)
    b = _Item("b", (Value(Decimal(200_000)), Value(Decimal(7))), True)
    total = _Item("t", (Value(Decimal(300_000)), Value(Decimal(5))), True)
    assert sign_candidates(total.vec, [a.vec, b.vec]) == [1]
    blank = _Item("t", (Value(None), Value(None)), True)
    assert sign_candidates(blank.vec, [a.vec, b.vec]) == []


def test_long_figures_are_added_one_pattern_at_a_time():
    """Figures with more digits than exact subset sums allow still give the right patterns."""
    big, cent = Decimal("1234567890123456789012345"), Value(Decimal("0.01"), exp=-2)
    masks = column_masks(cent, [Value(big), Value(big), cent])
    assert masks == {0b010, 0b100}


def _statement(figures: list[int]) -> Statement:
    rows = [Row(f"Segment {i}", [Cell(Decimal(v))], i, id=f"r{i}")
            for i, v in enumerate(figures)]
    rows.append(Row("Revenue from contracts with customers", [Cell(Decimal(sum(figures)))],
                    len(figures), "total", id="total"))
    return Statement("income", "Statement of profit or loss", [Column("2025")], rows)


def test_memoised_structure_is_fresh_and_follows_the_figures():
    """The memo hands out copies, and changing a figure gives the search for the new one."""
    st_ = _statement([41_200, 17_900, 3_300])
    first = infer_structure(st_)
    first.relations.clear()
    assert subtotal_tree(st_) == {"total": [(1, "r0"), (1, "r1"), (1, "r2")]}
    hits = sums._infer_sums_cached.cache_info().hits
    subtotal_tree(st_)
    assert sums._infer_sums_cached.cache_info().hits == hits + 1
    st_.rows[1].cells[0] = Cell(Decimal(17_000))      # no longer adds up
    assert subtotal_tree(st_) == {}

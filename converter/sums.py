"""Reconcile stage, the arithmetic: which rows of a list of figure vectors are sums of others.

Generic over vectors (a statement's rows across its columns, or the columns of changes in
equity across its rows); ``structure`` applies it to statements. A sum is accepted only when
the figures add up in every column that can be checked.

The search follows how IAS 1 statements are laid out. Rows are read top to bottom keeping a
*frontier* of rows not yet summed into anything. A row is a subtotal when

1. a run of frontier rows just above it adds up to it as printed (figures carry their printed
   sign, so "Gross profit" = Revenue + "(Cost of sales)");
2. failing that, the same run with some rows subtracted (expenses or liabilities printed
   without parentheses: "Net current assets" = current assets − current liabilities);
3. failing that, two or three earlier rows with signs ("Total assets less current
   liabilities" = total assets − current liabilities, printed far apart).

Rows summed by a subtotal leave the frontier; the subtotal joins it. At the end, a frontier row
equal to the run of rows *below* it is a total of its breakdown ("Loss for the year" followed
by its attribution to owners and non-controlling interests), and frontier rows with equal
figures are recorded as equalities (total assets = total equity and liabilities).

Every candidate is still checked by ``_fits``; ``sign_patterns`` only spares the candidates a
column already rules out (subset and running sums), so the search returns what trying every
pattern in order returns, in milliseconds instead of seconds.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import combinations, product
from typing import Literal

from .model import Cell
from .sign_patterns import misfit_runs, sign_candidates, signs_of

Sign = Literal[1, -1]
Method = Literal["run", "signed-run", "combination", "breakdown", "loose-run"]

_MAX_RUN = 40          # longest run of rows a subtotal may sum
_MAX_SIGNED_RUN = 10   # 2**10 sign patterns: enough for a section, cheap enough to try
_MAX_COMBO = 3
_POOL, _POOL_FRONTIER = 16, 6   # rows a combination may draw from: C(16, 3) × 8 sign patterns
_EVIDENCE = 6          # digits a sign search must match (see ``_fits``)
_LOOSE_EVIDENCE = 4    # digits the matching column of a run failing in one column must show


@dataclass(frozen=True)
class Value:
    """What arithmetic may assume about one cell.

    ``known`` is None when the cell is blank or illegible (``cell_reading`` leaves damaged
    figures without a value, listing plausible ``candidates``); ``star`` marks
    a figure printed "*" (non-zero but below the rounding unit): taken as 0, tolerance 1 unit.
    """

    known: Decimal | None
    star: bool = False
    unknown: Literal["", "blank", "unresolved", "candidates"] = ""
    exp: int = 0        # exponent of the last printed digit (0 for whole units, -2 for cents)
    options: tuple[Decimal, ...] = ()   # the readings of a damaged figure


_BLANK = Value(None, unknown="blank")
# id(cell) → (cell, its Value): reconcile reads every cell of a statement in each search and
# each solver pass. The cell is kept in the entry, so its id cannot be reused while cached.
_VALUES: dict[int, tuple[Cell, Value]] = {}
_VALUES_MAX = 1 << 15


def cell_value(cell: Cell | None) -> Value:
    """Classify a cell for arithmetic (the one place that decides what is "known")."""
    if cell is None:
        return _BLANK
    hit = _VALUES.get(id(cell))
    if hit is not None and hit[0] is cell:
        return hit[1]
    value = _classify(cell)
    if not value.options:       # damaged figures stay distinct objects (``_fits_some_reading``)
        if len(_VALUES) >= _VALUES_MAX:
            _VALUES.clear()
        _VALUES[id(cell)] = (cell, value)
    return value


def _classify(cell: Cell) -> Value:
    if cell.less_than_unit:
        return Value(Decimal(0), star=True)
    if cell.value is None or cell.provenance == "unresolved":
        # cell_reading may put its first reading in ``value`` while still unresolved
        if cell.candidates:
            return Value(None, unknown="candidates", options=tuple(dict.fromkeys(cell.candidates)))
        return Value(None, unknown="unresolved")
    exp = cell.value.as_tuple().exponent
    return Value(cell.value, exp=min(exp, 0) if isinstance(exp, int) else 0)


@dataclass(frozen=True)
class Relation:
    """``total`` = Σ sign × child, found by ``method``; ids are row ids (or column indexes)."""

    total: str
    terms: tuple[tuple[int, str], ...]
    method: Method


@dataclass(frozen=True)
class _Item:
    id: str
    vec: tuple[Value, ...]
    strong: bool      # may be a subtotal found by signs or combinations (not a plain item)
    section: tuple[str, ...] = ()


_ONE = Decimal(1)


def _column_fits(total: Value, terms: list[tuple[int, Value]]) -> bool | None:
    """Whether one column adds up; None when it cannot be checked (a figure is unknown).

    A damaged figure with readings does not stop the check: the column fits when one
    reading (one combination, if a few figures are damaged) makes it add up."""
    damaged = [v for v in [total, *(v for _, v in terms)] if v.options]
    if damaged:
        return _fits_some_reading(total, terms, damaged)
    if total.known is None:
        return None
    expected = Decimal(0)
    stars, exp = int(total.star), total.exp
    for s, v in terms:
        if v.known is None:
            return None
        expected += v.known if s > 0 else -v.known
        stars += v.star
        exp = min(exp, v.exp)
    # one term: the same figure printed twice, which rounding cannot make differ
    return abs(expected - total.known) <= _ONE.scaleb(exp) * (int(len(terms) > 1) + stars)


def _fits_some_reading(total: Value, terms: list[tuple[int, Value]],
                       damaged: list[Value]) -> bool | None:
    if len(damaged) > 2 or total.known is None and not total.options or \
            any(v.known is None and not v.options for _, v in terms):
        return None

    def read(v: Value, choice: dict[int, Decimal]) -> Value:
        return Value(choice[id(v)], exp=v.exp) if v.options else v

    for combo in product(*(v.options for v in damaged)):
        choice = {id(v): c for v, c in zip(damaged, combo)}
        if _column_fits(read(total, choice), [(s, read(v, choice)) for s, v in terms]):
            return True
    return False


def _fits(total: _Item, terms: list[tuple[int, _Item]], loose: bool = False,
          min_digits: int = 0) -> bool:
    """All checkable columns add up (``loose``: all but one), and at least one was checkable.

    ``min_digits``: the matching totals must print at least that many digits in all, so that
    searches over many sign patterns cannot "explain" small figures by coincidence.
    """
    results = []
    for j in range(len(total.vec)):
        results.append(_column_fits(total.vec[j], [(s, t.vec[j]) for s, t in terms]))
        if results[-1] is False and not loose:
            return False     # the common case in searches: reject on the first column
    checked = [r for r in results if r is not None]
    if not checked or not any(checked):
        return False
    fails = checked.count(False)
    if not (fails == 0 or (loose and fails == 1 and len(checked) >= 2)):
        return False
    digits = sum(len(str(abs(int(_magnitude(total.vec[j])))).lstrip("0"))
                 for j, ok in enumerate(results) if ok)
    return digits >= min_digits


def _magnitude(v: Value) -> Decimal:
    return abs(v.known) if v.known is not None else max(map(abs, v.options), default=_ONE * 0)


def _nonzero(item: _Item) -> bool:
    return any(v.known not in (None, Decimal(0)) for v in item.vec)


def _maybe_nonzero(item: _Item) -> bool:
    """Nonzero somewhere, counting a damaged figure's non-zero readings: a run may start at
    a row printed "–" in one column and damaged in the other."""
    return _nonzero(item) or any(o != 0 for v in item.vec for o in v.options)


def _run(total: _Item, frontier: list[_Item],
         loose: bool = False) -> list[tuple[int, _Item]] | None:
    """Shortest run of ≥2 frontier rows just above ``total`` summing to it as printed.

    ``loose`` (one column may fail): only the one such run, since the failing column is what
    the solver will then repair; two runs that each fit all columns but one leave it open
    which column is wrong."""
    longest = min(len(frontier), _MAX_RUN)
    misfits, checkable_until = misfit_runs(total.vec, [t.vec for t in frontier[-longest:]])
    allowed = int(loose)        # failing columns ``_fits`` tolerates
    found = None
    for k in range(2, min(longest, checkable_until - 1) + 1):
        run = frontier[-k:]
        if misfits.get(k, 0) > allowed or not _maybe_nonzero(run[0]):
            continue
        terms = [(1, t) for t in run]
        if _fits(total, terms, loose, min_digits=_LOOSE_EVIDENCE if loose else 0):
            if not loose:
                return terms
            if found is not None:
                return None
            found = terms
    return found


def _signed_run(total: _Item, frontier: list[_Item]) -> list[tuple[int, _Item]] | None:
    """Shortest run with some rows subtracted, fewest subtractions first (then in the order
    of ``product((1, -1))``); only patterns that fit every checkable column are tried."""
    for k in range(2, min(len(frontier), _MAX_SIGNED_RUN) + 1):
        run = frontier[-k:]
        masks = sign_candidates(total.vec, [t.vec for t in run])
        for mask in sorted((m for m in masks if m), key=lambda m: bin(m).count("1")):
            terms = list(zip(signs_of(mask, k), run))
            if _fits(total, terms, min_digits=_EVIDENCE):
                return terms
    return None


def _combination(total: _Item, pool: list[_Item]) -> list[tuple[int, _Item]] | None:
    """Two or three earlier rows with signs, fewest terms and subtractions first."""
    for k in range(2, _MAX_COMBO + 1):
        found = []
        for rows in combinations(pool, k):
            for mask in sign_candidates(total.vec, [r.vec for r in rows]):
                terms = list(zip(signs_of(mask, k), rows))
                if _fits(total, terms, min_digits=_EVIDENCE):
                    found.append(terms)
        if found:
            return min(found, key=lambda ts: sum(s < 0 for s, _ in ts))
    return None


def _extend_over_zero_rows(terms: list[tuple[int, _Item]], frontier: list[_Item]) -> list:
    """Take in all-zero rows ("–" in every column) of the same section just above the run."""
    first = frontier.index(terms[0][1])
    while first > 0:
        prev = frontier[first - 1]
        if _nonzero(prev) or prev.section != terms[0][1].section or \
                any(v.known is None for v in prev.vec):
            break
        terms = [(1, prev)] + terms
        first -= 1
    return terms


def infer_sums(items: list[_Item]) -> tuple[list[Relation], list[tuple[str, str]]]:
    """The frontier search described in the module docstring, over generic vectors.

    Memoised on the items' content: reconcile infers each statement's structure several
    times (before and after repairs, per round) and the pipeline once more for the
    calculation tree, mostly on unchanged figures."""
    try:
        relations, equalities = _infer_sums_cached(tuple(items))
    except TypeError:      # an unhashable figure (Decimal sNaN): search without the memo
        relations, equalities = _infer_sums(items)
    return list(relations), list(equalities)


@lru_cache(maxsize=256)
def _infer_sums_cached(items: tuple[_Item, ...]) -> tuple[tuple[Relation, ...],
                                                          tuple[tuple[str, str], ...]]:
    relations, equalities = _infer_sums(list(items))
    return tuple(relations), tuple(equalities)


def _infer_sums(items: list[_Item]) -> tuple[list[Relation], list[tuple[str, str]]]:
    frontier: list[_Item] = []
    totals: list[_Item] = []
    relations: list[Relation] = []
    for item in items:
        terms = None
        method: Method = "run"
        if _nonzero(item):
            terms = _run(item, frontier)
            if terms is None and item.strong:
                method, terms = "signed-run", _signed_run(item, frontier)
                if terms is None:
                    # earlier subtotals and the nearest unsummed rows, newest first
                    pool = list(dict.fromkeys(frontier[::-1][:_POOL_FRONTIER] + totals[::-1]))
                    pool = pool[:_POOL]
                    method, terms = "combination", _combination(item, pool)
                if terms is None:
                    method, terms = "loose-run", _run(item, frontier, loose=True)
        if terms:
            if method in ("run", "loose-run"):
                terms = _extend_over_zero_rows(terms, frontier)
            relations.append(Relation(item.id, tuple((s, t.id) for s, t in terms), method))
            used = {t.id for _, t in terms}
            frontier = [f for f in frontier if f.id not in used]
            totals.append(item)
        frontier.append(item)
    relations += _breakdowns(items, frontier)
    return relations, _equalities(frontier, relations)


def _breakdowns(items: list[_Item], frontier: list[_Item]) -> list[Relation]:
    """A strong row equal to the run of unsummed rows that follows it: the attribution of
    profit or loss and of comprehensive income, printed after the total without a sum row.
    The run starts at the first unsummed row after the total (a combined statement puts
    both attributions after total comprehensive income)."""
    found: list[Relation] = []
    used: set[str] = set()
    position = {it.id: i for i, it in enumerate(items)}
    for item in items:
        if not item.strong or not _nonzero(item):
            continue
        after = [f for f in frontier if position[f.id] > position[item.id] and f.id not in used]
        # the breakdown starts at the first plain item (a combined statement prints total
        # comprehensive income between profit and its attribution)
        while after and after[0].strong:
            after = after[1:]
        for k in range(2, len(after) + 1):
            run = after[:k]
            if _fits(item, [(1, r) for r in run]):
                found.append(Relation(item.id, tuple((1, r.id) for r in run), "breakdown"))
                used.update(r.id for r in run)
                break
    return found


def _equalities(frontier: list[_Item], relations: list[Relation]) -> list[tuple[str, str]]:
    """Pairs of unsummed rows printing the same non-zero figures in every checkable column."""
    children = {c for r in relations for _, c in r.terms}
    top = [f for f in frontier if f.id not in children and _nonzero(f)]
    pairs = []
    for a, b in combinations(top, 2):
        if _fits(b, [(1, a)], min_digits=_LOOSE_EVIDENCE):
            pairs.append((a.id, b.id))
    return pairs

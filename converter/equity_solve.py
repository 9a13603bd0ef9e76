"""Changes in equity, step 4: the arithmetic of the matrix — place figures, check the sums.

A statement of changes in equity is checked both ways (IAS 1.106): across, the components
add up to the attributable total and total + non-controlling interests = total equity;
down, each section's items add up to its subtotal and opening + movements = closing, per
column. These identities place figures the extraction printed away from their row or
without their blank cells, and flag cells that do not add up. A figure that no identity
places is reported, never guessed.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .equity_cells import Token
from .model import Cell, Column, Issue, Row

Vector = list[Decimal]
_MAX_PLACEMENTS = 5000


@dataclass(frozen=True)
class Roles:
    """Which columns are components, the attributable total, NCI and total equity."""

    components: tuple[int, ...]
    total: int | None
    nci: int | None
    equity: int | None


def column_roles(columns: list[Column]) -> Roles:
    names = [(c.component or c.header).lower() for c in columns]
    nci = next((i for i, n in enumerate(names)
                if re.search(r"non-?\s*controlling|minority", n)), None)
    equity = next((i for i in range(len(names) - 1, -1, -1)
                   if names[i].startswith("total") and i != nci
                   and re.search(r"equity|deficit", names[i])), None)
    if equity is None and names and names[-1].startswith("total"):
        equity = len(names) - 1
    # the owners' subtotal: "Total", "Sub-total", or a column of its own named for whom it
    # sums ("Attributable to ordinary shareholders", "Equity attributable to owners")
    total = next((i for i, n in enumerate(names)
                  if re.match(r"^(?:(sub-?\s*)?total\b|(?:equity\s+|total\s+)?attributable\s+to\b)",
                              n) and i != equity and i != nci), None)
    stop = total if total is not None else (nci if nci is not None else equity)
    comps = tuple(range(stop if stop is not None else len(names)))
    return Roles(comps, total, nci, equity)


@dataclass
class Slot:
    """A row being solved: its cells, whether they are final, and figures still to place."""

    row: Row
    resolved: bool
    tokens: list[tuple[Token, int]] = field(default_factory=list)
    garbled: list[int] = field(default_factory=list)    # columns to rebuild by arithmetic


def repair_garbled(block: list[Slot], roles: Roles, n: int, issues: list[Issue]) -> None:
    """Rebuild unreadable cells from the row's own sums, else from its column's."""
    for idx, s in enumerate(block):
        for col in list(s.garbled):
            value = None
            for _, tot, terms in row_checks(s.row.cells, roles):
                involved = [tot, *terms]
                if col in involved and not any(g in involved for g in s.garbled if g != col):
                    rest = sum((amount(s.row.cells[t]) for t in terms if t != col), Decimal(0))
                    value = amount(s.row.cells[tot]) - rest if col != tot else rest
                    break
            if value is None:
                vec = expected(block, idx, n)
                value = vec[col] if vec is not None else None
            if value is None:
                issues.append(Issue("error", "equity.unresolved",
                                    f"'{s.row.label}' column {col + 1}: unreadable and no "
                                    "identity rebuilds it", line=s.row.line,
                                    statement="changes_in_equity"))
                continue
            s.row.cells[col] = derived_cell(value, "across: components = total; "
                                            "total + NCI = total equity")
            s.garbled.remove(col)


def amount(cell: Cell | None) -> Decimal:
    return cell.value if cell is not None and cell.value is not None else Decimal(0)


def fuzz_units(cells: list[Cell | None]) -> int:
    """How many "*" cells (non-zero below the unit) a sum involves: its allowed error."""
    return sum(1 for c in cells if c is not None and c.less_than_unit)


def row_checks(cells: list[Cell | None], roles: Roles) -> list[tuple[str, int, list[int]]]:
    """Across identities as (name, total column, term columns)."""
    out = []
    if roles.total is not None and len(roles.components) >= 1:
        out.append(("components = total", roles.total, list(roles.components)))
    if roles.equity is not None:
        if roles.total is not None and roles.nci is not None:
            out.append(("total + NCI = total equity", roles.equity, [roles.total, roles.nci]))
        elif roles.total is None:
            terms = [i for i in range(len(cells)) if i != roles.equity]
            out.append(("components = total equity", roles.equity, terms))
    return out


def across_ok(cells: list[Cell | None], roles: Roles) -> bool:
    for _, tot, terms in row_checks(cells, roles):
        diff = amount(cells[tot]) - sum((amount(cells[t]) for t in terms), Decimal(0))
        if abs(diff) > fuzz_units([cells[tot], *[cells[t] for t in terms]]):
            return False
    return True


# --------------------------------------------------------------------------- block structure
def _options(block: list[Slot], idx: int, chosen: dict[int, list[int]]) -> list[list[int]]:
    """Term sets a subtotal may add up, most specific first.

    (a) items back to a heading, a subtotal or a balance; (b) the same across headings;
    (c) items and earlier subtotals (as single terms) back to the opening, for a nested
    "Total other comprehensive income" inside "Total comprehensive income".
    """
    def walk(stop_at_heading: bool, nest: bool) -> list[int]:
        terms: list[int] = []
        j = idx - 1
        while j >= 0:
            r = block[j].row
            if r.balance_role != "flow" or r.kind == "total":
                break
            if r.kind == "subtotal":
                if not nest:
                    break
                terms.append(j)
                inner = chosen.get(j, [])
                j = min(inner) - 1 if inner else j - 1
                continue
            if r.kind == "heading":
                if stop_at_heading and terms:
                    break
            else:
                terms.append(j)
            j -= 1
        return sorted(terms)
    out: list[list[int]] = []
    for opt in (walk(True, False), walk(False, False), walk(False, True)):
        if opt and opt not in out:
            out.append(opt)
    return out


def _holds(block: list[Slot], idx: int, terms: list[int], n: int) -> bool:
    got = _sum(block, terms, n)
    return got is not None and block[idx].resolved and _same(block[idx].row.cells, got)


def structure(block: list[Slot], n: int) -> dict[int, list[int]]:
    """Each subtotal's terms: the first option whose figures add up, else the most specific."""
    chosen: dict[int, list[int]] = {}
    for i, s in enumerate(block):
        if s.row.kind != "subtotal":
            continue
        opts = _options(block, i, chosen)
        chosen[i] = next((o for o in opts if _holds(block, i, o, n)), opts[0] if opts else [])
    return chosen


def top_flows(block: list[Slot], chosen: dict[int, list[int]]) -> list[int]:
    """Movements between the (last) opening and the closing that no subtotal covers."""
    opening = max((i for i, s in enumerate(block) if s.row.balance_role == "opening"),
                  default=-1)
    covered = {j for terms in chosen.values() for j in terms}
    return [i for i, s in enumerate(block) if i > opening and i not in covered
            and s.row.balance_role == "flow" and s.row.kind in ("item", "subtotal")]


def opening_index(block: list[Slot]) -> int | None:
    return max((i for i, s in enumerate(block) if s.row.balance_role == "opening"), default=None)


def _sum(block: list[Slot], idxs: list[int], n: int, signs: list[int] | None = None
         ) -> Vector | None:
    if any(not block[i].resolved for i in idxs):
        return None
    out = [Decimal(0)] * n
    for k, i in enumerate(idxs):
        sg = signs[k] if signs else 1
        for c in range(n):
            out[c] += sg * amount(block[i].row.cells[c])
    return out


def expected(block: list[Slot], idx: int, n: int,
             chosen: dict[int, list[int]] | None = None) -> Vector | None:
    """What the down identities say row ``idx`` must hold, if the rest is known."""
    row = block[idx].row
    opening = opening_index(block)
    closing = next((i for i, s in enumerate(block) if s.row.balance_role == "closing"), None)
    if chosen is None:
        chosen = structure(block, n)
    tops = top_flows(block, chosen)
    if row.kind == "subtotal":
        terms = chosen.get(idx, [])
        return _sum(block, terms, n) if terms else None
    if row.balance_role == "closing" and opening is not None:
        return _sum(block, [opening, *tops], n)
    if row.balance_role == "opening" and closing is not None and idx == opening:
        return _sum(block, [closing, *tops], n, [1] + [-1] * len(tops))
    if row.kind == "item":
        for i, terms in chosen.items():
            if idx in terms:
                others = [j for j in terms if j != idx]
                return _sum(block, [i, *others], n, [1] + [-1] * len(others))
        if opening is not None and closing is not None and idx in tops:
            others = [j for j in tops if j != idx]
            return _sum(block, [closing, opening, *others], n, [1, -1] + [-1] * len(others))
    return None


def promote_subtotals(block: list[Slot], n: int) -> None:
    """Rows that add up the two or more items just above them are subtotals, whatever
    their label ("Comprehensive income for the year" without "Total")."""
    for i, s in enumerate(block):
        r = s.row
        if r.kind != "item" or r.balance_role != "flow" or not s.resolved:
            continue
        if all(amount(c) == 0 for c in r.cells):
            continue
        run: list[int] = []
        for j in range(i - 1, -1, -1):
            x = block[j]
            if x.row.kind != "item" or x.row.balance_role != "flow" or not x.resolved:
                break
            run.insert(0, j)
        for m in range(len(run), 1, -1):
            terms = run[-m:]
            got = _sum(block, terms, n)
            nonzero = sum(1 for j in terms if any(amount(c) for c in block[j].row.cells))
            if got is None or nonzero < 2 or not _same(r.cells, got):
                continue
            # When the balances are known, promoting must be what makes them roll forward.
            before = _rolls(block, n)
            if before is True:
                break
            r.kind = "subtotal"
            if before is False and _rolls(block, n) is False:
                r.kind = "item"
                continue
            break


def _rolls(block: list[Slot], n: int) -> bool | None:
    """Does the closing balance equal opening + movements (None: not known)?"""
    closing = next((i for i, s in enumerate(block) if s.row.balance_role == "closing"), None)
    if closing is None or not block[closing].resolved:
        return None
    vec = expected(block, closing, n)
    return None if vec is None else _same(block[closing].row.cells, vec)


# --------------------------------------------------------------------------- placing figures
def placements(tokens: list[tuple[Token, int]], n: int) -> list[list[Cell | None]]:
    """Every order-keeping way to put the figures into ``n`` columns (blanks elsewhere)."""
    k = len(tokens)
    if k > n:
        return []
    out = []
    for pos in itertools.islice(itertools.combinations(range(n), k), _MAX_PLACEMENTS):
        cells: list[Cell | None] = [None] * n
        for (tok, line), p in zip(tokens, pos):
            cells[p] = Cell(value=tok.value, text=tok.text, line=line, nil=tok.nil,
                            less_than_unit=tok.less_than_unit)
        out.append(cells)
    return out


def _same(cells: list[Cell | None], vec: Vector) -> bool:
    return all(abs(amount(c) - v) <= (1 if c is not None and c.less_than_unit else 0)
               for c, v in zip(cells, vec))


def place_short_rows(block: list[Slot], roles: Roles, n: int,
                     pool: list[tuple[Token, int]] | None = None,
                     needing: list[int] | None = None) -> None:
    """Rows printed with fewer figures than columns (blank cells lost): place by arithmetic."""
    progress = True
    while progress:
        progress = False
        for idx, s in enumerate(block):
            if s.resolved or not s.tokens or s.row.cells is None:
                continue
            if len(s.tokens) == n:                # every cell printed: order is enough
                s.row.cells, s.resolved, s.tokens = placements(s.tokens, n)[0], True, []
                progress = True
                continue
            cands = [c for c in placements(s.tokens, n) if across_ok(c, roles)]
            first = s.tokens[0][0] if s.tokens else None
            if not cands and first is not None and first.text.isdigit() and int(first.text) < 100:
                # Nothing adds up with the leading small integer: it is a note number.
                rest = [c for c in placements(s.tokens[1:], n) if across_ok(c, roles)]
                if rest:
                    s.row.note, s.tokens, cands = first.text, s.tokens[1:], rest
            if len(cands) > 1:
                vec = expected(block, idx, n)
                if vec is not None:
                    cands = [c for c in cands if _same(c, vec)]
            if len(cands) == 1:
                s.row.cells, s.resolved, s.tokens = cands[0], True, []
                progress = True
    _place_jointly(block, roles, n, pool or [], needing or [])


def down_ok(block: list[Slot], n: int) -> bool:
    """Do the subtotals and the roll-forward hold, as far as the resolved rows tell?"""
    chosen = structure(block, n)
    for i, s in enumerate(block):
        if not s.resolved or not (s.row.kind == "subtotal" or s.row.balance_role != "flow"):
            continue
        vec = expected(block, i, n, chosen)
        if vec is not None and not _same(s.row.cells, vec):
            return False
    return True


def _pool_score(block: list[Slot], needing: list[int], pool: list[tuple[Token, int]],
                n: int) -> int:
    """How many figures the rows printed apart would find where this placement expects them."""
    left = [t.value for t, _ in pool if t.value is not None and not t.nil]
    score = 0
    for idx in needing:
        vec = expected(block, idx, n)
        for want in vec or []:
            if want and want in left:
                left.remove(want)
                score += 1
    return score


def _place_jointly(block: list[Slot], roles: Roles, n: int,
                   pool: list[tuple[Token, int]], needing: list[int]) -> None:
    """Several short rows in one block: try their placements together against the columns."""
    open_rows = [s for s in block if not s.resolved and s.tokens and s.row.cells is not None]
    if not open_rows:
        return
    options = [[c for c in placements(s.tokens, n) if across_ok(c, roles)] for s in open_rows]
    open_rows = [s for s, o in zip(open_rows, options) if o]
    options = [o for o in options if o]
    size = 1
    for o in options:
        size *= len(o)
    if size > 2_000 or not options:
        return
    good = []
    for combo in itertools.product(*options):
        for s, cells in zip(open_rows, combo):
            s.row.cells, s.resolved = cells, True
        if down_ok(block, n):
            good.append((_pool_score(block, needing, pool, n) if pool else 0, combo))
        for s in open_rows:
            s.resolved = False
    best = max((g[0] for g in good), default=0)
    good = [combo for score, combo in good if score == best]
    # A row is placed when every consistent combination places it the same way.
    for k, s in enumerate(open_rows):
        ways = {tuple(_key(c) for c in combo[k]) for combo in good}
        if good and len(ways) == 1:
            s.row.cells, s.resolved, s.tokens = good[0][k], True, []
        else:
            s.row.cells = [None] * n


def _key(c: Cell | None) -> tuple[str, int | None] | None:
    return None if c is None else (c.text, c.line)


def place_orphans(block: list[Slot], needing: list[int], pool: list[tuple[Token, int]],
                  n: int, issues: list[Issue]) -> None:
    """Give the figures printed away from their rows to the rows the arithmetic says."""
    left = list(pool)
    for idx in needing:
        s = block[idx]
        vec = expected(block, idx, n)
        if vec is None:
            if len(needing) == 1 and len(left) == n:      # a whole row, in column order
                s.row.cells = [Cell(value=t.value, text=t.text, line=line, nil=t.nil,
                                    less_than_unit=t.less_than_unit) for t, line in left]
                s.resolved, left = True, []
            continue
        cells: list[Cell | None] = [None] * n
        for c, want in enumerate(vec):
            hit = next((k for k, (t, _) in enumerate(left)
                        if t.value is not None and t.value == want and not t.nil), None)
            if want == 0:
                continue
            if hit is not None:
                tok, line = left.pop(hit)
                cells[c] = Cell(value=tok.value, text=tok.text, line=line)
            else:
                cells[c] = derived_cell(want, "down: opening + movements = closing"
                                        if s.row.balance_role != "flow" else "down: subtotal")
                issues.append(Issue("warning", "equity.derived",
                                    f"'{s.row.label}' column {c + 1}: {want} not printed "
                                    "where expected; derived from the column's arithmetic",
                                    line=s.row.line, statement="changes_in_equity"))
        s.row.cells, s.resolved = cells, True
    for tok, line in left:
        if tok.nil:
            continue
        issues.append(Issue("error", "equity.unresolved",
                            f"figure {tok.text} printed apart from its row fits no cell",
                            line=line, statement="changes_in_equity"))


def derived_cell(value: Decimal, why: str) -> Cell:
    text = f"({abs(value):,})" if value < 0 else f"{value:,}"
    return Cell(value=value, text=text if value else "-", provenance="derived",
                nil=value == 0, derived_from=why)

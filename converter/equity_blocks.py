"""Changes in equity, step 4: row drafts → period blocks, each from opening to closing.

A block starts at a new opening balance or at a repeated header after a closing balance; a
running two-year matrix is cut after each closing balance that has movements after it (that
balance then opens the next period); a closing balance printed away from its block joins the
block its date closes; figures printed on lines of their own go to the value-less balance or
total rows next to them.
"""
from __future__ import annotations

from datetime import date, timedelta

from .equity_dates import TOTAL, UNDATED, balance_date, role_of
from .equity_header import Header
from .equity_rows import Draft, HeaderBreak, Item, Orphans
from .equity_solve import Slot
from .model import Issue, Row


def _needs_figures(it: Item) -> bool:
    """A label printed without figures that must have some: a balance or a total."""
    return isinstance(it, Draft) and it.cells is None and not it.tokens and bool(
        balance_date(it.label) or TOTAL.match(it.label) or UNDATED.match(it.label))


def _near_needing(items: list[Item], k: int) -> bool:
    return any(0 <= j < len(items) and _needs_figures(items[j]) for j in (k - 1, k + 1))


class BlockBuilder:
    """Sorts the rows of one statement into period blocks (keeps dates and carries)."""

    def __init__(self, header: Header, issues: list[Issue]) -> None:
        self.h = header
        self.n = len(header.columns)
        self.issues = issues
        self.dates: dict[int, date] = {}
        self.carry: dict[int, Slot] = {}      # block → the previous closing that opens it

    def row(self, d: Draft) -> Row:
        when = balance_date(d.label)
        role = role_of(when) if when else "flow"
        undated = UNDATED.match(d.label)
        if undated and not when:
            role = "opening" if undated.group("which").lower() in ("beginning", "start") \
                else "closing"
        has = d.cells is not None or bool(d.tokens)
        kind = ("total" if role == "closing" else "item") if role != "flow" else \
            "subtotal" if TOTAL.match(d.label) or not d.label else \
            "item" if has else "heading"
        r = Row(label=d.label, cells=d.cells if d.cells is not None else [None] * self.n,
                line=d.line, kind=kind, note=d.note, bold=d.bold, balance_role=role)  # type: ignore[arg-type]
        if when:
            self.dates[id(r)] = when
        return r

    def blocks(self, items: list[Item]) -> tuple[list[list[Slot]], dict[int, list]]:
        """Rows into period blocks; orphan figures to the blocks of the rows they belong to."""
        blocks, slot_of = self._assign(items)
        blocks = self._split_continuous(blocks)
        self._reassign_closings(blocks)
        where = {id(s): bi for bi, b in enumerate(blocks) for s in b}
        return blocks, self._pool_orphans(items, slot_of, where)

    def _assign(self, items: list[Item]) -> tuple[list[list[Slot]], dict[int, Slot]]:
        """Rows in printed order; a new block at each new opening balance or new header."""
        blocks: list[list[Slot]] = []
        fresh = True
        slot_of: dict[int, Slot] = {}
        for k, it in enumerate(items):
            if isinstance(it, HeaderBreak):
                # A repeated header starts the next period, unless it only continues the
                # block over a page break (no closing balance yet).
                fresh = not blocks or any(x.row.balance_role == "closing" for x in blocks[-1])
            elif isinstance(it, Orphans) and it.cells is not None and not _near_needing(items, k):
                # A line of figures with no label and no balance waiting for it: an
                # unlabelled subtotal, as statements print under a rule.
                items[k] = it = Draft(label="", line=it.line, cells=it.cells)
            if isinstance(it, Draft):
                r = self.row(it)
                self._opening_by_order(blocks[-1] if blocks and not fresh else [], r)
                self._closing_by_order(blocks[-1] if blocks and not fresh else [], r)
                s = Slot(r, it.cells is not None, list(it.tokens), list(it.garbled))
                if fresh or not blocks or (r.balance_role == "opening"
                                           and self._starts_block(blocks[-1], r)):
                    blocks.append([])
                    fresh = False
                blocks[-1].append(s)
                slot_of[k] = s
        return blocks, slot_of

    def _reassign_closings(self, blocks: list[list[Slot]]) -> None:
        """A closing row printed away from its block joins the block its date closes."""
        opens = [next((self.dates[id(s.row)] for s in b if s.row.balance_role == "opening"
                       and id(s.row) in self.dates), None) for b in blocks]
        for bi, carried in self.carry.items():
            if opens[bi] is None and id(carried.row) in self.dates:
                opens[bi] = self.dates[id(carried.row)] + timedelta(days=1)
        for bi, b in enumerate(blocks):
            for s in list(b):
                if s.row.balance_role != "closing" or id(s.row) not in self.dates:
                    continue
                d = self.dates[id(s.row)]
                fits = [j for j, o in enumerate(opens) if o is not None and o <= d]
                best = max(fits, key=lambda j: opens[j], default=bi)  # type: ignore[arg-type,return-value]
                if best != bi:
                    b.remove(s)
                    blocks[best].append(s)

    def _pool_orphans(self, items: list[Item], slot_of: dict[int, Slot],
                      where: dict[int, int]) -> dict[int, list]:
        """Figures printed on their own lines go to the value-less rows next to them."""
        pools: dict[int, list] = {}
        for k, it in enumerate(items):
            if not isinstance(it, Orphans):
                continue
            need = self._needing(items, slot_of, k)
            if not need:
                self.issues.append(Issue("info", "equity.noise",
                                         "figures on lines of their own fit no row: "
                                         + " ".join(t.text for t, _ in it.tokens),
                                         line=it.line, statement="changes_in_equity"))
                continue
            bi = where[id(need[0])]
            pools.setdefault(bi, [[], []])
            pools[bi][0].extend(s for s in need if where[id(s)] == bi)
            pools[bi][1].extend(it.tokens)
        return pools

    def _opening_by_order(self, block: list[Slot], r: Row) -> None:
        """A balance dated at a month end before any movement or balance of its block opens
        it ("Balance, December 31, 2023" heading a table for 2024, as Canadian and US
        issuers print it): the period starts the day after."""
        when = self.dates.get(id(r))
        if when is None or r.balance_role != "closing" or any(
                x.row.balance_role != "flow" or x.row.kind != "heading" for x in block):
            return
        r.balance_role, r.kind = "opening", "item"
        self.dates[id(r)] = when + timedelta(days=1)

    def _closing_by_order(self, block: list[Slot], r: Row) -> None:
        """A balance dated after the block's opening, with movements between, closes it
        even when its date is not a month end (52-week years: "At 29 December 2024")."""
        when = self.dates.get(id(r))
        if when is None or r.balance_role != "opening":
            return
        opened = [self.dates.get(id(x.row)) for x in block if x.row.balance_role == "opening"]
        if (opened and all(o is not None and o < when for o in opened)
                and any(x.row.balance_role == "flow" for x in block)
                and not any(x.row.balance_role == "closing" for x in block)):
            r.balance_role, r.kind = "closing", "total"

    def _split_continuous(self, blocks: list[list[Slot]]) -> list[list[Slot]]:
        """One running matrix (At 1 January 2023 … At 31 December 2023 … At 31 December
        2024): each closing balance with movements after it opens the next period."""
        out: list[list[Slot]] = []
        for b in blocks:
            cur: list[Slot] = []
            for i, s in enumerate(b):
                cur.append(s)
                later = b[i + 1:]
                if (s.row.balance_role == "closing" and id(s.row) in self.dates
                        and any(x.row.balance_role == "flow" for x in later)
                        and any(x.row.balance_role == "closing" and id(x.row) in self.dates
                                and self.dates[id(x.row)] > self.dates[id(s.row)]
                                for x in later)
                        and not any(x.row.balance_role == "opening" for x in later)):
                    out.append(cur)
                    cur = []
                    self.carry[len(out)] = s
            if cur:
                out.append(cur)
        return out

    def _starts_block(self, block: list[Slot], opening: Row) -> bool:
        """A second opening starts a new block unless it restates this block's opening."""
        if any(x.row.balance_role == "closing" for x in block):
            return True
        dates = [self.dates.get(id(x.row)) for x in block if x.row.balance_role == "opening"]
        return bool(dates) and self.dates.get(id(opening)) not in dates

    @staticmethod
    def _needing(items: list[Item], slot_of: dict[int, Slot], k: int) -> list[Slot]:
        def needs(j: int) -> bool:
            s = slot_of.get(j)
            return bool(s and not s.resolved and not s.tokens
                        and (s.row.kind in ("subtotal", "total") or s.row.balance_role != "flow"))
        for step in (1, -1):
            got, j = [], k + step
            while 0 <= j < len(items) and needs(j):
                got.append(slot_of[j])
                j += step
            if got:
                return got if step == 1 else got[::-1]
        return []

"""Stage 2c, extract the statement of changes in equity: a block of lines → a ``Statement``.

The statement is a matrix: columns are equity components (share capital, reserves, the
attributable total, non-controlling interests, total equity), rows are movements, printed in
one block per period (current and comparative), each from an opening balance ("As at
1 January 2024", "Balance at 1 January 2023") to a closing balance. Steps, one module each:
cells of a line (``equity_cells``), header → columns (``equity_header``), lines → rows with
wrapped and packed labels re-joined (``equity_rows``), arithmetic placing and checking
(``equity_solve``). This module sorts rows into period blocks and builds the ``Statement``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from .equity_cells import split_line
from .equity_header import Header, parse_header
from .equity_rows import Draft, HeaderBreak, Item, Orphans, read_rows
from .equity_solve import (Slot, check, column_roles, place_orphans, place_short_rows,
                           promote_subtotals)
from .model import Document, Identity, Issue, Period, Row, Statement

__all__ = ["parse_equity", "equity_identities", "balance_date"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTH = r"(?P<m>[A-Za-z]{3,9})\.?"
_BALANCE = re.compile(r"^(?:balance|balances)?\s*(?:as\s+at|as\s+of|at)\b\s*(?P<rest>.+)$"
                      r"|^balance\s+(?P<rest2>.+)$", re.IGNORECASE)
_DMY = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})")
_MDY = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})")
# Balances printed without a date: "Balance at beginning of the year", "At end of period".
_UNDATED = re.compile(r"^(?:balances?\s+)?(?:as\s+)?(?:at|as\s+of)?\s*(?:the\s+)?"
                      r"(?P<which>beginning|start|end|close)\s+of\s+(?:the\s+)?"
                      r"(?:financial\s+)?(?:year|period)\b", re.IGNORECASE)
_ENDED = re.compile(r"ended\s+(.{6,25}?\d{4})", re.IGNORECASE)
_TOTAL = re.compile(r"^(?:sub-?\s*)?total\b", re.IGNORECASE)


def balance_date(label: str) -> date | None:
    """The date of an opening or closing balance row, None for other rows.

    >>> balance_date("Balance at 1 January 2023")
    datetime.date(2023, 1, 1)
    >>> balance_date("As at June 30, 2024")
    datetime.date(2024, 6, 30)
    """
    m = _BALANCE.match(label.strip())
    if not m:
        return None
    rest = m.group("rest") or m.group("rest2") or ""
    for rx in (_DMY, _MDY):
        d = rx.search(rest)
        if d and d.group("m").lower() in _MONTHS:
            try:
                return date(int(d.group("y")), _MONTHS[d.group("m").lower()], int(d.group("d")))
            except ValueError:
                return None
    return None


def _role(d: date) -> str:
    """Balances at a month end close a period; any other day (1 January) opens one."""
    return "closing" if (d + timedelta(days=1)).day == 1 else "opening"


def _months(text: str) -> int:
    t = text.lower()
    for words, n in (("three months", 3), ("nine months", 9), ("six months", 6),
                     ("half-year", 6), ("half year", 6), ("interim", 6)):
        if words in t:
            return n
    return 12


def _shift(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, min(d.day, calendar.monthrange(d.year + y, m + 1)[1]))


def _header_end(split: list) -> int:
    """Index of the first data line: a label with words and at least one readable figure."""
    for i, ln in enumerate(split):
        if re.search(r"[A-Za-z]{2}", ln.label) and ln.has_values and not ln.noisy:
            return i
    return len(split)


def _needs_figures(it: Item) -> bool:
    """A label printed without figures that must have some: a balance or a total."""
    return isinstance(it, Draft) and it.cells is None and not it.tokens and bool(
        balance_date(it.label) or _TOTAL.match(it.label) or _UNDATED.match(it.label))


def _near_needing(items: list[Item], k: int) -> bool:
    return any(0 <= j < len(items) and _needs_figures(items[j]) for j in (k - 1, k + 1))


class _Builder:
    def __init__(self, header: Header, issues: list[Issue]) -> None:
        self.h = header
        self.n = len(header.columns)
        self.issues = issues
        self.dates: dict[int, date] = {}
        self.carry: dict[int, Slot] = {}      # block → the previous closing that opens it

    def row(self, d: Draft) -> Row:
        when = balance_date(d.label)
        role = _role(when) if when else "flow"
        undated = _UNDATED.match(d.label)
        if undated and not when:
            role = "opening" if undated.group("which").lower() in ("beginning", "start") \
                else "closing"
        has = d.cells is not None or bool(d.tokens)
        kind = ("total" if role == "closing" else "item") if role != "flow" else \
            "subtotal" if _TOTAL.match(d.label) or not d.label else \
            "item" if has else "heading"
        r = Row(label=d.label, cells=d.cells if d.cells is not None else [None] * self.n,
                line=d.line, kind=kind, note=d.note, bold=d.bold, balance_role=role)  # type: ignore[arg-type]
        if when:
            self.dates[id(r)] = when
        return r

    def blocks(self, items: list[Item]) -> tuple[list[list[Slot]], dict[int, list]]:
        """Rows into period blocks; orphan figures to the blocks of the rows they belong to."""
        blocks: list[list[Slot]] = []
        fresh = True
        slot_of: dict[int, Slot] = {}
        where: dict[int, int] = {}
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
                self._closing_by_order(blocks[-1] if blocks and not fresh else [], r)
                s = Slot(r, it.cells is not None, list(it.tokens))
                if fresh or not blocks or (r.balance_role == "opening"
                                           and self._starts_block(blocks[-1], r)):
                    blocks.append([])
                    fresh = False
                blocks[-1].append(s)
                slot_of[k] = s
                where[id(s)] = len(blocks) - 1
        blocks = self._split_continuous(blocks)
        where.update({id(s): bi for bi, b in enumerate(blocks) for s in b})
        # A closing row printed away from its block joins the block its date closes.
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
                if fits:
                    best = max(fits, key=lambda j: opens[j])  # type: ignore[arg-type,return-value]
                    if best != bi:
                        b.remove(s)
                        blocks[best].append(s)
                        where[id(s)] = best
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
        return blocks, pools

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


def parse_equity(doc: Document, first_line: int, last_line: int, title: str
                 ) -> tuple[Statement | None, list[Issue]]:
    """Read the statement of changes in equity printed on lines ``first_line..last_line``."""
    issues: list[Issue] = []
    lines = [ln for ln in doc.lines if first_line < ln.no <= last_line]
    split = [split_line(ln.no, ln.text) for ln in lines]
    start = _header_end(split)
    header = parse_header(split[:start], split[start] if start < len(split) else None)
    if header is None or start >= len(split):
        issues.append(Issue("error", "equity.no_header",
                            "no equity-component header row found above the figures",
                            line=first_line, statement="changes_in_equity"))
        return None, issues
    items = read_rows(lines[start:], header, issues)
    b = _Builder(header, issues)
    blocks, pools = b.blocks(items)
    roles = column_roles(header.columns)
    for bi, block in enumerate(blocks):
        proxy = _carried_opening(block, b.carry.get(bi))
        if proxy is not None:
            block.insert(0, proxy)
        need, pool = pools.get(bi, [[], []])
        idxs = [i for i, s in enumerate(block) if any(s is x for x in need)]
        place_short_rows(block, roles, b.n, pool, idxs)
        promote_subtotals(block, b.n)
        place_orphans(block, idxs, pool, b.n, issues)
        rest = [i for i, s in enumerate(block) if not s.resolved and not s.tokens
                and (s.row.kind in ("subtotal", "total") or s.row.balance_role != "flow")]
        place_orphans(block, rest, [], b.n, issues)
        if proxy is not None:
            block.remove(proxy)
        for s in block:
            if s.tokens and not s.resolved:
                issues.append(Issue("error", "equity.unresolved",
                                    f"'{s.row.label}': {len(s.tokens)} figures for "
                                    f"{b.n} columns and no arithmetic places them",
                                    line=s.row.line, statement="changes_in_equity"))
    context = " ".join([title] + [ln.text for ln in lines[:start]])
    starts = {bi: b.dates[id(c.row)] + timedelta(days=1) for bi, c in b.carry.items()
              if id(c.row) in b.dates}
    rows = _finish(blocks, b.dates, _months(context), issues, title_end(context), starts)
    stmt = Statement(kind="changes_in_equity", title=title, columns=header.columns,
                     rows=rows, unit=header.unit, first_line=first_line, last_line=last_line)
    _, found = equity_check(stmt)
    return stmt, issues + found


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def title_end(text: str) -> date | None:
    """The period end a title names: "for the year ended 31 December 2024" → 2024-12-31."""
    m = _ENDED.search(text)
    if not m:
        return None
    return balance_date("At " + m.group(1).strip(" ,"))


def _carried_opening(block: list[Slot], carried: Slot | None) -> Slot | None:
    """The previous period's closing, standing in as this block's opening while solving."""
    if carried is None or any(s.row.balance_role == "opening" for s in block):
        return None
    return Slot(replace(carried.row, balance_role="opening"), carried.resolved)


def _finish(blocks: list[list[Slot]], dates: dict[int, date], months: int,
            issues: list[Issue], title_end: date | None = None,
            starts: dict[int, date] | None = None) -> list[Row]:
    """Order each block (opening first, closing last), give periods, sections and ids."""
    out: list[Row] = []
    for bi, block in enumerate(blocks):
        printed = [s.row for s in block]
        rows = [r for r in printed if r.balance_role != "closing"]
        first = next((i for i, r in enumerate(rows) if r.balance_role == "opening"), 0)
        if rows:
            rows.insert(0, rows.pop(first))       # an opening printed late goes first
        rows += [r for r in printed if r.balance_role == "closing"]
        op = next((dates[id(r)] for r in rows if id(r) in dates
                   and r.balance_role == "opening"), None)
        cl = next((dates[id(r)] for r in rows if id(r) in dates
                   and r.balance_role == "closing"), None)
        if op is None and starts and bi in starts:
            op = starts[bi]
        if op is None and cl is None and title_end is not None:
            cl = _month_end(_shift(title_end, -12 * bi))
        if op is None and cl is not None:
            op = _shift(cl + timedelta(days=1), -months)
        if cl is None and op is not None:
            cl = _shift(op, months) - timedelta(days=1)
        period = Period(end=cl, start=op) if op and cl else None
        if period is None:
            issues.append(Issue("warning", "equity.period",
                                "a block of rows has no dated opening or closing balance",
                                line=rows[0].line if rows else None,
                                statement="changes_in_equity"))
        section: tuple[str, ...] = ()
        for r in rows:
            if r.kind == "heading":
                section = (r.label,)
            elif r.balance_role != "flow":
                section = ()
            r.section = section if r.kind != "heading" else ()
            if r.kind == "subtotal":
                section = ()
            r.period = period
            out.append(r)
    for i, r in enumerate(out, 1):
        r.id = f"r{i}"
    return out


def _blocks_of(stmt: Statement) -> list[list[Row]]:
    blocks: list[list[Row]] = []
    for r in stmt.rows:
        if not blocks or (r.period != blocks[-1][0].period) or (
                r.balance_role == "opening"
                and any(x.balance_role == "opening" for x in blocks[-1])):
            blocks.append([])
        blocks[-1].append(r)
    return blocks


def equity_check(stmt: Statement) -> tuple[list[Identity], list[Issue]]:
    """Across, down and period-to-period identities of a parsed statement, with failures."""
    blocks = _blocks_of(stmt)
    by_end = {r.period.end: r for b in blocks for r in b
              if r.balance_role == "closing" and r.period}
    for b in blocks:
        # A running matrix prints no opening for the later period: the prior closing is it.
        p = b[0].period
        if p and p.start and not any(r.balance_role == "opening" for r in b):
            prior = by_end.get(p.start - timedelta(days=1))
            if prior is not None:
                b.insert(0, replace(prior, balance_role="opening"))
    ids, issues = check(blocks, stmt.columns)
    # The comparative block's closing balance is the current block's opening balance.
    closings = {r.period.end: r for b in blocks for r in b
                if r.balance_role == "closing" and r.period}
    printed = {id(r) for r in stmt.rows}
    for b in blocks:
        for r in b:
            if (r.balance_role != "opening" or r.period is None or r.period.start is None
                    or id(r) not in printed):
                continue
            prev = closings.get(r.period.start - timedelta(days=1))
            if prev is None:
                continue
            for c, col in enumerate(stmt.columns):
                a = r.cells[c].value if r.cells[c] and r.cells[c].value is not None else 0
                p = prev.cells[c].value if prev.cells[c] and prev.cells[c].value is not None else 0
                holds = a == p
                ids.append(Identity(f"opening = prior closing [{col.component}]",
                                    f"changes_in_equity:{r.id}:{col.component}",
                                    ((1, f"changes_in_equity:{prev.id}:{col.component}"),),
                                    p, a, holds))  # type: ignore[arg-type]
                if not holds:
                    issues.append(Issue("warning", "equity.cross_period",
                                        f"'{r.label}' [{col.component}] {a} differs from "
                                        f"'{prev.label}' {p}", line=r.line,
                                        statement="changes_in_equity"))
    return ids, issues


def equity_identities(stmt: Statement) -> list[Identity]:
    """Every identity checked on the statement (for the reconcile stage's report)."""
    return equity_check(stmt)[0]

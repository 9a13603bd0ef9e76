"""Equity components (printed column headers) → members of ``ifrs-full:ComponentsOfEquityAxis``.

The table is data (``taxonomy/equity_components.csv``), tried in order; the first pattern that
matches the normalised header wins. A bare "Total" is the owners' subtotal when a
non-controlling-interests column follows it, and the grand total (no dimension) otherwise.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from .model import Column
from .resources import taxonomy_dir

GRAND_TOTAL: None = None


@dataclass(frozen=True)
class ComponentRule:
    order: int
    pattern: re.Pattern[str]
    member: str | None          # local name; None: the undimensioned total


@lru_cache(maxsize=1)
def component_rules() -> tuple[ComponentRule, ...]:
    with open(taxonomy_dir() / "equity_components.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(sorted(
        (ComponentRule(int(r["order"]), re.compile(r["pattern"], re.IGNORECASE),
                       r["member"] or None) for r in rows),
        key=lambda rule: rule.order))


def normalise_header(text: str) -> str:
    text = re.sub(r"\b(RMB|HK\$|US\$|[A-Z]{3})\s*'?0{3}\b|\(.*?\)", " ", text)
    text = re.sub(r"(\w)-\s+(\w)", r"\1-\2", text)  # a hyphen the extraction wrapped: "Non- controlling"
    text = text.replace("/", " ")  # "Total (deficits)/ equity" → "total equity"
    return re.sub(r"\s+", " ", text).strip().lower()


def member_for(header: str) -> tuple[bool, str | None]:
    """(matched, member local name or None for the undimensioned total)."""
    name = normalise_header(header)
    for rule in component_rules():
        if rule.pattern.search(name):
            return True, rule.member
    return False, None


def column_members(columns: list[Column]) -> tuple[dict[int, str | None], list[int]]:
    """Members for each column (qualified ``ifrs-full:``), and the columns nothing matched."""
    members: dict[int, str | None] = {}
    unmatched: list[int] = []
    has_nci_after = [any(member_for(c.component or c.header)[1] == "NoncontrollingInterestsMember"
                         for c in columns[i + 1:]) for i in range(len(columns))]
    for index, column in enumerate(columns):
        header = column.component or column.header
        matched, member = member_for(header)
        if not matched:
            unmatched.append(index)
            continue
        if member == "EquityAttributableToOwnersOfParentMember" and not has_nci_after[index] \
                and normalise_header(header) in ("total", "subtotal", "sub-total"):
            member = GRAND_TOTAL
        members[index] = f"ifrs-full:{member}" if member else None
    return members, unmatched

"""Keep extension element names unique: within a statement and across the document.

Stage: map/tag (extensions). Input: an ``ExtensionConcept`` proposed for a row and the names
already taken. Output: the same extension, renamed when its name would mean two things.

Why separate: naming is bookkeeping over the whole document, independent of how a row's
concept was scored; ``statement_mapping`` calls these two functions last.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from decimal import Decimal

from .model import ExtensionConcept, Row, Statement
from .taxonomy_index import clean_label

def unique_extension(ext: ExtensionConcept, row: Row, figures: tuple[Decimal | None, ...],
                      used: dict[str, tuple[str, object, tuple[Decimal | None, ...]]]
                      ) -> ExtensionConcept:
    """Two lines printed alike ("Others" under investing and under financing) must not share
    an element unless they are the same fact: qualify the name by the heading, then number it.
    """
    name = ext.concept.name
    key = (ext.anchor, row.period, figures)
    prior = used.get(name)
    if prior is None or prior == key or (prior[0] == ext.anchor and prior[1] != row.period):
        used.setdefault(name, key)
        return ext
    heading = "".join(w[:1].upper() + w[1:] for w in re.findall(
        r"[a-z0-9]+", clean_label(row.section[-1]) if row.section else ""))
    candidates = [name + heading] if heading else []
    candidates += [f"{name}{i}" for i in range(2, 100)]
    for alt in candidates:
        if used.get(alt) in (None, key):
            used[alt] = key
            return replace(ext, concept=replace(ext.concept, name=alt))
    return ext


# Order in which statements claim a plain extension name; a later statement whose line
# would take the same name for a different definition gets a statement qualifier.
_KIND_ORDER = ("income", "comprehensive_income", "financial_position", "changes_in_equity",
               "cash_flows")
_KIND_QUALIFIER = {"income": "ProfitOrLoss", "comprehensive_income": "OtherComprehensiveIncome",
                   "financial_position": "FinancialPosition",
                   "changes_in_equity": "ChangesInEquity", "cash_flows": "CashFlows"}


def _rank_of(kind: str) -> int:
    return _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)


def extensions_before(others: Sequence[Statement], kind: str,
                      maps: Mapping[int, Mapping[str, object]]) -> dict[str, ExtensionConcept]:
    """Extensions the document's earlier statements propose, by name."""
    out: dict[str, ExtensionConcept] = {}
    for other in others:
        if other.kind == kind or _rank_of(other.kind) > _rank_of(kind):
            continue
        for choice in maps[id(other)].values():
            if isinstance(choice, ExtensionConcept):
                out.setdefault(choice.concept.name, choice)
    return out


def unique_in_document(ext: ExtensionConcept, kind: str,
                        foreign: dict[str, ExtensionConcept]) -> ExtensionConcept:
    """An element name is one definition in the whole extension schema: "Others" in the
    balance sheet (instant, debit) and "Others" in the cash-flow statement (duration) cannot
    share it. The same definition proposed twice is one element (the bind stage keeps one);
    a different one takes the statement's qualifier ("OthersCashFlows")."""
    prior = foreign.get(ext.concept.name)
    if prior is None or (prior.concept == ext.concept and prior.anchor == ext.anchor):
        return ext
    name = ext.concept.name + _KIND_QUALIFIER.get(kind, "")
    while name in foreign and foreign[name].concept != replace(ext.concept, name=name):
        name += "X"
    return replace(ext, concept=replace(ext.concept, name=name))


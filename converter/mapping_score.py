"""Score one candidate concept for a query: the evidence, summed, and the reasons it gives.

Stage: map/tag (scoring). Input: a ``ConceptEntry``, the ``Query`` and the label similarity
``label_search`` found. Output: a ``Candidate`` with a score in [0, 1] and human-readable
reasons. The weights are listed in ``converter.mapping``'s docstring.

Why separate: the rules a reviewer tunes (section fit, sign fit, statement roles) are here
and only here; the search that proposes candidates never changes a score. A new positive
term must also be added to ``mapping._headroom``, the bound that lets the matcher skip
candidates which cannot reach the top (a test checks the bound on every label we have).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .mapping_query import Query
from .model import Concept
from .taxonomy_index import PRIMARY_ROLES, RELATED_ROLES, ConceptEntry

EXTENSION_THRESHOLD = 0.62
_ANY_PRIMARY = frozenset().union(*PRIMARY_ROLES.values())

_CONTRA_NAME = re.compile(r"^TreasuryShares|Allowance|AccumulatedDepreciation|"
                          r"AccumulatedAmortisation|AccumulatedImpairment")
_OUTFLOW_NAME = re.compile(r"^(Purchase|Payments|Repayments|Acquisition)|Paid|UsedInObtaining")
_INFLOW_NAME = re.compile(r"^(Proceeds|Receipts)|Received|FromLosingControl")
_SIGNED_LABEL = re.compile(r"\((expense|expenses|cost|costs)\)")
_GAIN_WORD = re.compile(r"\b(gains?|loss(es)?)\b")


@dataclass(frozen=True)
class Candidate:
    """A ranked IFRS concept for a label, with the evidence that ranked it."""

    concept: Concept
    score: float
    reasons: tuple[str, ...]
    also: tuple[Concept, ...] = ()      # further concepts the same figure is tagged with


@dataclass(frozen=True)
class ConceptFacts:
    """What the rules read from a concept's name, label and roles, worked out once per
    concept when the taxonomy loads (a look-up scores several candidates: no regex then)."""

    contra: bool                        # a contra-asset / treasury-share name
    outflow: bool                       # a cash-flow name that says money goes out
    inflow: bool                        # ... or comes in
    signed_label: bool                  # "(expense)" / "(costs)" in the standard label
    loss_label: bool                    # "(loss" in the standard label
    before_tax: bool                    # an OCI component before tax
    discontinued: bool                  # a discontinued-operations concept
    role_fit: dict[str | None, tuple[float, str]]   # statement kind → role term and reason
    period_fits: str                    # the period-type reason


def concept_facts(entry: ConceptEntry) -> ConceptFacts:
    label, name = entry.concept.label, entry.name
    return ConceptFacts(
        contra=bool(_CONTRA_NAME.search(name)), outflow=bool(_OUTFLOW_NAME.search(name)),
        inflow=bool(_INFLOW_NAME.search(name)), signed_label=bool(_SIGNED_LABEL.search(label)),
        loss_label="(loss" in label, before_tax="BeforeTax" in name,
        discontinued="Discontinued" in name,
        role_fit={kind: _role_fit(entry, kind) for kind in (None, *PRIMARY_ROLES)},
        period_fits=f"period type {entry.concept.period_type} fits")


def score_candidate(entries: dict[str, ConceptEntry], entry: ConceptEntry, q: Query, sim: float,
                    best_text: str, alias: str | None, facts: ConceptFacts | None = None
                    ) -> Candidate:
    """The candidate's score and reasons (``alias``: the alias pattern that named it;
    ``facts``: ``concept_facts(entry)``, worked out here if not given)."""
    f = facts or concept_facts(entry)
    score = 0.0
    if alias is not None:
        shown = alias if len(alias) <= 48 else alias[:45] + "..."
        reasons = [f"alias /{shown}/"]
        score += 0.20
        sim = 1.0
    else:
        reasons = [f"label similarity {sim:.2f} to '{best_text}'"]
    score += 0.70 * sim
    if alias is None and sim >= 0.999:
        score += 0.04
        reasons.append("exact label")
    if alias is None and q.cleaned.startswith("net ") and (
            f.signed_label or (_GAIN_WORD.search(q.cleaned) and f.loss_label)):
        score += 0.05
        reasons.append("'net' line reads as a signed IFRS concept")
    if q.statement == "comprehensive_income" and f.before_tax \
            and "before tax" not in q.cleaned:
        score -= 0.05
        reasons.append("OCI printed net of tax")
    role, why = f.role_fit[q.statement]
    if why:
        reasons.append(why)
    score += role
    if q.side or q.reclass or q.activity or q.nature or q.discontinued or f.discontinued:
        score += _section_fit(entry, f, q, reasons)
    if q.printed_negative is not None:
        score += _sign_fit(entry, f, q, reasons)
    if q.period_type:
        reasons.append(f.period_fits)
    score = 1.0 if score > 1.0 else score if score > 0.0 else 0.0
    also: tuple[Concept, ...] = ()
    if q.per_share and "basic" in q.cleaned and "diluted" in q.cleaned \
            and entry.name.startswith("Basic"):
        twin = entries.get("Diluted" + entry.name[len("Basic"):])
        if twin is not None:
            also = (twin.concept,)
            reasons.append(f"'basic and diluted': also tagged {twin.name}")
    return Candidate(entry.concept, round(score, 4), tuple(reasons), also)


def _role_fit(entry: ConceptEntry, statement: str | None) -> tuple[float, str]:
    """The statement-role term and its reason ("" when there is none)."""
    if statement is None:
        if entry.roles & _ANY_PRIMARY:
            return 0.08, "in a primary statement role"
        return 0.0, ""
    primary = entry.roles & PRIMARY_ROLES[statement]
    if primary:
        return 0.10, f"in statement role [{min(primary)}]"
    related = entry.roles & RELATED_ROLES[statement]
    if related:
        return 0.07, f"in related notes role [{min(related)}]"
    if statement == "cash_flows" and entry.concept.period_type == "duration":
        # a flow line of a cash-flow statement is a cash flow or a reconciling adjustment
        return -0.10, "not a cash-flow concept"
    return 0.0, ""


def _section_fit(entry: ConceptEntry, f: ConceptFacts, q: Query, reasons: list[str]) -> float:
    adj = 0.0
    name = entry.name
    if q.side and entry.side:
        if q.side == entry.side:
            adj += 0.06
            reasons.append(f"section fit: {q.side}")
        else:
            adj -= 0.50
            reasons.append(f"section conflict: {entry.side} concept in {q.side} section")
    if q.reclass and entry.reclass:
        if q.reclass == entry.reclass:
            adj += 0.05
            reasons.append(f"section fit: OCI {'not ' if q.reclass == 'not' else ''}"
                           "reclassified")
        else:
            adj -= 0.50
            reasons.append("section conflict: OCI reclassification block")
    if q.activity and entry.activity and q.statement == "cash_flows":
        if q.activity == entry.activity:
            adj += 0.04
            reasons.append(f"section fit: {q.activity} activities")
        else:
            adj -= 0.20
            reasons.append(f"section conflict: {entry.activity} activities")
    balance = entry.concept.balance
    if q.nature and balance and balance != q.nature and not f.contra:
        adj -= 0.15
        reasons.append(f"section conflict: {balance} concept under "
                       f"{'assets' if q.nature == 'debit' else 'equity/liabilities'}")
    if "Discontinued" in name and not q.discontinued:
        adj -= 0.15
    elif q.discontinued and "Discontinued" not in name and "Continuing" not in name:
        adj -= 0.10
    elif q.discontinued and "Discontinued" in name:
        reasons.append("section fit: discontinued operations")
    return adj


def _sign_fit(entry: ConceptEntry, f: ConceptFacts, q: Query, reasons: list[str]) -> float:
    balance = entry.concept.balance
    if q.statement in ("income", "comprehensive_income") and balance:
        if balance == "debit" and q.printed_negative:
            reasons.append("sign fit: debit item printed as a deduction")
        elif balance == "credit" and not q.printed_negative:
            reasons.append("sign fit: credit item printed positive")
        return 0.0
    if q.statement != "cash_flows":
        return 0.0
    if q.printed_negative and f.inflow:
        reasons.append("sign conflict: inflow concept printed negative")
        return -0.08
    if not q.printed_negative and f.outflow:
        reasons.append("sign conflict: outflow concept printed positive")
        return -0.08
    if balance == "credit" and q.printed_negative:
        reasons.append("sign fit: outflow (credit) printed negative")
        return 0.02
    return 0.0

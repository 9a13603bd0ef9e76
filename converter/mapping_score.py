"""Score one candidate concept for a query: the evidence, summed, and the reasons it gives.

Stage: map/tag (scoring). Input: a ``ConceptEntry``, the ``Query`` and the label similarity
``label_search`` found. Output: a ``Candidate`` with a score in [0, 1] and human-readable
reasons. The weights are listed in ``converter.mapping``'s docstring.

Why separate: the rules a reviewer tunes (section fit, sign fit, statement roles) are here
and only here; the search that proposes candidates never changes a score. A new or changed
term must also be added to ``ScoringTable``/``score_rows``, which apply the same rules to
many candidates at once with arrays (a test checks both give the same scores on every label
we have).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

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


_set = object.__setattr__


class Candidate:
    """A ranked IFRS concept for a label, with the evidence that ranked it.

    Immutable. ``reasons`` may be given, or worked out on first read by ``explain`` (the
    matcher ranks with arrays and explains only what somebody reads: wording the reasons
    of every candidate costs more than ranking them)."""

    __slots__ = ("concept", "score", "also", "_reasons", "_explain")
    concept: Concept
    score: float
    also: tuple[Concept, ...]           # further concepts the same figure is tagged with

    def __init__(self, concept: Concept, score: float, reasons: tuple[str, ...] = (),
                 also: tuple[Concept, ...] = (), *,
                 explain: Callable[[], tuple[str, ...]] | None = None) -> None:
        _set(self, "concept", concept)
        _set(self, "score", score)
        _set(self, "also", also)
        _set(self, "_reasons", None if explain else tuple(reasons))
        _set(self, "_explain", (explain, ()) if explain else None)

    @classmethod
    def explained(cls, concept: Concept, score: float, also: tuple[Concept, ...],
                  explain: Callable[..., tuple[str, ...]], args: tuple[object, ...]
                  ) -> Candidate:
        """A candidate whose reasons ``explain(*args)`` works out when first read (the
        matcher makes thousands: no closure, no ``__init__``)."""
        new = _new(cls)
        _set_concept(new, concept)
        _set_score(new, score)
        _set_also(new, also)
        _set_reasons(new, None)
        _set_explain(new, (explain, args))
        return new

    @property
    def reasons(self) -> tuple[str, ...]:
        if self._reasons is None:
            explain, args = self._explain
            _set(self, "_reasons", tuple(explain(*args)))
            _set(self, "_explain", None)
        return self._reasons

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Candidate is immutable (cannot set {name!r})")

    def _key(self) -> tuple[object, ...]:
        return (self.concept, self.score, self.reasons, self.also)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Candidate) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.concept, self.score, self.also))

    def __repr__(self) -> str:
        return (f"Candidate(concept={self.concept!r}, score={self.score!r}, "
                f"reasons={self.reasons!r}, also={self.also!r})")

    def __reduce__(self) -> tuple[object, ...]:
        return (Candidate, (self.concept, self.score, self.reasons, self.also))


# the slots' own setters (the quickest way past ``__setattr__``: ``explained`` makes thousands)
_new = object.__new__
_set_concept, _set_score, _set_also, _set_reasons, _set_explain = (
    getattr(Candidate, slot).__set__ for slot in Candidate.__slots__)


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
    # the label's evidence, then the context's (statement, section, sign): two sums, so
    # that ``ScoringTable`` can hold the context's per concept
    if alias is not None:
        shown = alias if len(alias) <= 48 else alias[:45] + "..."
        reasons = [f"alias /{shown}/"]
        sim = 1.0
        label = 0.20 + 0.70 * sim
    else:
        reasons = [f"label similarity {sim:.2f} to '{best_text}'"]
        label = 0.70 * sim
        if sim >= 0.999:
            label += 0.04
            reasons.append("exact label")
        if q.cleaned.startswith("net ") and (
                f.signed_label or (_GAIN_WORD.search(q.cleaned) and f.loss_label)):
            label += 0.05
            reasons.append("'net' line reads as a signed IFRS concept")
    context = 0.0
    if q.statement == "comprehensive_income" and f.before_tax \
            and "before tax" not in q.cleaned:
        context -= 0.05
        reasons.append("OCI printed net of tax")
    role, why = f.role_fit[q.statement]
    if why:
        reasons.append(why)
    context += role
    if q.side or q.reclass or q.activity or q.nature or q.discontinued or f.discontinued:
        context += _section_fit(entry, f, q, reasons)
    if q.printed_negative is not None:
        context += _sign_fit(entry, f, q, reasons)
    if q.period_type:
        reasons.append(f.period_fits)
    score = label + context
    score = 1.0 if score > 1.0 else score if score > 0.0 else 0.0
    also = also_tagged(entries, entry, q)
    if also:
        reasons.append(f"'basic and diluted': also tagged {also[0].name}")
    return Candidate(entry.concept, round(score, 4), tuple(reasons), also)


def also_tagged(entries: dict[str, ConceptEntry], entry: ConceptEntry, q: Query
                ) -> tuple[Concept, ...]:
    """"Basic and diluted" printed once is both figures: the diluted twin of a basic
    per-share concept is tagged with the same value."""
    if q.per_share and "basic" in q.cleaned and "diluted" in q.cleaned \
            and entry.name.startswith("Basic"):
        twin = entries.get("Diluted" + entry.name[len("Basic"):])
        if twin is not None:
            return (twin.concept,)
    return ()


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


# ----------------------------------------------------------------------------- many at once
_KINDS = (None, *PRIMARY_ROLES)
_SIDES = {"": 0, "current": 1, "noncurrent": 2}
_RECLASS = {"": 0, "may": 1, "not": 2}
_ACTIVITIES = {"": 0, "operating": 1, "investing": 2, "financing": 3}
_BALANCES = {None: 0, "": 0, "debit": 1, "credit": 2}
_SIGNS = {None: 0, False: 1, True: 2}
_CONTEXT_MEMO = 512


class ScoringTable:
    """``score_candidate``'s arithmetic for many candidates at once, with arrays over the
    concepts ``names``.

    The label's evidence is a few array operations per call (``scores``). The context's
    (statement role, section, sign) depends on the concept and on a handful of query facts
    only (``context_code``), so it is computed for every concept once per code and kept.
    Each sum adds its terms in ``score_candidate``'s order, and a term that does not apply
    adds 0.0 (which leaves a double unchanged): every score is the very float
    ``score_candidate`` computes, which a test checks on every label we have. A rule
    changed there must be changed here.
    """

    def __init__(self, entries: dict[str, ConceptEntry], names: list[str],
                 facts: dict[str, ConceptFacts]) -> None:
        self.names = names
        self.position = {name: i for i, name in enumerate(names)}
        self.concepts = [entries[n].concept for n in names]
        rows = [(entries[n], facts[n]) for n in names]
        self._role = np.array([[f.role_fit[kind][0] for _e, f in rows] for kind in _KINDS])
        self._side = np.array([_SIDES[e.side] for e, _f in rows], dtype=np.int8)
        self._reclass = np.array([_RECLASS[e.reclass] for e, _f in rows], dtype=np.int8)
        self._activity = np.array([_ACTIVITIES[e.activity] for e, _f in rows], dtype=np.int8)
        self._balance = np.array([_BALANCES[e.concept.balance] for e, _f in rows],
                                 dtype=np.int8)
        flags = np.array([(f.contra, f.outflow, f.inflow, f.signed_label, f.loss_label,
                           f.before_tax, f.discontinued, "Continuing" in e.name)
                          for e, f in rows], dtype=bool).reshape(-1, 8)
        (self._contra, self._outflow, self._inflow, self._signed_label, self._loss_label,
         self._before_tax, self._discontinued, self._continuing) = flags.T.copy()
        # the order of equal scores: shorter name first, then alphabetical
        self.tie_rank = np.empty(len(names), dtype=np.intp)
        self.tie_rank[sorted(range(len(names)), key=lambda i: (len(names[i]), names[i]))] = \
            np.arange(len(names))
        self._contexts: dict[tuple[int, ...], np.ndarray] = {}

    def clear_memo(self) -> None:
        """Forget the context rows (benchmarks: first-time cost)."""
        self._contexts.clear()

    def context(self, code: tuple[int, ...]) -> np.ndarray:
        """The context score of every concept for queries of this ``context_code``."""
        row = self._contexts.get(code)
        if row is None:
            if len(self._contexts) >= _CONTEXT_MEMO:
                self._contexts.clear()
            row = self._contexts[code] = self._context_row(*code)
        return row

    def _context_row(self, kind: int, q_side: int, q_reclass: int, q_activity: int,
                     q_nature: int, q_disc: int, q_oci: int, q_sign: int) -> np.ndarray:
        zero = np.zeros(len(self.names))
        side, reclass, activity, balance = self._side, self._reclass, self._activity, \
            self._balance
        disc, continuing = self._discontinued, self._continuing
        row = zero + (np.where(self._before_tax, -0.05, zero) if q_oci else zero)
        row = row + self._role[kind]
        adj = np.where(side > 0, np.where(side == q_side, 0.06, -0.50), zero) if q_side \
            else zero
        if q_reclass:
            adj = adj + np.where(reclass > 0, np.where(reclass == q_reclass, 0.05, -0.50),
                                 zero)
        if q_activity:
            adj = adj + np.where(activity > 0, np.where(activity == q_activity, 0.04, -0.20),
                                 zero)
        if q_nature:
            adj = adj + np.where((balance > 0) & (balance != q_nature) & ~self._contra,
                                 -0.15, zero)
        adj = adj + (np.where(disc, zero, np.where(continuing, zero, -0.10)) if q_disc
                     else np.where(disc, -0.15, zero))
        row = row + adj
        if q_sign == 2:     # a cash flow printed negative
            row = row + np.where(self._inflow, -0.08, np.where(balance == 2, 0.02, zero))
        elif q_sign == 1:
            row = row + np.where(self._outflow, -0.08, zero)
        return row

    def scores(self, concept: np.ndarray, sim: np.ndarray, alias: np.ndarray,
               context: np.ndarray, net: np.ndarray | None = None,
               gain: np.ndarray | None = None) -> np.ndarray:
        """Rounded scores of candidates: each one's ``table`` position, label similarity,
        whether an alias named it and its context score; ``net``/``gain``: per candidate,
        ``reads_signed`` of its query (None: no query reads so)."""
        label = 0.70 * sim
        label = label + np.where(sim >= 0.999, 0.04, 0.0)
        if net is not None:
            signed = self._signed_label.take(concept) | (gain & self._loss_label.take(concept))
            label = label + np.where(net & signed, 0.05, 0.0)
        label = np.where(alias, 0.20 + 0.70 * 1.0, label)
        return np.round(np.clip(label + context, 0.0, 1.0), 4)


def context_code(q: Query) -> tuple[int, ...]:
    """What the context terms read from a query, as small integers: queries with the same
    code give every concept the same context score."""
    cash = q.statement == "cash_flows"
    return (_KINDS.index(q.statement), _SIDES[q.side], _RECLASS[q.reclass],
            _ACTIVITIES[q.activity] if cash else 0, _BALANCES[q.nature or None],
            int(q.discontinued), int(q.statement == "comprehensive_income"
                                     and "before tax" not in q.cleaned),
            _SIGNS[q.printed_negative] if cash else 0)


def reads_signed(q: Query) -> tuple[bool, bool]:
    """Whether a "net ..." label may read as a signed concept: it begins "net ", and
    whether it names a gain or loss."""
    net = q.cleaned.startswith("net ")
    return net, net and bool(_GAIN_WORD.search(q.cleaned))

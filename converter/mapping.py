"""Map a printed line-item label onto an IFRS concept: hard constraints first, then evidence.

Stage: map/tag. Input: a label as printed, the statement kind and the heading path it sits
under. Output: ranked ``Candidate`` records, each with a score in [0, 1] and the reasons that
produced it, so that a reviewer can see *why* a concept was chosen.

Hard constraints (a candidate breaking one is never returned): abstract concepts and
non-numeric types are out; a balance-sheet line is an instant, a flow is a duration; a
per-share label takes a per-share type and nothing else does.

Evidence (summed, then clipped to [0, 1]):
  * curated alias (``taxonomy/aliases.csv``)                      +0.20, similarity 1.0
  * label similarity to any IFRS label reading                     0.70 × similarity
    (IDF-weighted Dice over canonical tokens: rare words such as "inventories" weigh more
    than "other" or "net"; unknown printed words are corrected to the nearest taxonomy word,
    which absorbs OCR damage such as "Revenne"); an exact reading adds +0.04
  * placement in the statement's presentation role               +0.10 (notes role +0.07;
    a cash-flow line on a concept of no cash-flow role −0.10)
  * section fit: current/non-current, OCI reclassification block, cash-flow activity,
    discontinued operations, assets vs equity/liabilities          +small / −0.15..−0.50
  * sign fit (cash flows: inflow concept printed negative, outflow printed positive) −0.08
A label whose best score is below ``EXTENSION_THRESHOLD`` gets an extension concept.

Decisions a reviewer may look for (each has a test with several wordings):
  * "Basic", "Diluted (US cents)", "Basic and diluted" are earnings per share by their words,
    under any heading mentioning "per share" or none; a per-share line ignores an OCI section
    path that extraction left above it.
  * Changes in equity: every owners' dividend line ("Final 2024 dividend declared") is
    ``DividendsPaid``, the concept [610000] presents ("Dividends recognised as distributions
    to owners"); dividends to non-controlling interests have their own concept.
  * "Other income and gains" is ``OtherIncome``: a combined credit line, mostly operating
    income not disclosed separately (the IFRS documentation of OtherIncome).
  * HK "Net assets" is ``NetAssetsLiabilities`` ("the amount of assets less the amount of
    liabilities", net label "Net assets (liabilities)"); "Total equity" under it is
    ``Equity``. Equal figures, two meanings, and no concept carrying two summations.
  * "Adjustments for:" is the indirect-method block of operating activities wherever the
    parser puts it: its lines read as ``AdjustmentsFor...`` concepts.
  * Extension names are unique in the document: a statement mapped with ``others`` renames
    its extension when an earlier statement (order: income, OCI, financial position, equity,
    cash flows) proposes the same name with another definition; an identical definition is
    one element (the bind stage keeps one copy).
"""
from __future__ import annotations

import csv
import difflib
import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path

from .errors import InputError, TaxonomyError
from .model import Concept, ExtensionConcept, Row, Statement
from .resources import taxonomy_dir
from .taxonomy_index import (
    NUMERIC_TYPES, PRIMARY_ROLES, RELATED_ROLES, ConceptEntry, canonical, clean_label,
    default_index_path, load_entries, query_variants,
)

EXTENSION_THRESHOLD = 0.62
ALIASES_NAME = "aliases.csv"
STATEMENT_KINDS = frozenset(PRIMARY_ROLES)
PER_SHARE_TYPE = "dtr-2022:perShareItemType"
MONETARY_TYPE = "xbrli:monetaryItemType"
SHARES_TYPE = "xbrli:sharesItemType"

_PER_SHARE = re.compile(r"\bper (ordinary |a |each )?(share|unit)\b|\beps\b|\bcents\b")
_SHARES = re.compile(r"\bnumber of (ordinary )?shares\b")
_MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
# Opening/closing balances in flow statements ("as at 1 January", "at end of year"); not
# "designated as at fair value".
_INSTANT_WORDS = re.compile(r"\b(at (the )?(beginning|end|start) of\b|opening balance|"
                            r"closing balance|balance (as )?at\b)|^(as )?at\b|"
                            r"\bas at (\d|\w+ \d)|\bat \d{1,2} " + _MONTH + r"\b|\bat "
                            + _MONTH + r" \d{1,2}\b")
_ATTRIBUTABLE = re.compile(r"^(.*?)\s*(?:is |are )?attributable to\s*:?$")
_OWNER_LABEL = re.compile(r"\bowner parent\b|\bnoncontrolling interest\b|\bperpetual\b|"
                          r"\bother equity\b|\bholder\b")
_CONTRA_NAME = re.compile(r"^TreasuryShares|Allowance|AccumulatedDepreciation|"
                          r"AccumulatedAmortisation|AccumulatedImpairment")
_OUTFLOW_NAME = re.compile(r"^(Purchase|Payments|Repayments|Acquisition)|Paid|UsedInObtaining")
_INFLOW_NAME = re.compile(r"^(Proceeds|Receipts)|Received|FromLosingControl")
_SIGNED_LABEL = re.compile(r"\((expense|expenses|cost|costs)\)")
_EPS_HEADING = re.compile(r"\b(earnings|loss|profit|\(loss\)/earnings|earnings/\(loss\))"
                          r" per (ordinary )?share\b")
_ADJUSTMENTS = re.compile(r"\badjustments? (for|to)\b|\breconcil|\bnon-?cash items\b")
# "Basic", "Diluted (US cents)", "Basic and diluted", "- Basic": EPS figures by themselves
_BARE_EPS = re.compile(r"^(- ?)?(basic|diluted)( (and|&) (basic|diluted))?( - .*)?$")
_EPS_WORD = re.compile(r"\b(basic|diluted)\b")
_PER_SHARE_UNIT = re.compile(r"\((in )?[a-z$£€ ]{0,6}(cents?|sen|fen|pence)( per share)?\)")
_ADJ_OBJECT = re.compile(r" (of|on|for) (the )?(property|plant|items|right-of-use|rightofuse|"
                         r"intangible|investment|other|leasehold|prepaid|land).*$")
_COST_WORD = re.compile(r" (costs?|expenses?|charges?|expenditures?)$")
_GAIN_WORD = re.compile(r"\b(gains?|loss(es)?)\b")
_TOTAL_LABEL = re.compile(r"^(total|sub-?total|net)?$")


@dataclass(frozen=True)
class Candidate:
    """A ranked IFRS concept for a label, with the evidence that ranked it."""

    concept: Concept
    score: float
    reasons: tuple[str, ...]
    also: tuple[Concept, ...] = ()      # further concepts the same figure is tagged with


@dataclass(frozen=True)
class Alias:
    pattern: re.Pattern[str]
    statement: str          # "" = any statement
    concept: str
    note: str


def load_aliases(path: Path | None = None) -> list[Alias]:
    """The curated alias table: ``pattern,statement,concept,note`` (regex on the clean label)."""
    path = path or taxonomy_dir() / ALIASES_NAME
    if not path.is_file():
        return []
    out: list[Alias] = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                pattern = re.compile(row["pattern"])
            except re.error as exc:
                raise TaxonomyError(f"{path}: bad pattern {row['pattern']!r}: {exc}") from exc
            out.append(Alias(pattern, row.get("statement") or "", row["concept"],
                             row.get("note") or ""))
    return out


# ----------------------------------------------------------------------------- query context
@dataclass(frozen=True)
class _Query:
    cleaned: str
    variants: tuple[str, ...]           # canonical
    statement: str | None
    side: str                           # wanted current/noncurrent, "" = no preference
    reclass: str                        # "may" / "not" / ""
    activity: str
    discontinued: bool
    per_share: bool
    shares: bool
    period_type: str | None
    printed_negative: bool | None
    nature: str = ""                    # balance the balance-sheet section implies


def _section_text(section: str | tuple[str, ...] | list[str] | None) -> str:
    if not section:
        return ""
    parts = [section] if isinstance(section, str) else list(section)
    return " > ".join(clean_label(p) for p in parts if p)


def _section_parts(section: str | tuple[str, ...] | list[str] | None) -> list[str]:
    if not section:
        return []
    return [clean_label(p) for p in ([section] if isinstance(section, str) else section) if p]


def _innermost(section: str | tuple[str, ...] | list[str] | None) -> str:
    if not section:
        return ""
    return clean_label(section if isinstance(section, str) else (list(section) or [""])[-1])


def _compose(cleaned: str, statement: str | None, section: str | tuple[str, ...] | None) -> str:
    """Fold the heading into the label where the label alone is not the concept.

    "Equity holders of the Company" under "Loss is attributable to:" is the loss attributable
    to owners of the parent; an unlabelled total under "Current assets" is current assets.
    """
    inner = _innermost(section)
    match = _ATTRIBUTABLE.match(inner) if inner else None
    canon = canonical(cleaned)
    if cleaned.startswith("attributable to ") and _OWNER_LABEL.search(canon):
        # "Attributable to owners of the parent" printed as one line under the total
        head = match.group(1).strip() if match is not None and match.group(1).strip() else (
            "comprehensive income" if statement == "comprehensive_income" else "profit loss")
        return f"{head} {cleaned}"
    if match is not None and (not cleaned or _OWNER_LABEL.search(canon)):
        head = match.group(1).strip() or ""
        if not head:
            head = "comprehensive income" if statement == "comprehensive_income" else "profit loss"
        if not cleaned:
            return head
        return f"{head} attributable to {cleaned}"
    if _TOTAL_LABEL.match(cleaned) and inner:
        return inner if inner.startswith("total") else f"total {inner}"
    return cleaned


def _drop_heading(cleaned: str) -> str:
    """"Items that may be reclassified ...: Exchange differences" → the item after the colon.

    Extraction sometimes glues a heading to its first row; the heading is the section's
    business, not the label's.
    """
    head, sep, tail = cleaned.partition(":")
    if sep and tail.strip() and len(head.split()) >= 2:
        return tail.strip()
    return cleaned


def _query(label: str, statement: str | None, section, period_type: str | None,
           printed_negative: bool | None) -> _Query:
    cleaned = _compose(_drop_heading(clean_label(label)), statement, section)
    sec = _section_text(section)
    both = f"{sec} > {cleaned}"
    canon_label = canonical(cleaned)
    side = ""
    if statement in (None, "financial_position"):
        words = canon_label.split()
        if "noncurrent" in words:
            side = "noncurrent"
        elif "current" in words and "current tax" not in canon_label:
            side = "current"
        elif "noncurrent" in canonical(_innermost(section)).split() or (
                "noncurrent" in canonical(sec).split() and "current" not in _innermost(section)):
            side = "noncurrent"
        elif re.search(r"\bcurrent (assets|liabilities)\b", sec):
            side = "current"
    reclass = ""
    if re.search(r"\b(will not|not to) be reclassified|\bnot (be )?reclassified", both):
        reclass = "not"
    elif re.search(r"\b(may|will|to) be (subsequently )?reclassified|\breclassifiable", both):
        reclass = "may"
    activity = ""
    for name in ("operating", "investing", "financing"):
        if f"{name} activities" in both:
            activity = name
    if statement == "cash_flows" and not activity and _ADJUSTMENTS.search(sec):
        # "Adjustments for:" is the indirect-method block of operating activities
        activity = "operating"
    nature = ""
    if statement in (None, "financial_position") and section:
        parts = [section] if isinstance(section, str) else list(section)
        for part in reversed([clean_label(p) for p in parts]):
            if re.search(r"\bliabilit|\bequity\b", part):
                nature = "credit"
                break
            if re.search(r"\bassets\b", part):
                nature = "debit"
                break
    per_share = bool(_PER_SHARE.search(cleaned))
    inner = _innermost(section)
    eps_heading = next((p for p in reversed(_section_parts(section)) if _PER_SHARE.search(p)), "")
    if not per_share and statement in (None, "income", "comprehensive_income") and not \
            _SHARES.search(cleaned) and (
            (inner and _PER_SHARE.search(inner)) or _BARE_EPS.match(cleaned) or (
                _EPS_WORD.search(cleaned) and (eps_heading or _PER_SHARE_UNIT.search(
                    label.lower())))):
        # "Basic (sen)" under "Earnings per share", or a bare "Basic"/"Diluted (US cents)"
        # under whatever heading extraction left above it: in a primary statement these
        # words only ever name an earnings-per-share figure.
        per_share = True
        heading = _EPS_HEADING.search(eps_heading or inner)
        cleaned = f"{cleaned} {heading.group(0) if heading else 'earnings per share'}"
    if per_share:
        # a per-share line is never an OCI item, whatever block the section path says
        reclass = ""
    shares = not per_share and bool(_SHARES.search(cleaned))
    if period_type is None:
        if statement == "financial_position":
            period_type = "instant"
        elif statement in ("income", "comprehensive_income"):
            period_type = "duration"
        elif statement in ("cash_flows", "changes_in_equity"):
            period_type = "instant" if _INSTANT_WORDS.search(cleaned) else "duration"
    wording = _cash_flow_wording(cleaned) if statement == "cash_flows" else cleaned
    variants = [canonical(v) for v in query_variants(wording)]
    if statement in (None, "income") and _COST_WORD.search(wording):
        # companies print "Fuel costs", "Utilities expenses", "Repair charges" for what
        # IFRS labels "... expense" (and "Distribution costs" for "... expenses")
        variants += [canonical(_COST_WORD.sub(w, wording)) for w in (" expense", " costs")]
    if statement == "cash_flows" and activity == "operating" and not re.match(
            r"(net |cash |proceeds|payments?|purchases?|receipts?|interest|dividends?|"
            r"income tax|tax)", cleaned):
        # indirect method: P&L items and working-capital changes are reconciling adjustments
        variants += [f"adjustment {v}" for v in variants]
        # "Depreciation of property and equipment" adjusts for depreciation expense
        short = _ADJ_OBJECT.sub("", cleaned)
        if short != cleaned and short:
            variants += [f"adjustment {canonical(short)}"]
    if side and side not in canon_label.split():
        variants += [f"{side} {v}" for v in variants]
    return _Query(cleaned, tuple(dict.fromkeys(v for v in variants if v)), statement, side,
                  reclass, activity, "discontinued" in both, per_share, shares,
                  period_type, printed_negative, nature)


# Cash-flow verbs companies use for what IFRS labels "Purchase of ..." / "Proceeds from sales
# of ...": applied to cash-flow labels only (in the balance sheet "acquisition" means more).
_CF_OUT = re.compile(r"^(payments? (for|to acquire) (the )?(purchases? of )?|acquisitions? of |"
                     r"capital expenditures? (on|for|in) (the )?(purchases? of )?|"
                     r"additions? (to|of) |increase in |investments? in |capital injections? "
                     r"(in|into|to) |purchases? of )")
_CF_IN = re.compile(r"^(proceeds from (the )?(sales?|disposals?) of |disposals? of |"
                    r"sales? of |proceeds on (sales?|disposals?) of )")


def _cash_flow_wording(cleaned: str) -> str:
    if _CF_OUT.match(cleaned):
        return _CF_OUT.sub("purchase of ", cleaned, count=1)
    if _CF_IN.match(cleaned):
        return _CF_IN.sub("proceeds from sales of ", cleaned, count=1)
    return cleaned


# ----------------------------------------------------------------------------- the matcher
class Taxonomy:
    """The IFRS concepts with a label search over them. ``Taxonomy.load()`` is cached."""

    _loaded: dict[str, Taxonomy] = {}

    def __init__(self, entries: dict[str, ConceptEntry], aliases: list[Alias],
                 source: str = "") -> None:
        self.entries = entries
        self.aliases = aliases
        self.source = source
        self._cache: dict[tuple[object, ...], list[Candidate]] = {}
        self._postings: dict[str, list[str]] = defaultdict(list)
        for name, entry in entries.items():
            tokens = {t for text in entry.search for t in text.split()}
            for token in tokens:
                self._postings[token].append(name)
        n = max(1, sum(1 for e in entries.values() if e.search))
        self._idf = {t: math.log(n / len(names)) + 0.5 for t, names in self._postings.items()}
        # A printed word the taxonomy never uses is specific, not noise: weigh it as the rarest.
        self._unknown_idf = max(self._idf.values(), default=1.0)
        # (token set, text, total weight) per label reading, computed on first use
        self._sets: dict[str, tuple[tuple[frozenset[str], str, float], ...]] = {}
        idf, unknown = self._idf, self._unknown_idf
        self._min_weight = {
            name: min(sum(idf.get(t, unknown) for t in text.split()) for text in e.search)
            for name, e in entries.items() if e.search}
        self._vocabulary = sorted(self._postings)
        self._spelling: dict[str, str] = {}

    @classmethod
    def load(cls, path: str | Path | None = None) -> Taxonomy:
        key = str(Path(path) if path else default_index_path())
        if key not in cls._loaded:
            cls._loaded[key] = cls(load_entries(key), load_aliases(), source=key)
        return cls._loaded[key]

    # -------------------------------------------------------------------- lookups
    def concept(self, name: str) -> Concept:
        """The concept with this local name (``prefix:`` accepted); ``KeyError`` if unknown."""
        return self.entries[name.split(":", 1)[-1]].concept

    def __contains__(self, name: str) -> bool:
        return name.split(":", 1)[-1] in self.entries

    # -------------------------------------------------------------------- matching
    def match(self, label: str, statement: str | None = None,
              section: str | tuple[str, ...] | None = None, *, period_type: str | None = None,
              printed_negative: bool | None = None, top: int = 5) -> list[Candidate]:
        """Ranked candidates for a printed label (best first); [] if nothing is admissible."""
        if statement is not None and statement not in STATEMENT_KINDS:
            raise InputError(f"unknown statement kind {statement!r}; expected one of "
                             + ", ".join(sorted(STATEMENT_KINDS)))
        if period_type not in (None, "instant", "duration"):
            raise InputError(f"period type must be 'instant' or 'duration', not {period_type!r}")
        sec_key = section if isinstance(section, (str, type(None))) else tuple(section)
        key = (label, statement, sec_key, period_type, printed_negative, top)
        hit = self._cache.get(key)
        if hit is not None:
            return list(hit)
        query = _query(label, statement, sec_key, period_type, printed_negative)
        result = self._rank(query, top)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = result
        return list(result)

    def _aliases_for(self, q: _Query) -> dict[str, str]:
        found: dict[str, str] = {}
        for alias in self.aliases:
            if alias.statement and q.statement and q.statement not in alias.statement.split("|"):
                continue
            if alias.concept in self.entries and alias.pattern.fullmatch(q.cleaned):
                found.setdefault(alias.concept, alias.pattern.pattern)
        return found

    def _correct(self, token: str) -> str:
        """An unknown printed word → the closest taxonomy word (OCR and typo damage)."""
        if token in self._idf or len(token) < 5 or token.isdigit():
            return token
        if token not in self._spelling:
            close = difflib.get_close_matches(token, self._vocabulary, n=1, cutoff=0.8)
            self._spelling[token] = close[0] if close else token
        return self._spelling[token]

    def _token_sets(self, q: _Query) -> list[frozenset[str]]:
        return [frozenset(self._correct(t) for t in v.split()) for v in q.variants]

    def _readings(self, name: str) -> tuple[tuple[frozenset[str], str, float], ...]:
        sets = self._sets.get(name)
        if sets is None:
            sets = tuple((frozenset(t.split()), t, self._weight(frozenset(t.split())))
                         for t in self.entries[name].search)
            self._sets[name] = sets
        return sets

    def _weight(self, tokens: frozenset[str]) -> float:
        idf, unknown = self._idf, getattr(self, "_unknown_idf", 1.0)
        return sum(idf.get(t, unknown) for t in tokens)

    def _similarity(self, a: frozenset[str], a_weight: float, b: frozenset[str],
                    b_weight: float) -> float:
        """IDF-weighted Dice coefficient of two token sets."""
        shared = a & b
        if not shared:
            return 0.0
        return 2.0 * self._weight(shared) / (a_weight + b_weight)

    def _pool(self, q: _Query, sets: list[frozenset[str]], limit: int = 60) -> list[str]:
        """Concepts sharing rare words with the label, best Dice upper bound first."""
        weight: dict[str, float] = defaultdict(float)
        tokens = set().union(*sets) if sets else set()
        known = [t for t in tokens if t in self._idf]
        # words in hundreds of labels ("other", "net") only rank, they do not recruit
        rare = [t for t in known if len(self._postings[t]) <= 400] or known
        for token in rare:
            idf = self._idf[token]
            for name in self._postings[token]:
                weight[name] += idf
        for token in set(known) - set(rare):
            idf = self._idf[token]
            for name in self._postings[token]:
                if name in weight:
                    weight[name] += idf
        # rank by the Dice bound: shared weight over both sides' weight
        query_weight = min((self._weight(s) for s in sets), default=0.0)
        mins = self._min_weight
        return sorted(weight, key=lambda n: -weight[n] / (query_weight + mins[n]))[:limit]

    def _admissible(self, entry: ConceptEntry, q: _Query) -> bool:
        c = entry.concept
        if c.abstract or c.data_type not in NUMERIC_TYPES:
            return False
        if q.period_type and c.period_type != q.period_type:
            return False
        if q.per_share:
            return c.data_type == PER_SHARE_TYPE
        if q.shares:
            return c.data_type == SHARES_TYPE
        return c.data_type == MONETARY_TYPE

    def _rank(self, q: _Query, top: int) -> list[Candidate]:
        aliases = self._aliases_for(q)
        sets = self._token_sets(q)
        names = list(dict.fromkeys([*aliases, *self._pool(q, sets)]))
        weighted = [(qs, self._weight(qs)) for qs in sets]
        primary = PRIMARY_ROLES.get(q.statement or "", frozenset())
        # Stage 1: similarity only; stage 2 (reasons, section evidence) for the front runners.
        rough: list[tuple[float, str, float, str]] = []
        for name in names:
            entry = self.entries[name]
            if not self._admissible(entry, q):
                continue
            sim, text = self._best_reading(name, weighted)
            bonus = (0.20 if name in aliases else 0.0) + (0.10 if entry.roles & primary else 0.0)
            rough.append((0.7 * (1.0 if name in aliases else sim) + bonus, name, sim, text))
        rough.sort(key=lambda r: -r[0])
        scored = [self._score(self.entries[name], q, sim, text, aliases.get(name))
                  for _r, name, sim, text in rough[:max(3 * top, 15)]]
        scored.sort(key=lambda c: (-c.score, len(c.concept.name), c.concept.name))
        return scored[:top]

    def _best_reading(self, name: str, sets: list[tuple[frozenset[str], float]]
                      ) -> tuple[float, str]:
        sim, best_text = 0.0, ""
        for qset, qweight in sets:
            for tset, text, tweight in self._readings(name):
                s = self._similarity(qset, qweight, tset, tweight)
                if s > sim:
                    sim, best_text = s, text
        return sim, best_text

    def _score(self, entry: ConceptEntry, q: _Query, sim: float, best_text: str,
               alias: str | None) -> Candidate:
        reasons: list[str] = []
        score = 0.0
        if alias is not None:
            shown = alias if len(alias) <= 48 else alias[:45] + "..."
            reasons.append(f"alias /{shown}/")
            score += 0.20
            sim = 1.0
        else:
            reasons.append(f"label similarity {sim:.2f} to '{best_text}'")
        score += 0.70 * sim
        if alias is None and sim >= 0.999:
            score += 0.04
            reasons.append("exact label")
        if alias is None and q.cleaned.startswith("net ") and (
                _SIGNED_LABEL.search(entry.concept.label) or (
                    _GAIN_WORD.search(q.cleaned) and "(loss" in entry.concept.label)):
            score += 0.05
            reasons.append("'net' line reads as a signed IFRS concept")
        if q.statement == "comprehensive_income" and "BeforeTax" in entry.name \
                and "before tax" not in q.cleaned:
            score -= 0.05
            reasons.append("OCI printed net of tax")
        score += self._role_fit(entry, q, reasons)
        score += self._section_fit(entry, q, reasons)
        score += self._sign_fit(entry, q, reasons)
        if q.period_type:
            reasons.append(f"period type {entry.concept.period_type} fits")
        score = max(0.0, min(1.0, score))
        also: tuple[Concept, ...] = ()
        if q.per_share and "basic" in q.cleaned and "diluted" in q.cleaned \
                and entry.name.startswith("Basic"):
            twin = self.entries.get("Diluted" + entry.name[len("Basic"):])
            if twin is not None:
                also = (twin.concept,)
                reasons.append(f"'basic and diluted': also tagged {twin.name}")
        return Candidate(entry.concept, round(score, 4), tuple(reasons), also)

    @staticmethod
    def _role_fit(entry: ConceptEntry, q: _Query, reasons: list[str]) -> float:
        if q.statement is None:
            if entry.roles & frozenset().union(*PRIMARY_ROLES.values()):
                reasons.append("in a primary statement role")
                return 0.08
            return 0.0
        primary = entry.roles & PRIMARY_ROLES[q.statement]
        if primary:
            reasons.append(f"in statement role [{min(primary)}]")
            return 0.10
        related = entry.roles & RELATED_ROLES[q.statement]
        if related:
            reasons.append(f"in related notes role [{min(related)}]")
            return 0.07
        if q.statement == "cash_flows" and entry.concept.period_type == "duration":
            # a flow line of a cash-flow statement is a cash flow or a reconciling adjustment
            reasons.append("not a cash-flow concept")
            return -0.10
        return 0.0

    @staticmethod
    def _section_fit(entry: ConceptEntry, q: _Query, reasons: list[str]) -> float:
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
        if q.nature and balance and balance != q.nature and not _CONTRA_NAME.search(name):
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

    @staticmethod
    def _sign_fit(entry: ConceptEntry, q: _Query, reasons: list[str]) -> float:
        if q.printed_negative is None:
            return 0.0
        if q.statement in ("income", "comprehensive_income") and entry.concept.balance:
            if entry.concept.balance == "debit" and q.printed_negative:
                reasons.append("sign fit: debit item printed as a deduction")
            elif entry.concept.balance == "credit" and not q.printed_negative:
                reasons.append("sign fit: credit item printed positive")
            return 0.0
        if q.statement != "cash_flows":
            return 0.0
        name, balance = entry.name, entry.concept.balance
        outflow_word = bool(_OUTFLOW_NAME.search(name))
        inflow_word = bool(_INFLOW_NAME.search(name))
        if q.printed_negative and inflow_word:
            reasons.append("sign conflict: inflow concept printed negative")
            return -0.08
        if not q.printed_negative and outflow_word:
            reasons.append("sign conflict: outflow concept printed positive")
            return -0.08
        if balance == "credit" and q.printed_negative:
            reasons.append("sign fit: outflow (credit) printed negative")
            return 0.02
        return 0.0


# ----------------------------------------------------------------------------- conveniences
def map_label(label: str, statement: str | None = None,
              section: str | tuple[str, ...] | None = None,
              taxonomy: Taxonomy | None = None) -> Candidate | None:
    """The best IFRS concept for a label, or None when it scores below the threshold."""
    taxonomy = taxonomy or Taxonomy.load()
    found = taxonomy.match(label, statement, section, top=1)
    if not found or found[0].score < EXTENSION_THRESHOLD:
        return None
    return found[0]


def _printed(row: Row) -> tuple[Decimal | None, ...]:
    return tuple(c.value if c is not None else None for c in row.cells)


def _first_value(row: Row) -> Decimal | None:
    return next((v for v in _printed(row) if v is not None and v != 0), None)


def _row_query(row: Row, kind: str) -> tuple[str, str | None, bool | None]:
    """(label, period type, printed negative) of a statement row, as ``match`` takes them."""
    label = row.label
    if row.per_share and not _PER_SHARE.search(clean_label(label)):
        # "Basic and diluted (RMB)" under "Loss per share": the heading carries the meaning
        label = f"{label} earnings per share"
    if kind == "financial_position" or row.balance_role in ("opening", "closing"):
        period_type: str | None = "instant"
    else:
        period_type = "duration"
    first = _first_value(row)
    return label, period_type, (None if first is None else first < 0)


def _extension_balance(kind: str, row: Row) -> str | None:
    """The balance an extension needs for the printed sign to follow the sign rule."""
    first = _first_value(row)
    if row.per_share:
        return None
    if kind == "changes_in_equity":
        return "credit"     # movements of equity, whatever their printed sign
    if first is None or kind == "financial_position":
        return None
    if kind == "cash_flows":
        return "credit" if first < 0 else "debit"
    return "debit" if first < 0 else "credit"


def _summation_blocks(rows: list[Row]) -> list[tuple[list[Row], Row]]:
    """(items, total) runs whose printed first figures add up to the total's (±1 rounding)."""
    blocks: list[tuple[list[Row], Row]] = []
    run: list[Row] = []
    for row in rows:
        value = _first_value(row)
        if row.kind in ("subtotal", "total") and run and value is not None:
            for start in range(len(run)):
                part = run[start:]
                values = [v for v in (_first_value(r) for r in part) if v is not None]
                if len(values) == len(part) and abs(sum(values) - value) <= len(part):
                    blocks.append((part, row))
                    break
            run = [row]
        elif row.kind == "item":
            run.append(row)
    return blocks


_Mapped = dict[int, "dict[str, Candidate | ExtensionConcept]"]


def _map_others(others: Sequence[Statement], taxonomy: Taxonomy) -> _Mapped:
    """Each other statement mapped on its own evidence, once (keyed by object id)."""
    return {id(o): map_statement(o, taxonomy) for o in others}


def _figures_elsewhere(others: Sequence[Statement], kind: str, taxonomy: Taxonomy,
                       maps: _Mapped) -> dict[tuple[str, object], Decimal]:
    """(concept, period) → printed figure, from the other statements of the document."""
    out: dict[tuple[str, object], Decimal] = {}
    for other in others:
        if other.kind == kind:
            continue
        mapped = maps[id(other)]
        for row in other.value_rows():
            choice = mapped.get(row.id)
            if not isinstance(choice, Candidate):
                continue
            for col, cell in zip(other.columns, row.cells):
                if cell is not None and cell.value is not None and col.period is not None:
                    out.setdefault((choice.concept.name, col.period), cell.value)
    return out


def _concepts_by_figure(others: Sequence[Statement], kind: str, taxonomy: Taxonomy,
                        maps: _Mapped) -> dict[tuple[object, Decimal], set[str]]:
    """(period, printed figure) → concepts that carry it in the document's other statements."""
    out: dict[tuple[object, Decimal], set[str]] = defaultdict(set)
    for other in others:
        if other.kind == kind:
            continue
        mapped = maps[id(other)]
        for row in other.value_rows():
            choice = mapped.get(row.id)
            if not isinstance(choice, Candidate):
                continue
            if other.kind == "changes_in_equity":
                total = _total_figure(row)
                if row.period is not None and total is not None and row.balance_role == "flow":
                    out[(row.period, total)].add(choice.concept.name)
                continue
            for col, cell in zip(other.columns, row.cells):
                if cell is not None and cell.value is not None and col.period is not None:
                    out[(col.period, cell.value)].add(choice.concept.name)
    return out


_SYNTHETIC_LABEL = re.compile(r"^(total of (total of )*r\d|\(unlabelled|r\d+$)")


def _recover_by_figures(statement: Statement, row: Row,
                        by_figure: dict[tuple[object, Decimal], set[str]],
                        taxonomy: Taxonomy) -> Candidate | None:
    """An unlabelled row (extraction lost its label) whose figures, period by period, equal
    one concept's figures elsewhere in the document takes that concept."""
    common: set[str] | None = None
    material = False
    for col, cell in zip(statement.columns, row.cells):
        if cell is None or cell.value is None or cell.value == 0 or col.period is None:
            continue
        names = by_figure.get((col.period, cell.value), set())
        common = set(names) if common is None else common & names
        material = material or abs(cell.value) >= 100
    if not common or len(common) != 1 or not material:
        return None
    name = next(iter(common))
    return Candidate(taxonomy.concept(name), 0.9,
                     (f"unlabelled row: its figures equal ifrs-full:{name} elsewhere in the "
                      "document",))


def _total_figure(row: Row) -> Decimal | None:
    """Changes in equity: the right-most figure (total equity, the undimensioned fact)."""
    return next((c.value for c in reversed(row.cells) if c is not None and c.value is not None),
                None)


def map_statement(statement: Statement, taxonomy: Taxonomy | None = None, *,
                  others: Sequence[Statement] = ()) -> dict[str, Candidate | ExtensionConcept]:
    """Map every value row of a parsed statement: row id → IFRS candidate or extension.

    Beyond each row's own evidence (label, section path, period type, printed sign) the
    statement decides two things no single label can:
      * a concept is used once per set of figures: if two rows with different figures want
        the same concept, the better-scoring row keeps it and the other takes its next
        admissible candidate, or an extension (duplicate facts must agree);
      * in the balance sheet, items that add up to a printed subtotal share its balance
        (Calculations 1.1 weights are +1): a candidate of the opposite balance is replaced
        by the best same-balance candidate when that one is nearly as good.
    With ``others`` (the document's other statements), a changes-in-equity row whose total
    column disagrees with the same concept and period elsewhere (exchange differences split
    into "may"/"will not be reclassified" in the OCI statement, summed in equity) takes
    another concept or an extension, because the total column is the same undimensioned
    fact.
    """
    from .extensions_propose import propose_extension

    taxonomy = taxonomy or Taxonomy.load()
    kind = statement.kind
    rows = statement.value_rows()
    ranked: dict[str, list[Candidate]] = {}
    ids: dict[int, str] = {}
    for i, row in enumerate(rows):
        rid = row.id or f"r{i}"
        ids[id(row)] = rid
        label, period_type, negative = _row_query(row, kind)
        if not clean_label(label) and not row.section:
            if others:
                ranked[rid] = []
            continue
        ranked[rid] = taxonomy.match(label, kind, tuple(row.section), period_type=period_type,
                                     printed_negative=negative, top=8)
    if kind == "financial_position":
        _prefer_block_balance(rows, ranked, ids, taxonomy)
    if kind in ("income", "comprehensive_income"):
        _prefer_expense_layout(ranked)
    maps = _map_others(others, taxonomy) if others else {}
    elsewhere = (_figures_elsewhere(others, kind, taxonomy, maps)
                 if others and kind == "changes_in_equity" else {})
    ext_used: dict[str, tuple[str, object, tuple[Decimal | None, ...]]] = {}
    by_figure = _concepts_by_figure(others, kind, taxonomy, maps) if others else {}
    foreign = _extensions_before(others, kind, maps) if others else {}
    out: dict[str, Candidate | ExtensionConcept] = {}
    # Facts of one concept in one period must agree; rows of different periods (the year
    # blocks of changes in equity) never clash.
    used: dict[tuple[str, object], tuple[str, tuple[Decimal | None, ...]]] = {}
    order = sorted(ranked, key=lambda r: -(ranked[r][0].score if ranked[r] else 0.0))
    by_id = {ids[id(r)]: r for r in rows}
    for rid in order:
        row = by_id[rid]
        figures = _printed(row)
        choice: Candidate | None = None
        clash = ""
        top = ranked[rid][0] if ranked[rid] else None
        if by_figure and (top is None or top.score < EXTENSION_THRESHOLD) and (
                not clean_label(row.label) or _SYNTHETIC_LABEL.match(clean_label(row.label))):
            recovered = _recover_by_figures(statement, row, by_figure, taxonomy)
            if recovered is not None:
                ranked[rid] = [recovered]
                top = recovered
        if top is not None and top.score >= EXTENSION_THRESHOLD:
            # A concept already carrying other figures is not re-used, and neither is its
            # runner-up (usually a near-synonym: "before tax" twin, other activity): the row
            # is narrower than both, so it becomes an extension.
            prior = used.get((top.concept.name, row.period, row.balance_role))
            seen = elsewhere.get((top.concept.name, row.period))
            if prior is not None and prior[1] != figures:
                clash = f"ifrs-full:{top.concept.name} already tags other figures (row {prior[0]})"
            elif seen is not None and row.balance_role == "flow" \
                    and seen != _total_figure(row):
                clash = (f"ifrs-full:{top.concept.name} carries {seen} in another statement, "
                         f"this row totals {_total_figure(row)}")
            else:
                choice = top
        if choice is not None:
            out[rid] = choice
            used.setdefault((choice.concept.name, row.period, row.balance_role), (rid, figures))
            continue
        label, period_type, _neg = _row_query(row, kind)
        if _SYNTHETIC_LABEL.match(clean_label(label)):
            continue  # no printed label to name an extension after: left unmapped
        try:
            ext = propose_extension(
                label or " ".join(row.section[-1:]), kind, tuple(row.section), period_type,
                _extension_balance(kind, row), taxonomy=taxonomy, best=top)
        except InputError:
            continue
        ext = _unique_extension(ext, row, figures, ext_used)
        ext = _unique_in_document(ext, kind, foreign)
        out[rid] = replace(ext, reason=clash) if clash else ext
    return {ids[id(r)]: out[ids[id(r)]] for r in rows if ids.get(id(r)) in out}


def _unique_extension(ext: ExtensionConcept, row: Row, figures: tuple[Decimal | None, ...],
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


def _extensions_before(others: Sequence[Statement], kind: str, maps: _Mapped
                       ) -> dict[str, ExtensionConcept]:
    """Extensions the document's earlier statements propose, by name."""
    out: dict[str, ExtensionConcept] = {}
    for other in others:
        if other.kind == kind or _rank_of(other.kind) > _rank_of(kind):
            continue
        for choice in maps[id(other)].values():
            if isinstance(choice, ExtensionConcept):
                out.setdefault(choice.concept.name, choice)
    return out


def _unique_in_document(ext: ExtensionConcept, kind: str,
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


def _prefer_expense_layout(ranked: dict[str, list[Candidate]]) -> None:
    """IAS 1.99: a statement analyses expenses by function (cost of sales) or by nature
    (employee benefits, depreciation); "Other expenses" follows the statement's layout."""
    tops = {c[0].concept.name for c in ranked.values() if c}
    if tops & {"CostOfSales", "GrossProfit"}:
        layout, other = "ByFunction", "ByNature"
    elif tops & {"EmployeeBenefitsExpense", "RawMaterialsAndConsumablesUsed",
                 "DepreciationAndAmortisationExpense"}:
        layout, other = "ByNature", "ByFunction"
    else:
        return
    for rid, cands in ranked.items():
        if not cands or not cands[0].concept.name.endswith(other):
            continue
        twin = cands[0].concept.name[: -len(other)] + layout
        alt = next((c for c in cands if c.concept.name == twin), None)
        if alt is not None:
            note = f"statement analyses expenses {layout[2:].lower()}: {twin}"
            better = Candidate(alt.concept, max(alt.score, cands[0].score),
                               alt.reasons + (note,), alt.also)
            ranked[rid] = [better] + [c for c in cands if c is not alt]


def _prefer_block_balance(rows: list[Row], ranked: dict[str, list[Candidate]],
                          ids: dict[int, str], taxonomy: Taxonomy) -> None:
    for items, total in _summation_blocks(rows):
        total_c = ranked.get(ids[id(total)])
        if not total_c or total_c[0].concept.balance is None:
            continue
        balance = total_c[0].concept.balance
        for item in items:
            cands = ranked.get(ids[id(item)])
            if not cands or cands[0].concept.balance in (None, balance):
                continue
            alt = next((c for c in cands if c.concept.balance == balance), None)
            if alt is not None and alt.score >= cands[0].score - 0.10:
                note = f"sums into {total_c[0].concept.name} ({balance}): preferred"
                better = Candidate(alt.concept, alt.score, alt.reasons + (note,), alt.also)
                ranked[ids[id(item)]] = [better] + [c for c in cands if c is not alt]

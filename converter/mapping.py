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
    which absorbs OCR damage such as "Revenne")
  * placement in the statement's presentation role               +0.12 (notes role +0.06)
  * section fit: current/non-current, OCI reclassification block, cash-flow activity,
    discontinued operations                                       +small / −large
  * sign fit (cash flows: outflow concepts printed negative)     ±small
A label whose best score is below ``EXTENSION_THRESHOLD`` gets an extension concept.
"""
from __future__ import annotations

import csv
import difflib
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, TaxonomyError
from .model import Concept, ExtensionConcept, Statement
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
_INSTANT_WORDS = re.compile(r"\b(at (the )?(beginning|end|start)|as at|balance at|opening|"
                            r"closing|at \d{1,2} \w+|at \w+ \d{1,2})\b")
_ATTRIBUTABLE = re.compile(r"^(.*?)\s*(?:is |are )?attributable to\s*:?$")
_OWNER_LABEL = re.compile(r"\bowner parent\b|\bnoncontrolling interest\b|\bperpetual\b|"
                          r"\bother equity\b|\bholder\b")
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


def _section_text(section: str | tuple[str, ...] | list[str] | None) -> str:
    if not section:
        return ""
    parts = [section] if isinstance(section, str) else list(section)
    return " > ".join(clean_label(p) for p in parts if p)


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


def _query(label: str, statement: str | None, section, period_type: str | None,
           printed_negative: bool | None) -> _Query:
    cleaned = _compose(clean_label(label), statement, section)
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
    per_share = bool(_PER_SHARE.search(cleaned))
    shares = not per_share and bool(_SHARES.search(cleaned))
    if period_type is None:
        if statement == "financial_position":
            period_type = "instant"
        elif statement in ("income", "comprehensive_income"):
            period_type = "duration"
        elif statement in ("cash_flows", "changes_in_equity"):
            period_type = "instant" if _INSTANT_WORDS.search(cleaned) else "duration"
    variants = [canonical(v) for v in query_variants(cleaned)]
    if side and side not in canon_label.split():
        variants += [f"{side} {v}" for v in variants]
    return _Query(cleaned, tuple(dict.fromkeys(v for v in variants if v)), statement, side,
                  reclass, activity, "discontinued" in both, per_share, shares,
                  period_type, printed_negative)


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
        self._sets: dict[str, tuple[tuple[frozenset[str], str], ...]] = {}
        for name, entry in entries.items():
            tokens = {t for text in entry.search for t in text.split()}
            for token in tokens:
                self._postings[token].append(name)
            self._sets[name] = tuple((frozenset(t.split()), t) for t in entry.search)
        n = max(1, sum(1 for e in entries.values() if e.search))
        self._idf = {t: math.log(n / len(names)) + 0.5 for t, names in self._postings.items()}
        # A printed word the taxonomy never uses is specific, not noise: weigh it as the rarest.
        self._unknown_idf = max(self._idf.values(), default=1.0)
        self._vocabulary = sorted(self._postings)
        self._spelling: dict[str, str] = {}
        self._alias_missing = [a.concept for a in aliases if a.concept not in entries]

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
            return hit
        query = _query(label, statement, sec_key, period_type, printed_negative)
        result = self._rank(query, top)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[key] = result
        return result

    def _aliases_for(self, q: _Query) -> dict[str, str]:
        found: dict[str, str] = {}
        for alias in self.aliases:
            if alias.statement and q.statement and alias.statement != q.statement:
                continue
            if alias.concept in self.entries and alias.pattern.fullmatch(q.cleaned):
                found.setdefault(alias.concept, alias.pattern.pattern)
        return found

    def _correct(self, token: str) -> str:
        """An unknown printed word → the closest taxonomy word (OCR and typo damage)."""
        if token in self._idf or len(token) < 5 or token.isdigit():
            return token
        if token not in self._spelling:
            close = difflib.get_close_matches(token, self._vocabulary, n=1, cutoff=0.85)
            self._spelling[token] = close[0] if close else token
        return self._spelling[token]

    def _token_sets(self, q: _Query) -> list[frozenset[str]]:
        return [frozenset(self._correct(t) for t in v.split()) for v in q.variants]

    def _similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        """IDF-weighted Dice coefficient of two token sets."""
        idf = self._idf
        unknown = self._unknown_idf
        shared = sum(idf.get(t, unknown) for t in a & b)
        if not shared:
            return 0.0
        total = sum(idf.get(t, unknown) for t in a) + sum(idf.get(t, unknown) for t in b)
        return 2.0 * shared / total

    def _pool(self, q: _Query, sets: list[frozenset[str]], limit: int = 150) -> list[str]:
        weight: dict[str, float] = defaultdict(float)
        tokens = set().union(*sets) if sets else set()
        for token in tokens:
            idf = self._idf.get(token)
            if idf is None:
                continue
            for name in self._postings[token]:
                weight[name] += idf
        return sorted(weight, key=lambda n: -weight[n])[:limit]

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
        scored: list[Candidate] = []
        for name in names:
            entry = self.entries[name]
            if not self._admissible(entry, q):
                continue
            scored.append(self._score(entry, q, sets, aliases.get(name)))
        scored.sort(key=lambda c: (-c.score, len(c.concept.name), c.concept.name))
        return scored[:top]

    def _score(self, entry: ConceptEntry, q: _Query, sets: list[frozenset[str]],
               alias: str | None) -> Candidate:
        reasons: list[str] = []
        sim, best_text = 0.0, ""
        for qset in sets:
            for tset, text in self._sets[entry.name]:
                s = self._similarity(qset, tset)
                if s > sim:
                    sim, best_text = s, text
        score = 0.0
        if alias is not None:
            shown = alias if len(alias) <= 48 else alias[:45] + "..."
            reasons.append(f"alias /{shown}/")
            score += 0.20
            sim = 1.0
        else:
            reasons.append(f"label similarity {sim:.2f} to '{best_text}'")
        score += 0.70 * sim
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
            return 0.12
        related = entry.roles & RELATED_ROLES[q.statement]
        if related:
            reasons.append(f"in related notes role [{min(related)}]")
            return 0.06
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
        if "Discontinued" in name and not q.discontinued:
            adj -= 0.15
        elif q.discontinued and "Discontinued" not in name and "Continuing" not in name:
            adj -= 0.10
        elif q.discontinued and "Discontinued" in name:
            reasons.append("section fit: discontinued operations")
        return adj

    @staticmethod
    def _sign_fit(entry: ConceptEntry, q: _Query, reasons: list[str]) -> float:
        if q.printed_negative is None or q.statement != "cash_flows":
            return 0.0
        name, balance = entry.name, entry.concept.balance
        outflow_word = name.startswith(("Purchase", "Payments", "Repayments", "Acquisition"))
        inflow_word = name.startswith(("Proceeds", "Receipts"))
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


def map_statement(statement: Statement, taxonomy: Taxonomy | None = None
                  ) -> dict[str, Candidate | ExtensionConcept]:
    """Map every value row of a parsed statement (see ``statement_mapping``)."""
    from .statement_mapping import map_rows

    return map_rows(statement, taxonomy or Taxonomy.load())

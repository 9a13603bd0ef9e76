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
  * Statement-level rules (one concept per set of figures, block balances, unlabelled rows,
    document-wide extension names) are in ``statement_mapping`` and ``extension_names``.

Module layout, one job each: ``mapping_query`` (printed label + headings → ``Query``),
``label_search`` (postings, candidate pool, IDF-weighted Dice, spelling repair),
``mapping_score`` (evidence → ``Candidate`` with reasons), ``statement_mapping``
(``map_statement``), ``extension_names``. This module is the public face: ``Taxonomy``,
``map_label`` and the names other stages import.

Speed (``bench/bench_mapping.py``): the taxonomy side is precomputed when the index loads
(``label_search``: postings and reading rows as numpy arrays; ``mapping_score.ScoringTable``:
what the scoring rules read from names, labels and roles, as arrays), so the pool and the
similarity of every pooled reading are a fixed few dozen array operations per label, and the
~15 finalists of every label of a ``match_many`` call are scored together: one context row
per (statement, section, sign) code, a few array operations for the label's evidence. Reasons
are worded only when read (``score_candidate``, the rule-by-rule reference, which a test
holds equal to the arrays on every label we have). Within a call (and a run), labels that
read the same share their pool and finalists, as words share their stems and spelling
repairs. First-time look-ups on the shared 2-core machine: ~8,000/s through ``match_many``,
~5,000-6,000/s one ``match`` at a time (a third of the time is cold label normalisation);
cached: ~2.3 million/s.
"""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import numpy as np

from .errors import InputError, TaxonomyError
from .first_char_alternation import first_chars
from .label_search import Similarities, TokenIndex
from .mapping_query import Query, build_query
from .mapping_score import (
    EXTENSION_THRESHOLD, Candidate, ScoringTable, also_tagged, concept_facts, context_code,
    reads_signed, score_candidate,
)
from .model import Concept
from .resources import taxonomy_dir
from .statement_mapping import map_statement
from .taxonomy_index import (
    NUMERIC_TYPES, PRIMARY_ROLES, ConceptEntry, default_index_path, load_entries,
)

__all__ = ["Taxonomy", "Candidate", "LabelRequest", "Alias", "map_label", "map_statement",
           "load_aliases", "EXTENSION_THRESHOLD", "PER_SHARE_TYPE", "MONETARY_TYPE",
           "SHARES_TYPE", "STATEMENT_KINDS"]

ALIASES_NAME = "aliases.csv"
STATEMENT_KINDS = frozenset(PRIMARY_ROLES)
PER_SHARE_TYPE = "dtr-2022:perShareItemType"
MONETARY_TYPE = "xbrli:monetaryItemType"
SHARES_TYPE = "xbrli:sharesItemType"
_RESULT_CACHE_SIZE = 20_000    # ~8 kB a label with its memos: bounded to some 100 MB
_FINALS_MEMO = 10_000   # a few kB each: at most some tens of MB


class Finalists(NamedTuple):
    """A query's candidates to score: the alias table's hits (concept → pattern) and the
    ``ScoringTable`` positions of those admissible (``head``), then the pool's best, each
    with its position, label similarity and best reading (``TokenIndex.texts``
    position)."""

    aliases: dict[str, str]
    head: list[int]
    concepts: np.ndarray
    sims: np.ndarray
    readings: np.ndarray


_NO_POSITIONS = np.zeros(0, dtype=np.intp)
_NO_SIMS = np.zeros(0)
_ONES = np.ones(32)                             # (slices of these: an alias head's arrays)
_UNREAD = np.full(32, -1, dtype=np.intp)


class LabelRequest(NamedTuple):
    """One label to map (``Taxonomy.match_many``): ``Taxonomy.match``'s arguments."""

    label: str
    statement: str | None = None
    section: str | tuple[str, ...] | None = None
    period_type: str | None = None
    printed_negative: bool | None = None


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


def _aliases_by_first_char(aliases: list[Alias]) -> dict[str | None, list[Alias]]:
    """First character → the aliases that can start with it, in table order; ``None`` →
    those that can match anything or nothing. A label is tried against its bucket only
    (a handful of patterns instead of a hundred), with the same result."""
    firsts = [first_chars(a.pattern.pattern) for a in aliases]
    chars = set().union(*(f for f in firsts if f is not None))
    out: dict[str | None, list[Alias]] = {}
    for ch in [*chars, None]:
        keep = [a for a, f in zip(aliases, firsts) if f is None or (ch is not None and ch in f)]
        if keep:
            out[ch] = keep
    return out


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
        self._finals: dict[tuple[object, ...], Finalists] = {}
        self.search = TokenIndex(entries)
        self._alias_by_char = _aliases_by_first_char(aliases)
        self._alias_buckets: dict[tuple[str, str | None], tuple[re.Pattern[str] | None,
                                                                 list[Alias]]] = {}
        self._admissible_sets: dict[tuple[str | None, str], frozenset[str]] = {}
        self._role_sets: dict[frozenset[str], frozenset[str]] = {}
        self._rough_bonuses: dict[tuple[str | None, str | None, str], np.ndarray] = {}
        # the scoring rules' regexes, run once per concept that can be scored; the search
        # concepts first, so that a search position is also a ``table`` position
        self.facts = {name: concept_facts(entries[name]) for name in
                      dict.fromkeys([*self.search.names, *(a.concept for a in aliases)])
                      if name in entries}
        self.table = ScoringTable(entries, list(self.facts), self.facts)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Taxonomy:
        key = str(Path(path) if path else default_index_path())
        if key not in cls._loaded:
            cls._loaded[key] = cls(load_entries(key), load_aliases(), source=key)
        return cls._loaded[key]

    def clear_cache(self) -> None:
        """Forget every look-up result, spelling repair and context row (benchmarks:
        first-time cost)."""
        self.clear_results()
        self.search.clear_memo()
        self.table.clear_memo()

    def clear_results(self) -> None:
        """Forget look-up results: per request, per label reading, per finalist set."""
        self._cache.clear()
        self._finals.clear()
        self.search.clear_found()

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
        """Ranked candidates for a printed label (best first); [] if nothing is admissible.

        ``statement``: one of ``STATEMENT_KINDS`` or None; ``section``: the headings above
        the line, outermost first; ``period_type``: "instant"/"duration" when known (else
        the statement and the label's words decide); ``printed_negative``: the printed sign.
        """
        key = _request_key(label, statement, section, period_type, printed_negative, top=top)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._rank_many([build_query(*key[:5])], top)[0]
            if len(self._cache) >= _RESULT_CACHE_SIZE:
                self._cache.clear()
            self._cache[key] = hit
        return list(hit)

    def match_many(self, requests: Iterable[str | LabelRequest | Sequence[object]],
                   top: int = 5) -> list[list[Candidate]]:
        """``match`` for many labels in one call, in order: the same rankings, faster (the
        scoring runs as one set of array operations over all of them). A request is a
        label, a ``LabelRequest`` or a tuple of its fields (label first; the rest
        optional)."""
        out: list[list[Candidate] | None] = []
        todo: dict[tuple[object, ...], list[int]] = {}
        for request in requests:
            if isinstance(request, str):
                key = _request_key(request, top=top)
            elif isinstance(request, Sequence) and 1 <= len(request) <= 5:
                key = _request_key(*request, top=top)
            else:
                raise InputError("a request is a label or (label, statement, section, "
                                 f"period_type, printed_negative), not {request!r}")
            hit = self._cache.get(key)
            if hit is not None:
                out.append(list(hit))
            else:
                todo.setdefault(key, []).append(len(out))
                out.append(None)
        if todo:
            if len(self._cache) + len(todo) > _RESULT_CACHE_SIZE:
                self._cache.clear()
            ranked = self._rank_many([build_query(*key[:5]) for key in todo], top)
            for (key, at), result in zip(todo.items(), ranked):
                self._cache[key] = result
                for i in at:
                    out[i] = list(result)
        return out  # type: ignore[return-value]

    def _aliases_for(self, q: Query) -> dict[str, str]:
        """Aliases whose pattern the cleaned label matches: concept → first such pattern."""
        anyone, bucket = self._alias_bucket(q.cleaned[:1], q.statement)
        if anyone is not None and anyone.fullmatch(q.cleaned) is None:
            return {}
        found: dict[str, str] = {}
        for alias in bucket:
            if alias.pattern.fullmatch(q.cleaned):
                found.setdefault(alias.concept, alias.pattern.pattern)
        return found

    def _alias_bucket(self, first: str, statement: str | None
                      ) -> tuple[re.Pattern[str] | None, list[Alias]]:
        """The aliases a label starting with ``first`` may match under ``statement``, in
        table order, and one alternation of them: most labels match no alias, and one
        C-level match tells so. Memoised per first character and statement kind (a few
        dozen at most, whatever the labels)."""
        hit = self._alias_buckets.get((first, statement))
        if hit is None:
            bucket = [a for a in self._alias_by_char.get(first)
                      or self._alias_by_char.get(None, []) if a.concept in self.entries
                      and not (a.statement and statement
                               and statement not in a.statement.split("|"))]
            try:
                either: re.Pattern[str] | None = re.compile(
                    "|".join(f"(?:{a.pattern.pattern})" for a in bucket) or "(?!)")
            except re.error:    # a pattern that does not combine (a back-reference)
                either = None
            hit = self._alias_buckets[(first, statement)] = (either, bucket)
        return hit

    def _admissible(self, q: Query) -> frozenset[str]:
        """Concepts a query may take: numeric, its period type, per-share / shares / money."""
        want = PER_SHARE_TYPE if q.per_share else SHARES_TYPE if q.shares else MONETARY_TYPE
        key = (q.period_type, want)
        names = self._admissible_sets.get(key)
        if names is None:
            names = self._admissible_sets[key] = frozenset(
                name for name, e in self.entries.items()
                if not e.concept.abstract and e.concept.data_type in NUMERIC_TYPES
                and (not q.period_type or e.concept.period_type == q.period_type)
                and e.concept.data_type == want)
        return names

    def _in_roles(self, roles: frozenset[str]) -> frozenset[str]:
        """Concepts presented in any of these roles (memoised per role set)."""
        names = self._role_sets.get(roles)
        if names is None:
            names = self._role_sets[roles] = frozenset(
                n for n, e in self.entries.items() if e.roles & roles)
        return names

    def _rough_bonus(self, q: Query) -> np.ndarray:
        """Per search concept (``TokenIndex.names``): the rough statement-role bonus (0.10
        or 0.0), or -inf where the concept is not admissible (memoised per statement and
        admissible set: a few dozen arrays at most)."""
        key = _rough_key(q)
        bonus = self._rough_bonuses.get(key)
        if bonus is None:
            admissible = self._admissible(q)
            primary = self._in_roles(PRIMARY_ROLES.get(q.statement or "", frozenset()))
            bonus = self._rough_bonuses[key] = np.array(
                [(0.10 if n in primary else 0.0) if n in admissible else -np.inf
                 for n in self.search.names])
        return bonus

    def _finalists(self, queries: list[Query], keep: int) -> list[Finalists]:
        """Stage 1, for each query: the ``keep`` candidates with the best rough score
        (0.7 × similarity + alias and statement-role bonus).

        Aliases come first (their rough score, 0.9 or 1.0, is above any reading's 0.8),
        then the admissible pooled concepts by rough score, ties in pool order (``_find``).
        Memoised per what they depend on: labels under other headings often share them.
        """
        out: list[Finalists | None] = []
        todo: dict[tuple[object, ...], list[int]] = {}
        for q in queries:
            key = (q.cleaned, q.variants, q.statement, q.period_type, q.per_share, q.shares,
                   keep)
            found = self._finals.get(key)
            if found is None:
                todo.setdefault(key, []).append(len(out))
            out.append(found)
        if todo:
            if len(self._finals) + len(todo) > _FINALS_MEMO:
                self._finals.clear()
            for (key, at), found in zip(todo.items(), self._find(
                    [queries[at[0]] for at in todo.values()], keep)):
                self._finals[key] = found
                for i in at:
                    out[i] = found
        return out  # type: ignore[return-value]

    def _find(self, queries: list[Query], keep: int) -> list[Finalists]:
        """``_finalists`` worked out: each query's aliases (``_aliased``), then the
        similarity of every pooled concept (``TokenIndex.lookup_many``), then the best
        rough scores (``_best_rough``, or for many queries at once ``_best_rough_many``)."""
        out = [self._aliased(q) for q in queries]
        need = [i for i, f in enumerate(out) if len(f.head) < keep]
        found = self.search.lookup_many([queries[i].variants for i in need])
        pooled = [(i, f) for i, f in zip(need, found) if len(f.concepts)]
        if len(pooled) == 1:    # (one query: no joining)
            [(i, f)] = pooled
            out[i] = self._best_rough(queries[i], out[i], f, keep)
        elif pooled:
            self._best_rough_many(queries, out, pooled, keep)
        return out

    def _aliased(self, q: Query) -> Finalists:
        """A query's aliases and the admissible ones, best rough score first (the pool's
        finalists to be added)."""
        aliases = self._aliases_for(q)
        if not aliases:
            return Finalists(aliases, [], _NO_POSITIONS, _NO_SIMS, _NO_POSITIONS)
        admissible, primary = self._admissible(q), self._in_roles(
            PRIMARY_ROLES.get(q.statement or "", frozenset()))
        rough = sorted(((0.7 * 1.0 + 0.20 + (0.10 if name in primary else 0.0), name)
                        for name in aliases if name in admissible), key=lambda r: -r[0])
        return Finalists(aliases, [self.table.position[n] for _r, n in rough],
                         _NO_POSITIONS, _NO_SIMS, _NO_POSITIONS)

    def _best_rough_many(self, queries: list[Query], out: list[Finalists],
                         pooled: list[tuple[int, Similarities]], keep: int) -> None:
        """``_best_rough`` of each pooled query (``out[i]`` replaced), in one stable sort
        of a query × pool matrix: a row per query, its pool in pool order, padded (the
        key is -rough score; +inf = never)."""
        lengths = np.array([len(f.concepts) for _i, f in pooled])
        starts = np.cumsum(lengths) - lengths
        pool = np.concatenate([f.concepts for _i, f in pooled])
        sims = np.concatenate([f.sims for _i, f in pooled])
        row = np.repeat(np.arange(len(pooled)), lengths)
        kinds: dict[tuple[object, ...], int] = {}     # one rough-bonus row per kind of query
        matrix: list[np.ndarray] = []
        which = []
        for i, _f in pooled:
            kind = _rough_key(queries[i])
            if kind not in kinds:
                kinds[kind] = len(matrix)
                matrix.append(self._rough_bonus(queries[i]))
            which.append(kinds[kind])
        bonus = np.stack(matrix)[np.take(which, row), pool]
        for k, (i, f) in enumerate(pooled):
            for name in out[i].aliases:     # an alias found it already
                at = self.search.position.get(name, -1)
                if at >= 0:
                    segment = bonus[starts[k]:starts[k] + lengths[k]]
                    segment[f.concepts == at] = -np.inf
        keys = np.full((len(pooled), int(lengths.max())), np.inf)
        keys[row, np.arange(len(pool)) - starts.repeat(lengths)] = -(0.7 * sims + bonus)
        rooms = np.array([keep - len(out[i].head) for i, _f in pooled])
        width = min(keep, keys.shape[1])
        order = keys.argsort(axis=1, kind="stable")[:, :width]
        chosen = (np.take_along_axis(keys, order, axis=1) < np.inf) & (
            np.arange(width) < rooms[:, None])
        # search positions are table positions
        picked = (order + starts[:, None])[chosen]
        cuts = np.cumsum(chosen.sum(axis=1)).tolist()
        concepts, sims, readings = (a.take(picked) for a in (
            pool, sims, np.concatenate([f.readings for _i, f in pooled])))
        begin = 0
        for (i, _f), end in zip(pooled, cuts):
            out[i] = Finalists(out[i].aliases, out[i].head, concepts[begin:end],
                               sims[begin:end], readings[begin:end])
            begin = end

    def _best_rough(self, q: Query, aliased: Finalists, found: Similarities, keep: int
                    ) -> Finalists:
        """``_find`` for one query: its pooled concepts by rough score."""
        pool, search = found.concepts, self.search
        bonus = self._rough_bonus(q).take(pool)
        for name in aliased.aliases:    # an alias found it already
            bonus[pool == search.position.get(name, -1)] = -np.inf
        values = 0.7 * found.sims + bonus
        order = (-values).argsort(kind="stable")[:keep - len(aliased.head)]
        if values[order[-1]] == -np.inf:
            order = order[values.take(order) > -np.inf]
        return Finalists(aliased.aliases, aliased.head, pool.take(order),
                         found.sims.take(order), found.readings.take(order))

    def _rank_many(self, queries: list[Query], top: int) -> list[list[Candidate]]:
        """Rank each query's finalists (``_finalists``) by their full score: every pair is
        scored at once (``ScoringTable.scores``), sorted by (query, score, tie rank), and
        the first ``top`` of each query become candidates, explained when their reasons
        are read."""
        table = self.table
        finals = self._finalists(queries, max(3 * top, 15))
        concepts, sims, readings, counts = [], [], [], []
        for f in finals:
            if f.head:  # an alias's similarity is 1, read from no label
                n = len(f.head)
                concepts.append(f.head)
                sims.append(_ONES[:n] if n <= len(_ONES) else np.ones(n))
                readings.append(_UNREAD[:n] if n <= len(_UNREAD) else np.full(n, -1))
            concepts.append(f.concepts)
            sims.append(f.sims)
            readings.append(f.readings)
            counts.append(len(f.head) + len(f.concepts))
        if len(queries) == 1:   # one query: no joining, no per-query spreading
            q, f = queries[0], finals[0]
            if not f.head:
                concept, sim, reading = f.concepts, f.sims, f.readings
            else:
                concept, sim, reading = (np.concatenate(parts) for parts in
                                         (concepts, sims, readings))
            net, gain = reads_signed(q)
            scores = table.scores(concept, sim, reading < 0,
                                  table.context(context_code(q)).take(concept), net, gain)
            chosen = np.lexsort((table.tie_rank.take(concept), -scores))[:top]
            query = np.zeros(len(chosen), dtype=np.intp)
        else:
            concept, sim, reading = (np.concatenate(parts) for parts in
                                     (concepts, sims, readings))
            # the context score of each pair: one row per distinct query code
            rows: dict[tuple[int, ...], int] = {}
            which = [rows.setdefault(context_code(q), len(rows)) for q in queries]
            matrix = np.stack([table.context(code) for code in rows])
            signed = np.array([reads_signed(q) for q in queries]).reshape(-1, 2)
            spread = np.repeat(np.arange(len(queries)), counts)
            net, gain = signed.take(spread, axis=0).T
            scores = table.scores(concept, sim, reading < 0,
                                  matrix[np.take(which, spread), concept], net, gain)
            # sorted by (query, score descending, tie rank) in one integer key: a score is
            # rounded to 4 places, so 10,000 × score is a whole number
            worse = 10_000 - np.rint(scores * 10_000).astype(np.int64)
            ties = len(table.names)
            order = ((spread * 10_001 + worse) * ties + table.tie_rank.take(concept)).argsort(
                kind="stable")
            # the first ``top`` of each query's rows (sorted rows keep the queries' blocks)
            starts = np.cumsum(counts) - counts
            chosen = order.compress(np.arange(len(order)) - np.repeat(starts, counts) < top)
            query = spread.take(chosen)
        names, entries, explain, made = table.names, self.entries, self._explain, \
            Candidate.explained
        concept_at = table.concepts
        out: list[list[Candidate]] = [[] for _q in queries]
        for at, pos, score, similarity, best in zip(
                query.tolist(), concept.take(chosen).tolist(), scores.take(chosen).tolist(),
                sim.take(chosen).tolist(), reading.take(chosen).tolist()):
            q = queries[at]
            out[at].append(made(
                concept_at[pos], score,
                also_tagged(entries, entries[names[pos]], q) if q.per_share else (),
                explain, (q, pos, similarity, best, finals[at].aliases)))
        return out

    def _explain(self, q: Query, pos: int, sim: float, reading: int,
                 aliases: dict[str, str]) -> tuple[str, ...]:
        """A candidate's reasons: ``score_candidate``, the rules written one candidate at a
        time, with the reading that gave its similarity (``pos``: its ``table``
        position)."""
        name = self.table.names[pos]
        alias = aliases.get(name)
        text = self.search.texts[reading] if reading >= 0 and sim > 0.0 else ""
        return score_candidate(self.entries, self.entries[name], q, sim, text, alias,
                               self.facts.get(name)).reasons


def _rough_key(q: Query) -> tuple[str | None, str | None, str]:
    """What a query's rough bonus row depends on: statement, period type, data type."""
    want = PER_SHARE_TYPE if q.per_share else SHARES_TYPE if q.shares else MONETARY_TYPE
    return (q.statement, q.period_type, want)


def _request_key(label: str, statement: str | None = None,
                 section: str | Sequence[str] | None = None, period_type: str | None = None,
                 printed_negative: bool | None = None, *, top: int) -> tuple[object, ...]:
    """A look-up's arguments, checked, as a hashable key (``build_query``'s five, ``top``)."""
    if not isinstance(label, str):
        raise InputError(f"a label is text, not {label!r}")
    if statement is not None and statement not in STATEMENT_KINDS:
        raise InputError(f"unknown statement kind {statement!r}; expected one of "
                         + ", ".join(sorted(STATEMENT_KINDS)))
    if period_type not in (None, "instant", "duration"):
        raise InputError(f"period type must be 'instant' or 'duration', not {period_type!r}")
    if not isinstance(section, (str, type(None), tuple)):
        section = tuple(section)
    return (label, statement, section, period_type, printed_negative, top)


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

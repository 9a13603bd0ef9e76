"""Token search over the IFRS label readings: candidate pool, similarity, spelling repair.

Stage: map/tag (the label-similarity evidence). Input: the concept entries of the index and
the canonical token sets of a printed label. Output: the concepts sharing rare words with it
(best Dice upper bound first) and, per concept, the best IDF-weighted Dice similarity.

Why a module of its own: the taxonomy side of a look-up lives here, precomputed when the
index loads as numpy arrays: word → concept and word → reading postings, each concept's
readings as a padded row, reading weights. A query then costs a fixed handful of array
operations (one ``bincount`` for the shared weight of every concept, one for every reading,
a partial sort for the pool, one division for the Dice of every pooled reading) instead of
a Python loop over hundreds of postings and a set intersection per reading.

Token weights (IDF) are rounded to multiples of 2**-30, so that every sum of them is exact
in a double: the shared weight of a concept and the Dice of a reading do not depend on the
order of summation (numpy's, a set's iteration order, which follows the per-process string
hash seed), and a plain-Python reference computes the very same floats.
"""
from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np

from .taxonomy_index import ConceptEntry

Reading = tuple[frozenset[str], str, float]     # (token set, canonical text, IDF weight)

# A word in more labels than this only ranks the pool, it does not recruit into it.
COMMON_POSTINGS = 400
POOL_LIMIT = 60
SPELLING_CUTOFF = 0.8
WEIGHT_UNIT = 2.0 ** -30     # IDF grid: sums of up to 2**23 units of weight < 8 stay exact
_EMPTY = np.zeros(0, dtype=np.intp)
_NO_SIMS = np.zeros(0)
_PARTITION_FROM = 4         # × the limit: below this many, a plain stable sort is the quicker
_FOUND_MEMO = 10_000      # a few kB each: at most some tens of MB
_LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789"     # what a canonical token is made of


def _on_grid(value: float) -> float:
    return round(value / WEIGHT_UNIT) * WEIGHT_UNIT


class QuerySets(NamedTuple):
    """The token sets of a label's readings (variants), spelling-repaired, with weights
    (a named tuple: one is made per look-up, and a tuple is the cheapest to make)."""

    sets: tuple[frozenset[str], ...]
    weights: tuple[float, ...]          # IDF weight of each set (unknown words: the rarest)
    known: list[int]                    # token ids of the known words: recruiting ones first
    recruiting: int                     # how many of ``known`` recruit into the pool
    idf: np.ndarray                     # IDF of each known word
    per_set: np.ndarray                 # sets × known: IDF of the word if in the set, else 0
    weight_column: np.ndarray | float   # ``weights`` as a sets × 1 × 1 array (one set: a float)

    def least(self) -> float:
        """The lightest set's weight: the pool bound's query side."""
        return min(self.weights, default=0.0)


class Similarities(NamedTuple):
    """Per concept of a pool (``TokenIndex.names`` positions): the best IDF-weighted Dice
    and the reading that gives it (``TokenIndex.texts`` position; the first maximum in
    (query set, reading) order)."""

    concepts: np.ndarray
    sims: np.ndarray
    readings: np.ndarray


_NO_MATCH = Similarities(_EMPTY, _NO_SIMS, _EMPTY)


class TokenIndex:
    """IDF-weighted token postings and the readings of every concept's labels."""

    def __init__(self, entries: dict[str, ConceptEntry]) -> None:
        self.names = [name for name, e in entries.items() if e.search]
        self.position = {name: i for i, name in enumerate(self.names)}
        members: dict[str, list[int]] = {}
        for i, name in enumerate(self.names):
            for token in {t for text in entries[name].search for t in text.split()}:
                members.setdefault(token, []).append(i)
        self.vocabulary = sorted(members)
        self.token_id = {t: k for k, t in enumerate(self.vocabulary)}
        n = max(1, len(self.names))
        self.idf = {t: _on_grid(math.log(n / len(members[t])) + 0.5) for t in self.vocabulary}
        # A printed word the taxonomy never uses is specific, not noise: weigh it as the rarest.
        self.unknown_idf = max(self.idf.values(), default=1.0)
        self.postings = {t: tuple(self.names[i] for i in members[t]) for t in self.vocabulary}
        idf = self.idf
        # Pool ranking uses the weight of each reading's words as printed (repeats count).
        self.min_weight = {name: min(sum(idf[t] for t in text.split())
                                     for text in entries[name].search) for name in self.names}
        self.readings: dict[str, tuple[Reading, ...]] = {}
        for name in self.names:
            sets = [frozenset(text.split()) for text in entries[name].search]
            self.readings[name] = tuple((s, text, self.weight(s))
                                        for s, text in zip(sets, entries[name].search))
        self._build_arrays(members)
        self._bigram_index: dict[str, np.ndarray] | None = None     # built on first use
        self._needed: dict[int, np.ndarray] = {}
        self._spelling: dict[str, str] = {}
        self._found: dict[tuple[str, ...], Similarities] = {}

    def _build_arrays(self, members: dict[str, list[int]]) -> None:
        """Postings as one small array per word (word → concepts, word → readings), and each
        concept's readings as a row of reading numbers, padded with a reading of no words."""
        vocab, tid = self.vocabulary, self.token_id
        self._df = [len(members[t]) for t in vocab]
        self._common = [n > COMMON_POSTINGS for n in self._df]
        self._idf_of = [self.idf[t] for t in vocab]
        self._post = [np.array(members[t], dtype=np.int32) for t in vocab]
        self._neg_min_weight = -np.array([self.min_weight[n] for n in self.names])
        readers: list[list[int]] = [[] for _ in vocab]
        rows: list[list[int]] = []
        weights: list[float] = []
        self.texts: list[str] = []         # every reading's canonical text
        for name in self.names:
            rows.append([])
            for tset, text, weight in self.readings[name]:
                rows[-1].append(len(weights))
                for t in tset:
                    readers[tid[t]].append(len(weights))
                weights.append(weight)
                self.texts.append(text)
        self._no_reading = len(weights)     # shares nothing: its Dice is 0
        self._read_count = [len(rs) for rs in readers]
        self._read_post = [np.array(rs, dtype=np.int32) for rs in readers]
        width = max((len(r) for r in rows), default=1)
        self._rows = np.array([r + [self._no_reading] * (width - len(r)) for r in rows],
                              dtype=np.intp)
        self._row_weight = np.array([*weights, 1.0])[self._rows]
        self._row_starts = np.arange(len(rows), dtype=np.intp)
        # each word's reading and concept postings in one array, concepts shifted past the
        # readings (and the reading of no words): one bincount counts both
        self._concept_base = self._no_reading + 1
        self._span = self._concept_base + len(self.names)
        self._both = [np.concatenate((r, c.astype(np.intp) + self._concept_base))
                      for r, c in zip(self._read_post, self._post)]
        self._both_count = [len(b) for b in self._both]

    def clear_memo(self) -> None:
        """Forget spelling repairs (memoised per unknown word) and look-ups (per reading)."""
        self._spelling.clear()
        self.clear_found()

    def clear_found(self) -> None:
        """Forget look-ups (memoised per label reading)."""
        self._found.clear()

    # ------------------------------------------------------------------ weights
    def weight(self, tokens: Iterable[str]) -> float:
        """IDF weight of a token set (exact: every weight is on the grid)."""
        get, unknown = self.idf.get, self.unknown_idf
        return sum([get(t, unknown) for t in tokens])

    def query(self, variants: Sequence[str]) -> QuerySets:
        """Token sets of a label's canonical readings, unknown words spelling-repaired.

        Words in hundreds of labels ("other", "net") only rank the pool, they do not
        recruit into it (unless the label has no other known word). Every sum of weights
        is exact, so the order of the words does not matter."""
        correct = self.correct
        sets = tuple([frozenset(map(correct, v.split())) for v in variants])
        tid = self.token_id.get
        ids = sorted([k for k in map(tid, sets[0] if len(sets) == 1 else
                                     frozenset().union(*sets)) if k is not None])
        common = self._common
        rare = [k for k in ids if not common[k]]
        known = rare + [k for k in ids if common[k]] if rare else ids
        idf = self._idf_of
        weights = [idf[k] for k in known]
        set_weights = tuple(map(self.weight, sets))
        known_idf = np.array(weights)
        if len(sets) == 1:
            return QuerySets(sets, set_weights, known, len(rare) or len(ids), known_idf,
                             known_idf[None, :], set_weights[0])
        words = [self.vocabulary[k] for k in known]
        return QuerySets(
            sets, set_weights, known, len(rare) or len(ids), known_idf,
            np.array([[w if t in s else 0.0 for t, w in zip(words, weights)] for s in sets]),
            np.array(set_weights).reshape(-1, 1, 1))

    # ------------------------------------------------------------------ spelling
    def correct(self, token: str) -> str:
        """An unknown printed word → the closest taxonomy word (OCR and typo damage)."""
        if token in self.idf or len(token) < 5 or token.isdigit():
            return token
        hit = self._spelling.get(token)
        if hit is None:
            close = difflib.get_close_matches(token, self._spelling_candidates(token), n=1,
                                              cutoff=SPELLING_CUTOFF)
            hit = self._spelling[token] = close[0] if close else token
        return hit

    def _spelling_candidates(self, token: str) -> list[str]:
        """Vocabulary words that can reach the cutoff: the same answer as the whole list.

        ``get_close_matches`` keeps the best ratio 2M/T >= 0.8 (M matched characters in k
        blocks, T both lengths), ties to the larger word, whatever the input order. Blocks
        are separated by unmatched characters (at most T - 2M of them, so k <= T - 2M + 1)
        and a block of s characters holds s - 1 letter pairs of the token that the word
        also has: at least M - k >= 3M - T - 1 of the token's pair positions are shared.
        """
        bigrams = self._bigrams()
        found = [bigrams[pair] for pair in (token[i:i + 2] for i in range(len(token) - 1))
                 if pair in bigrams]
        if not found:
            return []
        shared = np.bincount(np.concatenate(found), minlength=len(self.vocabulary))
        words = (shared >= self._shared_pairs_needed(len(token))).nonzero()[0]
        # and whose letters in common (``quick_ratio``, which ``get_close_matches`` checks
        # before its costly ``ratio``) reach it: counted for all of them at once
        letters = np.zeros(len(_LETTERS), dtype=np.intp)
        for ch in token:
            at = _LETTERS.find(ch)
            if at >= 0:
                letters[at] += 1
        common = np.minimum(self._letter_counts.take(words, axis=0), letters).sum(axis=1)
        lengths = self._lengths.take(words)
        words = words.compress(2.0 * common / (len(token) + lengths) >= SPELLING_CUTOFF)
        vocabulary = self.vocabulary
        return [vocabulary[k] for k in words.tolist()]

    def _bigrams(self) -> dict[str, np.ndarray]:
        """Letter pair → vocabulary positions of the words having it (each word once)."""
        if self._bigram_index is None:
            pairs: dict[str, dict[int, None]] = {}
            for k, word in enumerate(self.vocabulary):
                for i in range(len(word) - 1):
                    pairs.setdefault(word[i:i + 2], {})[k] = None
            self._bigram_index = {pair: np.array(list(words), dtype=np.intp)
                                  for pair, words in pairs.items()}
            self._letter_counts = np.array([[w.count(ch) for ch in _LETTERS]
                                            for w in self.vocabulary], dtype=np.intp)
            self._lengths = np.array([len(w) for w in self.vocabulary])
        return self._bigram_index

    def _shared_pairs_needed(self, la: int) -> np.ndarray:
        """Per vocabulary word: the shared pair positions it needs with a token of length
        ``la`` (at least one; more than any token has where it cannot reach the cutoff)."""
        need = self._needed.get(la)
        if need is None:
            by_length: dict[int, int] = {}
            for lw in {len(w) for w in self.vocabulary}:
                total = la + lw
                least = next((m for m in range(min(la, lw) + 1)
                              if 2.0 * m / total >= SPELLING_CUTOFF), None)
                by_length[lw] = max(1, 3 * least - total - 1) if least is not None else la + 1
            need = self._needed[la] = np.array([by_length[len(w)] for w in self.vocabulary])
        return need

    # ------------------------------------------------------------------ pool and similarity
    def lookup(self, variants: tuple[str, ...]) -> Similarities:
        """``search(query(variants))``, memoised per canonical readings: labels of other
        statements, sections or wordings often read the same (read-only arrays)."""
        return self.lookup_many([variants])[0]

    def lookup_many(self, many: Sequence[tuple[str, ...]]) -> list[Similarities]:
        """``lookup`` of each label's readings, in order: the similarities of the labels
        of one reading are worked out together (``search_many``)."""
        out: list[Similarities | None] = [self._found.get(v) for v in many]
        todo: dict[tuple[str, ...], list[int]] = {}
        for i, found in enumerate(out):
            if found is None:
                todo.setdefault(many[i], []).append(i)
        if todo:
            if len(self._found) + len(todo) > _FOUND_MEMO:
                self._found.clear()
            for variants, found in zip(todo, self.search_many(
                    [self.query(v) for v in todo])):
                self._found[variants] = found
                for i in todo[variants]:
                    out[i] = found
        return out  # type: ignore[return-value]

    def search(self, q: QuerySets, limit: int = POOL_LIMIT) -> Similarities:
        """The pool (``pool``) and the similarity of each pooled concept
        (``similarities``)."""
        return self.search_many([q], limit)[0]

    def search_many(self, queries: Sequence[QuerySets], limit: int = POOL_LIMIT
                    ) -> list[Similarities]:
        """``search`` of each query: its pool and the shared weight of every reading with
        each of its sets (``_pool_and_shared``), then the Dice of the pooled readings of
        all the labels with as many sets in one set of array operations."""
        out: list[Similarities] = [_NO_MATCH] * len(queries)
        joined = sum(1 for q in queries if q.known) > 1     # (one label: no joining)
        groups: dict[int, list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]] = {}
        rows = self._rows
        for i, q in enumerate(queries):
            if not q.known:
                continue
            pool, shared = self._pool_and_shared(q, limit)
            if not len(pool):
                continue
            if not joined:
                out[i] = self._similar(q, pool, shared)
            else:
                pooled = rows.take(pool, axis=0)
                groups.setdefault(len(q.sets), []).append(
                    (i, pool, pooled, shared.take(pooled, axis=shared.ndim - 1)))
        for sets, members in groups.items():
            lengths = [len(pool) for _i, pool, _r, _v in members]
            concepts = np.concatenate([pool for _i, pool, _r, _v in members])
            shared = np.concatenate([v for _i, _p, _r, v in members], axis=int(sets > 1))
            weights = np.array([queries[i].weights for i, _p, _r, _v in members]).T.repeat(
                lengths, axis=1)[:, :, None]
            # pooled concepts × (sets × readings): row-major = set outer, reading inner
            dice = (2.0 * shared.reshape(sets, len(concepts), -1) / (
                weights + self._row_weight.take(concepts, axis=0))
                    ).transpose(1, 0, 2).reshape(len(concepts), -1)
            best = np.arange(0, dice.size, dice.shape[1]) + dice.argmax(axis=1)
            sims = dice.take(best)
            readings = np.tile(np.concatenate([r for _i, _p, r, _v in members]), sets
                               ).take(best)
            end = 0
            for (i, pool, _r, _v), length in zip(members, lengths):
                out[i] = Similarities(pool, sims[end:end + length], readings[end:end + length])
                end += length
        return out

    def _pool_and_shared(self, q: QuerySets, limit: int) -> tuple[np.ndarray, np.ndarray]:
        """A label's pool (``pool``) and the shared weight of every reading with its set
        (a vector), or with each of its sets (a row each). A label of one set (most)
        counts both in one ``bincount``: each word's postings of both kinds are stored
        together, readings first, then concepts after ``_concept_base``."""
        known = q.known
        if len(q.sets) > 1:
            return self.pool(q, limit), self._set_shared(q)
        both = self._both
        ids = np.concatenate([both[k] for k in known]) if len(known) > 1 else both[known[0]]
        counts = self._both_count
        shared = np.bincount(ids, q.idf.repeat([counts[k] for k in known]), self._span)
        return self._pool(q, shared[self._concept_base:], limit), shared

    def pool(self, q: QuerySets, limit: int = POOL_LIMIT) -> np.ndarray:
        """Concepts sharing recruiting words with the label (positions in ``names``), best
        Dice upper bound first, at most ``limit``.

        The bound of a concept is its shared weight (every known query word it has) over
        the lightest query set's weight plus its lightest reading as printed; ties go to
        the concept first in the index.
        """
        if not q.known:
            return _EMPTY
        post, df = self._post, self._df
        ids = np.concatenate([post[k] for k in q.known])
        shared = np.bincount(ids, q.idf.repeat([df[k] for k in q.known]), len(self.names))
        return self._pool(q, shared, limit)

    def _pool(self, q: QuerySets, shared: np.ndarray, limit: int) -> np.ndarray:
        if q.recruiting < len(q.known):     # the recruiting words' postings come first
            post = self._post
            rare = np.concatenate([post[k] for k in q.known[:q.recruiting]])
            recruited = (np.bincount(rare, minlength=len(shared)) > 0).nonzero()[0]
        else:       # (a boolean array's nonzero is the fast one)
            recruited = (shared > 0.0).nonzero()[0]
        # -bound (-(a / (w + m)) is a / (-m - w), the very float): best first
        keys = shared.take(recruited) / (self._neg_min_weight.take(recruited) - q.least())
        if len(keys) > _PARTITION_FROM * limit:   # sort only what can be among the first ``limit``
            kept = (keys <= np.partition(keys, limit - 1)[limit - 1]).nonzero()[0]
            recruited, keys = recruited.take(kept), keys.take(kept)
        return recruited.take(keys.argsort(kind="stable")[:limit])

    # ------------------------------------------------------------------ similarity
    def similarities(self, q: QuerySets, concepts: np.ndarray) -> Similarities:
        """The best IDF-weighted Dice coefficient over query sets × label readings, for
        each of ``concepts`` (positions in ``names``): the shared weight of every reading
        with every query set in one ``bincount`` over the words' postings, then the Dice
        of the concepts' readings (rows padded with a reading of no words)."""
        if not len(concepts):
            return _NO_MATCH
        if len(q.sets) == 1:
            post, counts = self._read_post, self._read_count
            ids = np.concatenate([post[k] for k in q.known])
            return self._similar(q, concepts, np.bincount(
                ids, q.idf.repeat([counts[k] for k in q.known]), self._no_reading + 1))
        return self._similar(q, concepts, self._set_shared(q))

    def _set_shared(self, q: QuerySets) -> np.ndarray:
        """The shared weight of every reading with each of the label's sets, a row each:
        one ``bincount`` for all sets (set i counts at i * n + reading)."""
        post, counts = self._read_post, self._read_count
        n, sets = self._no_reading + 1, len(q.sets)
        ids = np.concatenate([post[k] for k in q.known])
        lengths = [counts[k] for k in q.known]
        ids = (ids + np.arange(0, n * sets, n)[:, None]).ravel()
        return np.bincount(ids, q.per_set.repeat(lengths, axis=1).ravel(),
                           n * sets).reshape(sets, n)

    def _similar(self, q: QuerySets, concepts: np.ndarray, shared: np.ndarray
                 ) -> Similarities:
        """``similarities`` from the shared weight of each reading (one row per query
        set, or one vector)."""
        rows = self._rows.take(concepts, axis=0)
        width = rows.shape[1]
        if shared.ndim == 1:
            dice = 2.0 * shared.take(rows) / (q.weight_column
                                               + self._row_weight.take(concepts, axis=0))
        else:   # concepts × (sets × readings): row-major = set outer, reading inner
            dice = (2.0 * shared.take(rows, axis=1) / (
                q.weight_column + self._row_weight.take(concepts, axis=0))
                    ).transpose(1, 0, 2).reshape(len(rows), -1)
            width = dice.shape[1]
            rows = np.tile(rows, len(q.sets))
        flat = self._row_starts[:len(rows)] * width + dice.argmax(axis=1)
        return Similarities(concepts, dice.take(flat), rows.take(flat))

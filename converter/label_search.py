"""Token search over the IFRS label readings: candidate pool, similarity, spelling repair.

Stage: map/tag (the label-similarity evidence). Input: the concept entries of the index and
the canonical token sets of a printed label. Output: the concepts sharing rare words with it
(best Dice upper bound first) and, per concept, the best IDF-weighted Dice similarity.

Why a module of its own: everything a first-time look-up spends its time on lives here, and
all of it is precomputed when the index loads (token sets and weights of every reading,
postings, admissible sets), so that a label never seen before costs tens of microseconds.
The ranking is the one of the original mapper; the speed comes from precomputation, C-level
set/dict operations and provable bounds only. Token weights are added with ``math.fsum``
(correctly rounded, so independent of set iteration order, which follows the per-process
string-hash seed): a plain ``sum`` reported another, equally similar reading in about one
run of thirty.
"""
from __future__ import annotations

import difflib
import math
from collections import Counter
from collections.abc import Iterable
from itertools import chain, repeat
from math import fsum
from operator import add, truediv

from .taxonomy_index import ConceptEntry

Reading = tuple[frozenset[str], str, float]     # (token set, canonical text, IDF weight)

# A word in more labels than this only ranks the pool, it does not recruit into it.
COMMON_POSTINGS = 400
POOL_LIMIT = 60
SPELLING_CUTOFF = 0.8


class TokenIndex:
    """IDF-weighted token postings and the readings of every concept's labels."""

    def __init__(self, entries: dict[str, ConceptEntry]) -> None:
        postings: dict[str, list[str]] = {}
        for name, entry in entries.items():
            tokens = {t for text in entry.search for t in text.split()}
            for token in tokens:
                postings.setdefault(token, []).append(name)
        self.postings = {t: tuple(names) for t, names in postings.items()}
        self._posting_sets = {t: frozenset(names) for t, names in postings.items()}
        n = max(1, sum(1 for e in entries.values() if e.search))
        self.idf = {t: math.log(n / len(names)) + 0.5 for t, names in postings.items()}
        # A printed word the taxonomy never uses is specific, not noise: weigh it as the rarest.
        self.unknown_idf = max(self.idf.values(), default=1.0)
        idf, unknown = self.idf, self.unknown_idf
        # Pool ranking uses the weight of each reading's words as printed (repeats count).
        self.min_weight = {
            name: min(sum(idf.get(t, unknown) for t in text.split()) for text in e.search)
            for name, e in entries.items() if e.search}
        self.readings: dict[str, tuple[Reading, ...]] = {}
        for name, e in entries.items():
            if e.search:
                sets = [frozenset(text.split()) for text in e.search]
                self.readings[name] = tuple((s, text, self.weight(s))
                                            for s, text in zip(sets, e.search))
        # smallest token-set weight of a concept: the similarity bound's denominator
        self.min_set_weight = {n: min(r[2] for r in rs) for n, rs in self.readings.items()}
        self.vocabulary = sorted(postings)
        self._bigram_index: dict[str, tuple[str, ...]] | None = None     # built on first use
        self._needed: dict[int, dict[int, int]] = {}
        self._spelling: dict[str, str] = {}

    def clear_memo(self) -> None:
        """Forget spelling repairs (they are memoised per unknown word)."""
        self._spelling.clear()

    # ------------------------------------------------------------------ weights
    def weight(self, tokens: Iterable[str]) -> float:
        return fsum(map(self.idf.get, tokens, repeat(self.unknown_idf)))

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
        hits = Counter(chain.from_iterable(
            bigrams.get(token[i:i + 2], ()) for i in range(len(token) - 1)))
        need = self._shared_pairs_needed(len(token))
        return [w for w, shared in hits.items()
                if (least := need.get(len(w))) is not None and shared >= least]

    def _bigrams(self) -> dict[str, tuple[str, ...]]:
        """Letter pair → vocabulary words having it (each word once per pair)."""
        if self._bigram_index is None:
            pairs: dict[str, dict[str, None]] = {}
            for word in self.vocabulary:
                for i in range(len(word) - 1):
                    pairs.setdefault(word[i:i + 2], {})[word] = None
            self._bigram_index = {pair: tuple(words) for pair, words in pairs.items()}
        return self._bigram_index

    def _shared_pairs_needed(self, la: int) -> dict[int, int]:
        """Word length → shared pair positions a word needs (absent: cannot reach cutoff)."""
        need = self._needed.get(la)
        if need is None:
            need = self._needed[la] = {}
            for lw in {len(w) for w in self.vocabulary}:
                total = la + lw
                least = next((m for m in range(min(la, lw) + 1)
                              if 2.0 * m / total >= SPELLING_CUTOFF), None)
                if least is not None:
                    need[lw] = 3 * least - total - 1
        return need

    # ------------------------------------------------------------------ pool
    def pool(self, sets: list[frozenset[str]], query_weight: float, limit: int = POOL_LIMIT
             ) -> tuple[list[str], dict[str, float]]:
        """Concepts sharing rare words with the label, best Dice upper bound first, and the
        shared weight of each (for ``similarity_bound``).

        The bound of a concept is its shared weight over ``query_weight`` (the lightest query
        set's) plus its lightest reading; ties keep the order in which the words recruit
        concepts. Weights are summed word by word in the same order as ever (float sums
        depend on it); the sort runs in C over precomputed keys.
        """
        tokens = set().union(*sets) if sets else set()
        idf, postings = self.idf, self.postings
        known = [t for t in tokens if t in idf]
        if not known:
            return [], {}
        # words in hundreds of labels ("other", "net") only rank, they do not recruit
        rare = [t for t in known if len(postings[t]) <= COMMON_POSTINGS] or known
        weight = dict.fromkeys(postings[rare[0]], idf[rare[0]])     # 0.0 + idf, exactly
        get = weight.get
        for token in rare[1:]:
            w = idf[token]
            for name in postings[token]:
                weight[name] = get(name, 0.0) + w
        for token in set(known) - set(rare):
            w = idf[token]
            for name in weight.keys() & self._posting_sets[token]:
                weight[name] += w
        names = list(weight)
        keys = list(map(truediv, weight.values(),
                        map(add, repeat(query_weight), map(self.min_weight.__getitem__, names))))
        order = sorted(range(len(names)), key=keys.__getitem__, reverse=True)[:limit]
        return [names[i] for i in order], weight

    def similarity_bound(self, name: str, shared_weight: float, query_weight: float) -> float:
        """No reading of ``name`` is more similar than this (shared weight over the least
        weights of both sides), plus a margin for summation order."""
        return 2.0 * shared_weight / (query_weight + self.min_set_weight[name]) + 1e-9

    # ------------------------------------------------------------------ similarity
    def best_reading(self, name: str, sets: list[tuple[frozenset[str], float]]
                     ) -> tuple[float, str]:
        """The best IDF-weighted Dice coefficient over query sets × label readings."""
        getw = self.idf.__getitem__
        sim, best_text = 0.0, ""
        readings = self.readings.get(name, ())
        for qset, qweight in sets:
            for tset, text, tweight in readings:
                shared = qset & tset
                if not shared:
                    continue
                s = 2.0 * fsum(map(getw, shared)) / (qweight + tweight)
                if s > sim:
                    sim, best_text = s, text
        return sim, best_text

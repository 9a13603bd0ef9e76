"""Benchmark the label mapper: index load time, first-time (uncached) and cached look-ups/s.

    python bench/bench_mapping.py [--rounds N] [--repeat N]

The stream is every label of tests/data (the seeds' expected table, other issuers' wordings
and the held-out list), each with its statement and section, in file order: what mapping a
new document looks like. Figures, each the median and best of ``--rounds`` passes:

* uncached: before each pass every memo keyed by label, word or heading text is cleared
  (look-up results, spelling repairs, ``clean_label``/``canonical`` caches and word stems,
  heading facts, context rows), so every label is computed from scratch, as a label never
  seen before is. What stays is what the index load precomputes (postings arrays, per-
  concept scoring facts), the per-(statement, period type, data type) admissibility arrays
  and the alias buckets per (first letter, statement): a few hundred at most, whatever the
  labels. Three ways:
  - one ``match`` call per label (a program mapping labels one at a time);
  - one ``match_many`` call for the whole stream (how ``map_statement`` and
    ``ixbrl map --file`` look labels up);
  - the same, reading every candidate's reasons (they are worked out when first read);
* uncached, normalisation warm: only look-up results (per request, per canonical reading,
  per finalist set: ``Taxonomy.clear_results``) are cleared (what a second document with recurring words and headings sees),
  one ``match_many`` call;
* cached: the same look-ups again (a batch of announcements with recurring labels).

Before those, one ``match_many`` pass right after the index loads: it also builds the tables
built once per process on first need (alias alternations, admissibility and bonus arrays,
spelling bigrams), as a new process's first document does.

The machine is shared: read the best figure as capacity, the median as what a busy machine
gives.
"""
from __future__ import annotations

import argparse
import csv
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from converter import mapping_query, taxonomy_index
from converter.mapping import Taxonomy

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
Label = tuple[str, "str | None", "tuple[str, ...] | None"]


def labels() -> list[Label]:
    out: list[Label] = []
    for name in ("seed_expected_concepts.csv", "other_issuer_labels.csv",
                 "held_out_labels.csv"):
        with open(DATA / name, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                section = tuple(r["section"].split(" > ")) if r["section"] else None
                out.append((r["label"], r["statement"] or None, section))
    return out


def clear_all(tx: Taxonomy) -> None:
    """Forget everything a look-up memoises: the next pass is first-time work."""
    tx.clear_cache()
    taxonomy_index.clear_memos()
    mapping_query.clear_memo()


def rates(tx: Taxonomy, stream: list[Label], rounds: int, before: Callable[[], None],
          repeat: int = 1, mode: str = "one") -> list[float]:
    out = []
    for _ in range(rounds):
        before()
        start = time.perf_counter()
        for _ in range(repeat):
            if mode == "one":
                for label, statement, section in stream:
                    tx.match(label, statement, section)
            else:
                found = tx.match_many(stream)
                if mode == "explained":
                    for ranked in found:
                        for candidate in ranked:
                            candidate.reasons
        out.append(len(stream) * repeat / (time.perf_counter() - start))
    return out


def show(name: str, values: list[float]) -> None:
    print(f"{name:<40} median {statistics.median(values):>11,.0f}/s   "
          f"best {max(values):>11,.0f}/s   ({1e6 / max(values):.0f} µs each at best)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="passes per figure")
    parser.add_argument("--repeat", type=int, default=50, help="stream repeats per cached pass")
    args = parser.parse_args()
    stream = labels()

    loads = []
    for _ in range(3):
        taxonomy_index.load_raw.cache_clear()
        taxonomy_index.load_entries.cache_clear()
        Taxonomy._loaded.clear()
        start = time.perf_counter()
        tx = Taxonomy.load()
        loads.append(time.perf_counter() - start)
    print(f"index load (json.gz -> Taxonomy): best {min(loads) * 1000:.0f} ms, "
          f"median {statistics.median(loads) * 1000:.0f} ms; {len(tx.entries)} concepts, "
          f"{len(tx.aliases)} aliases")
    print(f"stream: {len(stream)} labels, {len(set(stream))} distinct (label, statement, "
          "section)")
    start = time.perf_counter()
    tx.match_many(stream)
    first = len(stream) / (time.perf_counter() - start)
    print(f"{'first pass after load (tables built as needed)':<40} "
          f"{first:>11,.0f}/s   (once: what a new process's first document sees)")
    cold = lambda: clear_all(tx)    # noqa: E731
    show("uncached, one match per label", rates(tx, stream, args.rounds, cold))
    show("uncached, one match_many call", rates(tx, stream, args.rounds, cold, mode="many"))
    show("uncached, match_many, reasons read",
         rates(tx, stream, args.rounds, cold, mode="explained"))
    show("uncached (normalisation memos warm)",
         rates(tx, stream, args.rounds, tx.clear_results, mode="many"))
    show("cached", rates(tx, stream, args.rounds, lambda: None, args.repeat))


if __name__ == "__main__":
    main()

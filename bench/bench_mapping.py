"""Benchmark the label mapper: index load time, cold and cached look-ups per second.

    python bench/bench_mapping.py [--repeat N]

Labels come from tests/data (the seeds' expected table, other issuers' wordings and the
held-out list), so the cold figure is a realistic first pass over a document and the cached
figure what a batch of announcements with recurring labels sees.
"""
from __future__ import annotations

import argparse
import csv
import time
from pathlib import Path

from converter import taxonomy_index
from converter.mapping import Taxonomy

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"


def _labels() -> list[tuple[str, str | None, str | None]]:
    out = []
    for name in ("seed_expected_concepts.csv", "other_issuer_labels.csv",
                 "held_out_labels.csv"):
        with open(DATA / name, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                out.append((r["label"], r["statement"] or None, r["section"] or None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="passes for the cached rate")
    args = parser.parse_args()
    labels = _labels()

    taxonomy_index.load_raw.cache_clear()
    taxonomy_index.load_entries.cache_clear()
    Taxonomy._loaded.clear()
    start = time.perf_counter()
    tx = Taxonomy.load()
    load = time.perf_counter() - start
    print(f"index load (json.gz -> Taxonomy): {load * 1000:.0f} ms, "
          f"{len(tx.entries)} concepts, {len(tx.aliases)} aliases")

    start = time.perf_counter()
    for label, statement, section in labels:
        tx.match(label, statement, section)
    cold = time.perf_counter() - start
    print(f"first look-ups: {len(labels) / cold:,.0f}/s ({cold / len(labels) * 1000:.2f} ms each, "
          f"{len(labels)} labels)")

    tx._cache.clear()
    start = time.perf_counter()
    for label, statement, section in labels:
        tx.match(label, statement, section)
    uncached = time.perf_counter() - start
    print(f"uncached look-ups (spelling memo warm): {len(labels) / uncached:,.0f}/s")

    start = time.perf_counter()
    for _ in range(args.repeat):
        for label, statement, section in labels:
            tx.match(label, statement, section)
    warm = time.perf_counter() - start
    print(f"cached look-ups: {len(labels) * args.repeat / warm:,.0f}/s")


if __name__ == "__main__":
    main()

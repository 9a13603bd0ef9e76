"""Time extract_file on each seed and print what it found.

Usage: python bench/bench_extract.py [SEEDS_DIR] [--repeat N] [--no-reconcile]

Prints per seed: wall time of the parse (read → locate → rows) and of extract_file (which
also runs changes in equity and reconciliation when those modules exist), statements, rows,
cells, unresolved cells, and the match against tests/expected tables.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from converter.extract import extract_file, parse_block  # noqa: E402
from converter.locate import locate_statements  # noqa: E402
from converter.reader import read_document  # noqa: E402
from expected_tables import EXPECTED, compare, read_expected  # noqa: E402

KINDS = ("income", "comprehensive_income", "financial_position", "cash_flows")


def parse_only(path: Path) -> list:  # type: ignore[type-arg]
    doc = read_document(path)
    return [parse_block(doc, b)[0] for b in locate_statements(doc) if b.kind in KINDS]


def timed(fn, arg, repeat: int) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times = []
    result = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn(arg)
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("seeds", nargs="?", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-reconcile", action="store_true", help="time the parse only")
    args = ap.parse_args()
    for path in sorted(Path(args.seeds).glob("0*.txt")):
        t_parse, stmts = timed(parse_only, path, args.repeat)
        line = f"{path.name}: parse {t_parse * 1000:.0f} ms"
        if not args.no_reconcile:
            t_full, _ = timed(extract_file, path, 1)
            line += f", extract_file {t_full * 1000:.0f} ms"
        print(line)
        for stmt in stmts:  # type: ignore[union-attr]
            if stmt is None:
                continue
            rows = [r for r in stmt.rows if r.kind != "heading"]
            cells = [c for r in rows for c in r.cells if c is not None]
            unresolved = sum(c.provenance == "unresolved" for c in cells)
            exp_path = EXPECTED / path.stem / f"{stmt.kind}.csv"
            match = ""
            if exp_path.exists():
                cmp = compare(stmt, read_expected(exp_path))
                match = (f"expected rows {cmp.rows_expected}, cells "
                         f"{cmp.cells_matched}/{cmp.cells_expected}, "
                         f"{len(cmp.mismatches)} mismatches")
            print(f"  {stmt.kind:22} rows {len(rows):3}  cells {len(cells):3}  "
                  f"unresolved {unresolved:2}  {match}")


if __name__ == "__main__":
    main()

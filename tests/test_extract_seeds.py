"""Each seed's income statement, comprehensive income, balance sheet and cash flows, cell by
cell against tables written from reading the seeds (tests/expected/<seed>/<kind>.csv)."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.extract import extract_file, parse_block
from converter.locate import locate_statements
from converter.periods import is_header_line
from converter.reader import read_document
from expected_tables import EXPECTED, compare, read_expected, write_expected

from conftest import SEED_FILES

KINDS = ("income", "comprehensive_income", "financial_position", "cash_flows")


@pytest.mark.parametrize("seed", SEED_FILES)
@pytest.mark.parametrize("kind", KINDS)
def test_statement_matches_expected(seeds_dir: Path, seed: str, kind: str,
                                    update_golden: bool) -> None:
    doc = read_document(seeds_dir / seed)
    block = next(b for b in locate_statements(doc) if b.kind == kind)
    stmt, _ = parse_block(doc, block)
    assert stmt is not None
    path = EXPECTED / Path(seed).stem / f"{kind}.csv"
    if update_golden:
        write_expected(path, stmt)
        pytest.skip("expected table rewritten")
    result = compare(stmt, read_expected(path))
    assert not result.mismatches, "\n".join(result.mismatches)


@pytest.mark.parametrize("seed", SEED_FILES)
def test_extract_file_finds_all_statements(seeds_dir: Path, seed: str) -> None:
    extraction = extract_file(seeds_dir / seed)
    kinds = {s.kind for s in extraction.statements}
    assert set(KINDS) <= kinds
    for stmt in extraction.statements:
        if stmt.kind == "changes_in_equity":
            continue
        assert len(stmt.columns) == 2
        assert stmt.unit.currency == "CNY" and stmt.unit.scale == 3
        assert not [r.label for r in stmt.rows if r.label and is_header_line(r.label)], \
            "column-header text parsed as rows"
        ids = [r.id for r in stmt.rows]
        assert ids == [f"r{i}" for i in range(1, len(ids) + 1)]
        for row in stmt.rows:
            assert len(row.cells) == 2


@pytest.mark.parametrize("seed, duration, ends", [
    ("003_50a92b31ab6ae645.txt", 12, ("2024-12-31", "2023-12-31")),
    ("004_4504555c7c5a6147.txt", 6, ("2024-06-30", "2023-06-30")),
    ("002_00874d11ac82fe66.txt", 6, ("2022-06-30", "2021-06-30")),
])
def test_periods(seeds_dir: Path, seed: str, duration: int, ends: tuple[str, str]) -> None:
    if seed not in SEED_FILES:
        pytest.skip("seed missing")
    extraction = extract_file(seeds_dir / seed)
    income = extraction.statement("income")
    assert income is not None
    assert tuple(c.period.end.isoformat() for c in income.columns) == ends
    start = income.columns[0].period.start
    assert start is not None and (income.columns[0].period.end.month - start.month + 1) == duration
    fp = extraction.statement("financial_position")
    assert fp is not None and all(c.period.is_instant for c in fp.columns)


def test_interim_balance_sheet_compares_with_year_end(seeds_dir: Path) -> None:
    fp = extract_file(seeds_dir / "004_4504555c7c5a6147.txt").statement("financial_position")
    assert fp is not None
    assert [c.period.end.isoformat() for c in fp.columns] == ["2024-06-30", "2023-12-31"]
    assert fp.columns[0].unaudited and fp.columns[1].restated


@pytest.mark.parametrize("seed", ["000_5d73ce84c67abf70.txt", "003_50a92b31ab6ae645.txt",
                                  "004_4504555c7c5a6147.txt"])
def test_reconciled_seed_leaves_no_cell_unresolved(seeds_dir: Path, seed: str) -> None:
    """001 and 002 still need reconciliation changes (see the parser report in the log)."""
    if seed not in SEED_FILES:
        pytest.skip("seed missing")
    extraction = extract_file(seeds_dir / seed)
    left = [i.message for i in extraction.issues if i.code == "reconcile.unresolved"]
    assert not left, left
    assert all(i.holds for i in extraction.identities)


def test_label_less_statement_borrows_labels(seeds_dir: Path) -> None:
    ci = extract_file(seeds_dir / "004_4504555c7c5a6147.txt").statement("comprehensive_income")
    assert ci is not None
    labels = [r.label for r in ci.rows]
    assert labels[0].lower().startswith("loss for the period")
    assert sum(1 for x in labels if x.lower().startswith("total comprehensive")) >= 3
    assert all(r.printed_label == "" for r in ci.rows if r.label)

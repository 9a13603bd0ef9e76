"""Statement of changes in equity: seeds against hand-checked tables, inline layouts of other
issuers, and a property test (re-spacing and re-wrapping a statement keeps its cells)."""
from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.equity import balance_date, equity_identities, parse_equity
from converter.locate import locate_statements
from converter.model import Cell, Period, Statement
from converter.reader import document_from_text, read_document

EXPECTED = Path(__file__).parent / "expected"
SEEDS = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "shared" / "seeds")
               .glob("0*.txt")) or ["000_5d73ce84c67abf70.txt"]


# --------------------------------------------------------------------------- helpers
def cell_text(c: Cell | None) -> str:
    """How a cell is written in the expected tables: value as printed, nil, *, =derived."""
    if c is None:
        return ""
    if c.less_than_unit:
        return c.text
    if c.nil and c.provenance != "derived":
        return "nil"
    prefix = "=" if c.provenance == "derived" else ""
    return prefix + str(c.value)


def table(stmt: Statement) -> list[list[str]]:
    head = ["label", "kind", "balance_role", "start", "end"] + [
        c.component or c.header for c in stmt.columns]
    out = [head]
    for r in stmt.rows:
        p = r.period
        out.append([r.label, r.kind, r.balance_role,
                    str(p.start) if p else "", str(p.end) if p else ""]
                   + [cell_text(c) for c in r.cells])
    return out


def parse_text(text: str, title: str = "Statement of changes in equity"):
    doc = document_from_text(text)
    stmt, issues = parse_equity(doc, 1, len(doc.lines), title)
    return stmt, issues


def seed_statement(seeds_dir: Path, name: str):
    doc = read_document(seeds_dir / name)
    block = next(b for b in locate_statements(doc) if b.kind == "changes_in_equity")
    return parse_equity(doc, block.first_line, block.last_line, block.title)


# --------------------------------------------------------------------------- seeds
@pytest.mark.parametrize("name", SEEDS)
def test_seed_matches_expected_table(seeds_dir: Path, name: str, update_golden: bool) -> None:
    stmt, issues = seed_statement(seeds_dir, name)
    assert stmt is not None, [i.message for i in issues]
    got = table(stmt)
    path = EXPECTED / Path(name).stem / "changes_in_equity.csv"
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as fh:
            csv.writer(fh, lineterminator="\n").writerows(got)
        pytest.skip("expected table rewritten")
    with path.open(newline="", encoding="utf-8") as fh:
        want = list(csv.reader(fh))
    assert got[0] == want[0], "columns differ"
    bad = [(i, j, want[i][j] if i < len(want) else None, got[i][j])
           for i in range(1, max(len(got), len(want)))
           for j in range(len(want[0]))
           if i >= len(got) or i >= len(want) or got[i][j] != want[i][j]]
    assert not bad, bad[:10]


@pytest.mark.parametrize("name", SEEDS)
def test_seed_identities_hold(seeds_dir: Path, name: str) -> None:
    stmt, issues = seed_statement(seeds_dir, name)
    ids = equity_identities(stmt)
    assert len(ids) > 60
    assert [i.name for i in ids if not i.holds] == []
    assert not [i for i in issues if i.severity == "error"]
    assert not [i for i in issues if i.code in ("equity.cross_foot", "equity.down_foot")]

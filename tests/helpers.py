"""Helpers shared by the rule tests: extract a short announcement written inline, and read
one row's values."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from converter.extract import extract_file
from converter.model import Extraction, Statement


def extract_text(tmp_path: Path, text: str) -> Extraction:
    """Write ``text`` as an announcement file under ``tmp_path`` and extract it."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


def row_values(stmt: Statement, label: str) -> list[Decimal | None]:
    """The values of the first row printed with ``label`` (None for a blank cell)."""
    row = next(r for r in stmt.rows if (r.printed_label or r.label) == label)
    return [c.value if c is not None else None for c in row.cells]

"""The rendered report in headless Chromium: it loads, and every statement table shows figures."""
from __future__ import annotations

from pathlib import Path

import pytest

from converter.browser import chromium, probe
from converter.extract import extract_file
from converter.pipeline import ConvertOptions, build_report

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(chromium() is None, reason="chromium not installed")]
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbourfront-2025-annual-results.txt"


def test_report_loads_and_statements_are_visible(tmp_path: Path) -> None:
    report, _plan, _files, xhtml = build_report(extract_file(EXAMPLE), ConvertOptions(outdir=tmp_path))
    page = tmp_path / "report.xhtml"
    page.write_bytes(xhtml)
    result = probe(page)
    assert result["errors"] == []
    tables = {t["id"]: t for t in result["tables"]}  # type: ignore[index]
    assert set(tables) == {"income", "comprehensive-income", "financial-position",
                           "changes-in-equity", "cash-flows"}
    tagged = {}
    for fact in report.facts:
        tagged[fact.statement] = tagged.get(fact.statement, 0) + 1
    for table_id, table in tables.items():
        assert table["width"] > 300 and table["height"] > 100, table
        assert table["facts"] > 0 and table["shown"] == table["facts"], table
        assert table["facts"] == tagged[table_id.replace("-", "_")]

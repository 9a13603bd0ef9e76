"""The extraction report: JSON-ready dict and text, with the reconciliation and input lines."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from converter.extraction_report import extraction_text, extraction_to_dict
from converter.reconcile import reconcile
from test_structure import INCOME, company


@pytest.fixture(scope="module")
def repaired():
    text = INCOME.replace("(2,640)", "?").replace("(80,200)", "?-30200/-80200")
    text = text.replace("(5,400)", "?").replace("(12,300)", "?")
    return reconcile(company(income=text))


def test_dict_is_json_and_keeps_provenance_and_lines(repaired):
    d = json.loads(json.dumps(extraction_to_dict(repaired)))
    income = next(s for s in d["statements"] if s["kind"] == "income")
    assert income["columns"][0]["period"] == {"start": "2025-01-01", "end": "2025-12-31"}
    tax = next(r for r in income["rows"] if r["label"] == "Income tax expense")
    assert tax["cells"][1] == {"column": 1, "value": "-2640", "text": "(2,640)",
                               "provenance": "derived", "line": 109,
                               "derived_from": "income: Profit for the year [2024]"}
    assert income["subtotals"]  # the calculation tree travels with the statement
    equity = next(s for s in d["statements"] if s["kind"] == "changes_in_equity")
    assert equity["column_subtotals"] == {"2": [[1, 0], [1, 1]], "4": [[1, 2], [1, 3]]}
    rec = d["reconciliation"]
    assert rec["summary"]["derived"] == 1 and rec["summary"]["repaired"] == 1
    assert rec["summary"]["unresolved"] == 2
    assert {u["line"] for u in rec["unresolved"]} == {104, 105}
    unchecked = [i for i in rec["identities"] if i["status"] == "unchecked"]
    assert unchecked and all(i["lines"] for i in unchecked)
    gross = next(i for i in rec["identities"] if i["name"] == "income: Gross profit [2025]")
    assert gross["status"] == "holds" and gross["lines"] == [100, 101, 102]


def test_named_subtotal_keeps_printed_label_in_dict():
    d = extraction_to_dict(reconcile(company()))
    bs = next(s for s in d["statements"] if s["kind"] == "financial_position")
    named = [r for r in bs["rows"] if "printed_label" in r]
    assert {r["label"] for r in named} >= {"Total current assets", "Total non-current assets"}


def test_text_lists_statements_failures_repairs_and_unresolved(repaired):
    text = extraction_text(repaired)
    assert "== income:" in text and "== changes_in_equity:" in text
    assert "(2,640)=" in text              # derived figures are marked
    assert "UNCHECKED" in text and "== unresolved (2)" in text
    assert "line 109" in text and "derived (2,640)" in text
    assert "1 readings chosen" in text


def test_failing_identity_shows_in_text_with_lines():
    x = reconcile(company(income=INCOME.replace("120,500", "120,600")))
    text = extraction_text(x)
    assert "FAILS     income: Gross profit [2025] (lines 100, 101, 102)" in text


def test_cli_extract_json_on_a_seed(seeds_dir):
    seed = seeds_dir / "003_50a92b31ab6ae645.txt"
    out = subprocess.run([sys.executable, "-m", "converter.cli", "extract", "--json", str(seed)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode in (0, 1), out.stderr
    d = json.loads(out.stdout)
    assert d["reconciliation"]["summary"]["identities"] > 50


def test_column_groups_show_in_text_and_json(tmp_path) -> None:
    from converter.extract import extract_file
    source = tmp_path / "willow.txt"
    source.write_text(
        "WILLOW PARK BERHAD\n\nSTATEMENTS OF FINANCIAL POSITION\nAS AT 30 JUNE 2025\n\n"
        "\t\tGroup\t\tCompany\n\t\t2025\t2024\t2025\t2024\n\tNote\tRM'000\tRM'000\tRM'000\tRM'000\n"
        "Cash and bank balances\t\t15,500\t12,500\t2,000\t1,500\n"
        "Total assets\t\t15,500\t12,500\t2,000\t1,500\n", encoding="utf-8")
    extraction = extract_file(source)
    columns = extraction_to_dict(extraction)["statements"][0]["columns"]
    assert [(c["group"], c["scope"]) for c in columns] == [
        ("Group", "group"), ("Group", "group"), ("Company", "separate"), ("Company", "separate")]
    lines = extraction_text(extraction).splitlines()
    groups = next(i for i, line in enumerate(lines) if "Company" in line and "Group" in line)
    assert lines[groups + 1].split() == ["2025", "2024", "2025", "2024"]

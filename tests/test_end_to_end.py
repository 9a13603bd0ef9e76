"""End to end with Arelle: convert, validate offline, and check what Arelle would read.

The taxonomy is loaded once for the whole module: every report is validated in one batch.
"""
from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from converter.pipeline import ConversionResult, ConvertOptions, convert_file
from converter.readback import read_facts

pytestmark = pytest.mark.arelle

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "harbourfront-2025-annual-results.txt"
SEED_003 = "003_50a92b31ab6ae645.txt"


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path,
              taxonomy_package: Path) -> dict[str, tuple[ConversionResult, object]]:
    from converter.validation import ValidateOptions, validate_paths

    out = tmp_path_factory.mktemp("out")
    options = ConvertOptions(outdir=out, validate=False)
    results = {p.stem: convert_file(p, options) for p in (EXAMPLE, seeds_dir / SEED_003)}
    for result in results.values():
        assert result.error is None, result.summary()
    checks = validate_paths([r.package for r in results.values()],  # type: ignore[misc]
                            ValidateOptions(taxonomy_package=str(taxonomy_package)))
    return {name: (result, check) for (name, result), check in zip(results.items(), checks)}


@pytest.mark.parametrize("name", [EXAMPLE.stem, Path(SEED_003).stem])
def test_report_is_valid_with_no_findings(converted: dict, name: str) -> None:
    _result, check = converted[name]
    findings = [f for f in check.findings if f.severity in ("error", "warning")]
    assert check.valid and not findings, "\n".join(map(str, findings))


def test_plain_arelle_agrees(converted: dict, taxonomy_package: Path) -> None:
    result, _check = converted[Path(SEED_003).stem]
    log = result.package.parent / "arelle.log"
    arelle = Path(sys.executable).with_name("arelleCmdLine")
    run = subprocess.run(
        [str(arelle), "--file", str(result.package), "--packages", str(taxonomy_package),
         "--validate", "--workOffline", "--calc=c11r", "--validationExitCode",
         "--logFile", str(log), "--logFileMode=w"],
        capture_output=True, text=True, check=False, timeout=600)
    text = log.read_text(encoding="utf-8")
    problems = [line for line in text.splitlines()
                if re.match(r"\[(?!info)[^\]]+\]", line) and "calc11" in line or
                re.match(r"\[(error|warning|xbrl|ix|calc|xmlSchema|lxml)", line)]
    assert run.returncode == 0, text[-2000:]
    assert not problems, "\n".join(problems[:20])


def _facts(converted: dict, name: str):
    result, _ = converted[name]
    return read_facts(result.report.read_bytes())


def test_every_printed_figure_of_seed_003_is_tagged_once(converted: dict, seeds_dir: Path) -> None:
    """Income statement, comprehensive loss and balance sheet: each printed cell is one fact
    (a figure printed twice, like the loss, gives two facts that agree)."""
    from converter.extract import extract_file

    extraction = extract_file(seeds_dir / SEED_003)
    facts = _facts(converted, Path(SEED_003).stem)
    by_id = {f.id: f for f in facts}
    codes = {"income": "is", "comprehensive_income": "ci", "financial_position": "bs"}
    for kind, code in codes.items():
        statement = extraction.statement(kind)  # type: ignore[arg-type]
        assert statement is not None
        for row in statement.value_rows():
            for index, cell in enumerate(row.cells):
                if cell is None or cell.value is None:
                    continue
                fact = by_id.get(f"{code}-{row.id}-c{index}")
                assert fact is not None, f"{kind} '{row.label}' column {index} not tagged"
                scale = Decimal(1) if row.per_share else Decimal(1000)
                assert abs(fact.value) == abs(cell.value) * scale, (row.label, fact)


@pytest.mark.parametrize("concept, period, value", [
    # XBRL values follow the concept's balance, not the printed parentheses (IXBRL-NOTES.md)
    ("ifrs-full:Revenue", "2024-01-01..2024-12-31", "3772101000"),
    ("ifrs-full:CostOfSales", "2024-01-01..2024-12-31", "2152404000"),
    ("ifrs-full:GrossProfit", "2024-01-01..2024-12-31", "1619697000"),
    ("ifrs-full:ProfitLossBeforeTax", "2024-01-01..2024-12-31", "-4299666000"),
    ("ifrs-full:IncomeTaxExpenseContinuingOperations", "2024-01-01..2024-12-31", "6918000"),
    ("ifrs-full:IncomeTaxExpenseContinuingOperations", "2023-01-01..2023-12-31", "-9492000"),
    ("ifrs-full:ProfitLoss", "2024-01-01..2024-12-31", "-4306584000"),
    ("ifrs-full:ProfitLossAttributableToOwnersOfParent", "2024-01-01..2024-12-31", "-4278383000"),
    ("ifrs-full:BasicEarningsLossPerShare", "2024-01-01..2024-12-31", "-0.13"),
    ("ifrs-full:DilutedEarningsLossPerShare", "2023-01-01..2023-12-31", "-0.20"),
    ("ifrs-full:ComprehensiveIncome", "2024-01-01..2024-12-31", "-4141450000"),
    ("ifrs-full:RetainedEarnings", "2024-12-31", "-56912551000"),
    ("ifrs-full:NoncontrollingInterests", "2023-12-31", "-3947000"),
    ("ifrs-full:Equity", "2024-12-31", "23641705000"),
    ("ifrs-full:Assets", "2024-12-31", "34599511000"),
    ("ifrs-full:CashAndCashEquivalents", "2024-12-31", "8887988000"),
])
def test_seed_003_signs_and_scale(converted: dict, concept: str, period: str, value: str) -> None:
    facts = [f for f in _facts(converted, Path(SEED_003).stem)
             if f.concept == concept and f.period == period and not f.dimensions]
    assert facts, f"no {concept} for {period}"
    assert {f.value for f in facts} == {Decimal(value)}

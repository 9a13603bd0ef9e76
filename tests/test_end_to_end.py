"""End to end with Arelle: convert, validate offline, and check what Arelle would read.

The taxonomy is loaded once for the whole module: every report is validated in one batch.
"""
from __future__ import annotations

import csv
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from converter.pipeline import ConversionResult, ConvertOptions, convert_file
from converter.readback import read_facts

pytestmark = pytest.mark.arelle

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("*.txt"))
SEED_003 = "003_50a92b31ab6ae645.txt"
SEED_NAMES = ["000_5d73ce84c67abf70", "001_35224eecf9a32659", "002_00874d11ac82fe66",
              "003_50a92b31ab6ae645", "004_4504555c7c5a6147"]
ALL = [p.stem for p in EXAMPLES] + SEED_NAMES


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path,
              taxonomy_package: Path) -> dict[str, tuple[ConversionResult, object]]:
    """Every example and seed converted, then validated in one batch (one taxonomy load)."""
    from converter.validation import ValidateOptions, validate_paths

    out = tmp_path_factory.mktemp("out")
    options = ConvertOptions(outdir=out, validate=False)
    sources = EXAMPLES + [seeds_dir / f"{name}.txt" for name in SEED_NAMES]
    results = {p.stem: convert_file(p, options) for p in sources}
    written = {name: r for name, r in results.items() if r.package is not None}
    checks = validate_paths([r.package for r in written.values()],  # type: ignore[misc]
                            ValidateOptions(taxonomy_package=str(taxonomy_package)))
    verdicts = dict(zip(written, checks))
    return {name: (result, verdicts.get(name)) for name, result in results.items()}


@pytest.mark.parametrize("name", ALL)
def test_report_is_valid_with_no_findings(converted: dict, name: str) -> None:
    result, check = converted[name]
    assert result.error is None, result.summary()
    findings = [f for f in check.findings if f.severity in ("error", "warning")]
    assert check.valid and not findings, "\n".join(map(str, findings))


def _arelle(args: list[str], log: Path) -> tuple[int, str]:
    arelle = Path(sys.executable).with_name("arelleCmdLine")
    run = subprocess.run([str(arelle), *args, "--workOffline", "--logFile", str(log),
                          "--logFileMode=w"], capture_output=True, text=True, check=False,
                         timeout=600)
    return run.returncode, log.read_text(encoding="utf-8") if log.exists() else ""


def test_plain_arelle_agrees(converted: dict, taxonomy_package: Path) -> None:
    """The acceptance command itself: full validation, Calculations 1.1, exit code 0."""
    result, _check = converted[Path(SEED_003).stem]
    code, text = _arelle(["--file", str(result.package), "--packages", str(taxonomy_package),
                          "--validate", "--calc=c11r", "--validationExitCode"],
                         result.package.parent / "arelle.log")
    problems = [line for line in text.splitlines() if not line.startswith("[info")]
    assert code == 0, text[-2000:]
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("name", ALL)
def test_facts_arelle_reads_equal_ours(converted: dict, name: str, taxonomy_package: Path) -> None:
    """What Arelle reads from the package is, fact for fact, what we meant to write."""
    result, _check = converted[name]
    assert result.package is not None, result.summary()
    table = result.package.parent / f"{name}.facts.csv"
    _arelle(["--file", str(result.package), "--packages", str(taxonomy_package),
             "--facts", str(table), "--factListCols", "Name,contextRef,Value"],
            result.package.parent / f"{name}.facts.log")
    with open(table, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    ours = sorted((f.concept, f.context, _value(f.value)) for f in read_facts(result.report.read_bytes()))
    keys = {(concept, context) for concept, context, _ in ours}
    theirs = sorted((r["Name"], r["contextRef"], _value(r["Value"])) for r in rows
                    if (r["Name"], r["contextRef"]) in keys)
    assert theirs == ours


def _value(value: object) -> str:
    """Both sides as one canonical text: a number, or "nil"."""
    try:
        return str(Decimal(str(value)).normalize()) if value not in (None, "") else "nil"
    except ArithmeticError:
        return "nil"


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

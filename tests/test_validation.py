"""The validate stage: our own checks on small inline examples, then real Arelle runs on
hand-written reports that are invalid in known ways (tests/data/invalid/README.md).

The Arelle runs share one batch (session fixture): the IFRS taxonomy is loaded once for the
whole suite, as ``ixbrl validate`` does for a batch.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from converter.checks import (FactRecord, Finding, duplicate_findings, printed_label,
                              sign_findings, untagged_figure_findings)
from converter.cli import main
from converter.validation import (NoReportsError, ValidateOptions, ValidationResult,
                                  find_reports, validate_paths, validate_report)

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "invalid"
SCHEMA = json.loads((REPO / "tests" / "data" / "validation.schema.json").read_text())
DOC = REPO / "docs" / "validation-json.md"
XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"


# =========================================================================== our own checks
def fact(concept: str, value: str | None, label: str = "", balance: str | None = None,
         standard: str = "", context: str = "FY", decimals: int | None = -3,
         element_id: str | None = None) -> FactRecord:
    return FactRecord(concept=concept, value=None if value is None else Decimal(value),
                      context=context, unit="HKD", decimals=decimals, balance=balance,
                      standard_label=standard, printed_label=label, element_id=element_id)


@pytest.mark.parametrize("label", [
    "Loss for the year", "Loss for the period attributable to owners of the Company",
    "Share of losses of joint ventures", "Total comprehensive loss for the period",
    "Net loss"])
def test_loss_label_tagged_positive_on_a_profit_concept(label: str) -> None:
    found = list(sign_findings([fact("ifrs-full:ProfitLoss", "6092990000", label, "credit",
                                     "Profit (loss)")]))
    assert [f.code for f in found] == ["ixbrl:lossTaggedPositive"]
    assert found[0].severity == "warning" and found[0].concept == "ifrs-full:ProfitLoss"


def test_sign_rules_skip_matrix_cells_and_measurement_bases() -> None:
    # Changes in equity: "Total comprehensive loss" row, exchange-reserve column gained.
    cell = FactRecord(concept="ifrs-full:ComprehensiveIncome", value=Decimal("176256000"),
                      context="FY_ReserveOfExchangeDifferences", balance="credit",
                      standard_label="Comprehensive income", dimensional=True,
                      printed_label="Total comprehensive loss for the year")
    basis = fact("x:RecognitionOfLiabilitiesAtAmortisedCost", "-184974000",
                 "Recognition of financial instruments at amortised cost", "debit", "X")
    assert list(sign_findings([cell, basis])) == []


@pytest.mark.parametrize("label,value,balance,standard", [
    ("Loss for the year", "-6092990000", "credit", "Profit (loss)"),      # correctly negative
    ("Profit/(loss) for the year", "6092990000", "credit", "Profit (loss)"),  # either way
    ("Profit for the year", "120000", "credit", "Profit (loss)"),
    ("Impairment losses on trade receivables", "5000", "debit",
     "Impairment loss recognised in profit or loss"),                      # debit concept
    ("Loss allowance", "7000", "credit", "Allowance account for credit losses"),
])
def test_no_sign_finding_when_label_and_value_agree(label: str, value: str, balance: str,
                                                    standard: str) -> None:
    assert list(sign_findings([fact("ifrs-full:X", value, label, balance, standard)])) == []


@pytest.mark.parametrize("label,value,expected", [
    ("Finance costs", "-1250000", ["ixbrl:expenseTaggedNegative"]),
    ("Administrative expenses", "-80000", ["ixbrl:expenseTaggedNegative"]),
    ("Cost of sales", "-9120000", ["ixbrl:expenseTaggedNegative"]),
    ("Finance costs", "1250000", []),                       # positive: right
    ("Income tax (expense)/credit", "-239822000", []),      # can go either way
    ("Reversal of impairment costs", "-300", []),
])
def test_expense_label_on_debit_concept(label: str, value: str, expected: list[str]) -> None:
    found = sign_findings([fact("ifrs-full:FinanceCosts", value, label, "debit",
                                "Finance costs")])
    assert [f.code for f in found] == expected


def test_duplicates_consistent_within_rounding_are_not_reported() -> None:
    facts = [fact("ifrs-full:Revenue", "18004000", decimals=-3),
             fact("ifrs-full:Revenue", "18004400", decimals=0),    # rounds to 18,004 thousand
             fact("ifrs-full:Revenue", "18004000", decimals=-3, context="PY")]
    assert list(duplicate_findings(facts)) == []


def test_inconsistent_duplicates_are_an_error_naming_each_fact() -> None:
    facts = [fact("ifrs-full:Revenue", "18004000", element_id="a"),
             fact("ifrs-full:Revenue", "18400000", element_id="b"),
             fact("ifrs-full:Revenue", None, element_id="nil")]     # nil: not compared
    [found] = duplicate_findings(facts)
    assert (found.severity, found.code, found.concept, found.context) == (
        "error", "ixbrl:inconsistentDuplicate", "ifrs-full:Revenue", "FY")
    assert "18004000" in found.message and "18400000" in found.message and "id b" in found.message


def _table(rows: str) -> etree._Element:
    return etree.fromstring(
        f'<html xmlns="{XHTML}" xmlns:ix="{IX}"><body><table>{rows}</table></body></html>')


def test_untagged_figures_in_tagged_tables() -> None:
    root = _table(
        '<tr><th>Note</th><th>2025</th><th>2024</th></tr>'
        '<tr><td>Revenue</td><td>5</td><td><ix:nonFraction name="a">1,234</ix:nonFraction></td>'
        '<td>1,100</td></tr>'
        '<tr><td>Finance costs</td><td>6(b)</td><td>(<ix:nonFraction name="b">56</ix:nonFraction>)'
        '</td><td>(48)</td></tr>'
        '<tr><td>Basic loss per share (RMB cents)</td><td></td><td>12.5</td><td>2024</td></tr>'
        '<tr><td>Margin</td><td></td><td>15%</td><td>-</td></tr>')
    found = list(untagged_figure_findings(root, "r.xhtml"))
    assert [f.value for f in found] == ["1,100", "(48)", "12.5"]
    assert all(f.code == "ixbrl:untaggedFigure" and f.file == "r.xhtml" for f in found)
    assert "Revenue" in found[0].message


def test_tables_without_any_tag_are_left_alone() -> None:
    root = _table('<tr><td>Revenue</td><td>1,234</td></tr>')
    assert list(untagged_figure_findings(root)) == []


def test_printed_label_of_a_table_row_and_of_a_sentence() -> None:
    root = etree.fromstring(
        f'<html xmlns="{XHTML}" xmlns:ix="{IX}"><body>'
        '<p>Revenue rose 5%. Loss for the year: HK$ <ix:nonFraction name="a">1</ix:nonFraction></p>'
        '<table><tr><td>Finance <i>costs</i></td><td>6</td>'
        '<td>(<ix:nonFraction name="b">2</ix:nonFraction>)</td></tr></table></body></html>')
    labels = [printed_label(e) for e in root.iter(f"{{{IX}}}nonFraction")]
    assert labels == ["Loss for the year: HK$", "Finance costs"]


@given(st.text(max_size=40))
def test_untagged_figure_rule_never_raises_on_any_cell_text(text: str) -> None:
    cell = etree.SubElement(etree.SubElement(etree.Element("table"), "tr"), "td")
    tagged = etree.SubElement(cell.getparent(), "td")
    etree.SubElement(tagged, f"{{{IX}}}nonFraction").text = "1"
    try:
        cell.text = text
    except ValueError:      # not XML-compatible text: lxml refuses it, nothing to check
        return
    for f in untagged_figure_findings(cell.getparent().getparent()):
        assert f.code == "ixbrl:untaggedFigure"
        assert re.search(r"\d", f.value or "")


# =========================================================================== finding reports
def test_find_reports_in_a_folder_skips_non_reports(tmp_path: Path) -> None:
    (tmp_path / "a.xhtml").write_text('<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"/>')
    (tmp_path / "notes.html").write_text("<html><body>no tags</body></html>")
    with zipfile.ZipFile(tmp_path / "IFRSAT-like.zip", "w") as zf:   # a taxonomy package
        zf.writestr("t/META-INF/taxonomyPackage.xml", "<x/>")
    with zipfile.ZipFile(tmp_path / "r.zip", "w") as zf:
        zf.writestr("r/META-INF/reportPackage.json", "{}")
    (tmp_path / "r.xbri").write_bytes(b"not even a zip")              # still a report to judge
    found = [(r.path.name, r.kind) for r in find_reports([tmp_path])]
    assert found == [("a.xhtml", "inline"), ("r.xbri", "package"), ("r.zip", "package")]


def test_unpacked_copy_beside_its_package_is_not_validated_twice(tmp_path: Path) -> None:
    # ixbrl convert writes out/r/ (unpacked) and out/r.xbri: one report, judged once.
    (tmp_path / "r" / "META-INF").mkdir(parents=True)
    (tmp_path / "r" / "META-INF" / "reportPackage.json").write_text("{}")
    (tmp_path / "r" / "reports").mkdir()
    (tmp_path / "r" / "reports" / "r.xhtml").write_text("<html inlineXBRL/>")
    (tmp_path / "lone" / "reports").mkdir(parents=True)            # no package beside it
    (tmp_path / "lone" / "reports" / "x.xhtml").write_text("<html inlineXBRL/>")
    with zipfile.ZipFile(tmp_path / "r.xbri", "w") as zf:
        zf.writestr("r/META-INF/reportPackage.json", "{}")
    assert [r.path.name for r in find_reports([tmp_path])] == ["x.xhtml", "r.xbri"]


@pytest.mark.parametrize("make", ["missing", "empty-folder", "unknown-kind"])
def test_nothing_to_validate_is_a_usage_error(tmp_path: Path, make: str) -> None:
    target = {"missing": tmp_path / "nope.xhtml", "empty-folder": tmp_path,
              "unknown-kind": tmp_path / "report.pdf"}[make]
    if make == "unknown-kind":
        target.write_bytes(b"%PDF")
    (tmp_path / "readme.txt").write_text("no reports here")
    with pytest.raises(NoReportsError) as info:
        find_reports([target])
    assert info.value.exit_code == 2


# =========================================================================== Arelle, one batch
def _zip_folder(source: Path, target: Path, tops: tuple[str, ...] = ("report",),
                drop: str | None = None) -> Path:
    with zipfile.ZipFile(target, "w") as zf:
        for top in tops:
            for path in sorted(source.rglob("*")):
                rel = path.relative_to(source).as_posix()
                if path.is_file() and rel != drop:
                    zf.write(path, f"{top}/{rel}")
    return target


@pytest.fixture(scope="session")
def inputs(tmp_path_factory: pytest.TempPathFactory, taxonomy_package: Path) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("reports")
    control = DATA / "control-package"
    empty = tmp / "empty.zip"
    zipfile.ZipFile(empty, "w").close()
    corrupt_package = tmp / "corrupt.xbri"
    corrupt_package.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    unpinned = tmp / "unpinned.xhtml"     # an older IFRS version than the pinned package
    unpinned.write_text((DATA / "period-type.xhtml").read_text(encoding="utf-8").replace(
        "2025-03-27/full_ifrs_entry_point_ext_2025-03-27.xsd",
        "2017-03-09/full_ifrs_entry_point_2017-03-09.xsd"), encoding="utf-8")
    return {
        "good": taxonomy_package.parent / "smoke-test" / "good-2025.xhtml",   # read in place
        "period": DATA / "period-type.xhtml",
        "unknown": DATA / "unknown-concept.xhtml",
        "duplicate": DATA / "inconsistent-duplicate.xhtml",
        "quality": DATA / "sign-and-coverage.xhtml",
        "corrupt": DATA / "corrupt.xhtml",
        "calc": DATA / "calc" / "report.xhtml",
        "default-member": DATA / "default-member" / "report.xhtml",
        "package": _zip_folder(control, tmp / "control.xbri"),
        "no-meta": _zip_folder(control, tmp / "no-meta.xbri",
                               drop="META-INF/reportPackage.json"),
        "two-tops": _zip_folder(control, tmp / "two-tops.xbri", tops=("a", "b")),
        "empty-zip": empty,
        "corrupt-package": corrupt_package,
        "unpinned": unpinned,
    }


@pytest.fixture(scope="session")
def results(inputs: dict[str, Path], taxonomy_package: Path) -> dict[str, ValidationResult]:
    options = ValidateOptions(taxonomy_package=taxonomy_package, jobs=2)
    found = validate_paths(list(inputs.values()), options)
    assert [r.path for r in found] == [str(p) for p in inputs.values()]
    return dict(zip(inputs, found))


def codes(result: ValidationResult, severity: str | None = None) -> list[str]:
    return [f.code for f in result.findings if severity in (None, f.severity)]



@pytest.mark.arelle
def test_valid_reports_are_valid(results: dict[str, ValidationResult]) -> None:
    for name in ("good", "package"):
        assert results[name].valid, results[name].summary()
        assert codes(results[name], "error") == []
        assert results[name].facts >= 2
    assert results["package"].kind == "package" and results["package"].documents == (
        "report.xhtml",)


@pytest.mark.arelle
def test_batch_loads_the_taxonomy_once(results: dict[str, ValidationResult]) -> None:
    # The reports on the essential entry point (the package and the hand-written reports)
    # shared one base DTS; the smoke report, on the full entry point, got its own.
    for name in ("good", "period", "calc", "package", "quality", "duplicate", "no-meta"):
        assert results[name].dts_reused, name
    # Damaged inputs never reached a DTS.
    assert not results["empty-zip"].dts_reused and results["empty-zip"].facts == 0


@pytest.mark.arelle
@pytest.mark.parametrize("name,code,concept,context", [
    ("period", "xbrl.4.7.2:contextPeriodType", "ifrs-full:Assets", "FY2025"),
    ("unknown", "ix11.12.1.2:missingReferences", "ifrs-full:Turnover", None),  # no definition
    ("calc", "calc11e:inconsistentCalculationUsingRounding", "ifrs-full:GrossProfit", "FY2025"),
    ("duplicate", "ixbrl:inconsistentDuplicate", "ifrs-full:Revenue", "FY2025"),
    # the default member comes from the extension's own definition linkbase
    ("default-member", "xbrldie:DefaultValueUsedInInstanceError", None, "FY2025_AllRegions"),
])
def test_known_errors_are_found_with_their_fact(results: dict[str, ValidationResult],
                                                name: str, code: str, concept: str | None,
                                                context: str | None) -> None:
    result = results[name]
    assert not result.valid and result.exit_code == 1
    [finding] = [f for f in result.findings if f.code == code]
    assert finding.severity == "error"
    assert finding.concept == concept
    assert finding.context == context or context in finding.message
    assert finding.line and finding.file and finding.file.endswith(".xhtml")


@pytest.mark.arelle
def test_shared_taxonomy_sees_the_extension_labels(results: dict[str, ValidationResult]) -> None:
    """The label set the batch pre-computed on the IFRS base is stale once a report's own
    label linkbase loads; the sign check on an extension concept needs the fresh one."""
    result = results["default-member"]
    assert result.dts_reused
    assert ("ixbrl:lossTaggedPositive", "ex:ProfitLossFromRegionalOperations") in {
        (f.code, f.concept) for f in result.findings}


@pytest.mark.arelle
def test_inconsistent_duplicate_also_reported_by_arelle(
        results: dict[str, ValidationResult]) -> None:
    assert "arelle:duplicateFacts" in codes(results["duplicate"], "warning")


@pytest.mark.arelle
def test_quality_findings_on_an_xbrl_valid_report(results: dict[str, ValidationResult]) -> None:
    result = results["quality"]
    assert result.valid                       # warnings only
    found = {(f.code, f.concept or f.value) for f in result.findings}
    assert found == {("ixbrl:lossTaggedPositive", "ifrs-full:ProfitLoss"),
                     ("ixbrl:expenseTaggedNegative", "ifrs-full:FinanceCosts"),
                     ("ixbrl:untaggedFigure", "2,045")}


@pytest.mark.arelle
@pytest.mark.parametrize("name,code", [
    ("corrupt", "xmlSchema:syntax"),
    ("no-meta", "rpe:documentTypeFileExtensionMismatch"),
    ("two-tops", "rpe:invalidDirectoryStructure"),
    ("empty-zip", "ixbrl:noReport"),
    ("corrupt-package", "FileSourceError"),
])
def test_broken_files_and_packages_are_invalid_not_crashes(
        results: dict[str, ValidationResult], name: str, code: str) -> None:
    result = results[name]
    assert not result.valid
    assert code in codes(result, "error")
    assert "ixbrl:engineFailure" not in codes(result)


@pytest.mark.arelle
def test_json_output_follows_the_documented_schema(results: dict[str, ValidationResult]) -> None:
    for result in results.values():
        payload = json.loads(json.dumps(result.to_dict()))
        assert check_schema(payload, SCHEMA) == [], result.path
        assert payload["valid"] is result.valid
        assert payload["counts"]["error"] == len(codes(result, "error"))


def test_documentation_lists_exactly_the_schema_fields() -> None:
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `([a-z_.\[\]]+)` \|", text, flags=re.M))
    top = set(SCHEMA["properties"])
    finding = {f"findings[].{k}" for k in SCHEMA["properties"]["findings"]["items"]["properties"]}
    nested = {f"counts.{k}" for k in SCHEMA["properties"]["counts"]["properties"]} | \
        {f"engine.{k}" for k in SCHEMA["properties"]["engine"]["properties"]}
    assert documented == top | finding | nested


@pytest.mark.arelle
def test_every_arelle_message_appears_with_its_code(results: dict[str, ValidationResult],
                                                    taxonomy_package: Path,
                                                    tmp_path: Path) -> None:
    """Plain arelleCmdLine, same options, on two reports: the same codes, as many times."""
    names = ("calc", "corrupt")
    files = [{"file": str(DATA / {"calc": "calc/report.xhtml", "corrupt": "corrupt.xhtml"}[n])}
             for n in names]
    log = tmp_path / "log.json"
    cmd = [str(Path(sys.executable).parent / "arelleCmdLine"), "--file", json.dumps(files),
           "--packages", str(taxonomy_package), "--validate", "--workOffline",
           "--baseTaxonomyValidation=none", "--calc=c11r", "--validateDuplicateFacts",
           "inconsistent", "--logFile", str(log), "--logFileMode=w"]
    subprocess.run(cmd, capture_output=True, timeout=300, check=False)
    theirs = Counter(m["code"] for m in json.loads(log.read_text())["log"]
                     if m["level"] not in ("info", "debug"))
    ours = Counter(f.code for n in names for f in results[n].findings if f.source == "arelle")
    assert theirs and ours == theirs


@pytest.mark.arelle
def test_fresh_loads_give_the_same_findings_as_the_shared_taxonomy(
        inputs: dict[str, Path], results: dict[str, ValidationResult],
        taxonomy_package: Path) -> None:
    """The shared-DTS shortcut must not change a verdict: compare with fresh loads."""
    names = ("calc", "package", "default-member")
    fresh = validate_paths([inputs[n] for n in names], ValidateOptions(
        taxonomy_package=taxonomy_package, jobs=2, reuse_dts=False))
    for name, result in zip(names, fresh):
        assert not result.dts_reused
        assert sorted((f.code, f.message) for f in result.findings) == \
            sorted((f.code, f.message) for f in results[name].findings), name


@pytest.mark.arelle
def test_a_worker_that_overruns_its_time_is_stopped(inputs: dict[str, Path],
                                                    taxonomy_package: Path) -> None:
    found = validate_paths([inputs["good"], inputs["period"]], ValidateOptions(
        taxonomy_package=taxonomy_package, jobs=2, timeout=0.05, reuse_dts=False))
    assert [codes(r) for r in found] == [["ixbrl:timeout"], ["ixbrl:timeout"]]
    assert not any(r.valid for r in found)


# =========================================================================== the CLI
@pytest.mark.arelle
def test_cli_exit_codes_and_json_array(inputs: dict[str, Path], taxonomy_package: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", str(inputs["good"]), "--taxonomy-package",
                              str(taxonomy_package), "--json"])
    assert ok.exit_code == 0, ok.output
    [payload] = json.loads(ok.stdout)            # always an array, even for one report
    assert payload["valid"] is True and payload["path"] == str(inputs["good"])
    bad = runner.invoke(main, ["validate", str(inputs["good"]), str(inputs["period"]),
                               "--taxonomy-package", str(taxonomy_package)])
    assert bad.exit_code == 1
    assert "INVALID" in bad.output and "xbrl.4.7.2:contextPeriodType" in bad.output


def test_cli_missing_taxonomy_package_is_exit_2_with_a_hint(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    monkeypatch.delenv("IXBRL_TAXONOMY_PACKAGE", raising=False)
    out = CliRunner().invoke(main, ["validate", str(DATA / "period-type.xhtml")])
    assert out.exit_code == 2
    assert "IXBRL_TAXONOMY_PACKAGE" in out.output and "Traceback" not in out.output


def test_esef_rules_need_their_plugin_dependency(monkeypatch: pytest.MonkeyPatch,
                                                 taxonomy_package: Path) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "tinycss2" else real(name, *a))
    out = CliRunner().invoke(main, ["validate", str(DATA / "period-type.xhtml"), "--rules",
                                    "esef", "--taxonomy-package", str(taxonomy_package)])
    assert out.exit_code == 2 and "tinycss2" in out.output


def test_cli_folder_without_reports_is_exit_2(tmp_path: Path, taxonomy_package: Path) -> None:
    out = CliRunner().invoke(main, ["validate", str(tmp_path), "--taxonomy-package",
                                    str(taxonomy_package)])
    assert out.exit_code == 2 and "no reports found" in out.output


@pytest.mark.arelle
def test_installed_cli_rejects_a_package_that_is_not_a_taxonomy(tmp_path: Path) -> None:
    """Run as a pipeline would: the installed command, a bogus --package (exit 2)."""
    bogus = tmp_path / "not-a-taxonomy.zip"
    bogus.write_text("hello")
    ixbrl = Path(sys.executable).parent / "ixbrl"
    env = {k: v for k, v in os.environ.items() if k != "IXBRL_TAXONOMY_PACKAGE"}
    out = subprocess.run([str(ixbrl), "validate", str(DATA / "period-type.xhtml"), "--package",
                          str(bogus)], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 2, out.stderr
    assert "taxonomy package" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.arelle
def test_validate_report_returns_one_result(inputs: dict[str, Path],
                                            taxonomy_package: Path) -> None:
    result = validate_report(inputs["package"], ValidateOptions(taxonomy_package=taxonomy_package))
    assert result.valid and result.kind == "package"
    assert result.issues() == []


# =========================================================================== a tiny JSON Schema
def check_schema(value: Any, schema: dict[str, Any], path: str = "$") -> list[str]:
    """The subset of JSON Schema our schema uses (no new dependency); returns the errors."""
    errors: list[str] = []
    kinds = {"object": dict, "array": list, "string": str, "boolean": bool,
             "integer": int, "number": (int, float)}
    expected = schema.get("type")
    if expected:
        ok = isinstance(value, kinds[expected]) and not (
            expected in ("integer", "number") and isinstance(value, bool))
        if not ok:
            return [f"{path}: expected {expected}, got {type(value).__name__}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{path}: expected {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in {schema['enum']}")
    if "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{path}: {value} < {schema['minimum']}")
    if "minLength" in schema and len(value) < schema["minLength"]:
        errors.append(f"{path}: too short")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{path}: missing {k}" for k in schema.get("required", []) if k not in value]
        if schema.get("additionalProperties") is False:
            errors += [f"{path}: unexpected {k}" for k in value if k not in props]
        for k, v in value.items():
            if k in props:
                errors += check_schema(v, props[k], f"{path}.{k}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors += check_schema(item, schema["items"], f"{path}[{i}]")
    return errors


def test_schema_checker_catches_violations() -> None:
    good = {"severity": "error", "code": "x", "message": "m", "source": "arelle"}
    item = SCHEMA["properties"]["findings"]["items"]
    assert check_schema(good, item) == []
    assert check_schema({**good, "severity": "fatal"}, item)
    assert check_schema({**good, "line": 0}, item)
    assert check_schema({**good, "extra": 1}, item)
    assert check_schema({k: v for k, v in good.items() if k != "code"}, item)


@pytest.mark.arelle
def test_a_taxonomy_no_package_holds_is_named(results: dict[str, ValidationResult]) -> None:
    result = results["unpinned"]
    assert not result.valid and result.exit_code == 1
    [hint] = [f for f in result.findings if f.code == "ixbrl:taxonomyNotPinned"]
    assert hint.severity == "error" and "2017-03-09/full_ifrs_entry_point_2017-03-09.xsd" in \
        hint.message and "--package" in hint.message
    assert "IOerror" in codes(result, "error")     # Arelle's own message is still there
    assert all("ixbrl:taxonomyNotPinned" not in codes(r) for name, r in results.items()
               if name != "unpinned")


def test_summary_says_a_repeated_finding_once_with_its_count() -> None:
    repeated = Finding(severity="warning", code="ESEF.1.2.IFRSNotYetIncluded", source="arelle",
                       message="Elements ... should not be used.", file="r.xhtml")
    other = Finding(severity="error", code="xbrl.4.7.2:contextPeriodType", source="arelle",
                    message="Period type mismatch", concept="ifrs-full:Assets", file="r.xhtml",
                    line=12)
    result = ValidationResult(path="r.xhtml", kind="inline",
                              findings=(repeated, other, repeated, repeated), facts=3)
    lines = result.summary().splitlines()
    assert lines[0].startswith("INVALID  r.xhtml  (1 errors, 3 warnings")
    assert len(lines) == 3
    assert lines[1].endswith("(x3)") and "IFRSNotYetIncluded" in lines[1]
    assert "contextPeriodType" in lines[2] and "(x" not in lines[2]
    assert len(result.to_dict()["findings"]) == 4     # programs still get every finding

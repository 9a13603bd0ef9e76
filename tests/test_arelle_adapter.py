"""The Arelle adapter's own logic: message mapping, the pre-scan that picks a shared DTS,
relationship-set invalidation, and that nothing but the adapter imports Arelle."""
from __future__ import annotations

import ast
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter import arelle_adapter
from converter.arelle_adapter import _Base, _drop_stale_relationship_sets, finding_from_message
from converter.dts_prescan import join_url, referenced_urls

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "invalid"
ESSENTIAL = "https://xbrl.ifrs.org/taxonomy/2025-03-27/full_ifrs_entry_point_ext_2025-03-27.xsd"


# --------------------------------------------------------------------------- messages
def test_error_message_becomes_finding_with_fact_details() -> None:
    message = {
        "levelname": "ERROR", "messageCode": "xbrl.4.7.2:contextPeriodType",
        "msg": "Fact ifrs-full:Assets context FY2025 has period type instant conflict",
        "refs": [{"href": "report.xhtml#element(/1/2/3/1)", "sourceLine": 31,
                  "properties": [["QName", "ifrs-full:Assets"],
                                 ["contextRef", "FY2025", [["entity", "x"]]],
                                 ["unitRef", "HKD (HK$)", [["measure", "iso4217:HKD"]]],
                                 ["id", "f-assets"], ["value", "52310000"]]}],
    }
    f = finding_from_message(message)
    assert f is not None
    assert (f.severity, f.code, f.concept, f.context, f.unit) == (
        "error", "xbrl.4.7.2:contextPeriodType", "ifrs-full:Assets", "FY2025", "HKD")
    assert (f.file, f.line, f.element_id, f.value, f.level) == (
        "report.xhtml", 31, "f-assets", "52310000", "ERROR")


def test_levels_fold_into_three_severities_and_chatter_is_dropped() -> None:
    def sev(level: str, code: str = "x:y") -> str | None:
        f = finding_from_message({"levelname": level, "messageCode": code, "msg": "m"})
        return None if f is None else f.severity

    assert sev("INCONSISTENCY") == "error"     # calculation inconsistencies
    assert sev("ERROR-SEMANTIC") == "error"
    assert sev("WARNING") == "warning"
    assert sev("INFO", "info:deduplicatedFact") == "info"
    assert sev("INFO", "info") is None         # "loaded in 1.8 secs"
    assert sev("ERROR", "info") == "error"     # never drop an error, whatever its code


# the first example pays for importing Arelle's message helpers: not slow input generation
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["levelname", "messageCode", "msg", "refs", "args"]),
                       st.one_of(st.none(), st.text(max_size=20), st.integers(),
                                 st.lists(st.dictionaries(st.text(max_size=5),
                                                          st.text(max_size=5)), max_size=2))))
def test_odd_messages_never_raise(message: dict) -> None:
    f = finding_from_message(message)
    assert f is None or f.code


# --------------------------------------------------------------------------- pre-scan
def test_prescan_follows_local_schema_to_the_pinned_entry_point() -> None:
    assert referenced_urls(str(DATA / "calc" / "report.xhtml")) == {ESSENTIAL}
    assert referenced_urls(str(DATA / "period-type.xhtml")) == {ESSENTIAL}


def test_prescan_reads_inside_a_report_package(tmp_path: Path) -> None:
    package = tmp_path / "p.xbri"
    with zipfile.ZipFile(package, "w") as zf:
        for path in sorted((DATA / "control-package").rglob("*")):
            if path.is_file():
                zf.write(path, "top/" + path.relative_to(DATA / "control-package").as_posix())
    assert referenced_urls(str(package)) == {ESSENTIAL}


def test_prescan_of_a_package_without_reports_is_empty(tmp_path: Path) -> None:
    package = tmp_path / "empty.zip"
    zipfile.ZipFile(package, "w").close()
    assert referenced_urls(str(package)) == set()


def test_join_resolves_relative_hrefs_inside_zip() -> None:
    assert join_url("zip:/top/reports/r.xhtml", "../www.example.com/ext.xsd") == \
        "zip:/top/www.example.com/ext.xsd"
    assert join_url("zip:/top/reports/r.xhtml", ESSENTIAL) == ESSENTIAL
    assert join_url("file:///a/b/r.xhtml", "ext.xsd") == "file:///a/b/ext.xsd"


# --------------------------------------------------------------------------- invalidation
def test_only_relationship_sets_fed_by_changed_base_sets_are_dropped() -> None:
    parent_child = "http://www.xbrl.org/2003/arcrole/parent-child"
    label = "http://www.xbrl.org/2003/arcrole/concept-label"
    model = SimpleNamespace(
        baseSets={(parent_child, "roleA", None, None): [1],
                  (parent_child, "roleB", None, None): [1, 2],   # the report added a link
                  (parent_child, None, None, None): [1, 2, 3],  # ... so the wildcard grew
                  (label, None, None, None): [1]},
        relationshipSets={
            (parent_child, "roleA", None, None, False): "A",
            (parent_child, "roleB", None, None, False): "B",
            (parent_child, None, None, None, False): "all",
            (label, None, None, None, False): "labels",
            ((parent_child, label), "roleA", None, None, False): "tuple-A",
            ((parent_child, label), ("roleA", "roleB"), None, None, False): "tuple-AB",
        })
    base = _Base(key=("x",), model=model, entry_docs=[], prewarmed=True, base_set_sizes={
        (parent_child, "roleA", None, None): 1, (parent_child, "roleB", None, None): 1,
        (parent_child, None, None, None): 2, (label, None, None, None): 1})
    _drop_stale_relationship_sets(base)
    assert sorted(model.relationshipSets.values()) == ["A", "labels", "tuple-A"]


# --------------------------------------------------------------------------- boundaries
def test_only_the_adapter_imports_arelle() -> None:
    offenders = []
    for path in sorted((REPO / "converter").rglob("*.py")):
        if path.name == "arelle_adapter.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == "arelle" or n.startswith("arelle.") for n in names):
                offenders.append(path.name)
    assert offenders == []


def test_adapter_imports_arelle_lazily() -> None:
    code = ("import sys, converter.arelle_adapter, converter.validation, converter.checks; "
            "print(any(m == 'arelle' or m.startswith('arelle.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_engine_settings_are_picklable_for_workers() -> None:
    import pickle

    settings = arelle_adapter.EngineSettings(packages=("a.zip",), plugins=("validate/ESEF",))
    assert pickle.loads(pickle.dumps(settings)) == settings


@pytest.mark.arelle
def test_arelle_survives_a_host_that_reassigns_underscore(taxonomy_package: Path) -> None:
    """Doctest, IPython and the REPL set ``builtins._`` to the last value shown; Arelle's
    messages call ``_``. The adapter restores it before every Arelle call."""
    code = (
        "import builtins\n"
        "from converter.arelle_adapter import Engine, EngineSettings\n"
        f"engine = Engine(EngineSettings(packages=({str(taxonomy_package)!r},)))\n"
        "builtins._ = None\n"
        f"out = engine.validate({str(DATA / 'period-type.xhtml')!r})\n"
        "print(sorted({f.code for f in out.findings}))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=300)
    assert run.stdout.strip() == "['xbrl.4.7.2:contextPeriodType']", run.stderr[-2000:]

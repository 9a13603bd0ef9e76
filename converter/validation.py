"""The validate stage: report paths → one ``ValidationResult`` per report found.

Finds the reports (iXBRL files, xBRL-XML instances, XBRL Report Packages, folders of them),
runs Arelle offline on them through ``arelle_adapter`` (the taxonomy loaded once per batch,
``jobs`` worker processes), adds our own checks (``checks``), and returns results that
programs can consume: ``to_dict()`` follows docs/validation-json.md, ``summary()`` is for
people. Problems about a report are findings in its result; only "cannot start" problems
(no taxonomy package, no report found, Arelle unusable) are raised, with exit code 2.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import threading
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .checks import Finding
from .errors import InputError, TaxonomyError, ValidationEngineError
from .model import Issue
from .resources import taxonomy_package

__all__ = [
    "ValidateOptions", "ValidationResult", "Finding", "ReportInput", "NoReportsError",
    "find_reports", "validate_paths", "validate_report", "SCHEMA_ID",
]

SCHEMA_ID = "https://ixbrl-converter.example/schemas/validation-result/1"
ReportKind = Literal["inline", "instance", "package"]
INLINE_SUFFIXES = (".xhtml", ".html", ".htm")
INSTANCE_SUFFIXES = (".xbrl",)
PACKAGE_SUFFIXES = (".xbri", ".zip", ".xbr")


class NoReportsError(InputError):
    """A path names nothing we can validate: a usage problem, not an invalid report."""

    exit_code = 2


@dataclass(frozen=True)
class ValidateOptions:
    """What to validate against and how; the CLI's options one to one."""

    packages: tuple[str, ...] | None = None     # taxonomy packages; default: the IFRS one
    taxonomy_package: str | os.PathLike[str] | None = None  # else $IXBRL_TAXONOMY_PACKAGE
    rules: Literal["esef"] | None = None        # extra rule sets, reported as warnings
    jobs: int | None = None                     # worker processes; None: auto_jobs()
    progress: bool = False                      # progress bar on stderr
    timeout: float | None = 600.0               # seconds per report in a batch
    reuse_dts: bool = True                      # share the loaded taxonomy across a batch


@dataclass(frozen=True)
class ReportInput:
    path: Path
    kind: ReportKind


@dataclass(frozen=True)
class ValidationResult:
    """The verdict on one report and every finding, Arelle's and ours."""

    path: str
    kind: ReportKind
    findings: tuple[Finding, ...] = ()
    facts: int = 0
    documents: tuple[str, ...] = ()
    seconds: float = 0.0
    dts_reused: bool = False
    engine: str = ""
    rules: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    @property
    def exit_code(self) -> int:
        return 0 if self.valid else 1

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def issues(self) -> list[Issue]:
        """The findings as the pipeline's ``Issue`` records."""
        return [f.to_issue() for f in self.findings]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; the schema is docs/validation-json.md (version in ``schema``)."""
        return {
            "schema": SCHEMA_ID,
            "path": self.path,
            "kind": self.kind,
            "valid": self.valid,
            "counts": {s: self.count(s) for s in ("error", "warning", "info")},
            "facts": self.facts,
            "documents": list(self.documents),
            "engine": {"name": "arelle", "version": self.engine,
                       "dts_reused": self.dts_reused},
            "rules": list(self.rules),
            "seconds": self.seconds,
            "findings": [f.to_dict() for f in self.findings],
        }

    def summary(self) -> str:
        verdict = "VALID" if self.valid else "INVALID"
        head = (f"{verdict}  {self.path}  ({self.count('error')} errors, "
                f"{self.count('warning')} warnings, {self.facts} facts, {self.seconds:.1f} s)")
        # Identical lines once, with a count: Arelle's ESEF plug-in, run on a report that is
        # not an ESEF filing, says the same sentence thousands of times. --json keeps each.
        counts: dict[str, int] = {}
        for f in self.findings:
            where = ", ".join(x for x in (
                f.concept, f"context {f.context}" if f.context else None,
                f"{f.file}:{f.line}" if f.file and f.line else f.file,
                f"#{f.element_id}" if f.element_id else None) if x)
            line = f"  {f.severity:<7} [{f.code}] {f.message}" + (f"  ({where})" if where else "")
            counts[line] = counts.get(line, 0) + 1
        lines = [head] + [line + (f"  (x{n:,})" if n > 1 else "") for line, n in counts.items()]
        return "\n".join(lines)


# ---------------------------------------------------------------------- finding reports
def find_reports(paths: Iterable[Path]) -> list[ReportInput]:
    """The reports named by ``paths``: files as given, folders searched recursively.

    Raises ``NoReportsError`` (exit 2) for a missing path, a file of an unknown kind, or a
    folder with no report in it.
    """
    found: list[ReportInput] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise NoReportsError(f"no such file or folder: {path}")
        if path.is_dir():
            inside = list(_reports_in_folder(path))
            if not inside:
                raise NoReportsError(
                    f"no reports found in {path} (looked for .xhtml/.html with Inline XBRL, "
                    ".xbrl, and .xbri/.zip report packages)")
            found.extend(inside)
        else:
            kind = _kind_of(path)
            if kind is None:
                raise NoReportsError(
                    f"not a report: {path} (expected .xhtml, .html, .xbrl, .xbri or .zip, or "
                    "a folder)")
            found.append(ReportInput(path, kind))
    unique: dict[Path, ReportInput] = {}
    for report in found:
        unique.setdefault(report.path.resolve(), report)
    return list(unique.values())


def _kind_of(path: Path) -> ReportKind | None:
    suffix = path.suffix.lower()
    if suffix in INLINE_SUFFIXES:
        return "inline"
    if suffix in INSTANCE_SUFFIXES:
        return "instance"
    if suffix in PACKAGE_SUFFIXES:
        return "package"
    return None


def _reports_in_folder(folder: Path) -> Iterable[ReportInput]:
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or any(p.startswith(".") for p in path.relative_to(folder).parts):
            continue
        if _inside_packed_copy(path):
            continue
        kind = _kind_of(path)
        if kind == "inline" and _looks_inline(path):
            yield ReportInput(path, kind)
        elif kind == "instance":
            yield ReportInput(path, kind)
        elif kind == "package" and (path.suffix.lower() != ".zip" or _looks_report_package(path)):
            yield ReportInput(path, kind)


def _inside_packed_copy(path: Path) -> bool:
    """A report in ``X/reports/`` of an unpacked package ``X/`` whose packed ``X.xbri`` (or
    ``.zip``) sits beside it, as ``ixbrl convert`` writes them: judge the package once."""
    for parent in path.parents:
        if parent.name == "reports":
            top = parent.parent
            return (top / "META-INF" / "reportPackage.json").is_file() and any(
                (top.parent / (top.name + suffix)).is_file() for suffix in PACKAGE_SUFFIXES)
    return False


def _looks_inline(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(256 * 1024)
    except OSError:
        return False
    return b"inlineXBRL" in head


def _looks_report_package(path: Path) -> bool:
    """A .zip in a folder counts if it is a report package, not e.g. a taxonomy package."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except (zipfile.BadZipFile, OSError):
        return True     # a damaged package is still a report to judge
    return any(n.endswith("META-INF/reportPackage.json") or "/reports/" in n for n in names)


# ---------------------------------------------------------------------- the engine
_engine_lock = threading.Lock()
_engine_cache: dict[str, Any] = {}


def _settings(options: ValidateOptions) -> Any:
    from .arelle_adapter import EngineSettings

    if options.packages:
        packages = []
        for p in options.packages:
            path = Path(p).expanduser()
            if not path.is_file():
                raise TaxonomyError(f"taxonomy package not found: {path}")
            packages.append(str(path.resolve()))
    else:
        packages = [str(taxonomy_package(options.taxonomy_package))]
    plugins: tuple[str, ...] = ()
    disclosure = None
    prefixes: tuple[str, ...] = ()
    if options.rules == "esef":
        if importlib.util.find_spec("tinycss2") is None:
            raise ValidationEngineError(
                "--rules esef needs Arelle's ESEF plug-in dependencies: pip install tinycss2")
        plugins, disclosure, prefixes = ("validate/ESEF",), "esef", ("ESEF.",)
    elif options.rules:
        raise ValidationEngineError(f"unknown rule set: {options.rules} (known: esef)")
    return EngineSettings(packages=tuple(packages), plugins=plugins,
                          disclosure_system=disclosure, quality_code_prefixes=prefixes,
                          timeout=options.timeout, reuse_dts=options.reuse_dts)


def _engine(settings: Any) -> Any:
    """One Arelle controller per process, kept between calls with the same settings.

    ``convert`` validates each report it writes; paying Arelle's start-up (~1.5 s) once per
    process instead of once per report keeps that call cheap.
    """
    from .arelle_adapter import Engine

    key = repr((settings.packages, settings.plugins, settings.disclosure_system))
    engine = _engine_cache.get("engine")
    if engine is not None and _engine_cache.get("key") == key:
        engine.settings = settings
        return engine
    if engine is not None:
        engine.close()
        _engine_cache.clear()
    engine = Engine(settings)
    _engine_cache.update(engine=engine, key=key)
    return engine


# ---------------------------------------------------------------------- public calls
MAX_AUTO_JOBS = 4   # each worker holds a copy-on-write Arelle DTS (~250 MB peak)


def auto_jobs(reports: int) -> int:
    """Workers for a batch when the caller does not say: one per CPU, at most
    ``MAX_AUTO_JOBS`` and never more than there are reports (a single report runs in-process)."""
    return max(1, min(os.cpu_count() or 1, MAX_AUTO_JOBS, reports))


def validate_paths(paths: Sequence[Path], options: ValidateOptions | None = None
                   ) -> list[ValidationResult]:
    """Validate every report found under ``paths``; one result per report, in path order."""
    options = options or ValidateOptions()
    reports = find_reports(paths)
    settings = _settings(options)
    from .arelle_adapter import arelle_version

    version = arelle_version()
    rules = (options.rules,) if options.rules else ()
    with _engine_lock:
        engine = _engine(settings)
        entries = [str(r.path) for r in reports]
        bar = _progress(len(entries)) if options.progress and len(entries) > 1 else None
        try:
            outcomes = engine.validate_many(
                entries, jobs=options.jobs or auto_jobs(len(entries)),
                on_done=(lambda _i, _o: bar.update(1)) if bar is not None else None)
        finally:
            if bar is not None:
                bar.render_finish()
    return [
        ValidationResult(
            path=str(report.path), kind=report.kind,
            findings=tuple(outcome.findings) + _package_findings(report, outcome),
            facts=outcome.facts, documents=tuple(outcome.documents), seconds=outcome.seconds,
            dts_reused=outcome.dts_reused, engine=version, rules=rules)
        for report, outcome in zip(reports, outcomes)
    ]


def _package_findings(report: ReportInput, outcome: Any) -> tuple[Finding, ...]:
    """Arelle says only "No XBRL entry points could be loaded" (code ``error``) for a package
    with no report in it; give programs a specific code."""
    if report.kind != "package" or outcome.documents or outcome.facts:
        return ()
    return (Finding(severity="error", code="ixbrl:noReport", source="ixbrl",
                    message="no report could be loaded from the package (XBRL Report "
                            "Packages 1.0: <top folder>/reports/<report>.xhtml)"),)


def validate_report(path: Path, options: ValidateOptions | None = None) -> ValidationResult:
    """Validate one report file or package (a folder must hold exactly one report)."""
    results = validate_paths([Path(path)], options)
    if len(results) != 1:
        raise NoReportsError(f"{path} holds {len(results)} reports; use validate_paths")
    return results[0]


def _progress(length: int) -> Any:
    import click

    bar = click.progressbar(length=length, label="Validating", file=sys.stderr,
                            show_pos=True, show_eta=True)
    bar.render_progress()
    return bar


"""The whole conversion: announcement text → reconciled statements → tagged, rendered,
packaged and (optionally) validated iXBRL report.

``convert_file`` is the library entry point behind ``ixbrl convert``; each step is a function
of its own module and this one only wires them together and decides what stops the run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from .assemble import BoundStatement, check_calculations, network_for, scope_summations
from .bind import (
    bind_statement, bind_unlabelled, conflicting_rows, equity_members, rebind_row,
)
from .cover import cover_items
from .entity import identify_entity
from .equity_restatement import bind_restatements
from .errors import ConverterError, InputError
from .extension import Role, TaxonomyPlan, label_linkbase, plan_taxonomy, schema
from .linkbases import (
    Network, calculation_linkbase, definition_linkbase, presentation_linkbase,
    split_calculation_roles,
)
from .model import Concept, Extraction, ExtensionConcept, Fact, Issue, Report
from .package import package_files, write_outputs
from .printed_tables import printed_tables, without_repeats
from .profit_line import owners_line_as_profit
from .readback import read_facts
from .resources import taxonomy_package
from .render import RenderTarget, render_report
from .tagging import collect, duplicate_conflicts, tag_statement


@dataclass(frozen=True)
class ConvertOptions:
    outdir: Path
    taxonomy_package: str | None = None
    overwrite: bool = False
    allow_unresolved: bool = False
    validate: bool = True
    entity_name: str | None = None
    lei: str | None = None
    namespace: str | None = None


@dataclass
class ConversionResult:
    source: str
    package: Path | None = None
    report: Path | None = None
    facts: int = 0
    issues: list[Issue] = field(default_factory=list)
    validation: Any = None          # validation.ValidationResult when validated
    error: str | None = None

    @property
    def exit_code(self) -> int:
        if self.error is not None:
            return 1
        if self.validation is not None and not self.validation.valid:
            return 1
        return 0

    def summary(self) -> str:
        if self.error is not None:
            lines = [f"{self.source}: not converted: {self.error}"]
            lines += [f"  {i.severity}: {i.code}: {i.message}" + (f" (line {i.line})" if i.line else "")
                      for i in self.issues if i.severity == "error"][:20]
            return "\n".join(lines)
        warnings = sum(1 for i in self.issues if i.severity == "warning")
        text = f"{self.source}: {self.facts} facts → {self.package}"
        if warnings:
            text += f" ({warnings} warnings)"
        if self.validation is not None:
            text += "\n" + self.validation.summary()
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source, "package": str(self.package) if self.package else None,
            "report": str(self.report) if self.report else None, "facts": self.facts,
            "error": self.error, "issues": [i.to_dict() for i in self.issues],
            "validation": self.validation.to_dict() if self.validation is not None else None,
        }


def _label_roles(concept: Concept) -> frozenset[str]:
    if concept.prefix != "ifrs-full":
        return frozenset({"label"})
    from .taxonomy_index import default_index_path, load_raw

    entry = load_raw(str(default_index_path()))["concepts"].get(concept.name, {})
    return frozenset(entry.get("l", {}))


def _report_name(source: Path) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", source.stem).strip("-.") or "report"


def _period_end(extraction: Extraction):
    ends = [c.period.end for s in extraction.statements for c in s.columns if c.period]
    ends += [r.period.end for s in extraction.statements for r in s.rows if r.period]
    if not ends:
        raise InputError(f"{extraction.document.source}: no reporting period found in the statements")
    return max(ends)


def _unique_extensions(extensions: list[ExtensionConcept]) -> tuple[list[ExtensionConcept], list[Issue]]:
    seen: dict[str, ExtensionConcept] = {}
    issues = []
    for ext in extensions:
        first = seen.setdefault(ext.concept.name, ext)
        if first.concept != ext.concept:
            issues.append(Issue("error", "tag.extension_conflict",
                                f"extension {ext.concept.name} proposed with different definitions"))
    return sorted(seen.values(), key=lambda e: e.concept.name), issues


def _canonical(value: Decimal) -> str:
    """Equal numbers, equal text: 0.000 and 0, 1.50 and 1.5."""
    return str(value.normalize()) if value else "0"


def roundtrip_issues(xhtml: bytes, facts: list[Fact]) -> list[Issue]:
    """Every fact read back from the XHTML must be one we meant to write, and vice versa."""
    written = sorted((f.concept.qname, f.context.period.label(),
                      ";".join(sorted(f"{a}={m}" for a, m in f.context.dimensions)),
                      "nil" if f.undisclosed else _canonical(f.value)) for f in facts)
    read = []
    for rf in read_facts(xhtml):
        period = rf.period if ".." in rf.period else f"as at {rf.period}"
        read.append((rf.concept, period, rf.dimensions,
                     "nil" if rf.value is None else _canonical(rf.value)))
    if sorted(read) == written:
        return []
    missing = set(written) - set(read)
    extra = set(read) - set(written)
    return [Issue("error", "roundtrip.mismatch",
                  f"read back {len(read)} facts, wrote {len(written)}; first differences: "
                  f"missing {sorted(missing)[:3]}, unexpected {sorted(extra)[:3]}")]


def _taxonomy_files(plan: TaxonomyPlan, networks: list[Network], extensions: list[ExtensionConcept],
                    calc_roles: list[tuple[Role, list]]) -> dict[str, bytes]:
    roles = {n.role.id: n.role for n in networks}
    roles.update({r.id: r for r, _ in calc_roles})
    # the company's own hypercube elements (Group | Company statements), each declared once
    structure = list({c.name: c for n in networks for c in (n.table, n.line_items)
                      if c is not None and c.prefix == plan.prefix}.values())
    return {
        plan.schema_file: schema(plan, extensions, list(roles.values()), structure),
        plan.linkbase_file("lab"): label_linkbase(plan, extensions, structure),
        plan.linkbase_file("pre"): presentation_linkbase(plan, networks),
        plan.linkbase_file("cal"): calculation_linkbase(plan, calc_roles),
        plan.linkbase_file("def"): definition_linkbase(plan, networks, extensions),
    }


def _tag_all(bound: list[BoundStatement]) -> tuple[list[Fact], list[Issue]]:
    facts: list[Fact] = []
    issues: list[Issue] = []
    for b in bound:
        new_facts, found = tag_statement(b.statement, b.bindings, b.members, b.restated)
        facts += new_facts
        issues += found
    return facts, issues


def _profit_from_owners_line(bound: list[BoundStatement], facts: list[Fact], profit: Concept,
                             issues: list[Issue]) -> bool:
    """The owners' line of an income statement that prints no profit line (and no NCI) also
    tags the profit (``profit_line``); True when a binding changed, so facts are re-tagged."""
    changed = False
    for b in bound:
        new, found = owners_line_as_profit(b.statement, b.bindings, facts, profit)
        issues += found
        if new is not b.bindings:
            b.bindings.clear()
            b.bindings.update(new)
            changed = True
    return changed


def _resolve_conflicts(bound: list[BoundStatement], facts: list[Fact], taxonomy: Any,
                       prefix: str) -> tuple[list[Fact], list[ExtensionConcept]]:
    """Re-bind rows whose facts contradict another statement's on the same concept."""
    extensions: list[ExtensionConcept] = []
    forbidden: dict[tuple[str, str], set[str]] = {}
    by_kind = {b.statement.kind: b for b in bound}
    for _ in range(5):  # each round moves at least one row off a contested concept
        conflicts = conflicting_rows(facts)
        if not conflicts:
            break
        for kind, row_id in sorted(conflicts):
            b = by_kind[kind]  # type: ignore[index]
            row = next(r for r in b.statement.rows if r.id == row_id)
            banned = forbidden.setdefault((kind, row_id), set())
            banned.add(b.bindings[row_id].concept.qname)
            used = {x.concept.qname for rid, x in b.bindings.items() if rid != row_id}
            b.bindings[row_id], extension = rebind_row(b.statement, row, taxonomy, prefix,
                                                       banned, used)
            if extension is not None:
                extensions.append(extension)
        facts, _ = _tag_all(bound)
    return facts, extensions


def build_report(extraction: Extraction, options: ConvertOptions, taxonomy: Any = None
                 ) -> tuple[Report, TaxonomyPlan, dict[str, bytes], bytes]:
    """Everything to write, in memory: the report, its taxonomy files and the XHTML."""
    from .mapping import Taxonomy
    from .structure import subtotal_tree

    taxonomy = taxonomy or Taxonomy.load()
    entity = identify_entity(extraction.document, name=options.entity_name, lei=options.lei)
    plan = plan_taxonomy(entity.name, _period_end(extraction), options.namespace)
    issues = list(extraction.issues)
    extensions: list[ExtensionConcept] = []
    bound: list[BoundStatement] = []
    for statement in extraction.statements:
        others = tuple(s for s in extraction.statements if s is not statement)
        bindings, exts, found = bind_statement(statement, taxonomy, plan.prefix, others)
        extensions += exts
        issues += found
        members = restated = None
        if statement.kind == "changes_in_equity":
            members, found = equity_members(statement)
            issues += found
            bindings, restated, found = bind_restatements(statement, bindings,
                                                          taxonomy.concept("Equity"))
            issues += found
        tree = subtotal_tree(statement)
        exts, found = bind_unlabelled(statement, bindings, tree, plan.prefix)
        extensions += exts
        issues += found
        bound.append(BoundStatement(statement, bindings, members, tree, restated))
    facts, found = _tag_all(bound)
    if _profit_from_owners_line(bound, facts, taxonomy.concept("ProfitLoss"), issues):
        facts, found = _tag_all(bound)
    facts, rebound = _resolve_conflicts(bound, facts, taxonomy, plan.prefix)
    issues += found
    in_use = {x.concept.name for b in bound for x in b.bindings.values()
              if x.concept.prefix == plan.prefix}
    issues += duplicate_conflicts(facts)
    extensions, found = _unique_extensions([e for e in extensions + rebound
                                            if e.concept.name in in_use])
    issues += found
    networks = [network_for(b, _label_roles, plan.prefix) for b in bound]
    issues += scope_summations(networks, facts)
    calc_roles = split_calculation_roles(networks)
    issues += check_calculations(calc_roles, facts)
    # a row a combined statement prints once is tagged once (its copy is the same facts)
    facts = without_repeats(printed_tables(extraction.statements, facts), facts)
    contexts, units = collect(facts)
    cover, cover_context = cover_items(entity.name, extraction.statements)
    if cover_context is not None and cover_context.id not in {c.id for c in contexts}:
        contexts = sorted(contexts + [cover_context], key=lambda c: c.id)
    report = Report(entity_name=entity.name, entity_identifier=entity.identifier,
                    entity_scheme=entity.scheme, extraction=extraction, facts=facts,
                    contexts=contexts, units=units, extensions=extensions, issues=issues)
    files = _taxonomy_files(plan, networks, extensions, calc_roles)
    xhtml = render_report(report, RenderTarget(plan.prefix, plan.namespace,
                                               f"../taxonomy/{plan.schema_file}"), cover=cover)
    report.issues += roundtrip_issues(xhtml, facts)
    return report, plan, files, xhtml


def convert_file(source: Path, options: ConvertOptions, taxonomy: Any = None) -> ConversionResult:
    """Convert one announcement; problems about the document come back in the result."""
    from .extract import extract_file

    extraction = extract_file(source)
    result = ConversionResult(source=str(source))
    blocking = [i for i in extraction.issues if i.severity == "error"]
    if blocking and not options.allow_unresolved:
        result.issues = extraction.issues
        # most are cells or identities reconciliation could not resolve; some say a statement
        # could not be read at all (its layout unsupported): the listed issues tell which
        result.error = (f"{len(blocking)} extraction errors (unresolved cells or identities, "
                        f"or a statement not read); see `ixbrl extract {source}` (or pass "
                        f"--allow-unresolved to tag the rest)")
        return result
    report, plan, files, xhtml = build_report(extraction, options, taxonomy)
    result.issues = report.issues
    result.facts = len(report.facts)
    errors = [i for i in report.issues if i.severity == "error"]
    if errors and not options.allow_unresolved:
        result.error = f"{len(errors)} errors while tagging; nothing written"
        return result
    name = _report_name(source)
    package = write_outputs(
        options.outdir, name,
        package_files(plan, report.entity_name, _period_end(extraction).isoformat(), f"{name}.xhtml",
                      xhtml, files),
        overwrite=options.overwrite)
    result.package = package
    result.report = options.outdir / name / "reports" / f"{name}.xhtml"
    return result


def convert_many(sources: list[Path], options: ConvertOptions,
                 progress: Callable[[str], None] | None = None) -> list[ConversionResult]:
    """Convert several announcements, loading the taxonomy once and validating in one batch.

    One bad input does not stop the others: its error is in its result. ``progress`` is
    called with each source once it is converted.
    """
    from .mapping import Taxonomy

    if options.validate:
        taxonomy_package(options.taxonomy_package)  # fail before converting, not after
    taxonomy = Taxonomy.load()
    results = []
    for source in sources:
        try:
            results.append(convert_file(source, options, taxonomy))
        except ConverterError as exc:
            if len(sources) == 1:
                raise
            results.append(ConversionResult(source=str(source), error=str(exc)))
        if progress is not None:
            progress(str(source))
    written = [r for r in results if r.package is not None]
    if options.validate and written:
        from .validation import ValidateOptions, validate_paths

        checks = validate_paths([r.package for r in written],  # type: ignore[misc]
                                ValidateOptions(taxonomy_package=options.taxonomy_package))
        for result, check in zip(written, checks):
            result.validation = check
    return results

"""Stage 2, extract: a file (or ``Document``) → ``Extraction`` of its primary statements.

read → locate each statement → periods/unit from its title and header → rows → (changes in
equity by ``converter.equity``) → reconcile (``converter.reconcile``) when those modules exist.
Problems about the document are returned as ``Issue``s; only "nothing to extract" raises.

Issue codes this stage emits (``extract.*``): ``garbled_cell`` (a damaged or ambiguous figure,
left unresolved with its readings), ``layer_dropped`` / ``duplicate_row`` (a row printed twice
by the extractor), ``wrapped_figures`` (figures beside two lines of one wrapped label),
``row_from_layer`` / ``label_from_layer`` / ``figure_from_layer`` (taken from a copy of the
statement run together on one line), ``aligned_by_size`` / ``short_column`` /
``repeated_figure`` / ``figure_moved_up`` (packed rows), ``stray_dash``, ``no_labels``,
``empty_statement``, ``equity_skipped``, ``stage_failed``, ``period_unread`` (a column whose
period no header states: left without one), ``period_comparative`` (a column taken as the
comparative of its pair), ``separate_statement`` (the parent company's own statement printed
apart from the group's, not converted).
"""
from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import replace
from pathlib import Path

from .combined import split_combined
from .errors import InputError
from .label_borrow import borrow_labels
from .locate import Block, locate_statements, separate_statements, title_kinds
from .model import Document, Extraction, Issue, Statement, Unit
from .home_dollar import localise_dollar
from .periods import (detect_unit, document_unit, fiscal_year_end, has_change_column,
                      is_header_line, is_period_line, per_share_unit, period_hint, read_columns)
from .reader import read_document
from .row_labels import mapping_label
from .row_layout import strip_change_cells
from .rows import Layout, document_vocabulary, header_layout, parse_rows

__all__ = ["extract_file", "extract_document", "parse_block"]


def extract_file(path: Path) -> Extraction:
    """Read and extract one announcement; ``InputError`` if it cannot be read or has no
    financial statements."""
    return extract_document(read_document(Path(path)))


def extract_document(doc: Document) -> Extraction:
    blocks = locate_statements(doc)
    if not blocks:
        raise InputError(f"no financial statements found in {doc.source}")
    printed_unit = document_unit([line.text for line in doc.lines])
    fallback_unit = printed_unit or Unit()
    vocabulary = document_vocabulary(doc.lines)
    fy_end = fiscal_year_end([line.text for line in doc.lines])
    statements: list[Statement] = []
    issues: list[Issue] = []
    if printed_unit is None:
        # nothing says which currency or scale: the default is a guess, and says so
        issues.append(Issue("warning", "extract.unit_assumed",
                            f"the document prints no currency unit the reader knows (such as "
                            f"RMB'000, £m, € thousand): {fallback_unit.currency} scale "
                            f"{fallback_unit.scale} assumed for every statement"))
    combined: dict[int, tuple[Statement, Statement] | None] = {}
    for block in blocks:
        shared = sum(1 for b in blocks if b.first_line == block.first_line) > 1
        if block.kind == "changes_in_equity":
            stmt, found = _parse_equity(doc, block, printed_unit)
        elif shared and block.first_line in combined:
            pair, found = combined[block.first_line], []
            stmt = None if pair is None else pair[1 if block.kind == "comprehensive_income" else 0]
            if pair is None:
                stmt, found = parse_block(doc, block, fallback_unit, vocabulary, fy_end)
        else:
            stmt, found = parse_block(doc, block, fallback_unit, vocabulary, fy_end)
            if shared and stmt is not None:
                # one statement of profit or loss and OCI: split it into its two sections
                combined[block.first_line] = split_combined(stmt)
                pair = combined[block.first_line]
                if pair is not None:
                    stmt = pair[0 if block.kind == "income" else 1]
        issues.extend(found)
        if stmt is not None:
            statements.append(stmt)
    for block in separate_statements(doc):
        issues.append(Issue(
            "warning", "extract.separate_statement",
            f"'{block.title}' (lines {block.first_line}-{block.last_line}) is the parent "
            f"company's own statement, printed apart from the group's: not converted (its "
            f"figures are kept out of the group's statement)", line=block.first_line,
            statement=block.kind))
    issues.extend(localise_dollar(doc, statements))
    for stmt in statements:
        name_line_items(stmt)
    issues.extend(borrow_labels(statements))
    extraction = Extraction(document=doc, statements=statements, issues=issues)
    reconcile = _optional("converter.reconcile", "reconcile")
    if reconcile is not None:
        try:
            extraction = reconcile(extraction)
        except Exception as exc:  # noqa: BLE001 - keep the parsed statements and say why
            extraction.issues.append(_stage_failed("reconciliation", exc))
    return extraction


def name_line_items(statement: Statement) -> None:
    """Each row's ``label`` names its line item for the later stages (footnote markers, the
    issuer's own name and a "thereof" lead taken out: ``row_labels.mapping_label``); the
    label as printed stays in ``printed_label`` for the page."""
    for row in statement.rows:
        if row.printed_label is not None or not row.label:
            continue
        named = mapping_label(row.label)
        if named != row.label:
            row.printed_label, row.label = row.label, named


def parse_block(doc: Document, block: Block, fallback_unit: Unit | None = None,
                vocabulary: Counter[str] | None = None, fy_end: tuple[int, int] | None = None,
                ) -> tuple[Statement | None, list[Issue]]:
    """Parse one located statement (not changes in equity) into a ``Statement``.

    ``fy_end`` is the (month, day) the document says its financial year ends, for columns
    that run from the year's start ("Cumulative quarter")."""
    lines = doc.lines[block.first_line - 1:block.last_line]
    title = lines[0].text if lines else block.title
    header: list[str] = []
    body_start = 1
    if len(lines) > 1 and not title_kinds(title):
        title = f"{title.rstrip()} {lines[1].text.strip()}"   # a title on two lines
        body_start = 2
    for i in range(body_start, len(lines)):
        text = lines[i].text
        # a period line under the title ("For the second quarter ended 30 June 2025") is
        # part of the header, whatever its wording
        if not text.strip() or is_header_line(text) or is_period_line(text):
            if text.strip():
                header.append(text)
            body_start = i + 1
            continue
        break
    hint = period_hint([title, *header])
    # headers repeated inside the block (a statement printed in two parts) may carry flags
    # such as "(Restated)" that the first header lacks
    inner = [ln.text for ln in lines[body_start:] if is_header_line(ln.text)]
    columns, issues = read_columns(block.kind, hint, header + inner, fy_end=fy_end,
                                   title=block.title, line=block.first_line)
    n = len(columns)
    layout: Layout | None = None
    for text in header:
        layout = header_layout(text, n) or layout
        if layout and any(ch.isdigit() for ch in text):
            break
    unit = detect_unit([*header, title]) or fallback_unit or Unit()
    if vocabulary is None:
        vocabulary = document_vocabulary(doc.lines)
    body = list(lines[body_start:])
    if has_change_column(header):
        # a year-on-year change column after the periods: its cells are not figures
        body = [replace(ln, text=strip_change_cells(ln.text)) for ln in body]
    rows, row_issues = parse_rows(body, n, block.kind, layout, vocabulary)
    issues.extend(row_issues)
    if not any(r.kind != "heading" for r in rows):
        issues.append(Issue("warning", "extract.empty_statement",
                            f"no rows with figures under '{block.title}'",
                            line=block.first_line, statement=block.kind))
        return None, issues
    for row in rows:
        if row.per_share:
            row.unit = per_share_unit(row.label, unit.currency)
    if all(not r.label for r in rows if r.kind != "heading"):
        issues.append(Issue("warning", "extract.no_labels",
                            f"'{block.title}': the figures were extracted without their labels",
                            line=block.first_line, statement=block.kind))
    stmt = Statement(kind=block.kind, title=block.title, columns=columns, rows=rows, unit=unit,
                     first_line=block.first_line, last_line=block.last_line)
    return stmt, issues


def _parse_equity(doc: Document, block: Block, fallback_unit: Unit | None = None
                  ) -> tuple[Statement | None, list[Issue]]:
    parse_equity = _optional("converter.equity", "parse_equity")
    if parse_equity is None:
        return None, [Issue("info", "extract.equity_skipped",
                            "changes in equity not parsed (converter.equity not available)",
                            line=block.first_line, statement="changes_in_equity")]
    try:
        stmt, issues = parse_equity(doc, block.first_line, block.last_line, block.title,
                                    fallback_unit)
    except Exception as exc:  # noqa: BLE001 - one statement must not sink the document
        return None, [_stage_failed("changes in equity", exc, block)]
    return stmt, list(issues)


def _stage_failed(what: str, exc: Exception, block: Block | None = None) -> Issue:
    """A later stage failed on this document: report it as a problem, keep the rest."""
    return Issue("error", "extract.stage_failed",
                 f"{what} could not be processed ({type(exc).__name__}: {exc})",
                 line=block.first_line if block else None,
                 statement=block.kind if block else None)


def _optional(module: str, name: str):  # type: ignore[no-untyped-def]
    """A later stage's function if its module exists yet (engineers work in parallel)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            return None
        raise
    return getattr(mod, name, None)

"""Render stage: a ``Report`` → the Inline XBRL (XHTML) document, through Jinja2 templates.

This module turns the report into a plain view model (dicts of strings); the templates only
lay it out. Every value, sign, format and id was decided by the tag stage.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from datetime import date
from pathlib import Path

import jinja2
from lxml import etree

from .currencies import currency_symbol
from .model import Column, Context, Fact, FactUnit, Report, Row, Statement
from .numbers import format_amount
from .printed_tables import PrintedTable, printed_tables
from .tagging import NIL_DISPLAY, printed_decimals, shows_nil
from .resources import templates_dir

IX_NAMESPACES: tuple[tuple[str, str], ...] = (
    ("ix", "http://www.xbrl.org/2013/inlineXBRL"),
    ("ixt", "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"),
    ("xbrli", "http://www.xbrl.org/2003/instance"),
    ("link", "http://www.xbrl.org/2003/linkbase"),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("xbrldi", "http://xbrl.org/2006/xbrldi"),
    ("iso4217", "http://www.xbrl.org/2003/iso4217"),
    ("xsi", "http://www.w3.org/2001/XMLSchema-instance"),
)
IFRS_NAMESPACE = "https://xbrl.ifrs.org/taxonomy/2025-03-27/ifrs-full"
STATEMENT_TITLES = {
    "income": "Consolidated income statement",
    "comprehensive_income": "Consolidated statement of comprehensive income",
    "financial_position": "Consolidated balance sheet",
    "changes_in_equity": "Consolidated statement of changes in equity",
    "cash_flows": "Consolidated statement of cash flows",
}


@dataclass(frozen=True)
class RenderTarget:
    """Where the report's taxonomy is: its namespace prefix, namespace and schema href."""

    prefix: str
    namespace: str
    schema_href: str


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """One environment per process: templates compile once, not once per document."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True, undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


@lru_cache(maxsize=1)
def _css() -> str:
    return (templates_dir() / "report.css").read_text(encoding="utf-8")


def _context_view(context: Context, identifier: str, scheme: str) -> dict[str, object]:
    period = context.period
    return {
        "id": context.id, "identifier": identifier, "scheme": scheme,
        "instant": period.end.isoformat() if period.is_instant else None,
        "start": period.start.isoformat() if period.start else None,
        "end": period.end.isoformat(), "dims": list(context.dimensions),
    }


def _unit_view(unit: FactUnit) -> dict[str, object]:
    return {"id": unit.id, "numerator": unit.numerator, "denominator": unit.denominator}


def fact_view(fact: Fact) -> dict[str, object]:
    return {
        "id": fact.id, "name": fact.concept.qname, "context": fact.context.id,
        "unit": fact.unit.id, "decimals": str(fact.decimals), "scale": str(fact.scale),
        "format": "ixt:fixed-zero" if fact.nil else "ixt:num-dot-decimal",
        "negative": fact.negative and not fact.nil, "display": fact.display,
        "undisclosed": fact.undisclosed,
    }


def _long_date(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def column_caption(column: Column) -> str:
    """"Year ended 31 December 2024", "Six months ended 30 June 2024", "As at ..."."""
    period = column.period
    if period is None:
        return ""
    if period.is_instant:
        return f"As at {_long_date(period.end)}"
    assert period.start is not None
    months = round((period.end - period.start).days / 30.44)
    span = {12: "Year", 6: "Six months", 3: "Three months", 9: "Nine months"}.get(
        months, f"{months} months")
    return f"{span} ended {_long_date(period.end)}"


def _lower_first(text: str) -> str:
    """"Year ended 31 December 2024" → "year ended 31 December 2024" (month names keep case)."""
    return text[:1].lower() + text[1:]


def _unit_label(statement: Statement) -> str:
    symbol = currency_symbol(statement.unit.currency)
    return {3: f"{symbol}'000", 6: f"{symbol} million", 0: symbol, 5: f"{symbol} lakh",
            7: f"{symbol} crore"}.get(
        statement.unit.scale, f"{symbol} ×10^{statement.unit.scale}")


def _header_rows(statement: Statement, has_notes: bool) -> list[list[dict[str, object]]]:
    lead = [{"text": "", "colspan": 1, "cls": "label"}]
    if has_notes:
        lead.append({"text": "Note", "colspan": 1, "cls": "note"})
    blank_lead = [{"text": "", "colspan": 1, "cls": "label"}] + (
        [{"text": "", "colspan": 1, "cls": "note"}] if has_notes else [])
    unit = _unit_label(statement)
    if statement.kind == "changes_in_equity":
        names = [{"text": c.component or c.header, "colspan": 1, "cls": ""}
                 for c in statement.columns]
        units = [{"text": unit, "colspan": 1, "cls": ""} for _ in statement.columns]
        return [lead + names, blank_lead + units]
    captions = [{"text": column_caption(c), "colspan": 1, "cls": ""} for c in statement.columns]
    years = []
    for c in statement.columns:
        text = c.header
        if c.unaudited:
            text += " (Unaudited)"
        if c.restated:
            text += " (Restated)"
        years.append({"text": text, "colspan": 1, "cls": ""})
    units = [{"text": unit, "colspan": 1, "cls": ""} for _ in statement.columns]
    rows = [blank_lead + captions, lead[:1] + lead[1:] + years, blank_lead + units]
    if any(c.group for c in statement.columns):
        rows.insert(0, blank_lead + _group_cells(statement.columns))
    return rows


def _group_cells(columns: list[Column]) -> list[dict[str, object]]:
    """"Group | Company" over their columns: one cell per run of columns under one heading."""
    cells: list[dict[str, object]] = []
    for column in columns:
        if cells and cells[-1]["text"] == column.group:
            cells[-1]["colspan"] = int(cells[-1]["colspan"]) + 1  # type: ignore[call-overload]
        else:
            cells.append({"text": column.group, "colspan": 1, "cls": "group"})
    return cells


def _row_class(row: Row) -> str:
    classes = []
    if row.kind == "heading":
        classes.append("heading" if row.bold or not row.section else "subheading")
    if row.kind in ("subtotal", "total") or (row.bold and row.kind != "heading"):
        classes.append("total")
    if row.underline:
        classes.append("underline")
    return " ".join(classes)


def _nested_view(facts: list[Fact]) -> dict[str, object]:
    """One figure with several concepts: Inline XBRL 1.1 nests the ix:nonFraction elements."""
    view = fact_view(facts[0])
    view["nested"] = _nested_view(facts[1:]) if len(facts) > 1 else None
    return view


def _cell_view(row: Row, row_id: str, index: int, facts: dict[tuple[str, int], list[Fact]]
               ) -> dict[str, object]:
    cell = row.cells[index] if index < len(row.cells) else None
    if cell is None:
        return {"text": "", "open": "", "close": "", "fact": None, "cls": ""}
    cell_facts = facts.get((row_id, index))
    negative_printed = cell.value is not None and cell.value < 0
    open_, close = ("(", ")") if negative_printed else ("", "")
    # a figure reconciliation derived or corrected is shown (and tagged) as corrected
    cls = "derived" if cell.provenance == "derived" or cell.derived_from else ""
    if cell_facts:
        text = cell.text.strip() if cell.less_than_unit else ""  # "*" stays visible beside its nil fact
        return {"text": text, "open": open_, "close": close, "fact": _nested_view(cell_facts),
                "cls": cls}
    if cell.value is None:
        return {"text": cell.text, "open": "", "close": "", "fact": None, "cls": "untagged"}
    text = NIL_DISPLAY if shows_nil(cell) else format_amount(abs(cell.value), printed_decimals(cell))
    return {"text": text, "open": open_, "close": close, "fact": None, "cls": "untagged"}


def table_view(table: PrintedTable, facts: Iterable[Fact]) -> dict[str, object]:
    """One printed table: a statement, or the two parts of a combined one (``printed_tables``)."""
    statement = table.statements[0]
    kinds = {s.kind for s in table.statements}
    by_cell: dict[tuple[str, int], list[Fact]] = {}
    for fact in facts:
        if fact.statement in kinds:
            by_cell.setdefault((f"{fact.statement}-{fact.row_id}", fact.column), []).append(fact)
    has_notes = any(r.note for _s, r in table.rows)
    rows: list[dict[str, object]] = []
    previous_period = None
    for owner, row in table.rows:
        if statement.kind == "changes_in_equity" and previous_period and row.period != previous_period:
            blank = {"text": "", "open": "", "close": "", "fact": None, "cls": ""}
            rows.append({"cls": "spacer", "id": "", "label": "", "note": "", "indent": 0,
                         "cells": [blank for _ in statement.columns]})
        previous_period = row.period or previous_period
        row_id = f"{owner.kind}-{row.id}"
        rows.append({
            "cls": _row_class(row), "id": row_id,
            # as printed: a subtotal the source leaves unlabelled stays unlabelled on the page
            "label": row.label if row.printed_label is None else row.printed_label,
            "note": row.note or "", "indent": 0.4 + 1.2 * len(row.section),
            "cells": [_cell_view(row, row_id, i, by_cell) for i in range(len(statement.columns))],
        })
    subtitle = ""
    block_periods = [r.period for _s, r in table.rows if r.period is not None]
    if block_periods:
        latest = max(block_periods, key=lambda p: p.end)
        subtitle = "For the " + _lower_first(column_caption(Column("", latest)))
    elif statement.columns and statement.columns[0].period is not None:
        subtitle = "For the " + _lower_first(column_caption(statement.columns[0]))
        if statement.kind == "financial_position":
            subtitle = column_caption(statement.columns[0])
    return {
        "id": statement.kind.replace("_", "-"), "kind": statement.kind,
        "title": statement.title or STATEMENT_TITLES[statement.kind], "subtitle": subtitle,
        "has_notes": has_notes, "header_rows": _header_rows(statement, has_notes), "rows": rows,
    }


def render_report(report: Report, target: RenderTarget, *, cover: list[dict[str, object]] | None = None,
                  hidden_facts: list[dict[str, object]] | None = None) -> bytes:
    """The XHTML document, checked to be well-formed XML before it is returned."""
    env = _environment()
    namespaces = list(IX_NAMESPACES) + [("ifrs-full", IFRS_NAMESPACE),
                                        (target.prefix, target.namespace)]
    first = report.extraction.statements[0] if report.extraction.statements else None
    subtitle = ""
    if first and first.columns and first.columns[0].period:
        subtitle = "Results announcement for the " + _lower_first(column_caption(first.columns[0]))
    text = env.get_template("report.xhtml.j2").render(
        lang="en", title=f"{report.entity_name} — iXBRL report", namespaces=namespaces,
        css=_css(),
        schema_ref=target.schema_href, entity_name=report.entity_name, subtitle=subtitle,
        contexts=[_context_view(c, report.entity_identifier, report.entity_scheme)
                  for c in report.contexts],
        units=[_unit_view(u) for u in report.units],
        hidden_facts=hidden_facts or [], cover=cover or [],
        statements=[table_view(t, report.facts)
                    for t in printed_tables(report.extraction.statements, report.facts)],
        footer=f"Converted from {Path(report.extraction.document.source).name} by ixbrl-converter.",
    )
    data = text.encode("utf-8")
    etree.fromstring(data)  # raises XMLSyntaxError on a template bug: never write bad XML
    return data

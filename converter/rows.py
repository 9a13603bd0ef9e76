"""Stage 2c, rows: a statement's lines → ``Row``s with cells aligned to its columns.

Text extracted from PDFs rarely keeps one row per line. Three steps undo that:
``row_layout`` (fields of each line), ``row_assembly`` (wrapped and packed labels) and
``row_cleanup`` (duplicated and run-together layers); this module runs them and turns the
result into ``Row``s with kinds, sections, balance roles and ids r1, r2, ...

Figures keep the printed sign; damaged figures are cells with ``provenance="unresolved"``
and their readings in ``candidates``; reconciliation decides.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from . import row_labels as rl
from .cell_doubts import doubt_cells
from .cell_reading import is_doubtful
from .figure_lines import join_figures_below
from .layers import harvest
from .locate import title_kinds
from .model import Issue, Line, Row, StatementKind
from .row_assembly import Assembler, Slot
from .layer_lending import lend_from_layers
from .unread_figures import unread_figures
from .row_cleanup import document_vocabulary, drop_layers
from .row_layout import (Layout, Piece, figure_edges, header_layout, infer_layout, is_header,
                         is_note_ref, is_run_together, label_field, read_piece)

_PAGE_MARK = re.compile(r"^\s*(?:[-–—]\s*\d{1,3}\s*[-–—]|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)\s*$",
                        re.IGNORECASE)

_CLOSES_OCI = re.compile(r"^total comprehensive\b", re.IGNORECASE)
_OCI_HEADING = re.compile(r"^(?:other comprehensive|items? that\b)", re.IGNORECASE)

__all__ = ["parse_rows", "Layout", "header_layout", "infer_layout", "is_note_ref",
           "is_run_together", "read_piece", "document_vocabulary", "Piece"]

def parse_rows(lines: Sequence[Line], n: int, kind: StatementKind,
               layout: Layout | None = None,
               vocabulary: Counter[str] | None = None) -> tuple[list[Row], list[Issue]]:
    """Parse a statement's body lines (after its header) into rows with ids r1, r2, ..."""
    lines, issues = join_figures_below(lines, kind)
    lines = [strip_item_number(line) for line in lines]
    layout = layout or infer_layout(lines, n)
    layout.label = label_field(lines, layout)
    layout.edges = figure_edges([line.text for line in lines], n)
    pieces: list[Piece] = []
    layer_texts: list[str] = []
    layer_lines: list[int] = []
    current = layout
    for line in lines:
        if _PAGE_MARK.match(line.text) or title_kinds(line.text):
            continue                  # a page break in the table: "– 12 –", "... (continued)"
        if is_header(line.text):
            new = header_layout(line.text, n)
            if new:
                current = new
            continue
        current.label = layout.label if current is not layout else current.label
        odd = unread_figures(line.text)
        if odd:
            issues.append(Issue(
                "error", "extract.figures_unread",
                f"'{' '.join(line.text[:line.text.find(odd[0])].split())[:60]}' prints "
                f"{', '.join(repr(t) for t in odd)} where figures stand, in a form not read "
                f"as a number: the row would be lost or incomplete", line=line.no,
                statement=kind))
        piece = read_piece(line, current, n)
        if piece is None:
            continue
        layer_texts.extend(piece.layer_text)
        layer_lines.extend(line.no for _ in piece.layer_text)
        if not piece.label and not piece.has_values:
            continue
        pieces.append(piece)
    asm = Assembler(n)
    for i, piece in enumerate(pieces):
        asm.feed(piece, pieces[i + 1] if i + 1 < len(pieces) else None)
    lost = {p.line.no for p in pieces if p.lost_label}
    slots = drop_layers(asm.finish(), issues, kind, vocabulary)
    slots = lend_from_layers(slots, harvest(layer_texts, n, layer_lines), n, issues, kind)
    issues.extend(i if i.statement else replace(i, statement=kind) for i in asm.issues)
    slots = drop_repeated_pages(slots, issues, kind)
    rows = _to_rows(slots, kind, issues, lost)
    doubt_cells(rows, kind, issues)
    return rows, issues


_MIN_REPEAT = 3


# The item numbers Schedule III, SEBI and many Asian formats print before each label ("I",
# "IV.", "A (i)", "(a)", "(ii)", "(1)", "B."): they order the lines and name no line item. A
# bare roman numeral or capital letter counts only when a dot, a run of spaces, a tab or a
# parenthesised number follows it ("A shares" keeps its letter); the label after it starts
# with a letter or a parenthesis ("(a) (Increase)/decrease in inventories").
_ITEM_NUMBER = re.compile(
    r"^(\s*)((?:(?:[IVX]{1,5}|[A-H])(?:\.[ \t]*|[ \t]{2,}|\t|[ \t]+(?=\((?:[a-h]|[ivx]{1,5}|\d{1,2})\)))"
    r"|\d{1,2}\.[ \t]+)?(?:\((?:[a-h]|[ivx]{1,5}|\d{1,2})\)[ \t]+)?)(?=[A-Za-z]|\([A-Za-z])")


def strip_item_number(line: Line) -> Line:
    """The line with the item number before its label blanked (its columns kept in place)."""
    m = _ITEM_NUMBER.match(line.text)
    if not m or not m.group(2):
        return line
    return replace(line, text=m.group(1) + " " * len(m.group(2)) + line.text[m.end():])


def drop_repeated_pages(slots: list[Slot], issues: list[Issue],
                        kind: StatementKind) -> list[Slot]:
    """Drop a run of rows printed again further down, as when the extractor emits a page
    twice: three or more consecutive rows (headings included) whose labels and printed
    figures repeat, in order, rows already read. A real statement repeats a label ("Bank
    borrowings" under current and non-current liabilities), rarely with the same figures,
    never several in a row."""
    def key(s: Slot) -> tuple[object, ...]:
        return (s.heading, s.label, tuple(c.text if c is not None else None for c in s.cells))

    keys = [key(s) for s in slots]
    keep = [True] * len(slots)
    i = 1
    while i < len(slots):
        best = 0
        for p in range(i):
            length = 0
            while (i + length < len(slots) and p + length < i and
                   keys[p + length] == keys[i + length]):
                length += 1
            best = max(best, length)
        values = sum(1 for s in slots[i:i + best] if not s.heading)
        if best >= _MIN_REPEAT and values >= 2:
            for k in range(i, i + best):
                keep[k] = False
            issues.append(Issue("warning", "extract.duplicate_page",
                                f"rows from line {slots[i].line.no} to "
                                f"{slots[i + best - 1].line.no} repeat rows already read (a page "
                                f"printed twice); the repeat is ignored",
                                line=slots[i].line.no, statement=kind))
            i += best
        else:
            i += 1
    return [s for s, k in zip(slots, keep) if k]


def _to_rows(slots: list[Slot], kind: StatementKind, issues: list[Issue],
             lost: set[int] = frozenset()) -> list[Row]:  # type: ignore[assignment]
    """``lost``: lines whose label field held only OCR specks (an item, label illegible)."""
    rows: list[Row] = []
    stack: list[tuple[int, str]] = []        # open headings: (level, label)
    for s in slots:
        has_values = any(c is not None for c in s.cells)
        label = s.label.rstrip(",")          # a comma kept for a wrap that did not come
        if not has_values and label:
            level = rl.section_level(label)
            stack = [h for h in stack if h[0] < level]
            rows.append(Row(label=label, cells=list(s.cells), line=s.line.no, kind="heading",
                            section=tuple(h for _, h in stack), bold=s.line.bold,
                            underline=s.line.underline))
            stack.append((level, label))
            continue
        if _CLOSES_OCI.match(label):
            # total comprehensive income sums profit and OCI: it stands outside the OCI
            # headings, and so does what follows it ("attributable to", per-share rows)
            stack = [h for h in stack if not _OCI_HEADING.match(h[1])]
        section = [h for _, h in stack]
        if not has_values:
            continue
        present = [c for c in s.cells if c is not None]
        if not label and len(present) < len(s.cells) and all(
                c.nil or (c.less_than_unit and c.value is None) for c in present):
            # a dash or a footnote star alone on a line, in fewer cells than the columns
            issues.append(Issue("info", "extract.stray_dash",
                                "ignored a dash or '*' printed alone on a line", line=s.line.no,
                                statement=kind))
            continue
        # "Basic (HK cents)" under "Earnings per share ...": per share by its heading
        under = any(rl.is_per_share(h) for h in section)
        per_share = rl.is_per_share(label) or (under and bool(
            re.search(r"\b(?:basic|diluted|cents?)\b", label, re.IGNORECASE) or (
                not label and all("." in c.text for c in present))))
        row = Row(label=label, cells=list(s.cells), line=s.line.no,
                  kind="item" if per_share or (not label and s.line.no in lost)
                  else rl.row_kind(label, True), note=s.note,
                  section=tuple(section),
                  bold=s.line.bold, underline=s.line.underline,
                  balance_role=rl.balance_role(label), per_share=per_share)
        for c, cell in enumerate(row.cells):
            if cell is not None and is_doubtful(cell):
                issues.append(Issue("warning", "extract.garbled_cell",
                                    f"'{cell.text}' in '{label or 'unlabelled row'}' column "
                                    f"{c + 1} is damaged; readings: "
                                    f"{', '.join(str(x) for x in cell.candidates) or 'none'}",
                                    line=cell.line, statement=kind))
        if row.kind == "total":
            row.section = _outside_narrower(row.section, _total_topic(label))
        rows.append(row)
        if not label and stack and stack[-1][0] == 1:
            stack.pop()          # an unlabelled subtotal closes its group ("Current assets")
        elif row.kind == "total" and stack:
            topic = _total_topic(label)
            hit = next((i for i, (_, h) in enumerate(stack) if _heads_topic(h, topic)), None)
            if hit is not None:
                stack = stack[:hit]
    if kind == "cash_flows":
        activity_sections(rows)
    while rows and rows[-1].kind == "heading":
        # text after the last figures heads nothing: footnotes under the table ("(a) Revenue
        # for 2024 has been re-presented ...", "¹ Other income comprises ..."), a caption
        dropped = rows.pop()
        issues.append(Issue("info", "extract.trailing_text",
                            f"'{dropped.label[:60]}' follows the last figures of the "
                            f"statement: read as a footnote, not a row", line=dropped.line,
                            statement=kind))
    for i, row in enumerate(rows, start=1):
        row.id = f"r{i}"
    return rows


def _total_topic(label: str) -> str:
    return " ".join(label.lower().removeprefix("total ").split())


# Headings of the equity part under other names: "Capital and reserves" (UK, South Africa),
# "Shareholders' equity"; "Total equity" closes them as it closes "Equity".
_EQUITY_PART = re.compile(r"^(?:capital\s+and\s+reserves|(?:share|stock)holders['’]?\s+equity|"
                          r"equity)$", re.IGNORECASE)


def _heads_topic(heading: str, topic: str) -> bool:
    """The heading opens the group a total with this topic closes."""
    h = " ".join(heading.lower().split())
    return h.endswith(topic) or (topic in ("equity", "shareholders' equity", "shareholders’ equity")
                                 and bool(_EQUITY_PART.match(h)))


def _outside_narrower(section: tuple[str, ...], topic: str) -> tuple[str, ...]:
    """A total broader than the innermost open groups stands outside them: "Total
    liabilities" printed right after the current liabilities (no total of their own) is not a
    current liability; "Total current liabilities" stays in "Current liabilities"."""
    out = list(section)
    while out and topic and " ".join(out[-1].lower().split()) != topic and \
            " ".join(out[-1].lower().split()).endswith(" " + topic):
        out.pop()
    return tuple(out)


_ACTIVITY = re.compile(r"\b(operating|investing|financing)\s+activities\b", re.IGNORECASE)


def activity_sections(rows: list[Row]) -> None:
    """Sections of a cash-flow statement by activity, from its totals.

    The row that totals an activity ("Net cash used in investing activities", continental
    "Cash flow from investing activities") closes it: the rows after it (net change, opening
    and closing cash) are in no activity. Where no heading names the activities, the rows up
    to such a total are that activity's, as if a heading had said so, so that "Interest
    paid" above "Cash flow from operating activities" is an operating cash flow."""
    pending: list[Row] = []
    open_heading: str | None = None
    closed: set[str] = set()
    for row in rows:
        if row.kind == "heading":
            if _ACTIVITY.search(row.label):
                open_heading = row.label
                closed.discard(row.label)
            continue
        row.section = tuple(h for h in row.section if h not in closed)
        m = _ACTIVITY.search(row.label)
        if m is None:
            if open_heading is None:
                pending.append(row)
            continue
        if open_heading is None:
            heading = f"Cash flows from {m.group(1).lower()} activities"
            for r in pending:       # the total itself stays where it is printed
                r.section = (heading, *r.section)
            closed.add(heading)
        else:
            closed.add(open_heading)
        pending, open_heading = [], None

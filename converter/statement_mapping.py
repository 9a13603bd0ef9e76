"""Map every value row of a parsed statement, with the rules no single label can decide.

Stage: map/tag (statement level). Input: a ``Statement`` (and optionally the document's other
statements). Output: row id → ``Candidate`` or ``ExtensionConcept``.

Decisions a reviewer may look for (each has a test with several wordings):
  * a concept is used once per set of figures (duplicate facts must agree): the
    better-scoring row keeps it, the other takes an extension;
  * balance-sheet items adding up to a printed subtotal share its balance; an income
    statement analysing expenses by function (or by nature) maps "Other expenses" alike;
  * changes in equity: a row whose total column disagrees with the same concept elsewhere
    in the document takes an extension (the total column is the undimensioned fact);
  * an unlabelled row whose figures equal one concept's figures elsewhere takes it;
  * extension names are unique in the document (``extension_names``).

Why separate: ``mapping`` ranks concepts for one label; this module only reads figures,
row kinds and the ranked lists, so the two can change independently.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from .errors import InputError
from .extension_names import extensions_before, unique_extension, unique_in_document
from .mapping_query import PER_SHARE_WORDS
from .mapping_score import EXTENSION_THRESHOLD, Candidate
from .model import ExtensionConcept, Row, Statement
from .taxonomy_index import clean_label

if TYPE_CHECKING:
    from .mapping import Taxonomy

def _printed(row: Row) -> tuple[Decimal | None, ...]:
    return tuple(c.value if c is not None else None for c in row.cells)


def _first_value(row: Row) -> Decimal | None:
    return next((v for v in _printed(row) if v is not None and v != 0), None)


def _row_query(row: Row, kind: str) -> tuple[str, str | None, bool | None]:
    """(label, period type, printed negative) of a statement row, as ``match`` takes them."""
    label = row.label
    if row.per_share and not PER_SHARE_WORDS.search(clean_label(label)):
        # "Basic and diluted (RMB)" under "Loss per share": the heading carries the meaning
        label = f"{label} earnings per share"
    if kind == "financial_position" or row.balance_role in ("opening", "closing"):
        period_type: str | None = "instant"
    else:
        period_type = "duration"
    first = _first_value(row)
    return label, period_type, (None if first is None else first < 0)


def _extension_balance(kind: str, row: Row) -> str | None:
    """The balance an extension needs for the printed sign to follow the sign rule."""
    first = _first_value(row)
    if row.per_share:
        return None
    if kind == "changes_in_equity":
        return "credit"     # movements of equity, whatever their printed sign
    if first is None or kind == "financial_position":
        return None
    if kind == "cash_flows":
        return "credit" if first < 0 else "debit"
    return "debit" if first < 0 else "credit"


def _summation_blocks(rows: list[Row]) -> list[tuple[list[Row], Row]]:
    """(items, total) runs whose printed first figures add up to the total's (±1 rounding)."""
    blocks: list[tuple[list[Row], Row]] = []
    run: list[Row] = []
    for row in rows:
        value = _first_value(row)
        if row.kind in ("subtotal", "total") and run and value is not None:
            for start in range(len(run)):
                part = run[start:]
                values = [v for v in (_first_value(r) for r in part) if v is not None]
                if len(values) == len(part) and abs(sum(values) - value) <= len(part):
                    blocks.append((part, row))
                    break
            run = [row]
        elif row.kind == "item":
            run.append(row)
    return blocks


_Mapped = dict[int, "dict[str, Candidate | ExtensionConcept]"]


def _map_others(others: Sequence[Statement], taxonomy: Taxonomy) -> _Mapped:
    """Each other statement mapped on its own evidence, once (keyed by object id)."""
    return {id(o): map_statement(o, taxonomy) for o in others}


def _figures_elsewhere(others: Sequence[Statement], kind: str, taxonomy: Taxonomy,
                       maps: _Mapped) -> dict[tuple[str, object], Decimal]:
    """(concept, period) → printed figure, from the other statements of the document."""
    out: dict[tuple[str, object], Decimal] = {}
    for other, row, choice in _mapped_rows(others, kind, maps):
        for col, cell in zip(other.columns, row.cells):
            if cell is not None and cell.value is not None and col.period is not None:
                out.setdefault((choice.concept.name, col.period), cell.value)
    return out


def _mapped_rows(others: Sequence[Statement], kind: str, maps: _Mapped
                 ) -> Iterator[tuple[Statement, Row, Candidate]]:
    """Rows of the other statements (not of ``kind``) that map to an IFRS concept."""
    for other in others:
        if other.kind == kind:
            continue
        mapped = maps[id(other)]
        for row in other.value_rows():
            choice = mapped.get(row.id)
            if isinstance(choice, Candidate):
                yield other, row, choice


def _concepts_by_figure(others: Sequence[Statement], kind: str, taxonomy: Taxonomy,
                        maps: _Mapped) -> dict[tuple[object, Decimal], set[str]]:
    """(period, printed figure) → concepts that carry it in the document's other statements."""
    out: dict[tuple[object, Decimal], set[str]] = defaultdict(set)
    for other, row, choice in _mapped_rows(others, kind, maps):
        if other.kind == "changes_in_equity":
            total = _total_figure(row)
            if row.period is not None and total is not None and row.balance_role == "flow":
                out[(row.period, total)].add(choice.concept.name)
            continue
        for col, cell in zip(other.columns, row.cells):
            if cell is not None and cell.value is not None and col.period is not None:
                out[(col.period, cell.value)].add(choice.concept.name)
    return out


_SYNTHETIC_LABEL = re.compile(r"^(total of (total of )*r\d|\(unlabelled|r\d+$)")


def _recover_by_figures(statement: Statement, row: Row,
                        by_figure: dict[tuple[object, Decimal], set[str]],
                        taxonomy: Taxonomy) -> Candidate | None:
    """An unlabelled row (extraction lost its label) whose figures, period by period, equal
    one concept's figures elsewhere in the document takes that concept."""
    common: set[str] | None = None
    material = False
    for col, cell in zip(statement.columns, row.cells):
        if cell is None or cell.value is None or cell.value == 0 or col.period is None:
            continue
        names = by_figure.get((col.period, cell.value), set())
        common = set(names) if common is None else common & names
        material = material or abs(cell.value) >= 100
    if not common or len(common) != 1 or not material:
        return None
    name = next(iter(common))
    return Candidate(taxonomy.concept(name), 0.9,
                     (f"unlabelled row: its figures equal ifrs-full:{name} elsewhere in the "
                      "document",))


def _total_figure(row: Row) -> Decimal | None:
    """Changes in equity: the right-most figure (total equity, the undimensioned fact)."""
    return next((c.value for c in reversed(row.cells) if c is not None and c.value is not None),
                None)


_CURRENT_BLOCK = re.compile(r"^current (assets|liabilities)$")


def _noncurrent_by_place(statement: Statement) -> dict[int, tuple[str, ...]]:
    """Balance-sheet items that are non-current by where they stand: directly under the
    heading ("Liabilities") that also holds a "Current liabilities" block, outside that
    block, with no heading of their own (North American layouts print the non-current
    items after "Total current liabilities" under no heading). Row → the implied heading."""
    blocks: dict[tuple[str, ...], str] = {}
    for row in statement.rows:
        found = _CURRENT_BLOCK.match(clean_label(row.label)) if row.kind == "heading" else None
        if found and row.section:
            blocks[tuple(row.section)] = f"Non-current {found.group(1)}"
    return {id(row): (*row.section, blocks[tuple(row.section)])
            for row in statement.value_rows()
            if row.kind == "item" and tuple(row.section) in blocks}


_ACTIVITY = re.compile(r"\b(operating|investing|financing) activities\b")


def _activity_by_place(statement: Statement) -> dict[int, tuple[str, ...]]:
    """Cash-flow rows inside an activity's block whose headings do not name it: a block
    opens at its heading ("Operating activities") and closes on the row that names it
    again (its total) or at the next activity's heading; a sub-heading printed in it
    ("Items not affecting cash:") can leave its rows and the ones after it outside any
    activity. Row → its headings with the activity's first."""
    out: dict[int, tuple[str, ...]] = {}
    current = ""
    for row in statement.rows:
        named = _ACTIVITY.search(clean_label(row.label))
        if row.kind == "heading":
            if named:
                current = row.label
            continue
        if current and not any(_ACTIVITY.search(clean_label(h)) for h in row.section):
            out[id(row)] = (current, *row.section)
        if named:
            current = ""
    return out


def map_statement(statement: Statement, taxonomy: Taxonomy | None = None, *,
                  others: Sequence[Statement] = ()) -> dict[str, Candidate | ExtensionConcept]:
    """Map every value row of a parsed statement: row id → IFRS candidate or extension.

    Beyond each row's own evidence (label, section path, period type, printed sign) the
    statement decides two things no single label can:
      * a concept is used once per set of figures: if two rows with different figures want
        the same concept, the better-scoring row keeps it and the other takes its next
        admissible candidate, or an extension (duplicate facts must agree);
      * in the balance sheet, items that add up to a printed subtotal share its balance
        (Calculations 1.1 weights are +1): a candidate of the opposite balance is replaced
        by the best same-balance candidate when that one is nearly as good.
    With ``others`` (the document's other statements), a changes-in-equity row whose total
    column disagrees with the same concept and period elsewhere (exchange differences split
    into "may"/"will not be reclassified" in the OCI statement, summed in equity) takes
    another concept or an extension, because the total column is the same undimensioned
    fact.
    """
    from .extensions_propose import propose_extension
    from .mapping import Taxonomy

    taxonomy = taxonomy or Taxonomy.load()
    kind = statement.kind
    rows = statement.value_rows()
    ids: dict[int, str] = {}
    requests: dict[str, tuple[object, ...] | None] = {}     # in row order
    placed = _noncurrent_by_place(statement) if kind == "financial_position" else \
        _activity_by_place(statement) if kind == "cash_flows" else {}
    for i, row in enumerate(rows):
        rid = row.id or f"r{i}"
        ids[id(row)] = rid
        label, period_type, negative = _row_query(row, kind)
        if clean_label(label) or row.section:
            section = placed.get(id(row), tuple(row.section))
            requests[rid] = (label, kind, section, period_type, negative)
        elif others:
            requests[rid] = None
    # every row's look-up in one call (the scoring runs as one set of array operations)
    found = iter(taxonomy.match_many([r for r in requests.values() if r is not None], top=8))
    ranked: dict[str, list[Candidate]] = {
        rid: [] if request is None else next(found) for rid, request in requests.items()}
    if kind == "financial_position":
        _prefer_block_balance(rows, ranked, ids, taxonomy)
    if kind in ("income", "comprehensive_income"):
        _prefer_expense_layout(ranked)
    if kind == "comprehensive_income":
        _prefer_oci_tax_basis(rows, ranked, ids, taxonomy)
    maps = _map_others(others, taxonomy) if others else {}
    elsewhere = (_figures_elsewhere(others, kind, taxonomy, maps)
                 if others and kind == "changes_in_equity" else {})
    ext_used: dict[str, tuple[str, object, tuple[Decimal | None, ...]]] = {}
    by_figure = _concepts_by_figure(others, kind, taxonomy, maps) if others else {}
    foreign = extensions_before(others, kind, maps) if others else {}
    out: dict[str, Candidate | ExtensionConcept] = {}
    # Facts of one concept in one period must agree; rows of different periods (the year
    # blocks of changes in equity) never clash.
    used: dict[tuple[str, object], tuple[str, tuple[Decimal | None, ...]]] = {}
    order = sorted(ranked, key=lambda r: -(ranked[r][0].score if ranked[r] else 0.0))
    by_id = {ids[id(r)]: r for r in rows}
    for rid in order:
        row = by_id[rid]
        figures = _printed(row)
        choice: Candidate | None = None
        clash = ""
        top = ranked[rid][0] if ranked[rid] else None
        if by_figure and (top is None or top.score < EXTENSION_THRESHOLD) and (
                not clean_label(row.label) or _SYNTHETIC_LABEL.match(clean_label(row.label))):
            recovered = _recover_by_figures(statement, row, by_figure, taxonomy)
            if recovered is not None:
                ranked[rid] = [recovered]
                top = recovered
        if top is not None and top.score >= EXTENSION_THRESHOLD:
            # A concept already carrying other figures is not re-used, and neither is its
            # runner-up (usually a near-synonym: "before tax" twin, other activity): the row
            # is narrower than both, so it becomes an extension.
            prior = used.get((top.concept.name, row.period, row.balance_role))
            seen = elsewhere.get((top.concept.name, row.period))
            if prior is not None and prior[1] != figures:
                clash = f"ifrs-full:{top.concept.name} already tags other figures (row {prior[0]})"
            elif seen is not None and row.balance_role == "flow" \
                    and seen != _total_figure(row):
                clash = (f"ifrs-full:{top.concept.name} carries {seen} in another statement, "
                         f"this row totals {_total_figure(row)}")
            else:
                choice = top
        if choice is not None:
            out[rid] = choice
            used.setdefault((choice.concept.name, row.period, row.balance_role), (rid, figures))
            continue
        label, period_type, _neg = _row_query(row, kind)
        if _SYNTHETIC_LABEL.match(clean_label(label)):
            continue  # no printed label to name an extension after: left unmapped
        try:
            ext = propose_extension(
                label or " ".join(row.section[-1:]), kind, tuple(row.section), period_type,
                _extension_balance(kind, row), taxonomy=taxonomy, best=top)
        except InputError:
            continue
        ext = unique_extension(ext, row, figures, ext_used)
        ext = unique_in_document(ext, kind, foreign)
        out[rid] = replace(ext, reason=clash) if clash else ext
    return {ids[id(r)]: out[ids[id(r)]] for r in rows if ids.get(id(r)) in out}




def _prefer_expense_layout(ranked: dict[str, list[Candidate]]) -> None:
    """IAS 1.99: a statement analyses expenses by function (cost of sales) or by nature
    (employee benefits, depreciation); "Other expenses" follows the statement's layout."""
    tops = {c[0].concept.name for c in ranked.values() if c}
    if tops & {"CostOfSales", "GrossProfit"}:
        layout, other = "ByFunction", "ByNature"
    elif tops & {"EmployeeBenefitsExpense", "RawMaterialsAndConsumablesUsed",
                 "DepreciationAndAmortisationExpense"}:
        layout, other = "ByNature", "ByFunction"
    else:
        return
    for rid, cands in ranked.items():
        if not cands or not cands[0].concept.name.endswith(other):
            continue
        twin = cands[0].concept.name[: -len(other)] + layout
        alt = next((c for c in cands if c.concept.name == twin), None)
        if alt is not None:
            note = f"statement analyses expenses {layout[2:].lower()}: {twin}"
            better = Candidate(alt.concept, max(alt.score, cands[0].score),
                               alt.reasons + (note,), alt.also)
            ranked[rid] = [better] + [c for c in cands if c is not alt]


_OCI_TAX = re.compile(r"^IncomeTaxRelatingToComponentsOfOtherComprehensiveIncome")
_NET_OF_TAX = "OtherComprehensiveIncomeNetOfTax"
_BEFORE_TAX = "OtherComprehensiveIncomeBeforeTax"


def _prefer_oci_tax_basis(rows: list[Row], ranked: dict[str, list[Candidate]],
                          ids: dict[int, str], taxonomy: Taxonomy) -> None:
    """IAS 1.91: OCI items are shown net of tax, or before tax with the tax on them on a line
    of its own. Where a block (or the OCI section around it) prints that tax line, its items
    are before tax: ``OtherComprehensiveIncomeNetOfTaxX`` gives way to its twin
    ``OtherComprehensiveIncomeBeforeTaxX``. No label says so; the statement does."""
    tax_sections = [tuple(r.section) for r in rows
                    if ranked.get(ids[id(r)]) and _OCI_TAX.match(ranked[ids[id(r)]][0].concept.name)]
    if not tax_sections:
        return
    for row in rows:
        cands = ranked.get(ids[id(row)])
        if not cands or not cands[0].concept.name.startswith(_NET_OF_TAX):
            continue
        section = tuple(row.section)
        if not any(section[:len(t)] == t for t in tax_sections):
            continue
        twin = _BEFORE_TAX + cands[0].concept.name[len(_NET_OF_TAX):]
        if twin not in taxonomy:
            continue
        note = "the block prints the tax on its items on a line of its own: before tax"
        better = Candidate(taxonomy.concept(twin), cands[0].score, cands[0].reasons + (note,),
                           cands[0].also)
        ranked[ids[id(row)]] = [better] + [c for c in cands if c.concept.name != twin]


def _prefer_block_balance(rows: list[Row], ranked: dict[str, list[Candidate]],
                          ids: dict[int, str], taxonomy: Taxonomy) -> None:
    for items, total in _summation_blocks(rows):
        total_c = ranked.get(ids[id(total)])
        if not total_c or total_c[0].concept.balance is None:
            continue
        balance = total_c[0].concept.balance
        for item in items:
            cands = ranked.get(ids[id(item)])
            if not cands or cands[0].concept.balance in (None, balance):
                continue
            alt = next((c for c in cands if c.concept.balance == balance), None)
            if alt is not None and alt.score >= cands[0].score - 0.10:
                note = f"sums into {total_c[0].concept.name} ({balance}): preferred"
                better = Candidate(alt.concept, alt.score, alt.reasons + (note,), alt.also)
                ranked[ids[id(item)]] = [better] + [c for c in cands if c is not alt]

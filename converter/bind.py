"""Bind stage: each statement row → the concept it is tagged with and its sign factor.

This is where taxonomy knowledge enters the pipeline (through ``mapping``); everything
before is taxonomy-free. Extension concepts proposed by the mapper get the company's prefix
here, once the extension taxonomy's identity is known.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from .equity_members import column_members
from .mapping import Candidate, Taxonomy, map_statement
from .model import Concept, ExtensionConcept, Fact, Issue, Row, Statement
from .signs import xbrl_sign
from .tagging import Binding


def _first_printed(row: Row) -> Decimal | None:
    for cell in row.cells:
        if cell is not None and cell.value is not None and cell.value != 0:
            return cell.value
    return None


def _factor(row: Row, concept: Concept, statement: Statement) -> tuple[int, str]:
    """+1/-1 with its reason: the sign rule applied to the row's first non-zero figure."""
    printed = _first_printed(row)
    if printed is None:
        return 1, "all figures nil: sign immaterial"
    value, reason = xbrl_sign(printed, concept, statement.kind, row.label, section=row.section)
    return (1 if (value < 0) == (printed < 0) else -1), reason


def bind_statement(statement: Statement, taxonomy: Taxonomy, prefix: str,
                   others: tuple[Statement, ...] = ()
                   ) -> tuple[dict[str, Binding], list[ExtensionConcept], list[Issue]]:
    """Bindings by row id, the extension concepts used, and rows nothing fits.

    ``others`` are the document's other statements: the mapper checks a row's figures
    against theirs (a total that disagrees with the same concept elsewhere, a label the
    extraction lost). A combined "profit or loss and OCI" statement arrives from the
    extract stage already split in its two parts.
    """
    bindings: dict[str, Binding] = {}
    extensions: list[ExtensionConcept] = []
    issues: list[Issue] = []
    rows = {r.id: r for r in statement.value_rows()}
    for row_id, choice in map_statement(statement, taxonomy, others=others).items():
        row = rows.get(row_id)
        if row is None:
            continue
        if isinstance(choice, Candidate):
            concept, also = choice.concept, choice.also
        else:
            concept = replace(choice.concept, prefix=prefix)
            extensions.append(replace(choice, concept=concept))
            also = ()
        factor, reason = _factor(row, concept, statement)
        bindings[row_id] = Binding(concept, factor, reason, tuple(also))
    return bindings, extensions, issues


def equity_members(statement: Statement) -> tuple[dict[int, str | None], list[Issue]]:
    """Changes in equity: the member of each component column, or an issue per unknown one."""
    members, unmatched = column_members(statement.columns)
    issues = [Issue("error", "tag.equity_component",
                    f"equity component '{statement.columns[i].component or statement.columns[i].header}'"
                    " matches no member of ComponentsOfEquityAxis",
                    line=statement.first_line, statement=statement.kind) for i in unmatched]
    return members, issues


STATEMENT_PRIORITY = ("income", "comprehensive_income", "financial_position", "cash_flows",
                      "changes_in_equity")


def conflicting_rows(facts: list[Fact]) -> set[tuple[str, str]]:
    """(statement, row id) of facts that disagree with an earlier statement's fact.

    Duplicate facts must agree (Inline XBRL 1.1 §4.4). When two statements put different
    figures on one concept and context, the row of the later statement (in
    ``STATEMENT_PRIORITY``: the primary statements keep their concepts, changes in equity
    yields) is the one whose concept was too broad for what it shows.
    """
    rank = {kind: i for i, kind in enumerate(STATEMENT_PRIORITY)}
    first: dict[tuple[str, str, str], Fact] = {}
    out: set[tuple[str, str]] = set()
    for fact in sorted(facts, key=lambda f: (rank.get(f.statement or "", 9), f.id)):
        if fact.undisclosed:
            continue
        key = (fact.concept.qname, fact.context.id, fact.unit.id)
        seen = first.setdefault(key, fact)
        if seen.value != fact.value and seen.statement != fact.statement:
            out.add((fact.statement or "", fact.row_id))
    return out


def rebind_row(statement: Statement, row: Row, taxonomy: Taxonomy, prefix: str,
               forbidden: set[str], used: set[str]) -> tuple[Binding, ExtensionConcept | None]:
    """The row's best candidate outside ``forbidden`` and the concepts its statement uses,
    or an extension concept when none scores above the mapper's threshold."""
    from .extensions_propose import propose_extension
    from .mapping import EXTENSION_THRESHOLD

    candidates = taxonomy.match(row.label, statement.kind, row.section, top=10)
    for candidate in candidates:
        name = candidate.concept.qname
        if candidate.score >= EXTENSION_THRESHOLD and name not in forbidden and name not in used:
            factor, reason = _factor(row, candidate.concept, statement)
            return Binding(candidate.concept, factor, reason, tuple(candidate.also)), None
    proposal = propose_extension(row.label, statement.kind, row.section, None, None,
                                 taxonomy=taxonomy, best=candidates[0] if candidates else None)
    concept = replace(proposal.concept, prefix=prefix)
    extension = replace(proposal, concept=concept,
                        reason=proposal.reason + "; the IFRS concepts that fit carry other "
                        "figures in another statement")
    factor, reason = _factor(row, concept, statement)
    return Binding(concept, factor, reason), extension


_STATEMENT_WORDS = {"income": "IncomeStatement", "comprehensive_income": "ComprehensiveIncome",
                    "financial_position": "FinancialPosition", "changes_in_equity": "ChangesInEquity",
                    "cash_flows": "CashFlows"}


def bind_unlabelled(statement: Statement, bindings: dict[str, Binding],
                    tree: dict[str, list[tuple[int, str]]], prefix: str
                    ) -> tuple[list[ExtensionConcept], list[Issue]]:
    """Rows whose label the extraction lost and no other statement could supply.

    Their figures are real (the statement's arithmetic uses them), so they are tagged, but
    with an extension concept that says what is known: the line sits under the subtotal that
    sums it, which becomes its anchor. Each is reported, so a person can name it.
    """
    extensions: list[ExtensionConcept] = []
    issues: list[Issue] = []
    parent_of = {child: total for total, children in tree.items() for _, child in children}
    for row in statement.value_rows():
        if row.id in bindings or row.label.strip() or not any(
                c is not None and (c.value is not None or c.less_than_unit) for c in row.cells):
            continue
        total = bindings.get(parent_of.get(row.id, ""))
        anchor = total.concept if total is not None else None
        name = f"Unlabelled{_STATEMENT_WORDS[statement.kind]}Line{row.id.upper()}"
        concept = Concept(
            name=name, prefix=prefix,
            period_type="instant" if statement.kind == "financial_position" else "duration",
            balance=anchor.balance if anchor is not None else None,
            label=f"Line printed without a label ({statement.kind.replace('_', ' ')}, {row.id})")
        extensions.append(ExtensionConcept(
            concept, anchor.qname if anchor is not None and anchor.prefix == "ifrs-full"
            else "ifrs-full:" + {"financial_position": "Assets", "cash_flows":
                                 "IncreaseDecreaseInCashAndCashEquivalents"}.get(
                statement.kind, "ProfitLoss"),
            "the announcement prints this line without a label"))
        bindings[row.id] = Binding(concept, 1, "label lost: printed sign kept")
        issues.append(Issue("warning", "tag.unlabelled",
                            f"a line printed without a label is tagged {prefix}:{name}",
                            line=row.line, statement=statement.kind, concept=f"{prefix}:{name}"))
    return extensions, issues

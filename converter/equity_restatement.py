"""Changes in equity: an opening balance restated under IAS 8, tagged on the IFRS axis for it.

Stage: bind (changes in equity). Input: the statement and its row bindings. Output: the rows
of each restatement with their member of ``RetrospectiveApplicationAndRetrospectiveRestatement
Axis``, and bindings that put all of them on the balance's own concept (``ifrs-full:Equity``).

Why: IAS 8.49 / IAS 1.106(b) make a company that restates print the opening balance "as
previously reported", the adjustment ("Effect of change in accounting policy", "Correction of
prior-period error", "Restatement (note 2)") and the balance "as restated". The three are one
concept at one instant (the start of the year) told apart by a dimension, as the IFRS
taxonomy's changes-in-equity table [610000] has it: ``PreviouslyStatedMember``, the
adjustment's member (the narrower policy or error member when the wording says which), and
the restated balance on the axis default ``RestatedMember`` (so, no dimension at all). Left to
the mapper, each becomes an extension named after its date.

The run is recognised by the statement's shape (an opening balance, movements, a second
opening balance of the same date in the same block) together with wording (the data table
``taxonomy/restatement_rows.csv``), never by one company's labels. Reconciliation keeps
checking "previously reported + adjustment = restated"; nothing here changes a figure.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from .model import Concept, Issue, Row, Statement
from .resources import taxonomy_dir
from .structure import arithmetic_rows
from .tagging import RETROSPECTIVE_AXIS, Binding

RESTATED_DOMAIN = "RestatedMember"           # the axis default: the restated figures
PREVIOUSLY_STATED = "PreviouslyStatedMember"
ADJUSTMENT = "IncreaseDecreaseDueToChangesInAccountingPolicyAndCorrectionsOfPriorPeriodErrorsMember"
POLICY = "FinancialEffectOfChangesInAccountingPolicyMember"
ERROR = "FinancialEffectOfCorrectionsOfAccountingErrorsMember"
# member → its parent in the IFRS domain (def 610000), so the extension's hypercube has the
# same tree: the narrower members sit under the adjustment member.
MEMBER_PARENTS: dict[str, str] = {PREVIOUSLY_STATED: RESTATED_DOMAIN, ADJUSTMENT: RESTATED_DOMAIN,
                                  POLICY: ADJUSTMENT, ERROR: ADJUSTMENT}


@dataclass(frozen=True)
class WordingRule:
    order: int
    kind: str                   # "previously" | "restated" | "adjustment"
    pattern: re.Pattern[str]
    member: str | None


@dataclass(frozen=True)
class Restatement:
    """One IAS 8 run of rows at the top of a period block."""

    previous: Row                                  # "as previously reported"
    adjustments: tuple[tuple[Row, str], ...]       # (row, member local name)
    restated: Row                                  # "as restated": the axis default


@lru_cache(maxsize=1)
def wording_rules() -> tuple[WordingRule, ...]:
    with open(taxonomy_dir() / "restatement_rows.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(sorted((WordingRule(int(r["order"]), r["kind"],
                                     re.compile(r["pattern"], re.IGNORECASE), r["member"] or None)
                         for r in rows), key=lambda rule: rule.order))


def _norm(label: str) -> str:
    return re.sub(r"\s+", " ", label.replace("\u2019", "'")).strip()


def says(label: str, kind: str) -> bool:
    """Whether the label's wording is of ``kind`` ("previously", "restated", "adjustment")."""
    text = _norm(label)
    if kind == "restated" and says(label, "previously"):
        return False        # "before restatement", "as previously restated": not the result
    return any(r.kind == kind and r.pattern.search(text) for r in wording_rules())


def adjustment_member(label: str) -> str:
    """The member an IAS 8 adjustment row takes: the error or the policy member when the
    wording says which (and only one), the member covering both otherwise."""
    text = _norm(label)
    specific = {r.member for r in wording_rules()
                if r.kind == "adjustment" and r.member in (POLICY, ERROR) and r.pattern.search(text)}
    return specific.pop() if len(specific) == 1 else ADJUSTMENT  # type: ignore[return-value]


def _blocks(rows: list[Row]) -> list[list[Row]]:
    """Consecutive rows of one period: the year blocks of the statement."""
    out: list[list[Row]] = []
    for row in rows:
        if out and out[-1][0].period == row.period:
            out[-1].append(row)
        else:
            out.append([row])
    return out


def _is_balance(row: Row) -> bool:
    return row.balance_role == "opening" or says(row.label, "previously")


def restatements(statement: Statement) -> list[Restatement]:
    """The IAS 8 runs of a statement of changes in equity (none for other statements).

    In a block, an opening balance, one or more movement rows and a second opening balance
    before any other movement are a restatement when the wording agrees: the first balance
    says "previously reported", or the second says "restated", or a movement names a policy,
    an error or a restatement. The second balance is the one the year runs from."""
    if statement.kind != "changes_in_equity":
        return []
    out: list[Restatement] = []
    for block in _blocks(arithmetic_rows(statement)):
        if not block or not _is_balance(block[0]) or block[0].balance_role == "closing":
            continue
        i = 0
        while i < len(block) and _is_balance(block[i]) and block[i].balance_role != "closing":
            j = i + 1
            moves: list[Row] = []
            while j < len(block) and block[j].balance_role == "flow" \
                    and not _is_balance(block[j]) and not says(block[j].label, "restated"):
                moves.append(block[j])
                j += 1
            if not moves or j >= len(block) or block[j].balance_role == "closing" \
                    or not (block[j].balance_role == "opening" or says(block[j].label, "restated")):
                break
            previous, restated = block[i], block[j]
            if says(previous.label, "previously") or says(restated.label, "restated") \
                    or any(says(m.label, "adjustment") for m in moves):
                out.append(Restatement(previous, tuple((m, adjustment_member(m.label))
                                                       for m in moves), restated))
            i = j
    return out


def _balance_concept(statement: Statement, bindings: dict[str, Binding],
                     skip: set[str], fallback: Concept) -> Binding:
    """The concept the statement tags its balances with (ifrs-full:Equity in practice): the
    most common IFRS instant concept among its other opening and closing rows."""
    found = Counter(
        (b.concept, b.factor) for r in statement.value_rows()
        if r.balance_role in ("opening", "closing") and r.id not in skip
        and (b := bindings.get(r.id)) is not None
        and b.concept.prefix == "ifrs-full" and b.concept.period_type == "instant")
    if found:
        (concept, factor), _n = found.most_common(1)[0]
        return Binding(concept, factor, "the statement's balances")
    return Binding(fallback, 1, "the statement's balances")


def bind_restatements(statement: Statement, bindings: dict[str, Binding], equity: Concept
                      ) -> tuple[dict[str, Binding], dict[str, str | None], list[Issue]]:
    """Bindings with each restatement's rows on the balance concept; the rows of each run
    with their member (qualified; None for the restated balance, the axis default: all of
    them are instants at the start of the block's period); an info issue per restatement.

    ``equity`` is the concept to use when no other balance row of the statement is bound to
    an IFRS instant concept. All rows of a run take one sign factor, so that "previously
    reported + adjustment = restated" holds between the tagged values as it does in print."""
    runs = restatements(statement)
    if not runs:
        return bindings, {}, []
    out = dict(bindings)
    members: dict[str, str | None] = {}
    issues: list[Issue] = []
    in_runs = {r.id for run in runs for r in (run.previous, run.restated, *(a for a, _ in run.adjustments))}
    balance = _balance_concept(statement, bindings, in_runs, equity)
    for run in runs:
        own = bindings.get(run.restated.id)
        if own is not None and own.concept.prefix == "ifrs-full" \
                and own.concept.period_type == "instant":
            balance = replace(own, also=())
        reason = f"IAS 8 restatement of the opening balance: {RETROSPECTIVE_AXIS}"
        out[run.restated.id] = Binding(balance.concept, balance.factor, reason)
        out[run.previous.id] = Binding(balance.concept, balance.factor, reason)
        members[run.previous.id] = f"ifrs-full:{PREVIOUSLY_STATED}"
        members[run.restated.id] = None
        for row, member in run.adjustments:
            out[row.id] = Binding(balance.concept, balance.factor, reason)
            members[row.id] = f"ifrs-full:{member}"
        named = ", ".join(f"'{r.label}' ({str(members[r.id]).split(':')[1]})"
                          for r in (run.previous, *(a for a, _ in run.adjustments)))
        issues.append(Issue("info", "tag.restatement",
                            f"opening balance restated: {named}; '{run.restated.label}' is the "
                            f"restated balance ({balance.concept.qname}, axis default)",
                            line=run.previous.line, statement=statement.kind,
                            concept=balance.concept.qname))
    return out, members, issues


def member_tree(used: set[str]) -> list[tuple[str, str]]:
    """(parent, member) local names for the hypercube: the members used and the IFRS members
    between them and the domain, parents first."""
    needed: list[str] = []
    for member in sorted(used):
        chain = []
        while member in MEMBER_PARENTS and member not in needed and member not in chain:
            chain.append(member)
            member = MEMBER_PARENTS[member]
        needed += [m for m in reversed(chain) if m not in needed]
    order = [PREVIOUSLY_STATED, ADJUSTMENT, POLICY, ERROR]
    return [(MEMBER_PARENTS[m], m) for m in sorted(needed, key=order.index)]

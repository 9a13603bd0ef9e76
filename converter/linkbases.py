"""Presentation, calculation and definition linkbases of the extension taxonomy.

Input is a list of ``Network``: one per statement, in the source's row order, with the
summations the reconcile stage found (already turned into concept weights). Output is XML.
Calculations use the Calculations 1.1 arcrole; a concept that is the total of two different
sums (the loss as "before tax − tax" and as "owners + NCI") gets a second role, because within
one role Calculations 1.1 adds up all of a total's children.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .extension import Role, TaxonomyPlan, anchoring_arcs, wider_narrower_arcrole_ref
from .model import Concept, ExtensionConcept
from .xmlbuild import linkbase_root, loc, role_ref, serialise, sub

SUMMATION = "https://xbrl.org/2023/arcrole/summation-item"
SUMMATION_SCHEMA = "https://www.xbrl.org/2023/calculation-1.1.xsd#summation-item"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
DIM = "http://xbrl.org/int/dim/arcrole/"
TOTAL_LABEL = "http://www.xbrl.org/2003/role/totalLabel"
NEGATED_LABEL = "http://www.xbrl.org/2009/role/negatedLabel"
PERIOD_START = "http://www.xbrl.org/2003/role/periodStartLabel"
PERIOD_END = "http://www.xbrl.org/2003/role/periodEndLabel"
NEGATED_LABEL_SCHEMA = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#negatedLabel"
XDT_SCHEMA = "http://www.xbrl.org/2005/xbrldt-2005.xsd"
XDT_ARCROLES = ("all", "hypercube-dimension", "dimension-domain", "domain-member")


@dataclass(frozen=True)
class PresentationItem:
    concept: Concept
    preferred_label: str | None = None


@dataclass(frozen=True)
class Summation:
    total: Concept
    items: tuple[tuple[int, Concept], ...]      # (weight, concept)


@dataclass(frozen=True)
class DimensionTree:
    """A further axis of a statement's hypercube, with its domain-member tree."""

    axis: Concept
    domain: Concept
    members: tuple[tuple[Concept, Concept], ...]   # (parent, member), parents first


@dataclass
class Network:
    """What one statement contributes to the linkbases."""

    role: Role
    kind: str                                   # the statement kind the network comes from
    root: Concept                               # the statement's abstract, e.g. IncomeStatementAbstract
    items: list[PresentationItem]
    summations: list[Summation] = field(default_factory=list)
    table: Concept | None = None                # changes in equity: hypercube, axis, domain
    axis: Concept | None = None
    domain: Concept | None = None
    line_items: Concept | None = None
    members: list[Concept] = field(default_factory=list)
    more_axes: list[DimensionTree] = field(default_factory=list)   # e.g. IAS 8 restatement


def _label(concept: Concept) -> str:
    return f"{concept.prefix}_{concept.name}".replace("-", "_")


def _locate(link: etree._Element, plan: TaxonomyPlan, concept: Concept, seen: set[str]) -> str:
    label = _label(concept)
    if label not in seen:
        seen.add(label)
        loc(link, plan.concept_href(concept), label)
    return label


def _arc(link: etree._Element, tag: str, arcrole: str, frm: str, to: str, order: int,
         **extra: str) -> None:
    sub(link, tag, {"xlink:type": "arc", "xlink:arcrole": arcrole, "xlink:from": frm,
                    "xlink:to": to, "order": str(order), **extra})


def _tree_arcs(link: etree._Element, plan: TaxonomyPlan, tree: DimensionTree, seen: set[str],
               tag: str, arcrole: str, domain_arcrole: str | None = None) -> None:
    """axis → domain → members (each under its parent), as presentation or definition arcs."""
    axis = _label(tree.axis)
    domain = _locate(link, plan, tree.domain, seen)
    _arc(link, tag, domain_arcrole or arcrole, axis, domain, 1)
    for order, (parent, member) in enumerate(tree.members, start=1):
        _arc(link, tag, arcrole, _locate(link, plan, parent, seen),
             _locate(link, plan, member, seen), order)


def split_calculation_roles(networks: list[Network]) -> list[tuple[Role, list[Summation]]]:
    """Group each network's summations into roles so no total has two child sets in one role."""
    out: list[tuple[Role, list[Summation]]] = []
    for network in networks:
        groups: list[list[Summation]] = []
        for summation in network.summations:
            for group in groups:
                same = [s for s in group if s.total == summation.total]
                if not same:
                    group.append(summation)
                    break
                if set(same[0].items) == set(summation.items):
                    break  # the same sum printed twice: one arc set is enough
            else:
                groups.append([summation])
        for index, group in enumerate(groups):
            role = network.role if index == 0 else Role(
                f"{network.role.id}{index + 1}", f"{network.role.definition} ({index + 1})")
            out.append((role, group))
    return out


def presentation_linkbase(plan: TaxonomyPlan, networks: list[Network]) -> bytes:
    root = linkbase_root()
    for network in networks:
        role_ref(root, network.role.uri(plan.namespace), plan.schema_file, network.role.id)
    if any(i.preferred_label == NEGATED_LABEL for n in networks for i in n.items):
        role_ref(root, NEGATED_LABEL, NEGATED_LABEL_SCHEMA.split("#")[0], "negatedLabel")
    for network in networks:
        link = sub(root, "link:presentationLink", {"xlink:type": "extended",
                                                   "xlink:role": network.role.uri(plan.namespace)})
        seen: set[str] = set()
        top = _locate(link, plan, network.root, seen)
        parent = top
        if network.table is not None and network.line_items is not None:
            table = _locate(link, plan, network.table, seen)
            _arc(link, "link:presentationArc", PARENT_CHILD, top, table, 1)
            axis = _locate(link, plan, network.axis, seen)  # type: ignore[arg-type]
            _arc(link, "link:presentationArc", PARENT_CHILD, table, axis, 1)
            domain = _locate(link, plan, network.domain, seen)  # type: ignore[arg-type]
            _arc(link, "link:presentationArc", PARENT_CHILD, axis, domain, 1)
            for order, member in enumerate(network.members, start=1):
                if _label(member) != domain:
                    _arc(link, "link:presentationArc", PARENT_CHILD, domain,
                         _locate(link, plan, member, seen), order)
            for order, tree in enumerate(network.more_axes, start=2):
                axis = _locate(link, plan, tree.axis, seen)
                _arc(link, "link:presentationArc", PARENT_CHILD, table, axis, order)
                _tree_arcs(link, plan, tree, seen, "link:presentationArc", PARENT_CHILD)
            parent = _locate(link, plan, network.line_items, seen)
            _arc(link, "link:presentationArc", PARENT_CHILD, table, parent,
                 len(network.more_axes) + 2)
        placed: dict[str, set[str | None]] = {}
        for order, item in enumerate(network.items, start=1):
            labels = placed.setdefault(_label(item.concept), set())
            if item.preferred_label in labels:
                continue  # a figure printed twice is presented once per role and label
            labels.add(item.preferred_label)
            # The same concept under another preferred label (opening and closing balances)
            # needs its own locator: XLink forbids two arcs between the same labels.
            target = _locate(link, plan, item.concept, seen)
            if len(labels) > 1:
                target = f"{target}_{len(labels)}"
                loc(link, plan.concept_href(item.concept), target)
            extra = {"preferredLabel": item.preferred_label} if item.preferred_label else {}
            _arc(link, "link:presentationArc", PARENT_CHILD, parent, target, order, **extra)
    return serialise(root)


def calculation_linkbase(plan: TaxonomyPlan, roles: list[tuple[Role, list[Summation]]]) -> bytes:
    root = linkbase_root()
    for role, _ in roles:
        role_ref(root, role.uri(plan.namespace), plan.schema_file, role.id)
    sub(root, "link:arcroleRef", {"arcroleURI": SUMMATION, "xlink:type": "simple",
                                  "xlink:href": SUMMATION_SCHEMA})
    for role, summations in roles:
        if not summations:
            continue
        link = sub(root, "link:calculationLink", {"xlink:type": "extended",
                                                  "xlink:role": role.uri(plan.namespace)})
        seen: set[str] = set()
        for summation in summations:
            total = _locate(link, plan, summation.total, seen)
            for order, (weight, item) in enumerate(summation.items, start=1):
                _arc(link, "link:calculationArc", SUMMATION, total,
                     _locate(link, plan, item, seen), order, weight=f"{weight}.0")
    return serialise(root)


def definition_linkbase(plan: TaxonomyPlan, networks: list[Network],
                        extensions: list[ExtensionConcept]) -> bytes:
    """The changes-in-equity hypercube (closed, on the segment) and the extension anchors."""
    root = linkbase_root()
    dimensional = [n for n in networks if n.table is not None]
    for network in dimensional:
        role_ref(root, network.role.uri(plan.namespace), plan.schema_file, network.role.id)
    if dimensional:
        for arcrole in XDT_ARCROLES:
            sub(root, "link:arcroleRef", {"arcroleURI": DIM + arcrole, "xlink:type": "simple",
                                          "xlink:href": f"{XDT_SCHEMA}#{arcrole}"})
    if extensions:
        wider_narrower_arcrole_ref(root, plan)
    for network in dimensional:
        link = sub(root, "link:definitionLink", {"xlink:type": "extended",
                                                 "xlink:role": network.role.uri(plan.namespace)})
        seen: set[str] = set()
        line_items = _locate(link, plan, network.line_items, seen)  # type: ignore[arg-type]
        table = _locate(link, plan, network.table, seen)  # type: ignore[arg-type]
        _arc(link, "link:definitionArc", DIM + "all", line_items, table, 1,
             **{"{http://xbrl.org/2005/xbrldt}closed": "true",
                "{http://xbrl.org/2005/xbrldt}contextElement": "segment"})
        axis = _locate(link, plan, network.axis, seen)  # type: ignore[arg-type]
        _arc(link, "link:definitionArc", DIM + "hypercube-dimension", table, axis, 1)
        domain = _locate(link, plan, network.domain, seen)  # type: ignore[arg-type]
        _arc(link, "link:definitionArc", DIM + "dimension-domain", axis, domain, 1)
        for order, member in enumerate(network.members, start=1):
            if _label(member) != domain:
                _arc(link, "link:definitionArc", DIM + "domain-member", domain,
                     _locate(link, plan, member, seen), order)
        for order, tree in enumerate(network.more_axes, start=2):
            axis = _locate(link, plan, tree.axis, seen)
            _arc(link, "link:definitionArc", DIM + "hypercube-dimension", table, axis, order)
            _tree_arcs(link, plan, tree, seen, "link:definitionArc", DIM + "domain-member",
                       DIM + "dimension-domain")
        done: set[str] = set()
        for order, item in enumerate(network.items, start=1):
            label = _locate(link, plan, item.concept, seen)
            if label not in done:
                done.add(label)
                _arc(link, "link:definitionArc", DIM + "domain-member", line_items, label, order)
    if extensions:
        link = sub(root, "link:definitionLink", {"xlink:type": "extended",
                                                 "xlink:role": "http://www.xbrl.org/2003/role/link"})
        anchoring_arcs(link, plan, extensions)
    return serialise(root)

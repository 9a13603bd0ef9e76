"""The company extension taxonomy: its identity, its schema and its label linkbase.

The schema imports the IFRS "essential" entry point (``full_ifrs_entry_point_ext``: labels,
references and dimension defaults, but none of the IFRS model calculation trees, which a real
statement would violate; see IXBRL-NOTES.md), declares the extension concepts, the statement
roles, and links the label, presentation, calculation and definition linkbases.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree

from .model import Concept, ExtensionConcept
from .xmlbuild import (
    IFRS_CORE_SCHEMA, IFRS_ENTRY_NAMESPACE, IFRS_ENTRY_POINT, NS, arcrole_ref, linkbase_root, loc,
    q, serialise, sub,
)

WIDER_NARROWER = "http://www.esma.europa.eu/xbrl/esef/arcrole/wider-narrower"
DTR_TYPES = "http://www.xbrl.org/dtr/type/2022-03-31"
DTR_TYPES_SCHEMA = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"
LINKBASE_KINDS = {
    "lab": "http://www.xbrl.org/2003/role/labelLinkbaseRef",
    "pre": "http://www.xbrl.org/2003/role/presentationLinkbaseRef",
    "cal": "http://www.xbrl.org/2003/role/calculationLinkbaseRef",
    "def": "http://www.xbrl.org/2003/role/definitionLinkbaseRef",
}
_RESERVED_PREFIXES = {"ifrs", "ifrs-full", "xbrli", "link", "xlink", "ix", "ixt", "iso4217",
                      "xbrldi", "xbrldt", "xsd", "xml", "dtr", "num", "nonnum"}


@dataclass(frozen=True)
class Role:
    """An extended link role: one per statement (and more when a network must be split)."""

    id: str                 # "IncomeStatement"
    definition: str         # "[100] Consolidated income statement"

    def uri(self, namespace: str) -> str:
        return f"{namespace}/role/{self.id}"


@dataclass(frozen=True)
class TaxonomyPlan:
    """Names and places of the extension taxonomy, decided once from the entity and period."""

    prefix: str             # "acme"
    namespace: str          # "https://xbrl.acme.example/2024-12-31"
    stem: str               # "acme-2024-12-31": file names of schema and linkbases

    @property
    def schema_file(self) -> str:
        return f"{self.stem}.xsd"

    def linkbase_file(self, kind: str) -> str:
        # ESEF naming convention (reporting manual 3.1.5): {base}-{date}_{kind}[-{lang}].xml
        return f"{self.stem}_{kind}-en.xml" if kind == "lab" else f"{self.stem}_{kind}.xml"

    def concept_href(self, concept: Concept) -> str:
        if concept.prefix == "ifrs-full":
            return f"{IFRS_CORE_SCHEMA}#ifrs-full_{concept.name}"
        return f"{self.schema_file}#{self.prefix}_{concept.name}"


def entity_slug(name: str) -> str:
    """A short lower-case prefix from the entity name: "SenseTime Group Inc." → "sensetime"."""
    words = re.findall(r"[A-Za-z][A-Za-z0-9]*", name)
    slug = (words[0] if words else "entity").lower()
    return slug if slug not in _RESERVED_PREFIXES else f"{slug}x"


def plan_taxonomy(entity_name: str, period_end: date, namespace: str | None = None) -> TaxonomyPlan:
    """The default namespace sits under the reserved ``.example`` domain (RFC 2606) so that it
    never collides with a real company's; pass ``namespace`` to use the company's own."""
    prefix = entity_slug(entity_name)
    ns = namespace or f"https://xbrl.{prefix}.example/{period_end.isoformat()}"
    return TaxonomyPlan(prefix=prefix, namespace=ns.rstrip("/"),
                        stem=f"{prefix}-{period_end.isoformat()}")


def _balance_attrs(concept: Concept) -> dict[str, str]:
    attrs = {q("xbrli:periodType"): concept.period_type}
    if concept.balance:
        attrs[q("xbrli:balance")] = concept.balance
    return attrs


STRUCTURE_LABELS = {
    "ConsolidatedAndSeparateStatementsTable": "Consolidated and separate statements [table]",
    "ConsolidatedAndSeparateStatementsLineItems": "Consolidated and separate statements "
                                                  "[line items]",
}


def schema(plan: TaxonomyPlan, extensions: list[ExtensionConcept], roles: list[Role],
           structure: list[Concept] | None = None) -> bytes:
    """The company schema: imports, linkbase refs, role types, extension elements.

    ``structure``: the company's own hypercube ("...Table") and line-items elements, for
    statements that need a table IFRS does not have (``assemble.scope_table``)."""
    structure = structure or []
    nsmap = {"xsd": NS["xsd"], "link": NS["link"], "xlink": NS["xlink"], "xbrli": NS["xbrli"],
             "xbrldt": NS["xbrldt"], "dtr-2022": DTR_TYPES, plan.prefix: plan.namespace}
    root = etree.Element(q("xsd:schema"), nsmap=nsmap, attrib={
        "targetNamespace": plan.namespace, "elementFormDefault": "qualified",
        "attributeFormDefault": "unqualified"})
    appinfo = sub(sub(root, "xsd:annotation"), "xsd:appinfo")
    for kind, role in LINKBASE_KINDS.items():
        sub(appinfo, "link:linkbaseRef", {
            "xlink:type": "simple", "xlink:href": plan.linkbase_file(kind), "xlink:role": role,
            "xlink:arcrole": "http://www.w3.org/1999/xlink/properties/linkbase"})
    for role in roles:
        role_type = sub(appinfo, "link:roleType", {"roleURI": role.uri(plan.namespace),
                                                   "id": role.id})
        sub(role_type, "link:definition", text=role.definition)
        for used in ("link:presentationLink", "link:calculationLink", "link:definitionLink"):
            sub(role_type, "link:usedOn", text=used)
    if extensions:
        # Declared here so that the anchoring arcs need no network schema (ESEF RTS Annex IV).
        arcrole = sub(appinfo, "link:arcroleType", {
            "arcroleURI": WIDER_NARROWER, "id": "wider-narrower", "cyclesAllowed": "undirected"})
        sub(arcrole, "link:definition", text="wider-narrower")
        sub(arcrole, "link:usedOn", text="link:definitionArc")
    sub(root, "xsd:import", {"namespace": NS["xbrli"],
                             "schemaLocation": "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"})
    sub(root, "xsd:import", {"namespace": IFRS_ENTRY_NAMESPACE,
                             "schemaLocation": IFRS_ENTRY_POINT})
    if structure:
        sub(root, "xsd:import", {"namespace": NS["xbrldt"],
                                 "schemaLocation": "http://www.xbrl.org/2005/xbrldt-2005.xsd"})
    if any(e.concept.data_type.startswith("dtr-2022:") for e in extensions):
        # per-share extensions use the DTR type, imported from where the IFRS schema has it
        sub(root, "xsd:import", {"namespace": DTR_TYPES, "schemaLocation": DTR_TYPES_SCHEMA})
    for ext in sorted(extensions, key=lambda e: e.concept.name):
        concept = ext.concept
        element = sub(root, "xsd:element", {
            "id": f"{plan.prefix}_{concept.name}", "name": concept.name,
            "type": concept.data_type, "substitutionGroup": "xbrli:item",
            "nillable": "true", "abstract": "true" if concept.abstract else "false"})
        for name, value in _balance_attrs(concept).items():
            element.set(name, value)
    for concept in sorted(structure, key=lambda c: c.name):
        sub(root, "xsd:element", {
            "id": f"{plan.prefix}_{concept.name}", "name": concept.name,
            "type": "xbrli:stringItemType", "abstract": "true", "nillable": "true",
            "substitutionGroup": "xbrldt:hypercubeItem" if concept.name.endswith("Table")
            else "xbrli:item", "{http://www.xbrl.org/2003/instance}periodType": "duration"})
    return serialise(root)


def label_linkbase(plan: TaxonomyPlan, extensions: list[ExtensionConcept],
                   structure: list[Concept] | None = None) -> bytes:
    """Standard labels (and documentation of the anchoring reason) for extension concepts."""
    root = linkbase_root()
    link = sub(root, "link:labelLink", {"xlink:type": "extended",
                                        "xlink:role": "http://www.xbrl.org/2003/role/link"})
    labelled = [(e.concept, e.concept.label) for e in extensions] + [
        (c, STRUCTURE_LABELS.get(c.name, c.name)) for c in structure or []]
    for concept, text in sorted(labelled, key=lambda pair: pair[0].name):
        name = concept.name
        loc(link, plan.concept_href(concept), f"loc_{name}")
        sub(link, "link:label", {
            "xlink:type": "resource", "xlink:label": f"lab_{name}",
            "xlink:role": "http://www.xbrl.org/2003/role/label", "id": f"lab_{name}",
            "{http://www.w3.org/XML/1998/namespace}lang": "en"}, text=text)
        sub(link, "link:labelArc", {
            "xlink:type": "arc", "xlink:arcrole": "http://www.xbrl.org/2003/arcrole/concept-label",
            "xlink:from": f"loc_{name}", "xlink:to": f"lab_{name}"})
    return serialise(root)


def anchoring_arcs(link: etree._Element, plan: TaxonomyPlan,
                   extensions: list[ExtensionConcept]) -> None:
    """wider-narrower arcs from each IFRS anchor to the extension concepts it covers."""
    anchors = sorted({e.anchor for e in extensions})
    for anchor in anchors:
        loc(link, f"{IFRS_CORE_SCHEMA}#{anchor.replace(':', '_')}", f"anchor_{anchor.split(':')[-1]}")
    for order, ext in enumerate(sorted(extensions, key=lambda e: e.concept.name), start=1):
        label = f"ext_{ext.concept.name}"
        loc(link, plan.concept_href(ext.concept), label)
        sub(link, "link:definitionArc", {
            "xlink:type": "arc", "xlink:arcrole": WIDER_NARROWER,
            "xlink:from": f"anchor_{ext.anchor.split(':')[-1]}", "xlink:to": label,
            "order": str(order)})


def wider_narrower_arcrole_ref(root: etree._Element, plan: TaxonomyPlan) -> None:
    arcrole_ref(root, WIDER_NARROWER, f"{plan.schema_file}#wider-narrower")

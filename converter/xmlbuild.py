"""Small lxml helpers shared by the writers of the extension schema and its linkbases.

XML Linking (XBRL 2.1 §3.5) is verbose; these keep the writers readable and make sure every
file is serialised the same way (UTF-8, declaration, pretty-printed, deterministic).
"""
from __future__ import annotations

from lxml import etree

NS = {
    "xsd": "http://www.w3.org/2001/XMLSchema",
    "link": "http://www.xbrl.org/2003/linkbase",
    "xlink": "http://www.w3.org/1999/xlink",
    "xbrli": "http://www.xbrl.org/2003/instance",
    "xbrldt": "http://xbrl.org/2005/xbrldt",
    "ifrs-full": "https://xbrl.ifrs.org/taxonomy/2025-03-27/ifrs-full",
}
IFRS_BASE = "https://xbrl.ifrs.org/taxonomy/2025-03-27/"
IFRS_CORE_SCHEMA = IFRS_BASE + "full_ifrs/full_ifrs-cor_2025-03-27.xsd"
IFRS_ENTRY_POINT = IFRS_BASE + "full_ifrs_entry_point_ext_2025-03-27.xsd"
IFRS_ENTRY_NAMESPACE = IFRS_BASE + "ifrs/full_ifrs_entry_point_ext"


def q(prefixed: str) -> str:
    """``"link:loc"`` → Clark notation ``{http://...}loc``."""
    prefix, local = prefixed.split(":", 1)
    return f"{{{NS[prefix]}}}{local}"


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None,
        text: str | None = None) -> etree._Element:
    """Append a child; attribute names may be prefixed (``xlink:href``)."""
    element = etree.SubElement(parent, q(tag))
    for name, value in (attrs or {}).items():
        element.set(q(name) if ":" in name and not name.startswith("{") else name, value)
    if text is not None:
        element.text = text
    return element


def linkbase_root(extra_ns: dict[str, str] | None = None) -> etree._Element:
    nsmap = {"link": NS["link"], "xlink": NS["xlink"], "xbrldt": NS["xbrldt"], **(extra_ns or {})}
    return etree.Element(q("link:linkbase"), nsmap=nsmap)


def role_ref(root: etree._Element, role_uri: str, schema_href: str, role_id: str) -> None:
    sub(root, "link:roleRef", {"roleURI": role_uri, "xlink:type": "simple",
                               "xlink:href": f"{schema_href}#{role_id}"})


def arcrole_ref(root: etree._Element, arcrole_uri: str, href: str) -> None:
    sub(root, "link:arcroleRef", {"arcroleURI": arcrole_uri, "xlink:type": "simple",
                                  "xlink:href": href})


def loc(link: etree._Element, href: str, label: str) -> None:
    sub(link, "link:loc", {"xlink:type": "locator", "xlink:href": href, "xlink:label": label})


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

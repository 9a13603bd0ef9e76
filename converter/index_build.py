"""Build the compact concept index from an IFRS taxonomy package zip (offline, lxml only).

Input: the IFRS Foundation's package (``IFRSAT-2025.zip``). Output: one gzipped JSON file
(``taxonomy/ifrs-2025-index.json.gz``) holding, per concept of ``full_ifrs-cor_*.xsd``, its
period type, balance, data type, abstract flag, substitution group, English labels and its
places in the IAS 1 / IAS 7 / IAS 33 presentation trees. The mapper reads only this file, so
mapping needs neither Arelle nor the 80 MB package at run time.

    python -m converter.index_build IFRSAT-2025.zip -o taxonomy/ifrs-2025-index.json.gz

The file names are matched by pattern (not by date), so a later package builds the same way.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from .errors import TaxonomyError
from .model import Concept
from .taxonomy_index import normaliser_fingerprint, search_texts

FORMAT_VERSION = 1
XSD = "{http://www.w3.org/2001/XMLSchema}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Label roles kept in the index, by their short name (the last path segment of the role URI).
LABEL_ROLES = frozenset({
    "label", "terseLabel", "verboseLabel", "totalLabel", "netLabel",
    "negatedLabel", "negatedTerseLabel", "negatedTotalLabel", "negatedNetLabel",
    "periodStartLabel", "periodEndLabel", "documentation",
})
# Presentation linkbases that say where a concept sits in the primary statements (and the
# IAS 1 / IAS 7 notes, which hold the usual sub-classifications such as trade receivables).
PRESENTATION_STANDARDS = ("ias_1", "ias_7", "ias_33")

_COR_RE = re.compile(r"(^|/)full_ifrs/full_ifrs-cor_[\d-]+\.xsd$")
_LABEL_RE = re.compile(r"(^|/)full_ifrs/labels/(lab|doc)_[\w-]+-en_[\d-]+\.xml$")
_PRE_RE = re.compile(
    r"(^|/)full_ifrs/linkbases/(" + "|".join(PRESENTATION_STANDARDS)
    + r")/pre_[\w-]+_role-(\w+)\.xml$")
_ROLE_DEF_RE = re.compile(r"^\[(\w+)\]\s*(.*)$")


def _concept_name(href: str) -> str:
    """``../full_ifrs-cor.xsd#ifrs-full_ProfitLoss`` → ``ProfitLoss``."""
    fragment = href.rsplit("#", 1)[-1]
    return fragment.split("_", 1)[1] if "_" in fragment else fragment


def _read_concepts(data: bytes) -> tuple[str, dict[str, dict[str, Any]]]:
    root = etree.fromstring(data)
    namespace = root.get("targetNamespace", "")
    concepts: dict[str, dict[str, Any]] = {}
    for el in root.iter(f"{XSD}element"):
        name = el.get("name")
        if not name:
            continue
        concepts[name] = {
            "p": el.get(f"{XBRLI}periodType", "duration"),
            "b": el.get(f"{XBRLI}balance"),
            "t": el.get("type", ""),
            "a": 1 if el.get("abstract") == "true" else 0,
            "s": el.get("substitutionGroup", ""),
            "l": {},
            "pr": [],
        }
    return namespace, concepts


def _read_labels(data: bytes, concepts: dict[str, dict[str, Any]]) -> None:
    root = etree.fromstring(data)
    for link in root.iter(f"{LINK}labelLink"):
        locs: dict[str, str] = {}
        resources: dict[str, list[tuple[str, str]]] = {}
        arcs: list[tuple[str, str]] = []
        for el in link:
            tag = el.tag
            if tag == f"{LINK}loc":
                locs[el.get(f"{XLINK}label")] = _concept_name(el.get(f"{XLINK}href", ""))
            elif tag == f"{LINK}label":
                if el.get(XML_LANG, "en") != "en":
                    continue
                role = el.get(f"{XLINK}role", "").rsplit("/", 1)[-1]
                text = " ".join((el.text or "").split())
                resources.setdefault(el.get(f"{XLINK}label"), []).append((role, text))
            elif tag == f"{LINK}labelArc":
                arcs.append((el.get(f"{XLINK}from"), el.get(f"{XLINK}to")))
        for frm, to in arcs:
            concept = concepts.get(locs.get(frm, ""))
            if concept is None:
                continue
            for role, text in resources.get(to, ()):
                if role in LABEL_ROLES and text:
                    concept["l"][role] = text


def _read_presentation(data: bytes, role_code: str,
                       concepts: dict[str, dict[str, Any]]) -> None:
    root = etree.fromstring(data)
    for link in root.iter(f"{LINK}presentationLink"):
        locs: dict[str, str] = {}
        for el in link.iter(f"{LINK}loc"):
            locs[el.get(f"{XLINK}label")] = _concept_name(el.get(f"{XLINK}href", ""))
        for arc in link.iter(f"{LINK}presentationArc"):
            parent = locs.get(arc.get(f"{XLINK}from"), "")
            child = locs.get(arc.get(f"{XLINK}to"), "")
            if child not in concepts:
                continue
            preferred = (arc.get("preferredLabel") or "").rsplit("/", 1)[-1]
            order = float(arc.get("order", "1"))
            entry = [role_code, parent, order if order % 1 else int(order), preferred or ""]
            if entry not in concepts[child]["pr"]:
                concepts[child]["pr"].append(entry)


def _read_role_titles(zf: zipfile.ZipFile) -> dict[str, str]:
    titles: dict[str, str] = {}
    for name in zf.namelist():
        if "/full_ifrs/linkbases/" in name and re.search(r"/rol_[\w-]+\.xsd$", name):
            root = etree.fromstring(zf.read(name))
            for el in root.iter(f"{LINK}definition"):
                match = _ROLE_DEF_RE.match((el.text or "").strip())
                if match:
                    titles[match.group(1)] = match.group(2)
    return titles


def _search_cache(concepts: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """Canonical label variants per numeric concept, so that loading need not recompute them."""
    out: dict[str, list[str]] = {}
    for name in sorted(concepts):
        c = concepts[name]
        concept = Concept(name=name, data_type=c["t"], abstract=bool(c["a"]))
        texts = search_texts(concept, c["l"])
        if texts:
            out[name] = texts
    return out


def build_index(package: Path) -> dict[str, Any]:
    """Read the package zip and return the index as a JSON-ready dict."""
    try:
        zf = zipfile.ZipFile(package)
    except (OSError, zipfile.BadZipFile) as exc:
        raise TaxonomyError(f"cannot open taxonomy package {package}: {exc}") from exc
    with zf:
        names = zf.namelist()
        cor = [n for n in names if _COR_RE.search(n)]
        if not cor:
            raise TaxonomyError(f"{package}: no full_ifrs/full_ifrs-cor_*.xsd in the package")
        namespace, concepts = _read_concepts(zf.read(cor[0]))
        for name in sorted(n for n in names if _LABEL_RE.search(n)):
            _read_labels(zf.read(name), concepts)
        roles_used: set[str] = set()
        for name in sorted(names):
            match = _PRE_RE.search(name)
            if match:
                roles_used.add(match.group(3))
                _read_presentation(zf.read(name), match.group(3), concepts)
        titles = _read_role_titles(zf)
    for concept in concepts.values():
        concept["pr"].sort(key=lambda e: (e[0], e[1], e[2]))
    return {
        "normaliser": normaliser_fingerprint(),
        "search": _search_cache(concepts),
        "format": FORMAT_VERSION,
        "source": Path(cor[0]).name,
        "namespace": namespace,
        "prefix": "ifrs-full",
        "roles": {code: titles.get(code, "") for code in sorted(roles_used)},
        "concepts": {name: concepts[name] for name in sorted(concepts)},
    }


def write_index(index: dict[str, Any], output: Path) -> None:
    """Write deterministically (sorted keys, no timestamp in the gzip header)."""
    payload = json.dumps(index, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as raw, gzip.GzipFile(
            filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(payload.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m converter.index_build",
        description="Build the compact IFRS concept index used by the label mapper.")
    parser.add_argument("package", type=Path, help="IFRS taxonomy package zip")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="where to write the .json.gz index")
    args = parser.parse_args(argv)
    try:
        index = build_index(args.package)
        write_index(index, args.output)
    except TaxonomyError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return exc.exit_code
    n = len(index["concepts"])
    print(f"{args.output}: {n} concepts, {args.output.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())

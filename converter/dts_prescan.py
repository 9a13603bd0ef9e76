"""Which pinned taxonomy entry points a report's DTS starts from, read without Arelle.

Stage: validate (batch planning). Input: a report path (an iXBRL file, an instance or a
report package); output: the absolute URLs its discovery reaches first. Reports that start
from the same URLs can share one loaded taxonomy (``arelle_adapter``); reading a report and
its local schemas with lxml costs milliseconds, loading the IFRS taxonomy about a second.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urljoin

_LINK = "http://www.xbrl.org/2003/linkbase"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_XSD = "http://www.w3.org/2001/XMLSchema"
_REPORT_IN_PACKAGE = re.compile(r"^[^/]+/reports/(?:[^/]+/)?[^/]+\.(xhtml|html|htm|xbrl)$", re.I)


def referenced_urls(entry: str, depth: int = 4) -> set[str]:
    """Absolute URLs a report's DTS discovery starts from, following its local schemas.

    Reads only the report and the schemas beside it (in its folder or package); stops at the
    first absolute URL on each path. Cheap (lxml) and Arelle-free.
    """
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                             huge_tree=True)
    found: set[str] = set()
    archive: zipfile.ZipFile | None = None
    try:
        if zipfile.is_zipfile(entry):
            archive = zipfile.ZipFile(entry)
            reports = sorted(n for n in archive.namelist() if _REPORT_IN_PACKAGE.match(n))
            if not reports:
                return found
            todo = [(f"zip:/{reports[0]}", 0)]
        else:
            todo = [(Path(entry).resolve().as_uri(), 0)]
        seen: set[str] = set()
        while todo:
            url, level = todo.pop()
            if url in seen or level > depth:
                continue
            seen.add(url)
            data = _read_local(url, archive)
            if data is None:
                continue
            root = etree.parse(io.BytesIO(data), parser).getroot()
            if root is None:
                continue
            for href in _refs(root):
                target = join_url(url, href.split("#")[0])
                if target.startswith(("http://", "https://")):
                    found.add(target)
                else:
                    todo.append((target, level + 1))
    finally:
        if archive is not None:
            archive.close()
    return found


def join_url(base: str, href: str) -> str:
    """``urljoin`` that also resolves inside a package (``zip:/top/reports/r.xhtml``)."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href) or not base.startswith("zip:/"):
        return urljoin(base, href)
    folder = posixpath.dirname(base[len("zip:/"):])
    return "zip:/" + posixpath.normpath(posixpath.join(folder, href))


def _refs(root: Any) -> Iterator[str]:
    for elt in root.iter(f"{{{_LINK}}}schemaRef", f"{{{_LINK}}}linkbaseRef"):
        if elt.get(_XLINK_HREF):
            yield elt.get(_XLINK_HREF)
    for elt in root.iter(f"{{{_XSD}}}import", f"{{{_XSD}}}include"):
        if elt.get("schemaLocation"):
            yield elt.get("schemaLocation")


def _read_local(url: str, archive: zipfile.ZipFile | None) -> bytes | None:
    if url.startswith("zip:/") and archive is not None:
        name = str(PurePosixPath(url[len("zip:/"):]))
        try:
            return archive.read(name)
        except KeyError:
            return None
    if url.startswith("file:"):
        from urllib.request import url2pathname
        path = Path(url2pathname(url[len("file:"):].split("?")[0]))
        return path.read_bytes() if path.is_file() else None
    return None

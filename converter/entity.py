"""Who reports: the entity's name and identifier, read from the announcement's own text.

Announcements name the issuer in the letterhead and again after "By order of the Board";
listed issuers print their stock code. The identifier scheme follows from what was found:
an LEI when the user gives one (ISO 17442), else the exchange stock code, else the name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document

LEI_SCHEME = "http://standards.iso.org/iso/17442"
STOCK_CODE_SCHEME = "https://www.hkexnews.hk/stock-code"
NAME_SCHEME = "https://ixbrl-converter.invalid/entity-name"

# Legal forms a company name ends with, matched in any case ("LIMITED" in a letterhead).
_LEGAL_FORM = (r"(?:Inc\.?|Incorporated|Limited|Ltd\.?|plc|Corporation|Corp\.?|Company|"
               r"Co\., Ltd\.?|S\.A\.|N\.V\.|AG|SE|Holdings|Berhad|Bhd\.?|Tbk|GmbH|LLC|"
               r"S\.p\.A\.|ASA|AB|Oyj|PJSC|Pte\.? Ltd\.?|Pty\.? Ltd\.?)")
# At least one capitalised word before the legal form: "(Incorporated in Malaysia)" and
# "the Company" name nobody.
_NAME = re.compile(rf"\b((?:[A-Z][\w&'.-]*\s+){{1,6}}(?i:{_LEGAL_FORM}))(?=\s|$|[*,)])")
_BY_ORDER = re.compile(r"by order of the board", re.IGNORECASE)
_STOCK_CODE = re.compile(r"stock\s+codes?\s*[:：]?\s*(\d{3,6})", re.IGNORECASE)
# Regulators' and exchanges' names appear in every HK announcement's disclaimer.
_NOT_ISSUER = re.compile(r"exchange|clearing|securities and futures|commission", re.IGNORECASE)
_KEEP_CAPS = {"PLC": "plc", "AG": "AG", "SE": "SE", "ASA": "ASA", "AB": "AB", "LLC": "LLC",
              "PJSC": "PJSC", "GMBH": "GmbH", "TBK": "Tbk", "BHD": "Bhd", "INC.": "Inc."}


@dataclass(frozen=True)
class Entity:
    name: str
    identifier: str
    scheme: str


def _names(text: str) -> list[str]:
    cleaned = text.replace("*", " ")
    return [" ".join(m.group(1).split()) for m in _NAME.finditer(cleaned)
            if not _NOT_ISSUER.search(m.group(1))]


def find_entity_name(doc: Document) -> str | None:
    """The issuer's name: after "By order of the Board", else the first letterhead name,
    in the case the announcement prints it in running text."""
    lines = doc.lines
    for i, line in enumerate(lines):
        if _BY_ORDER.search(line.text):
            window = " ".join(l.text for l in lines[i:i + 4])
            tail = _BY_ORDER.split(window, maxsplit=1)[-1]
            names = _names(tail)
            if names:
                return _as_written(names[0], doc)
    for line in lines[:60]:
        names = _names(line.text)
        if names and len(line.text.strip()) < 80:
            return _as_written(names[0], doc)
    return None


def _as_written(name: str, doc: Document) -> str:
    """A letterhead in capitals ("KESTREL HOLDINGS LIMITED") → the name as the text writes
    it elsewhere, or in title case when it never does."""
    if name != name.upper():
        return name
    pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, name.split())) + r"\b",
                         re.IGNORECASE)
    for line in doc.lines:
        for match in pattern.finditer(line.text):
            found = " ".join(match.group(0).split())
            if found != found.upper():
                return found
    return " ".join(_KEEP_CAPS.get(w, w.capitalize()) for w in name.split())


def find_stock_code(doc: Document) -> str | None:
    for line in doc.lines[:80]:
        match = _STOCK_CODE.search(line.text)
        if match:
            return match.group(1)
    return None


def identify_entity(doc: Document, *, name: str | None = None, lei: str | None = None) -> Entity:
    """The reporting entity, with the user's values taking precedence over what was read."""
    entity_name = name or doc.entity_name or find_entity_name(doc) or "Reporting entity"
    if lei:
        return Entity(entity_name, lei, LEI_SCHEME)
    code = doc.stock_code or find_stock_code(doc)
    if code:
        return Entity(entity_name, code, STOCK_CODE_SCHEME)
    slug = re.sub(r"[^a-z0-9]+", "-", entity_name.lower()).strip("-") or "entity"
    return Entity(entity_name, slug, NAME_SCHEME)

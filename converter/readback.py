"""Read an Inline XBRL document's numeric facts back, independently of the renderer.

Used by ``convert`` as a round-trip check (every fact written must equal the reconciled
figure it came from) and by the golden tests (facts as sorted, readable text lines). It
follows the Inline XBRL 1.1 rules for ``ix:nonFraction`` directly (scale, sign, format,
nesting) and shares no code with the rendering path.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lxml import etree

IX = "http://www.xbrl.org/2013/inlineXBRL"
XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
IXT_PREFIX = "http://www.xbrl.org/inlineXBRL/transformation/"


@dataclass(frozen=True, order=True)
class ReadFact:
    concept: str            # prefixed name as written
    period: str             # "2024-12-31" or "2024-01-01..2024-12-31"
    dimensions: str         # "axis=member;..." or ""
    unit: str               # "iso4217:CNY" or "iso4217:CNY/xbrli:shares"
    value: Decimal | None           # None: xsi:nil
    decimals: str
    id: str
    context: str = ""       # the contextRef as written

    def line(self) -> str:
        dims = f" [{self.dimensions}]" if self.dimensions else ""
        value = "nil" if self.value is None else self.value
        return f"{self.concept} {self.period}{dims} {self.unit} {value} d={self.decimals}"


def _contexts(root: etree._Element) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for ctx in root.iter(f"{{{XBRLI}}}context"):
        instant = ctx.findtext(f".//{{{XBRLI}}}instant")
        if instant:
            period = instant.strip()
        else:
            period = (f"{ctx.findtext(f'.//{{{XBRLI}}}startDate', '').strip()}.."
                      f"{ctx.findtext(f'.//{{{XBRLI}}}endDate', '').strip()}")
        dims = sorted(f"{m.get('dimension')}={(m.text or '').strip()}"
                      for m in ctx.iter(f"{{{XBRLDI}}}explicitMember"))
        out[ctx.get("id", "")] = (period, ";".join(dims))
    return out


def _units(root: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for unit in root.iter(f"{{{XBRLI}}}unit"):
        numerator = unit.find(f".//{{{XBRLI}}}unitNumerator")
        if numerator is not None:
            num = numerator.findtext(f"{{{XBRLI}}}measure", "").strip()
            den = unit.find(f".//{{{XBRLI}}}unitDenominator").findtext(  # type: ignore[union-attr]
                f"{{{XBRLI}}}measure", "").strip()
            out[unit.get("id", "")] = f"{num}/{den}"
        else:
            out[unit.get("id", "")] = unit.findtext(f"{{{XBRLI}}}measure", "").strip()
    return out


def _text(element: etree._Element) -> str:
    """The fact's displayed text: a nested ix:nonFraction supplies its parent's content."""
    return "".join(element.itertext()).strip()


def _value(element: etree._Element) -> Decimal:
    fmt = element.get("format", "")
    local = fmt.split(":", 1)[-1]
    text = _text(element)
    if local in ("fixed-zero", "fixedzero"):
        magnitude = Decimal(0)
    elif local in ("num-dot-decimal", "numdotdecimal", ""):
        try:
            magnitude = Decimal(text.replace(",", "").replace(" ", ""))
        except InvalidOperation as exc:
            raise ValueError(f"fact {element.get('id')}: '{text}' is not a number") from exc
    else:
        raise ValueError(f"fact {element.get('id')}: unsupported format {fmt}")
    magnitude *= Decimal(10) ** int(element.get("scale", "0"))
    return -magnitude if element.get("sign") == "-" else magnitude


def read_facts(xhtml: bytes) -> list[ReadFact]:
    """Every ``ix:nonFraction`` of the document, resolved to period, dimensions and unit."""
    root = etree.fromstring(xhtml)
    contexts, units = _contexts(root), _units(root)
    facts = []
    for element in root.iter(f"{{{IX}}}nonFraction"):
        period, dims = contexts[element.get("contextRef", "")]
        nil = element.get("{http://www.w3.org/2001/XMLSchema-instance}nil") in ("true", "1")
        value = None if nil else _value(element) + 0
        facts.append(ReadFact(
            concept=element.get("name", ""), period=period, dimensions=dims,
            unit=units[element.get("unitRef", "")], value=value,
            decimals=element.get("decimals", ""), id=element.get("id", ""),
            context=element.get("contextRef", "")))
    return sorted(facts)


def fact_lines(xhtml: bytes) -> list[str]:
    """Facts as sorted text lines: the golden files reviewers read."""
    return sorted(f.line() for f in read_facts(xhtml))

"""``ixbrl map``: print the IFRS concept chosen for labels, with scores and reasons.

One library call per label (``Taxonomy.match``); this module only reads the optional CSV of
labels and formats the candidates as text or JSON.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

from .errors import InputError
from .mapping import EXTENSION_THRESHOLD, Candidate, Taxonomy
from .extensions_propose import propose_extension


def _read_labels(path: str) -> list[tuple[str, str | None, str | None]]:
    file = Path(path)
    if not file.is_file():
        raise InputError(f"labels file not found: {file}")
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read labels file {file}: {exc}") from exc
    rows: list[tuple[str, str | None, str | None]] = []
    for i, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or not row[0].strip() or (i == 1 and row[0].strip().lower() == "label"):
            continue
        statement = row[1].strip() or None if len(row) > 1 else None
        section = row[2].strip() or None if len(row) > 2 else None
        rows.append((row[0].strip(), statement, section))
    if not rows:
        raise InputError(f"{file}: no labels (columns: label[,statement[,section]])")
    return rows


def _candidate_dict(c: Candidate) -> dict[str, object]:
    return {"concept": c.concept.qname, "label": c.concept.label, "score": c.score,
            "period_type": c.concept.period_type, "balance": c.concept.balance,
            "data_type": c.concept.data_type, "reasons": list(c.reasons),
            "also": [a.qname for a in c.also]}


def _one(taxonomy: Taxonomy, label: str, statement: str | None, section: str | None,
         found: list[Candidate]) -> dict[str, object]:
    out: dict[str, object] = {"label": label, "statement": statement, "section": section,
                              "candidates": [_candidate_dict(c) for c in found]}
    if not found or found[0].score < EXTENSION_THRESHOLD:
        ext = propose_extension(label, statement, section, None, None, taxonomy=taxonomy,
                                best=found[0] if found else None)
        out["extension"] = {"concept": ext.concept.qname, "label": ext.concept.label,
                            "period_type": ext.concept.period_type,
                            "balance": ext.concept.balance, "anchor": ext.anchor,
                            "reason": ext.reason}
    return out


def run_map(label: str | None, statement: str | None, section: str | None, top: int,
            labels_file: str | None, as_json: bool) -> str:
    """Map one label or a CSV of labels; return the printable result."""
    taxonomy = Taxonomy.load()
    items = [(lab, st or statement, sec or section) for lab, st, sec in (
        _read_labels(labels_file) if labels_file else [(label or "", statement, section)])]
    results = [_one(taxonomy, *item, found)
               for item, found in zip(items, taxonomy.match_many(items, top=top))]
    if as_json:
        return json.dumps(results[0] if len(results) == 1 and not labels_file else results,
                          indent=2, ensure_ascii=False)
    lines: list[str] = []
    for res in results:
        where = " / ".join(str(x) for x in (res["statement"], res["section"]) if x)
        lines.append(f"{res['label']}" + (f"  [{where}]" if where else ""))
        for cand in res["candidates"]:  # type: ignore[union-attr]
            lines.append(f"  {cand['score']:.2f}  {cand['concept']}"  # type: ignore[index]
                         f"  ({cand['period_type']}, {cand['balance'] or 'no balance'})")
            lines.append("        " + "; ".join(cand["reasons"]))  # type: ignore[index]
        if "extension" in res:
            ext = dict(res["extension"])  # type: ignore[call-overload]
            lines.append(f"  extension {ext['concept']} anchored to {ext['anchor']}: "
                         f"{ext['reason']}")
    return "\n".join(lines)

"""Golden files for the rendered example: facts read back, and the canonical XHTML.

The facts file is the diff a reviewer reads: one sorted line per fact (concept, period,
dimensions, unit, value, decimals). Regenerate both with ``pytest --update-golden`` after a
deliberate change, and read the diff.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter.extract import extract_file
from converter.pipeline import ConvertOptions, build_report
from converter.readback import fact_lines

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("*.txt"))
GOLDEN = Path(__file__).resolve().parent / "golden"


def _canonical(xhtml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xhtml), method="c14n")


@pytest.fixture(scope="module", params=EXAMPLES, ids=[p.stem for p in EXAMPLES])
def rendered(request: pytest.FixtureRequest) -> tuple[str, bytes]:
    source: Path = request.param
    report, _plan, _files, xhtml = build_report(extract_file(source),
                                                ConvertOptions(outdir=Path("unused")))
    assert not [i for i in report.issues if i.severity == "error"], report.issues
    return source.stem, xhtml


def _compare(path: Path, actual: bytes, update: bool) -> None:
    if update or not path.exists():
        if not update:
            pytest.fail(f"golden file {path.name} missing: run pytest --update-golden")
        path.write_bytes(actual)
        return
    assert actual == path.read_bytes(), f"{path.name} differs; review and --update-golden"


def test_facts_golden(rendered: tuple[str, bytes], update_golden: bool) -> None:
    stem, xhtml = rendered
    lines = ("\n".join(fact_lines(xhtml)) + "\n").encode("utf-8")
    _compare(GOLDEN / f"{stem}.facts.txt", lines, update_golden)


def test_xhtml_golden(rendered: tuple[str, bytes], update_golden: bool) -> None:
    stem, xhtml = rendered
    _compare(GOLDEN / f"{stem}.xhtml", _canonical(xhtml), update_golden)


def test_rendering_is_deterministic(rendered: tuple[str, bytes]) -> None:
    stem, xhtml = rendered
    source = REPO / "examples" / f"{stem}.txt"
    _report, _plan, _files, again = build_report(extract_file(source),
                                                 ConvertOptions(outdir=Path("unused")))
    assert again == xhtml


def test_conversion_is_byte_identical(tmp_path: Path) -> None:
    """The same input gives the same package, byte for byte (no timestamps, stable order)."""
    from converter.pipeline import convert_file

    source = EXAMPLES[0]
    first = convert_file(source, ConvertOptions(outdir=tmp_path / "a", validate=False))
    second = convert_file(source, ConvertOptions(outdir=tmp_path / "b", validate=False))
    assert first.package is not None and second.package is not None
    assert first.package.read_bytes() == second.package.read_bytes()
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_roundtrip_check_catches_a_changed_fact(rendered: tuple[str, bytes]) -> None:
    """The read-back check is not vacuous: a fact altered in the XHTML is reported."""
    from converter.pipeline import roundtrip_issues

    stem, xhtml = rendered
    report, _plan, _files, _ = build_report(extract_file(REPO / "examples" / f"{stem}.txt"),
                                            ConvertOptions(outdir=Path("unused")))
    assert roundtrip_issues(xhtml, report.facts) == []
    tampered = xhtml.replace(b'sign="-"', b"", 1)
    assert [i.code for i in roundtrip_issues(tampered, report.facts)] == ["roundtrip.mismatch"]

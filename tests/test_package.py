"""Report package: XBRL Report Packages 1.0 layout, determinism, and no silent overwrite."""
from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from converter.errors import OutputError
from converter.extension import plan_taxonomy
from converter.package import REPORT_PACKAGE_TYPE, package_files, write_outputs, zip_bytes


def _files() -> dict[str, bytes]:
    plan = plan_taxonomy("Acme Widgets Limited", date(2025, 12, 31))
    return package_files(plan, "Acme Widgets Limited", "20251231", "acme.xhtml", b"<html/>",
                         {plan.schema_file: b"<schema/>"})


def test_layout_single_top_folder_and_report_package_json(tmp_path: Path) -> None:
    path = write_outputs(tmp_path, "acme", _files(), overwrite=False)
    assert path == tmp_path / "acme.xbri"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        assert {n.split("/")[0] for n in names} == {"acme"}
        assert "acme/reports/acme.xhtml" in names
        assert "acme/taxonomy/acme-2025-12-31.xsd" in names
        meta = json.loads(archive.read("acme/META-INF/reportPackage.json"))
        assert meta["documentInfo"]["documentType"] == REPORT_PACKAGE_TYPE
        catalog = archive.read("acme/META-INF/catalog.xml").decode()
        assert 'rewritePrefix="../taxonomy/"' in catalog
    assert (tmp_path / "acme" / "reports" / "acme.xhtml").read_bytes() == b"<html/>"


def test_zip_is_deterministic() -> None:
    assert zip_bytes("acme", _files()) == zip_bytes("acme", dict(reversed(list(_files().items()))))


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    write_outputs(tmp_path, "acme", _files(), overwrite=False)
    before = (tmp_path / "acme.xbri").read_bytes()
    with pytest.raises(OutputError, match="--force"):
        write_outputs(tmp_path, "acme", {"reports/acme.xhtml": b"other"}, overwrite=False)
    assert (tmp_path / "acme.xbri").read_bytes() == before
    write_outputs(tmp_path, "acme", {"reports/acme.xhtml": b"other"}, overwrite=True)
    assert (tmp_path / "acme" / "reports" / "acme.xhtml").read_bytes() == b"other"
    assert not (tmp_path / "acme" / "taxonomy").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_output_path_that_is_a_file_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "out"
    blocker.write_text("mine")
    with pytest.raises(OutputError):
        write_outputs(blocker, "acme", _files(), overwrite=True)
    assert blocker.read_text() == "mine"

"""Package stage: the report and its extension taxonomy → an XBRL Report Package (.xbri).

XBRL Report Packages 1.0: a zip with one top-level folder holding
``META-INF/reportPackage.json``, the report under ``reports/`` and, beside it, the extension
taxonomy as a taxonomy package (``META-INF/taxonomyPackage.xml`` + ``catalog.xml``). The zip
is deterministic (sorted entries, fixed timestamps) so the same input gives the same bytes.
"""
from __future__ import annotations

import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .errors import OutputError
from .extension import TaxonomyPlan

REPORT_PACKAGE_TYPE = "https://xbrl.org/report-package/2023/xbri"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def report_package_json() -> bytes:
    return (json.dumps({"documentInfo": {"documentType": REPORT_PACKAGE_TYPE}}, indent=2)
            + "\n").encode("utf-8")


def taxonomy_package_xml(plan: TaxonomyPlan, entity_name: str, version: str) -> bytes:
    entry = f"{plan.namespace}/{plan.schema_file}"
    name = escape(f"{entity_name} extension taxonomy")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">
  <tp:identifier>{escape(plan.namespace)}</tp:identifier>
  <tp:name>{name}</tp:name>
  <tp:version>{escape(version)}</tp:version>
  <tp:publisher>{escape(entity_name)}</tp:publisher>
  <tp:publicationDate>{escape(version)}</tp:publicationDate>
  <tp:entryPoints>
    <tp:entryPoint>
      <tp:name>{name}</tp:name>
      <tp:entryPointDocument href={quoteattr(entry)}/>
    </tp:entryPoint>
  </tp:entryPoints>
</tp:taxonomyPackage>
""".encode("utf-8")


def catalog_xml(plan: TaxonomyPlan) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
  <rewriteURI uriStartString={quoteattr(plan.namespace + "/")} rewritePrefix="../taxonomy/"/>
</catalog>
""".encode("utf-8")


def package_files(plan: TaxonomyPlan, entity_name: str, version: str, report_name: str,
                  report: bytes, taxonomy_files: dict[str, bytes]) -> dict[str, bytes]:
    """Every file of the package, by path relative to its top-level folder."""
    files = {
        "META-INF/reportPackage.json": report_package_json(),
        "META-INF/taxonomyPackage.xml": taxonomy_package_xml(plan, entity_name, version),
        "META-INF/catalog.xml": catalog_xml(plan),
        f"reports/{report_name}": report,
    }
    files.update({f"taxonomy/{name}": data for name, data in taxonomy_files.items()})
    return files


def zip_bytes(top: str, files: dict[str, bytes]) -> bytes:
    with tempfile.SpooledTemporaryFile() as buffer:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(files):
                info = zipfile.ZipInfo(f"{top}/{path}", date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, files[path])
        buffer.seek(0)
        return buffer.read()


def write_outputs(outdir: Path, top: str, files: dict[str, bytes], *, overwrite: bool) -> Path:
    """Write ``OUTDIR/TOP.xbri`` and the same tree unpacked in ``OUTDIR/TOP/``.

    Refuses to replace either unless ``overwrite``; writes into a temporary folder first so
    that a failure never leaves half a report behind.
    """
    package_path = outdir / f"{top}.xbri"
    folder = outdir / top
    existing = [p for p in (package_path, folder) if p.exists()]
    if existing and not overwrite:
        raise OutputError(f"{existing[0]} already exists; pass --force to replace it")
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"output path {outdir} is not a folder")
    try:
        outdir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{top}-", dir=outdir))
    except OSError as exc:
        raise OutputError(f"cannot write to {outdir}: {exc.strerror or exc}") from None
    try:
        for path, data in files.items():
            target = staging / top / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (staging / f"{top}.xbri").write_bytes(zip_bytes(top, files))
        if folder.exists():
            shutil.rmtree(folder)
        (staging / top).rename(folder)
        (staging / f"{top}.xbri").replace(package_path)
    except OSError as exc:
        raise OutputError(f"cannot write to {outdir}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return package_path

"""The ``ixbrl`` command: a thin click layer over the library.

Each command parses its options, makes one library call and prints the result. Library
errors (``ConverterError``) become a one-line message and the error's exit code; nothing
prints a traceback for bad input.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .errors import ConverterError

F = TypeVar("F", bound=Callable[..., Any])

TAXONOMY_OPTION = click.option(
    "--taxonomy-package", "taxonomy_package", type=click.Path(dir_okay=False),
    envvar="IXBRL_TAXONOMY_PACKAGE", show_envvar=True,
    help="IFRS taxonomy package (IFRSAT-2025.zip).",
)


def _friendly_errors(func: F) -> F:
    """Turn library errors into ``Error: <message>`` and the error's exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConverterError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:  # pragma: no cover - interactive only
            click.echo("Interrupted.", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ixbrl")
def main() -> None:
    """Convert results announcements into IFRS Inline XBRL reports and validate them offline.

    \b
    Example:
      ixbrl convert announcement.txt -o out/ --taxonomy-package IFRSAT-2025.zip
      ixbrl validate out/announcement.xbri
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder to write the report package and report into.")
@TAXONOMY_OPTION
@click.option("--force", is_flag=True, help="Replace files this tool wrote before in OUTDIR.")
@click.option("--allow-unresolved", is_flag=True,
              help="Tag the document even if reconciliation left cells unresolved.")
@click.option("--no-validate", is_flag=True, help="Skip the Arelle validation after writing.")
@click.option("--entity-name", help="Reporting entity name (default: read from the text).")
@click.option("--lei", help="Legal Entity Identifier for the contexts (default: the stock code).")
@click.option("--namespace", help="Namespace of the extension taxonomy (default under .example).")
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable result.")
@_friendly_errors
def convert(inputs: tuple[str, ...], outdir: str, taxonomy_package: str | None, force: bool,
            allow_unresolved: bool, no_validate: bool, entity_name: str | None, lei: str | None,
            namespace: str | None, as_json: bool) -> None:
    """Convert announcement text files into iXBRL report packages.

    \b
    Example:
      ixbrl convert ../shared/seeds/003_50a92b31ab6ae645.txt -o out/ \\
          --taxonomy-package ../shared/taxonomy/IFRSAT-2025.zip
    """
    from .pipeline import ConvertOptions, convert_many

    options = ConvertOptions(
        outdir=Path(outdir), taxonomy_package=taxonomy_package, overwrite=force,
        allow_unresolved=allow_unresolved, validate=not no_validate,
        entity_name=entity_name, lei=lei, namespace=namespace,
    )
    sources = [Path(p) for p in inputs]
    if len(sources) > 1 and sys.stderr.isatty() and not as_json:
        with click.progressbar(length=len(sources), label="Converting", file=sys.stderr) as bar:
            results = convert_many(sources, options, progress=lambda _source: bar.update(1))
    else:
        results = convert_many(sources, options)
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], indent=2))
    else:
        for result in results:
            click.echo(result.summary())
    sys.exit(max((r.exit_code for r in results), default=0))


@main.command()
@click.argument("input_path", metavar="INPUT", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the extraction as JSON.")
@_friendly_errors
def extract(input_path: str, as_json: bool) -> None:
    """Print the statements as parsed, with provenance and a reconciliation report.

    \b
    Example:
      ixbrl extract ../shared/seeds/002_00874d11ac82fe66.txt --json
    """
    from .extract import extract_file
    from .extraction_report import extraction_text, extraction_to_dict

    extraction = extract_file(Path(input_path))
    if as_json:
        click.echo(json.dumps(extraction_to_dict(extraction), indent=2, ensure_ascii=False))
    else:
        click.echo(extraction_text(extraction))
    unresolved = any(i.severity == "error" for i in extraction.issues)
    sys.exit(1 if unresolved else 0)


@main.command(name="map")
@click.argument("label", required=False)
@click.option("--statement", "statement", type=click.Choice(
    ["income", "comprehensive_income", "financial_position", "changes_in_equity", "cash_flows"]),
    help="The statement the label appears in.")
@click.option("--section", help="The heading the label sits under, e.g. 'Current assets'.")
@click.option("--top", default=1, show_default=True, type=click.IntRange(1, 50),
              help="How many ranked candidates to print.")
@click.option("--file", "labels_file", type=click.Path(dir_okay=False),
              help="CSV of labels (columns: label[,statement[,section]]) to map in one call.")
@click.option("--json", "as_json", is_flag=True, help="Print candidates as JSON.")
@_friendly_errors
def map_command(label: str | None, statement: str | None, section: str | None, top: int,
                labels_file: str | None, as_json: bool) -> None:
    """Print the IFRS concept chosen for a line-item label, with the reasons.

    \b
    Example:
      ixbrl map "Loss for the year" --statement income --top 3
    """
    from .mapping_cli import run_map

    if (label is None) == (labels_file is None):
        raise click.UsageError("give a LABEL or --file, not both")
    click.echo(run_map(label=label, statement=statement, section=section, top=top,
                       labels_file=labels_file, as_json=as_json))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--package", "packages", multiple=True, type=click.Path(dir_okay=False),
              help="Taxonomy package to load (repeatable); defaults to the IFRS package.")
@TAXONOMY_OPTION
@click.option("--rules", type=click.Choice(["esef"]), help="Also run these rules as checks.")
@click.option("--jobs", type=click.IntRange(1, 64),
              help="Parallel worker processes for many reports (default: one per CPU, at most 4).")
@click.option("--json", "as_json", is_flag=True, help="One JSON document per report.")
@_friendly_errors
def validate(paths: tuple[str, ...], packages: tuple[str, ...], taxonomy_package: str | None,
             rules: str | None, jobs: int | None, as_json: bool) -> None:
    """Validate iXBRL reports, report packages or folders of them with Arelle, offline.

    Exit 0 when every report is valid, 1 when any has errors, 2 on usage or environment
    problems.

    \b
    Example:
      ixbrl validate out/report.xbri --taxonomy-package IFRSAT-2025.zip --json
    """
    from .validation import ValidateOptions, validate_paths

    options = ValidateOptions(
        packages=tuple(packages) or None, taxonomy_package=taxonomy_package,
        rules=rules, jobs=jobs, progress=not as_json and sys.stderr.isatty(),
    )
    results = validate_paths([Path(p) for p in paths], options)
    if as_json:
        # Always an array (one object per report, schema in docs/validation-json.md): a
        # program must not have to guess whether a folder held one report or several.
        click.echo(json.dumps([r.to_dict() for r in results], indent=2))
    else:
        for result in results:
            click.echo(result.summary())
    sys.exit(1 if any(not r.valid for r in results) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()

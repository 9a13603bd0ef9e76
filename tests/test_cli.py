"""The command line: help with examples, version, and one-line errors for bad input."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter import __version__
from converter.cli import main

COMMANDS = ["convert", "extract", "map", "validate"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output and f"ixbrl {command}" in result.output


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    prose = tmp_path / "prose.txt"
    prose.write_text("The Board announces nothing of note.\nNo statements here.\n")
    return {"missing": tmp_path / "nope.txt", "empty": empty, "binary": binary, "prose": prose,
            "directory": tmp_path}


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "prose", "directory"])
@pytest.mark.parametrize("command", ["convert", "extract"])
def test_bad_input_gives_one_line_and_nonzero_exit(tmp_path: Path, case: str, command: str) -> None:
    path = _bad_inputs(tmp_path)[case]
    args = [command, str(path)] + (["-o", str(tmp_path / "out"), "--no-validate"]
                                   if command == "convert" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ")
    assert not (tmp_path / "out").exists()


def test_installed_command_runs() -> None:
    """The console script and ``python -m converter.cli`` both reach the same CLI."""
    result = subprocess.run([sys.executable, "-m", "converter.cli", "--version"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0 and __version__ in result.stdout

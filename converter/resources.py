"""Where the packaged data lives: ``taxonomy/`` (mapping tables) and ``templates/``.

In the source tree they are top-level folders; once installed they are the sub-packages
``converter.taxonomy`` and ``converter.templates`` (see ``package_dir`` in setup.cfg).
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from .errors import TaxonomyError

_REPO_ROOT = Path(__file__).resolve().parent.parent
PACKAGE_ENV = "IXBRL_TAXONOMY_PACKAGE"
WHERE_TO_GET = ("the IFRS Foundation publishes IFRSAT-2025.zip at "
                "https://www.ifrs.org/issued-standards/ifrs-taxonomy/")
GET_PACKAGE_HINT = (
    "no IFRS taxonomy package configured: pass --taxonomy-package or set IXBRL_TAXONOMY_PACKAGE "
    f"({WHERE_TO_GET})"
)


def _data_dir(subpackage: str, folder: str) -> Path:
    try:
        path = Path(str(resources.files(f"converter.{subpackage}")))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError):
        pass
    return _REPO_ROOT / folder


def taxonomy_dir() -> Path:
    """The folder of mapping tables and the compact concept index."""
    return _data_dir("taxonomy", "taxonomy")


def templates_dir() -> Path:
    """The folder of Jinja2 templates."""
    return _data_dir("templates", "templates")


def taxonomy_package(option: str | os.PathLike[str] | None = None) -> Path:
    """The IFRS taxonomy package: the option if given, else ``$IXBRL_TAXONOMY_PACKAGE``.

    Raises ``TaxonomyError`` with a one-line hint when neither names a readable file.
    """
    value = option or os.environ.get(PACKAGE_ENV)
    if not value:
        raise TaxonomyError(GET_PACKAGE_HINT)
    path = Path(value).expanduser()
    if not path.is_file():
        raise TaxonomyError(f"taxonomy package not found: {path} ({WHERE_TO_GET})")
    return path.resolve()

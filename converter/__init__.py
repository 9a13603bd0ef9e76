"""ixbrl-converter: results announcements → IFRS Inline XBRL reports, validated offline.

The public surface; everything else is an implementation module::

    from converter import extract_file, convert_file, ConvertOptions
    from converter import Taxonomy, map_label
    from converter import validate_paths, ValidateOptions

Names are imported on first use so that ``import converter`` stays cheap (Arelle is only
loaded by validation).
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract_file": "converter.extract",
    "convert_file": "converter.pipeline",
    "convert_many": "converter.pipeline",
    "ConvertOptions": "converter.pipeline",
    "Taxonomy": "converter.mapping",
    "map_label": "converter.mapping",
    "map_statement": "converter.mapping",
    "validate_paths": "converter.validation",
    "ValidateOptions": "converter.validation",
    "ConverterError": "converter.errors",
    "InputError": "converter.errors",
    "TaxonomyError": "converter.errors",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'converter' has no attribute {name!r}")

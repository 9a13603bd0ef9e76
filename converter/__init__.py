"""ixbrl-converter: results announcements → IFRS Inline XBRL reports, validated offline.

The public surface is small and stable; everything else is an implementation module::

    from converter import extract, convert, map_label, validate
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]

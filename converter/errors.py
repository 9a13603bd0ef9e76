"""The exception tree: raised only when the work cannot continue.

Problems *about the document* (garbled cells, unmapped labels, Arelle findings) are
``model.Issue`` values, collected and reported together. Exceptions are for the rest::

    ConverterError            base; the CLI prints its message on one line and exits non-zero
    ├── InputError            the input cannot be read or holds no financial statements (exit 1)
    ├── TaxonomyError         no usable taxonomy package or concept index (exit 2)
    ├── ValidationEngineError Arelle could not be started or run (exit 2)
    └── OutputError           the output cannot be written without destroying something (exit 1)
"""
from __future__ import annotations


class ConverterError(Exception):
    """Base of every error the converter raises on purpose."""

    exit_code = 1


class InputError(ConverterError):
    """The input is missing, empty, binary, or holds no statement we can read."""


class TaxonomyError(ConverterError):
    """No taxonomy package is configured, or it cannot be used."""

    exit_code = 2


class ValidationEngineError(ConverterError):
    """Arelle is missing or failed before it could judge the report."""

    exit_code = 2


class OutputError(ConverterError):
    """The output location is unusable or would overwrite a user's files."""

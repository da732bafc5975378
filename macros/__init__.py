"""The handbook engine: data -> model -> index -> pages -> templates -> adapters.

    model/      one typed model per kind of data record
    loading/    YAML reading with positions, validation into models, reference and domain checks
    handbook/   the resolved Handbook, its queries and the training schedule
    site/       page specs, navigation, downloads, rendering, the nothing-lost check
    authoring/  workbook import and export, YAML editing that keeps comments, scaffolds
    adapters/   MkDocs plugin, mkdocs-macros entry point, plain Markdown for other generators
    tools/      synthetic data for the benchmark
    cli.py      the `handbook` command

mkdocs-macros imports this package (`module_name: macros`) and calls `define_env`, the thin adapter below.
"""

from __future__ import annotations

from .adapters.mkdocs_macros import define_env

__all__ = ["define_env"]

"""Adapters: the engine seen from MkDocs (plugin), mkdocs-macros (define_env) and other generators (plain Markdown)."""

"""From the handbook to pages: page specs, navigation, downloads, rendering and the nothing-lost check."""

from __future__ import annotations

from .build import Site, build_site

__all__ = ["Site", "build_site"]

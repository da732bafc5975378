"""Long listings: index pages list every record while a list is short; past a limit they switch to a compact form."""

from __future__ import annotations

from typing import Any

# Past a limit an index page lists names and counts, without summaries: the record pages and per-dimension pages
# hold the detail, so no page outgrows a reader. Limits per listing, from the bytes one row weighs in its full form.
# first-screen: buttons a phone shows at once; sources: files of one folder a page's "Built from" list names one by one.
LONG_LISTINGS = {"default": 100, "dimension": 40, "plays": 60, "first-screen": 4, "sources": 100}


def is_long_listing(records: Any, listing: str = "default") -> bool:
    """Whether a listing has so many records that its page shows them compactly (a Jinja test: `x is long_listing`)."""
    return len(records) > LONG_LISTINGS[listing]

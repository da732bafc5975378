"""The Pagefind index a build writes: complete, with every page marked for search, or the build stops."""

from __future__ import annotations

import pytest

from macros.site.search import SearchIndexError, indexed_pages


def test_the_index_holds_every_page_marked_for_search(real_site):
    marked = [p for p in real_site.root.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert indexed_pages(real_site.root / "pagefind") == len(marked) > 100
    # Pagefind's ready-made interfaces are not published: the handbook has its own search dialog.
    assert not list((real_site.root / "pagefind").glob("pagefind-*ui*"))


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("", "Expecting value: line 1 column 1 (char 0)"),  # cut short: the index would not load in any browser
        ('{"version": "1.5.2"}', "'languages'"),
    ],
)
def test_an_incomplete_index_is_an_error(tmp_path, entry: str, reason: str):
    (tmp_path / "pagefind-entry.json").write_text(entry, encoding="utf-8")
    with pytest.raises(SearchIndexError) as error:
        indexed_pages(tmp_path)
    assert str(error.value) == f"the search index is incomplete: {tmp_path / 'pagefind-entry.json'} could not be read ({reason})"


def test_a_missing_index_or_one_without_pages_is_an_error(tmp_path):
    with pytest.raises(SearchIndexError, match=r"the search index is incomplete: .*pagefind-entry\.json could not be read"):
        indexed_pages(tmp_path)
    (tmp_path / "pagefind-entry.json").write_text('{"languages": {"en": {"page_count": 0}}}', encoding="utf-8")
    with pytest.raises(SearchIndexError) as error:
        indexed_pages(tmp_path)
    assert str(error.value) == "the search index holds no page: no built page is marked data-pagefind-body"

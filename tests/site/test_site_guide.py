"""The author's guide: the data reference as a reader sees it on the built site, and the README as a short front door."""

from __future__ import annotations

from typing import get_args

from sites import ROOT

from macros.authoring.workbook import SHEETS
from macros.loading.kinds import KIND, KINDS
from macros.model import Competency, Role, Session
from macros.site.reference import anchor, data_reference, domain

REFERENCE = "authors/data-reference/"
# One authors' page per domain, so that none outgrows a phone.
PAGES = {
    "core": REFERENCE,
    "training": "authors/training-data/",
    "playbook": "authors/playbook-data/",
    "evidence": "authors/evidence-data/",
}


def _page_of(kind) -> str:
    return PAGES[domain(kind)]


def _rows(table) -> dict[str, list]:
    """A reference table's rows by field name: the cells of each row."""
    rows = {}
    for tr in table.select("tbody tr"):
        cells = tr.find_all("td")
        rows[cells[0].get_text(strip=True)] = cells
    return rows


def _table_after(article, anchor_id: str):
    """The first table after the heading with this id."""
    heading = article.find(id=anchor_id)
    assert heading is not None, anchor_id
    return heading.find_next("table")


def test_data_reference_has_a_section_per_kind_naming_its_files(real_site):
    for kind in KINDS:
        article = real_site.article(_page_of(kind))
        heading = article.find(id=anchor(kind.name))
        assert heading is not None and heading.name == "h2", kind.name
        intro = heading.find_next("p").get_text(" ", strip=True)
        assert f"data/{kind.pattern}" in intro, kind.name
    assert sum(len(real_site.article(page).select("h2[id]")) for page in PAGES.values()) >= len(KINDS)


def test_role_table_lists_every_field_with_its_required_state(real_site):
    rows = _rows(_table_after(real_site.article(REFERENCE), "role"))
    assert list(rows) == list(Role.model_fields)
    for name, info in Role.model_fields.items():
        required = rows[name][2].get_text(" ", strip=True)
        assert (required == "required") == info.is_required(), (name, required)
    assert "if left out: empty list" in rows["titles"][2].get_text(" ", strip=True)


def test_reference_fields_show_the_kind_they_name(real_site):
    rows = _rows(_table_after(real_site.article(REFERENCE), "role"))
    links = {a.get_text(strip=True): a["href"] for a in rows["competencies"][1].select("a")}
    assert links == {"competency": "#competency"}
    assert "list of competency ids" in rows["competencies"][1].get_text(" ", strip=True)


def test_closed_vocabularies_show_their_allowed_values(real_site):
    article = real_site.article(REFERENCE)
    rows = _rows(_table_after(article, "competency"))
    allowed = [code.get_text() for code in rows["type"][1].select("code")]
    assert allowed == list(get_args(Competency.model_fields["type"].annotation))
    sessions = _rows(_table_after(real_site.article(PAGES["training"]), anchor("curriculum", "weeks", "days", "sessions")))
    assert [code.get_text() for code in sessions["format"][1].select("code")] == list(get_args(Session.model_fields["format"].annotation))
    assert "1 to 240" in sessions["duration"][1].get_text(" ", strip=True)


def test_no_field_of_any_model_is_missing(real_site):
    """Every record and nested record of every kind has its table, listing each field of its model."""
    kinds = [kind for name in PAGES for kind in data_reference(name)]
    assert sorted(kind.name for kind in kinds) == sorted(kind.name for kind in KINDS)  # every kind on exactly one page
    for kind in kinds:
        article = real_site.article(PAGES[domain(KIND[kind.name])])
        for table in kind.tables:
            rows = _rows(_table_after(article, table.anchor) if table.path else _table_after(article, kind.anchor))
            assert list(rows) == [f.name for f in table.fields], (kind.name, table.path)
            assert all(row[3].get_text(strip=True) for row in rows.values()), (kind.name, table.path)


def test_descriptions_are_text_not_markup(real_site):
    article = real_site.article(REFERENCE)
    rows = _rows(_table_after(article, "competency"))
    assert "/competencies/<id>/" in rows["id"][3].get_text()
    assert article.find("id") is None  # '<id>' in a description must not become an element


def test_workbook_page_lists_every_sheet_and_the_level_columns(real_site, real_handbook):
    table = real_site.article("authors/workbook/").find("table")
    text = table.get_text(" ", strip=True)
    assert [tr.find("td").get_text(strip=True) for tr in table.select("tbody tr")] == [s.name for s in SHEETS]
    for level in real_handbook.levels:
        assert level.name in text


def test_workbook_page_states_every_column_the_import_reads(real_site, real_handbook):
    # The contract page and the import share SHEETS: every exported column is on the page, in the column saying
    # whether a sheet must have it, and the columns a new row must fill are the ones the import asks for.
    tables = real_site.article("authors/workbook/").find_all("table")
    rows = {
        tr.find("td").get_text(strip=True): [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in tables[0].select("tbody tr")
    }
    for sheet in SHEETS:
        must, new_rows, added = rows[sheet.name][1:]
        for column in sheet.required:
            assert column in must, (sheet.name, column)
        for column in sheet.optional:
            assert column in added, (sheet.name, column)
        for column in sheet.dynamic(real_handbook):
            assert column in (must if sheet.dynamic_required else added), (sheet.name, column)
            assert not sheet.dynamic_new or column in new_rows, (sheet.name, column)
        for column in sheet.new_rows:
            assert column in new_rows, (sheet.name, column)
    accepts = {
        (tr.find_all("td")[0].get_text(strip=True), tr.find_all("td")[1].get_text(strip=True)) for tr in tables[1].select("tbody tr")
    }
    assert accepts == {(sheet.name, column) for sheet in SHEETS for column, _ in sheet.values}


def test_readme_is_a_short_front_door():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < 10 * 1024
    assert "python3 dev.py serve" in readme
    assert "python3 dev.py test" in readme
    for page in ("index", "data-reference", "workbook", "publishing"):
        assert f"docs/authors/{page}.md" in readme, page

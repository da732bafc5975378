"""Nothing lost: the completeness check that runs after every build fails the build when a rendered page drops a record.

A small MkDocs hook added to a copy of the tiny fixture plays the rendering bugs: it removes text from the Markdown
MkDocs renders or from the HTML it writes, as a broken template, filter or Markdown extension would.
"""

from __future__ import annotations

from pathlib import Path

from sites import copy_fixture, mkdocs_build

from macros.loading import load_handbook
from macros.site.completeness import missing_records

# (stage, page, text removed from it, the line the build must print)
SABOTAGE = [
    (
        "html",
        "roles/floor-sales/index.md",
        "Asks a peer for help when stuck.",
        "roles/floor-sales/index.md: 'Asks a peer for help when stuck.'",
    ),
    ("markdown", "roles/floor-sales/index.md", "\\# of visitors served", "roles/floor-sales/index.md: '# of visitors served'"),
    ("html", "competencies/demonstrates-perseverance.md", ">Floor Sales<", "competencies/demonstrates-perseverance.md: 'Floor Sales'"),
    (
        "html",
        "competencies/demonstrates-perseverance.md",
        "Helps the team keep going.",
        "competencies/demonstrates-perseverance.md: 'Helps the team keep going.'",
    ),
    ("html", "matrix.md", "Demonstrates Perseverance", "matrix.md: 'Demonstrates Perseverance'"),
]

HOOK = """
SABOTAGE = {sabotage!r}


def on_page_markdown(markdown, page, config, files):
    for stage, src_uri, text in SABOTAGE:
        if stage == "markdown" and page.file.src_uri == src_uri:
            assert text in markdown, text
            markdown = markdown.replace(text, "")
    return markdown


def on_post_page(output, page, config):
    for stage, src_uri, text in SABOTAGE:
        if stage == "html" and page.file.src_uri == src_uri:
            assert text in output, text
            output = output.replace(text, "")
    return output
"""


def test_records_dropped_while_rendering_fail_the_build_and_are_named(tmp_path: Path):
    config = copy_fixture("tiny", tmp_path)
    hook = HOOK.format(sabotage=[(stage, page, text) for stage, page, text, _ in SABOTAGE])
    (config.parent / "sabotage.py").write_text(hook, encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "hooks:\n  - sabotage.py\n", encoding="utf-8")
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode != 0
    assert f"{len(SABOTAGE)} data records are missing from the built pages:" in site.output
    for *_, line in SABOTAGE:
        assert f"  - {line}\n" in site.output


def test_a_page_that_was_not_built_is_reported(tmp_path: Path):
    config = copy_fixture("tiny", tmp_path)
    site = mkdocs_build(config, tmp_path / "site")
    assert site.returncode == 0, site.output
    handbook = load_handbook(config.parent / "data")
    assert missing_records(handbook, site.root) == []
    (site.root / "roles" / "floor-sales" / "index.html").unlink()
    assert missing_records(handbook, site.root) == ["roles/floor-sales/index.md: the page was not built"]

"""Layer 1: loading and validation of single records, with the exact messages authors see."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sites import FIXTURES

from macros.errors import DataError
from macros.loading import load_handbook
from macros.site.render import markdown_text

TINY = FIXTURES / "tiny" / "data"
ROLE = "roles/floor-sales.yml"
COMPETENCY = "competencies/demonstrates-perseverance.yml"


def problems_after(tmp_path: Path, file: str, change) -> list[str]:
    """Copy the tiny data set, apply one change to one file, and return every reported problem."""
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    path = data / file
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_handbook(data, require_complete=True)  # gaps (content not written yet) count as problems here
    return [str(problem) for problem in caught.value.problems]


def test_tiny_data_is_valid():
    handbook = load_handbook(TINY)
    assert [r.id for r in handbook.roles] == ["floor-sales"]
    assert handbook.roles_by_competency["demonstrates-perseverance"][0].name == "Floor Sales"


CASES = {
    "duplicate key": (
        ROLE,
        lambda s: s.replace("name: Floor Sales", "name: Floor Sales\nname: Shop Sales"),
        [
            "data/roles/floor-sales.yml:3: field 'name': duplicate key 'name' (first given on line 2); YAML would silently keep "
            "only the last one. Fix: remove one of the two 'name:' entries or merge them"
        ],
    ),
    "unknown key with did-you-mean": (
        ROLE,
        lambda s: s + "sumary: x\n",
        [
            "data/roles/floor-sales.yml:15: role 'floor-sales' field 'sumary': unknown field 'sumary' (allowed: id, name, family, "
            "summary, responsibilities, how_it_sells, metrics, titles, competencies, profile). Fix: did you mean 'summary'?"
        ],
    ),
    "missing required field": (
        ROLE,
        lambda s: s.replace("summary: Sells in a store.\n", ""),
        [
            "data/roles/floor-sales.yml:1: role 'floor-sales' field 'summary': required field 'summary' is missing. "
            "Fix: add 'summary:' with a value to this record"
        ],
    ),
    "misspelled reference": (
        ROLE,
        lambda s: s.replace("  - demonstrates-perseverance", "  - demonstrates-perseverence"),
        [
            "data/roles/floor-sales.yml:12: role 'floor-sales' field 'competencies[0]': unknown competency "
            "'demonstrates-perseverence'. Fix: did you mean 'demonstrates-perseverance'?"
        ],
    ),
    "name used instead of id": (
        ROLE,
        lambda s: s.replace("  - demonstrates-perseverance", "  - Demonstrates Perseverance"),
        [
            "data/roles/floor-sales.yml:12: role 'floor-sales' field 'competencies[0]': expected a kebab-case id (lowercase letters, "
            "digits and single hyphens), found 'Demonstrates Perseverance'. Fix: use 'demonstrates-perseverance'"
        ],
    ),
    "too few behaviors": (
        COMPETENCY,
        lambda s: s.replace("  - id: asks-for-help\n    text: Asks a peer for help when stuck.\n", ""),
        [
            "data/competencies/demonstrates-perseverance.yml:7: competency 'demonstrates-perseverance' field 'behaviors': "
            "expected 4 to 7 behaviors, found 3. Fix: add behaviors until there are at least 4"
        ],
    ),
    "too many behaviors": (
        COMPETENCY,
        lambda s: s.replace("levels:", "".join(f"  - id: extra-{n}\n    text: Extra behavior {n}.\n" for n in range(4)) + "levels:"),
        [
            "data/competencies/demonstrates-perseverance.yml:7: competency 'demonstrates-perseverance' field 'behaviors': "
            "expected 4 to 7 behaviors, found 8. Fix: keep the 7 that matter most, or split the record in two"
        ],
    ),
    "wrong enum value": (
        COMPETENCY,
        lambda s: s.replace("type: attribute", "type: skil"),
        [
            "data/competencies/demonstrates-perseverance.yml:5: competency 'demonstrates-perseverance' field 'type': expected one of "
            "'skill', 'knowledge' or 'attribute', found 'skil'. Fix: did you mean 'skill'?"
        ],
    ),
    "empty required text": (
        COMPETENCY,
        lambda s: s.replace("definition: Keeps going after a setback.", 'definition: ""'),
        [
            "data/competencies/demonstrates-perseverance.yml:6: competency 'demonstrates-perseverance' field 'definition': "
            "expected text, found empty text. Fix: write the text (or remove the field if it is optional)"
        ],
    ),
    "tab indentation": (
        "dimensions.yml",
        lambda s: s.replace("  name: Drive", "\tname: Drive"),
        ["data/dimensions.yml:2: a tab character is used for indentation. Fix: indent with spaces only (two per level)"],
    ),
    "list instead of mapping": (
        ROLE,
        lambda s: "- " + s.replace("\n", "\n  "),
        [
            "data/roles/floor-sales.yml:1: expected one role as a mapping of fields (key: value lines), found a list of 1 item. "
            "Fix: remove the leading '- ' so the fields start at the left margin"
        ],
    ),
    "wrong type": (
        ROLE,
        lambda s: s.replace("summary: Sells in a store.", "summary: 42"),
        [
            "data/roles/floor-sales.yml:4: role 'floor-sales' field 'summary': expected text, found the number 42. "
            "Fix: write text here; put it in quotes if it looks like a number, a date or true/false"
        ],
    ),
    "unknown dimension": (
        COMPETENCY,
        lambda s: s.replace("dimension: drive", "dimension: driv"),
        [
            "data/competencies/demonstrates-perseverance.yml:4: competency 'demonstrates-perseverance' field 'dimension': "
            "unknown dimension 'driv'. Fix: did you mean 'drive'?"
        ],
    ),
    "missing proficiency level": (
        COMPETENCY,
        lambda s: s.replace("  leader: Helps the team keep going.\n", ""),
        [
            "data/competencies/demonstrates-perseverance.yml:16: competency 'demonstrates-perseverance' field 'levels': the 'leader' "
            "level is not described. Fix: add 'leader:' under 'levels' with what the competency looks like at that level"
        ],
    ),
    "malformed yaml": (
        "families.yml",
        lambda s: s.replace("name: Sales", "name: Sales: Team"),
        [
            "data/families.yml:2: this is not valid YAML: mapping values are not allowed in this context. Fix: check the indentation "
            "and the colons on this line and the one above; quote text that contains ': ' or starts with a special character"
        ],
    ),
    "empty file": ("families.yml", lambda s: "", ["data/families.yml:1: the file is empty. Fix: add its records, or delete the file"]),
    "unknown profile answer": (
        ROLE,
        lambda s: s.replace("phase: [pre-sale]", "phase: [presale]"),
        [
            "data/roles/floor-sales.yml:14: role 'floor-sales' field 'profile.phase': unknown answer 'presale'. "
            "Fix: did you mean 'pre-sale'?"
        ],
    ),
    "id does not match file name": (
        ROLE,
        lambda s: s.replace("id: floor-sales", "id: shop-sales"),
        [
            "data/roles/floor-sales.yml:1: role 'shop-sales' field 'id': the id 'shop-sales' does not match the file name "
            "'floor-sales.yml'. Fix: rename the file to 'shop-sales.yml' or change the id to 'floor-sales'"
        ],
    ),
    "business mix must add up": (
        ROLE,
        lambda s: s + "how_it_sells:\n  business_mix:\n    new: 70\n    existing: 20\n",
        [
            "data/roles/floor-sales.yml:16: role 'floor-sales' field 'how_it_sells.business_mix': new and existing must add up to 100, "
            "found 70 + 20 = 90. Fix: correct the values"
        ],
    ),
}


# Checklists and hiring scorecards.
CASES.update(
    {
        "rating scale out of order": (
            "assessment.yml",
            lambda s: s.replace("  - value: 2\n", "  - value: 3\n", 1),
            [
                "data/assessment.yml:6: assessment field 'scale[1].value': expected 2 (the scale counts up from 1 in order), "
                "found 3. Fix: set 'value: 2' or reorder the scale"
            ],
        ),
        "rating tied to a misspelled level": (
            "assessment.yml",
            lambda s: s.replace("level: leader", "level: leeder"),
            ["data/assessment.yml:17: assessment field 'scale[3].level': unknown proficiency level 'leeder'. Fix: did you mean 'leader'?"],
        ),
        "expected level for an unknown answer": (
            "assessment.yml",
            lambda s: s.replace("  post-sale: individual-contributor", "  post-sales: individual-contributor"),
            [
                "data/assessment.yml:19: assessment field 'expected_level': the answer 'post-sale' has no expected level. "
                "Fix: add 'post-sale: <level id>' under 'expected_level'",
                "data/assessment.yml:21: assessment field 'expected_level.post-sales': unknown answer 'post-sales'. "
                "Fix: did you mean 'post-sale'?",
            ],
        ),
        "score bands out of order": (
            "hiring-scorecard.yml",
            lambda s: s.replace("min: 0", "min: 9"),
            [
                "data/hiring-scorecard.yml:17: hiring scorecard field 'bands': expected bands from the highest 'min' down to "
                "'min: 0', each 'min' different, found [7.0, 9.0]. Fix: order the bands from best to worst and end with 'min: 0'"
            ],
        ),
        "last score band asks for a minimum per criterion": (
            "hiring-scorecard.yml",
            lambda s: s.replace("    meaning: Below the bar.", "    meaning: Below the bar.\n    min_each: 2"),
            [
                "data/hiring-scorecard.yml:24: hiring scorecard field 'bands[1].min_each': the last band ('min: 0') must not set "
                "'min_each', found 2. Fix: remove 'min_each' from the last band, so every candidate gets a recommendation"
            ],
        ),
        "score band minimum per criterion out of range": (
            "hiring-scorecard.yml",
            lambda s: s.replace("    meaning: Above the bar.", "    meaning: Above the bar.\n    min_each: 11"),
            [
                "data/hiring-scorecard.yml:21: hiring scorecard field 'bands[0].min_each': expected a number of at most 10, "
                "found the number 11. Fix: correct the number"
            ],
        ),
        "trait id taken by a competency": (
            "hiring-scorecard.yml",
            lambda s: s.replace("id: coachability", "id: demonstrates-perseverance"),
            [
                "data/hiring-scorecard.yml:4: hiring scorecard field 'traits[0].id': the id 'demonstrates-perseverance' is already "
                "used by a competency. Fix: give the trait its own id"
            ],
        ),
        "trait anchor missing": (
            "hiring-scorecard.yml",
            lambda s: s.replace("      10: Uses all feedback at once.\n", ""),
            [
                "data/hiring-scorecard.yml:8: hiring scorecard field 'traits[0].anchors': expected anchors for exactly 1, 5 and 10, "
                "found 1, 5. Fix: describe what a 1, a 5 and a 10 look like"
            ],
        ),
        "predictive competency without hiring guide": (
            COMPETENCY,
            lambda s: s[: s.index("hiring:")],
            [
                "data/competencies/demonstrates-perseverance.yml:1: competency 'demonstrates-perseverance' field 'hiring': no hiring "
                "guide, but the competency is predictive for floor-sales and their hiring scorecards score it. "
                "Fix: add a 'hiring:' section with anchors (1, 5, 10), evaluate_by and questions"
            ],
        ),
    }
)


@pytest.mark.parametrize("name", list(CASES))
def test_bad_data_is_reported_exactly(tmp_path: Path, name: str):
    file, change, expected = CASES[name]
    assert problems_after(tmp_path, file, change) == expected


def test_every_problem_is_reported_in_one_run(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    role, competency = data / ROLE, data / COMPETENCY
    role.write_text(role.read_text().replace("summary: Sells in a store.", "summary: ''") + "colour: red\n")
    competency.write_text(competency.read_text().replace("dimension: drive", "dimension: driv"))
    (data / "families.yml").write_text("- id: sales\n  name: Sales\n")
    with pytest.raises(DataError) as caught:
        load_handbook(data)
    found = [str(p) for p in caught.value.problems]
    assert found == [
        "data/competencies/demonstrates-perseverance.yml:4: competency 'demonstrates-perseverance' field 'dimension': "
        "unknown dimension 'driv'. Fix: did you mean 'drive'?",
        "data/families.yml:1: family 'sales' field 'description': required field 'description' is missing. "
        "Fix: add 'description:' with a value to this record",
        "data/roles/floor-sales.yml:4: role 'floor-sales' field 'summary': expected text, found empty text. "
        "Fix: write the text (or remove the field if it is optional)",
        "data/roles/floor-sales.yml:15: role 'floor-sales' field 'colour': unknown field 'colour' (allowed: id, name, family, "
        "summary, responsibilities, how_it_sells, metrics, titles, competencies, profile). Fix: remove it",
    ]


def test_duplicate_ids_differing_only_by_case_or_hyphens(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    (data / "dimensions.yml").write_text(
        (data / "dimensions.yml").read_text() + "- id: dri-ve\n  name: Drive again\n  description: Same.\n"
    )
    with pytest.raises(DataError) as caught:
        load_handbook(data)
    assert [str(p) for p in caught.value.problems] == [
        "data/dimensions.yml:4: dimension 'dri-ve' field 'id': id too similar to 'drive' (already used at data/dimensions.yml:1); "
        "two pages would share one URL. Fix: give this record its own id, or merge the two records"
    ]


def test_unknown_data_file_is_refused(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(TINY, data)
    (data / "role").mkdir()
    (data / "role" / "extra.yml").write_text("id: extra\n")
    with pytest.raises(DataError) as caught:
        load_handbook(data)
    assert [p.message for p in caught.value.problems] == ["this file is not part of the handbook's data and would be ignored"]
    assert caught.value.problems[0].fix == "did you mean 'roles/*.yml'?"


def test_report_counts_and_stops_publication(tmp_path: Path):
    error = DataError([])
    assert error.report().startswith("The handbook data has 0 problems")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("{{ config }}", "\\{\\{ config \\}\\}"),
        ("# of new leads", "\\# of new leads"),
        ("1. first", "1\\. first"),
        ("- item", "\\- item"),
        ("a | b *c* _d_ [e](f)", "a \\| b \\*c\\* \\_d\\_ \\[e\\](f)"),
        ('Customer\'s "choice" & more', 'Customer\'s "choice" &amp; more'),
        ("two\nlines", "two lines"),
    ],
)
def test_data_text_is_escaped_for_html_and_markdown(text: str, expected: str):
    assert str(markdown_text(text)) == expected

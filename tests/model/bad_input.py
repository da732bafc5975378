"""The bad-input corpus: one small edit to a copy of the tiny fixture site per case, and the exact report it must give.

Each case names the data file it edits (relative to the fixture's data/ folder), the edit, and every line of the
report, exactly. Add a case for a new data kind by adding its fixture file to tests/fixtures/tiny and a row below.
`build=True` marks the cases that also run the real `mkdocs build --strict` and `handbook validate` as subprocesses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Edit = Callable[[Path], None]

ROLE = "roles/floor-sales.yml"
COMPETENCY = "competencies/demonstrates-perseverance.yml"
FAMILIES = "families.yml"
DIMENSIONS = "dimensions.yml"
LEVELS = "proficiency-levels.yml"
MAPPING = "profile-mapping.yml"

ROLE_FIELDS = "id, name, family, summary, responsibilities, how_it_sells, metrics, titles, competencies, profile"
COMPETENCY_FIELDS = "id, name, aliases, dimension, type, definition, behaviors, levels, hiring"


@dataclass(frozen=True)
class BadInput:
    """One broken data set: which file changes, how, and every line the report must contain, in order."""

    name: str
    file: str
    edit: Edit
    expected: tuple[str, ...]
    build: bool = False  # also run the real MkDocs build and the installed `handbook validate` on it
    complete: bool = False  # a gap (content not written yet) is only an error when completeness is required


def replace(old: str, new: str, count: int = 1) -> Edit:
    """Replace text in the file; fails loudly when the text is not there, so a case cannot silently test nothing."""

    def edit(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= count, f"{path.name} no longer contains {old!r}: update this case"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return edit


def append(extra: str) -> Edit:
    """Add lines at the end of the file."""

    def edit(path: Path) -> None:
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")

    return edit


def write(content: str | bytes) -> Edit:
    """Replace (or create) the whole file; bytes are written as they are."""

    def edit(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return edit


def copy_to(target: str, *changes: tuple[str, str]) -> Edit:
    """Copy the file to another data path, with some text replaced in the copy."""

    def edit(path: Path) -> None:
        text = path.read_text(encoding="utf-8")
        for old, new in changes:
            assert old in text, f"{path.name} no longer contains {old!r}: update this case"
            text = text.replace(old, new)
        destination = path.parent.parent / target if "/" in target else path.parent / target
        destination.write_text(text, encoding="utf-8")

    return edit


def delete(path: Path) -> None:
    """Remove the file."""
    path.unlink()


def _prefixed(prefix: bytes, edit: Edit | None = None) -> Edit:
    def apply(path: Path) -> None:
        if edit is not None:
            edit(path)
        path.write_bytes(prefix + path.read_bytes())

    return apply


def _line_endings_crlf(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


def _billion_laughs(indent: str) -> str:
    """Nine lines that would expand to 9**9 strings if aliases were followed."""
    lines = [f"{indent}lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{indent}lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


CASES: list[BadInput] = [
    # --- The file as a whole: encoding, size, shape ---
    BadInput(
        "non-UTF-8 bytes",
        ROLE,
        write("id: floor-sales\nname: Vente en magasin\nsummary: Vend \xe0 la caisse.\n".encode("latin-1")),
        ("data/roles/floor-sales.yml:3: the file is not UTF-8 text (byte 0xe0 at offset 53). Fix: save the file as UTF-8 in your editor",),
        build=True,
    ),
    BadInput(
        "over-size file",
        DIMENSIONS,
        append("# padding\n" * 110_000),
        (
            "data/dimensions.yml: file is 1,100,062 bytes, over the 1,048,576-byte limit for one data file. "
            "Fix: split the records into several smaller files",
        ),
    ),
    BadInput("empty file", FAMILIES, write(""), ("data/families.yml:1: the file is empty. Fix: add its records, or delete the file",)),
    BadInput(
        "only comments",
        DIMENSIONS,
        write("# dimensions go here\n\n# later\n"),
        ("data/dimensions.yml:1: the file is empty. Fix: add its records, or delete the file",),
    ),
    BadInput(
        "only a document marker",
        MAPPING,
        write("---\n"),
        ("data/profile-mapping.yml:1: the file is empty. Fix: add its records, or delete the file",),
    ),
    BadInput(
        "list instead of mapping",
        ROLE,
        lambda path: path.write_text("- " + path.read_text(encoding="utf-8").replace("\n", "\n  "), encoding="utf-8"),
        (
            "data/roles/floor-sales.yml:1: expected one role as a mapping of fields (key: value lines), found a list of 1 item. "
            "Fix: remove the leading '- ' so the fields start at the left margin",
        ),
        build=True,
    ),
    BadInput(
        "mapping instead of list",
        FAMILIES,
        write("id: sales\nname: Sales\ndescription: People who sell.\n"),
        (
            "data/families.yml:1: expected a list of family records (each starting with '- id:'), found a mapping (key: value lines). "
            "Fix: start each record with '- ' at the left margin",
        ),
    ),
    BadInput(
        "plain text instead of records",
        LEVELS,
        write("good, better, best\n"),
        (
            "data/proficiency-levels.yml:1: expected a list of proficiency level records (each starting with '- id:'), "
            "found 'good, better, best'. Fix: start each record with '- ' at the left margin",
        ),
    ),
    BadInput(
        "record that is plain text",
        DIMENSIONS,
        append("- Grit\n"),
        (
            "data/dimensions.yml:4: dimension #2: expected a mapping of fields (key: value lines), found 'Grit'. "
            "Fix: write the record as 'field: value' lines",
        ),
    ),
    BadInput(
        "required file missing",
        FAMILIES,
        delete,
        ("data/families.yml: the family file is missing. Fix: create data/families.yml",),
    ),
    BadInput(
        "no role files",
        ROLE,
        delete,
        ("data/roles: no role profiles were found. Fix: add at least one data/roles/<id>.yml file",),
    ),
    BadInput(
        "file the engine would ignore",
        "roles/notes.json",
        write("{}\n"),
        (
            "data/roles/notes.json: this file is not part of the handbook's data and would be ignored. "
            "Fix: data/roles/ holds only role files named <id>.yml; move or delete this file",
        ),
    ),
    BadInput(
        "wrong file extension",
        "roles/shop-sales.yaml",
        write("id: shop-sales\n"),
        (
            "data/roles/shop-sales.yaml: this file is not part of the handbook's data and would be ignored. "
            "Fix: rename it to 'shop-sales.yml'",
        ),
    ),
    # --- YAML syntax ---
    BadInput(
        "unquoted colon in text",
        ROLE,
        replace("summary: Sells in a store.", "summary: Sells: in a store."),
        (
            "data/roles/floor-sales.yml:4: this is not valid YAML: mapping values are not allowed in this context. "
            "Fix: check the indentation and the colons on this line and the one above; "
            "quote text that contains ': ' or starts with a special character",
        ),
        build=True,
    ),
    BadInput(
        "no space after colon",
        ROLE,
        replace("family: sales", "family:sales"),
        (
            "data/roles/floor-sales.yml:4: this is not valid YAML: could not find expected ':' (while scanning a simple key). "
            "Fix: check the indentation and the colons on this line and the one above; "
            "quote text that contains ': ' or starts with a special character",
        ),
    ),
    BadInput(
        "tab indentation",
        COMPETENCY,
        replace("  - id: calls-back", "\t- id: calls-back"),
        (
            "data/competencies/demonstrates-perseverance.yml:8: a tab character is used for indentation. "
            "Fix: indent with spaces only (two per level)",
        ),
    ),
    BadInput(
        "wrong indentation",
        COMPETENCY,
        replace("    text: Logs why a deal was lost.", "     text: Logs why a deal was lost."),
        (
            "data/competencies/demonstrates-perseverance.yml:11: this is not valid YAML: mapping values are not allowed in this context. "
            "Fix: check the indentation and the colons on this line and the one above; "
            "quote text that contains ': ' or starts with a special character",
        ),
    ),
    BadInput(
        "fields dedented out of their mapping",
        COMPETENCY,
        replace("  leader: Helps the team keep going.", "leader: Helps the team keep going."),
        (
            "data/competencies/demonstrates-perseverance.yml:19: competency 'demonstrates-perseverance' field 'leader': "
            f"unknown field 'leader' (allowed: {COMPETENCY_FIELDS}). Fix: remove it",
        ),
    ),
    BadInput(
        "quote never closed",
        COMPETENCY,
        replace("definition: Keeps going after a setback.", 'definition: "Keeps going after a setback.'),
        (
            "data/competencies/demonstrates-perseverance.yml:6: a quote opened on this line is never closed. "
            "Fix: add the closing quote at the end of the text",
        ),
    ),
    BadInput(
        "bracket never closed",
        ROLE,
        replace("[pre-sale]", "[pre-sale"),
        (
            "data/roles/floor-sales.yml:15: this is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence). "
            "Fix: check the indentation and the colons on this line and the one above; "
            "quote text that contains ': ' or starts with a special character",
        ),
    ),
    BadInput(
        "second document in one file",
        COMPETENCY,
        append("---\nid: another\n"),
        (
            "data/competencies/demonstrates-perseverance.yml:28: a second YAML document starts here ('---'). "
            "Fix: remove the '---' line, or move what follows into its own file",
        ),
    ),
    BadInput(
        "duplicate key",
        LEVELS,
        replace("  short: Senior IC\n", "  short: Senior IC\n  short: Sr IC\n"),
        (
            "data/proficiency-levels.yml:8: field '[1].short': duplicate key 'short' (first given on line 7); "
            "YAML would silently keep only the last one. Fix: remove one of the two 'short:' entries or merge them",
        ),
        build=True,
    ),
    BadInput(
        "control character pasted into text",
        COMPETENCY,
        replace("Calls back after a no.", "Calls back\x0b after a no."),
        (
            "data/competencies/demonstrates-perseverance.yml:9: the file contains an invisible control character (U+000B) "
            "that YAML does not allow. Fix: delete it: retype the text around it on this line",
        ),
    ),
    BadInput(
        "key with no name",
        ROLE,
        append("null: forgotten\n"),
        ("data/roles/floor-sales.yml:15: expected a plain text key, found an empty key. Fix: write the key as a word followed by a colon",),
    ),
    # --- YAML features a data file must not use ---
    BadInput(
        "python object tag",
        ROLE,
        replace("name: Floor Sales", "name: !!python/object/apply:os.system [echo pwned]"),
        (
            "data/roles/floor-sales.yml:2: the YAML tag '!!python/object/apply:os.system' is not allowed in data files. "
            "Fix: remove '!!python/object/apply:os.system' and write plain text",
        ),
        build=True,
    ),
    BadInput(
        "custom tag",
        FAMILIES,
        replace("name: Sales", "name: !upper Sales"),
        ("data/families.yml:2: the YAML tag '!upper' is not allowed in data files. Fix: remove '!upper' and write plain text",),
    ),
    BadInput(
        "alias bomb",
        FAMILIES,
        write("- id: sales\n  name: Sales\n  description: People who sell.\n  extra:\n" + _billion_laughs("    ")),
        ("data/families.yml:6: YAML aliases ('*a0') are not supported. Fix: write the value out in full instead of repeating '&a0'",),
    ),
    BadInput(
        "alias that contains itself",
        ROLE,
        append("loop: &loop [*loop]\n"),
        (
            "data/roles/floor-sales.yml:15: YAML aliases ('*loop') are not supported. Fix: write the value "
            "out in full instead of repeating '&loop'",
        ),
    ),
    BadInput(
        "merge key",
        ROLE,
        append("<<: {summary: Sells online.}\n"),
        ("data/roles/floor-sales.yml:15: YAML merge keys ('<<') are not supported. Fix: write the fields out in full",),
    ),
    BadInput(
        "nesting hundreds of levels deep",
        COMPETENCY,
        append("deep: " + "[" * 500 + "]" * 500 + "\n"),
        (
            "data/competencies/demonstrates-perseverance.yml:28: the data is nested more than 32 levels "
            "deep. Fix: check the indentation and the brackets",
        ),
    ),
    # --- Wrong types ---
    BadInput(
        "number instead of text",
        FAMILIES,
        replace("name: Sales", "name: 42"),
        (
            "data/families.yml:2: family 'sales' field 'name': expected text, found the number 42. "
            "Fix: write text here; put it in quotes if it looks like a number, a date or true/false",
        ),
    ),
    BadInput(
        "yes/no read as true/false",
        DIMENSIONS,
        replace("name: Drive", "name: no"),
        (
            "data/dimensions.yml:2: dimension 'drive' field 'name': expected text, found true/false (false). "
            "Fix: write text here; put it in quotes if it looks like a number, a date or true/false",
        ),
    ),
    BadInput(
        "date instead of text",
        ROLE,
        replace("summary: Sells in a store.", "summary: 2024-01-31"),
        (
            "data/roles/floor-sales.yml:4: role 'floor-sales' field 'summary': expected text, found the date 2024-01-31. "
            "Fix: write text here; put it in quotes if it looks like a number, a date or true/false",
        ),
    ),
    BadInput(
        "text instead of a list",
        ROLE,
        replace("responsibilities:\n  - Greet every visitor.", "responsibilities: Greet every visitor."),
        (
            "data/roles/floor-sales.yml:5: role 'floor-sales' field 'responsibilities': expected a list (one '- ' line per item), "
            "found 'Greet every visitor.'. Fix: write each item on its own line starting with '- '",
        ),
    ),
    BadInput(
        "list instead of text",
        COMPETENCY,
        replace("definition: Keeps going after a setback.", "definition: [Keeps going, after a setback]"),
        (
            "data/competencies/demonstrates-perseverance.yml:6: competency 'demonstrates-perseverance' field 'definition': "
            "expected text, found a list of 2 items. Fix: write text here; put it in quotes if it looks "
            "like a number, a date or true/false",
        ),
    ),
    BadInput(
        "empty value",
        ROLE,
        replace("summary: Sells in a store.", "summary:"),
        (
            "data/roles/floor-sales.yml:4: role 'floor-sales' field 'summary': expected text, found an empty value. "
            "Fix: write text here; put it in quotes if it looks like a number, a date or true/false",
        ),
    ),
    BadInput(
        "blank text",
        FAMILIES,
        replace("description: People who sell.", 'description: "   "'),
        (
            "data/families.yml:3: family 'sales' field 'description': expected text, found empty text. "
            "Fix: write the text (or remove the field if it is optional)",
        ),
    ),
    BadInput(
        "metric group without its parts",
        ROLE,
        replace('  - "# of visitors served"', "  - name: Store visits"),
        (
            "data/roles/floor-sales.yml:8: role 'floor-sales' field 'metrics[0].includes': required field 'includes' is missing. "
            "Fix: add 'includes:' with a value to this record",
        ),
    ),
    BadInput(
        "choice misspelled",
        COMPETENCY,
        replace("type: attribute", "type: atribute"),
        (
            "data/competencies/demonstrates-perseverance.yml:5: competency 'demonstrates-perseverance' field 'type': "
            "expected one of 'skill', 'knowledge' or 'attribute', found 'atribute'. Fix: did you mean 'attribute'?",
        ),
    ),
    BadInput(
        "score anchors written as text",
        COMPETENCY,
        replace("    1: Gives up after the first no.", "    '1': Gives up after the first no."),
        (
            "data/competencies/demonstrates-perseverance.yml:22: competency 'demonstrates-perseverance' field 'hiring.anchors.1': "
            "expected one of 1, 5 or 10, found the text '1'. Fix: write 1 without quotes",
        ),
    ),
    BadInput(
        "evaluation method misspelled",
        COMPETENCY,
        replace("evaluate_by: [behavioral-questions]", "evaluate_by: [role-plays]"),
        (
            "data/competencies/demonstrates-perseverance.yml:25: competency 'demonstrates-perseverance' field 'hiring.evaluate_by[0]': "
            "expected one of 'role-play', 'behavioral-questions' or 'reference-checks', found 'role-plays'. Fix: did you mean 'role-play'?",
        ),
    ),
    # --- Numbers ---
    BadInput(
        "business mix that does not add up",
        ROLE,
        append("how_it_sells:\n  business_mix: {new: 60, existing: 30}\n"),
        (
            "data/roles/floor-sales.yml:16: role 'floor-sales' field 'how_it_sells.business_mix': "
            "new and existing must add up to 100, found 60 + 30 = 90. Fix: correct the values",
        ),
    ),
    BadInput(
        "negative and over-100 percentages",
        ROLE,
        append("how_it_sells:\n  business_mix:\n    new: -20\n    existing: 120\n"),
        (
            "data/roles/floor-sales.yml:17: role 'floor-sales' field 'how_it_sells.business_mix.new': "
            "expected a number of at least 0, found the number -20. Fix: correct the number",
            "data/roles/floor-sales.yml:18: role 'floor-sales' field 'how_it_sells.business_mix.existing': "
            "expected a number of at most 100, found the number 120. Fix: correct the number",
        ),
    ),
    BadInput(
        "absurdly large number",
        ROLE,
        append("how_it_sells:\n  business_mix: {new: 100000000000000000000000000000, existing: 0}\n"),
        (
            "data/roles/floor-sales.yml:16: role 'floor-sales' field 'how_it_sells.business_mix.new': "
            "expected a number of at most 100, found the number 100000000000000000000000000000. Fix: correct the number",
        ),
    ),
    BadInput(
        "infinite number",
        ROLE,
        append("how_it_sells:\n  business_mix: {new: .inf, existing: 0}\n"),
        (
            "data/roles/floor-sales.yml:16: role 'floor-sales' field 'how_it_sells.business_mix.new': "
            "expected a whole number, found the number inf. Fix: write a number without quotes",
        ),
    ),
    BadInput(
        "number in quotes",
        ROLE,
        append("how_it_sells:\n  business_mix: {new: '60', existing: 40}\n"),
        (
            "data/roles/floor-sales.yml:16: role 'floor-sales' field 'how_it_sells.business_mix.new': "
            "expected a whole number, found '60'. Fix: write a number without quotes",
        ),
    ),
    # --- Fields ---
    BadInput(
        "unknown field with did-you-mean",
        COMPETENCY,
        replace("definition:", "defintion:"),
        (
            "data/competencies/demonstrates-perseverance.yml:1: competency 'demonstrates-perseverance' field 'definition': "
            "required field 'definition' is missing. Fix: add 'definition:' with a value to this record",
            "data/competencies/demonstrates-perseverance.yml:6: competency 'demonstrates-perseverance' field 'defintion': "
            f"unknown field 'defintion' (allowed: {COMPETENCY_FIELDS}). Fix: did you mean 'definition'?",
        ),
        build=True,
    ),
    BadInput(
        "field name in capitals",
        DIMENSIONS,
        replace("  name: Drive", "  Name: Drive"),
        (
            "data/dimensions.yml:1: dimension 'drive' field 'name': required field 'name' is missing. "
            "Fix: add 'name:' with a value to this record",
            "data/dimensions.yml:2: dimension 'drive' field 'Name': unknown field 'Name' (allowed: id, name, description). "
            "Fix: did you mean 'name'?",
        ),
    ),
    BadInput(
        "missing required field",
        LEVELS,
        replace("  description: Best.\n", ""),
        (
            "data/proficiency-levels.yml:9: proficiency level 'leader' field 'description': required field 'description' is missing. "
            "Fix: add 'description:' with a value to this record",
        ),
    ),
    BadInput(
        "nested record missing a field",
        MAPPING,
        replace("        label: After\n", ""),
        (
            "data/profile-mapping.yml:9: profile mapping field 'questions[0].answers[1].label': required field 'label' is missing. "
            "Fix: add 'label:' with a value to this record",
        ),
    ),
    # --- Counts ---
    BadInput(
        "too few behaviors",
        COMPETENCY,
        replace("  - id: asks-for-help\n    text: Asks a peer for help when stuck.\n", ""),
        (
            "data/competencies/demonstrates-perseverance.yml:7: competency 'demonstrates-perseverance' field 'behaviors': "
            "expected 4 to 7 behaviors, found 3. Fix: add behaviors until there are at least 4",
        ),
    ),
    BadInput(
        "too many behaviors",
        COMPETENCY,
        replace("levels:", "".join(f"  - id: extra-{n}\n    text: Extra behavior {n}.\n" for n in range(4)) + "levels:"),
        (
            "data/competencies/demonstrates-perseverance.yml:7: competency 'demonstrates-perseverance' field 'behaviors': "
            "expected 4 to 7 behaviors, found 8. Fix: keep the 7 that matter most, or split the record in two",
        ),
    ),
    BadInput(
        "question with one answer",
        MAPPING,
        replace("      - id: post-sale\n        label: After\n", ""),
        (
            "data/profile-mapping.yml:6: profile mapping field 'questions[0].answers': expected at least 2 answers, found 1. "
            "Fix: add answers until there are at least 2",
        ),
    ),
    BadInput(
        "role with no competencies",
        ROLE,
        replace("competencies:\n  - demonstrates-perseverance", "competencies: []"),
        (
            "data/roles/floor-sales.yml:11: role 'floor-sales' field 'competencies': expected at least 1 competency, found 0. "
            "Fix: add at least one competency",
        ),
    ),
    # --- Ids ---
    BadInput(
        "id in capitals",
        FAMILIES,
        replace("id: sales", "id: Sales"),
        (
            "data/families.yml:1: family 'Sales' field 'id': expected a kebab-case id (lowercase letters, digits and single hyphens), "
            "found 'Sales'. Fix: use 'sales'",
        ),
    ),
    BadInput(
        "id with a space",
        COMPETENCY,
        replace("id: demonstrates-perseverance", "id: demonstrates perseverance"),
        (
            "data/competencies/demonstrates-perseverance.yml:1: competency 'demonstrates perseverance' field 'id': "
            "expected a kebab-case id (lowercase letters, digits and single hyphens), found 'demonstrates perseverance'. "
            "Fix: use 'demonstrates-perseverance'",
        ),
    ),
    BadInput(
        "invisible character in a reference",
        ROLE,
        replace("family: sales", "family: sa\u200bles"),
        (
            "data/roles/floor-sales.yml:3: role 'floor-sales' field 'family': expected a kebab-case id "
            "(lowercase letters, digits and single hyphens), found 'sa<U+200B>les'. Fix: use 'sales'",
        ),
    ),
    BadInput(
        "over-long id",
        DIMENSIONS,
        replace("id: drive", "id: " + "drive-" * 15 + "on"),
        (
            # The competency's reference is reported too: no valid dimension record ever had the id 'drive' here.
            "data/competencies/demonstrates-perseverance.yml:4: competency 'demonstrates-perseverance' field 'dimension': "
            "unknown dimension 'drive'. Fix: add data for 'drive'",
            "data/dimensions.yml:1: dimension "
            "'drive-drive-drive-drive-drive-drive-drive-drive-drive-drive-drive-drive-drive-drive-drive-on' "
            "field 'id': expected at most 80 characters, found 92. Fix: shorten it",
        ),
    ),
    BadInput(
        "id does not match the file name",
        ROLE,
        replace("id: floor-sales", "id: floor-sale"),
        (
            "data/roles/floor-sales.yml:1: role 'floor-sale' field 'id': the id 'floor-sale' does not match the file name "
            "'floor-sales.yml'. Fix: rename the file to 'floor-sale.yml' or change the id to 'floor-sales'",
        ),
    ),
    BadInput(
        "duplicate id",
        DIMENSIONS,
        append("- id: drive\n  name: Drive again\n  description: A copy.\n"),
        (
            "data/dimensions.yml:4: dimension 'drive' field 'id': duplicate id (already used at data/dimensions.yml:1); "
            "two pages would share one URL. Fix: give this record its own id, or merge the two records",
        ),
        build=True,
    ),
    BadInput(
        "ids differing only by hyphens",
        ROLE,
        copy_to("floorsales.yml", ("id: floor-sales", "id: floorsales"), ("name: Floor Sales", "name: Floor Sales Two")),
        (
            "data/roles/floorsales.yml:1: role 'floorsales' field 'id': id too similar to 'floor-sales' "
            "(already used at data/roles/floor-sales.yml:1); two pages would share one URL. "
            "Fix: give this record its own id, or merge the two records",
        ),
    ),
    BadInput(
        "ids differing only by case",
        LEVELS,
        append("- id: Leader\n  name: Leader again\n  short: L2\n  description: Copy.\n"),
        (
            "data/proficiency-levels.yml:13: proficiency level 'Leader' field 'id': expected a kebab-case id "
            "(lowercase letters, digits and single hyphens), found 'Leader'. Fix: use 'leader'",
        ),
    ),
    BadInput(
        "two competencies with one name",
        COMPETENCY,
        copy_to("shows-grit.yml", ("id: demonstrates-perseverance", "id: shows-grit")),
        (
            "data/competencies/shows-grit.yml:2: competency 'shows-grit' field 'name': "
            "the name 'Demonstrates Perseverance' is already used by competency 'demonstrates-perseverance'. "
            "Fix: merge the two competencies, or rename one",
        ),
    ),
    BadInput(
        "duplicate behavior id",
        COMPETENCY,
        replace("id: logs-reasons", "id: calls-back"),
        (
            "data/competencies/demonstrates-perseverance.yml:10: competency 'demonstrates-perseverance' field 'behaviors[1].id': "
            "duplicate behavior id 'calls-back' (already used on line 8). Fix: give each behavior its own id",
        ),
    ),
    BadInput(
        "duplicate question id",
        MAPPING,
        append(
            "  - id: phase\n    question: Again?\n    help: Pick one.\n    answers: [{id: again, label: "
            "Again}, {id: not-again, label: Not again}]\n"
        ),
        (
            "data/profile-mapping.yml:11: profile mapping field 'questions[1].id': duplicate question id 'phase' "
            "(already used on line 3). Fix: give each question its own id",
        ),
    ),
    # --- References ---
    BadInput(
        "misspelled competency",
        ROLE,
        replace("  - demonstrates-perseverance", "  - demonstrates-perseverence"),
        (
            "data/roles/floor-sales.yml:12: role 'floor-sales' field 'competencies[0]': unknown competency "
            "'demonstrates-perseverence'. Fix: did you mean 'demonstrates-perseverance'?",
        ),
        build=True,
    ),
    BadInput(
        "competency named instead of its id",
        ROLE,
        replace("  - demonstrates-perseverance", "  - Demonstrates Perseverance"),
        (
            "data/roles/floor-sales.yml:12: role 'floor-sales' field 'competencies[0]': expected a kebab-case id "
            "(lowercase letters, digits and single hyphens), found 'Demonstrates Perseverance'. Fix: use 'demonstrates-perseverance'",
        ),
    ),
    BadInput(
        "competency listed twice",
        ROLE,
        replace("  - demonstrates-perseverance", "  - demonstrates-perseverance\n  - demonstrates-perseverance"),
        (
            "data/roles/floor-sales.yml:13: role 'floor-sales' field 'competencies[1]': competency 'demonstrates-perseverance' "
            "is listed twice. Fix: remove the second entry",
        ),
    ),
    BadInput(
        "misspelled dimension",
        COMPETENCY,
        replace("dimension: drive", "dimension: drives"),
        (
            "data/competencies/demonstrates-perseverance.yml:4: competency 'demonstrates-perseverance' field 'dimension': "
            "unknown dimension 'drives'. Fix: did you mean 'drive'?",
        ),
    ),
    BadInput(
        "family that does not exist",
        ROLE,
        replace("family: sales", "family: marketing"),
        ("data/roles/floor-sales.yml:3: role 'floor-sales' field 'family': unknown family 'marketing'. Fix: use one of: sales",),
    ),
    BadInput(
        "misspelled profile question",
        ROLE,
        replace("  phase: [pre-sale]", "  phse: [pre-sale]"),
        (
            "data/roles/floor-sales.yml:13: role 'floor-sales' field 'profile': the profile question 'phase' is not answered. "
            "Fix: add 'phase: [...]' with one or more of: pre-sale, post-sale",
            "data/roles/floor-sales.yml:14: role 'floor-sales' field 'profile.phse': unknown profile question 'phse'. "
            "Fix: did you mean 'phase'?",
        ),
    ),
    BadInput(
        "misspelled answer",
        ROLE,
        replace("[pre-sale]", "[pre-sales]"),
        (
            "data/roles/floor-sales.yml:14: role 'floor-sales' field 'profile.phase': unknown answer "
            "'pre-sales'. Fix: did you mean 'pre-sale'?",
        ),
    ),
    BadInput(
        "answer given twice",
        ROLE,
        replace("[pre-sale]", "[pre-sale, pre-sale]"),
        (
            "data/roles/floor-sales.yml:14: role 'floor-sales' field 'profile.phase': the answer 'pre-sale' "
            "is listed twice. Fix: remove the second one",
        ),
    ),
    BadInput(
        "question left without answers",
        ROLE,
        replace("[pre-sale]", "[]"),
        (
            "data/roles/floor-sales.yml:14: role 'floor-sales' field 'profile.phase': expected at least one answer, found none. "
            "Fix: use one or more of: pre-sale, post-sale",
        ),
    ),
    BadInput(
        "level not described",
        COMPETENCY,
        replace("  leader: Helps the team keep going.\n", ""),
        (
            "data/competencies/demonstrates-perseverance.yml:16: competency 'demonstrates-perseverance' field 'levels': "
            "the 'leader' level is not described. Fix: add 'leader:' under 'levels' with what the competency looks like at that level",
        ),
        complete=True,
    ),
    BadInput(
        "level that does not exist",
        COMPETENCY,
        replace("  leader: Helps the team keep going.", "  leadr: Helps the team keep going."),
        (
            "data/competencies/demonstrates-perseverance.yml:16: competency 'demonstrates-perseverance' field 'levels': "
            "the 'leader' level is not described. Fix: add 'leader:' under 'levels' with what the competency looks like at that level",
            "data/competencies/demonstrates-perseverance.yml:19: competency 'demonstrates-perseverance' field 'levels.leadr': "
            "unknown proficiency level 'leadr'. Fix: did you mean 'leader'?",
        ),
        complete=True,
    ),
    BadInput(
        "alias repeating the competency's own name",
        COMPETENCY,
        replace("aliases: []", "aliases: [Demonstrates Perseverance]"),
        (
            "data/competencies/demonstrates-perseverance.yml:3: competency 'demonstrates-perseverance' field 'aliases[0]': "
            "the alias 'Demonstrates Perseverance' repeats the competency's own name. Fix: remove it",
        ),
    ),
    # --- Checklists and hiring scorecards ---
    BadInput(
        "rating scale that skips a value",
        "assessment.yml",
        replace("  - value: 3\n", "  - value: 4\n"),
        (
            "data/assessment.yml:10: assessment field 'scale[2].value': expected 3 (the scale counts up from 1 in order), "
            "found 4. Fix: set 'value: 3' or reorder the scale",
        ),
        build=True,
    ),
    BadInput(
        "expected level tied to an unknown level",
        "assessment.yml",
        replace("  pre-sale: individual-contributor", "  pre-sale: individual"),
        (
            "data/assessment.yml:20: assessment field 'expected_level.pre-sale': unknown proficiency level 'individual'. "
            "Fix: did you mean 'individual-contributor'?",
        ),
    ),
    BadInput(
        "hiring trait weight out of range",
        "hiring-scorecard.yml",
        replace("weight: 3", "weight: 30"),
        (
            "data/hiring-scorecard.yml:7: hiring scorecard field 'traits[0].weight': expected a number of at most 10, "
            "found the number 30. Fix: correct the number",
        ),
    ),
    BadInput(
        "hiring scorecard file missing",
        "hiring-scorecard.yml",
        delete,
        ("data/hiring-scorecard.yml: the hiring scorecard file is missing. Fix: create data/hiring-scorecard.yml",),
    ),
]

# Input that looks unusual but is valid: each must load, and the edited value must read as intended.
ACCEPTED: list[tuple[str, str, Edit, Callable[..., object], object]] = [
    ("UTF-8 byte-order mark", ROLE, _prefixed(b"\xef\xbb\xbf"), lambda hb: hb.role["floor-sales"].name, "Floor Sales"),
    (
        "Windows line endings",
        COMPETENCY,
        _line_endings_crlf,
        lambda hb: hb.competency["demonstrates-perseverance"].behaviors[3].id,
        "asks-for-help",
    ),
    (
        "number forced to text",
        FAMILIES,
        replace("name: Sales", "name: !!str 42"),
        lambda hb: hb.family["sales"].name,
        "42",
    ),
    (
        "impossible date in a text field reads as the text",
        ROLE,
        replace("summary: Sells in a store.", "summary: 2024-02-31"),
        lambda hb: hb.role["floor-sales"].summary,
        "2024-02-31",
    ),
    (
        "quoted date",
        ROLE,
        replace("summary: Sells in a store.", "summary: '2024-02-31'"),
        lambda hb: hb.role["floor-sales"].summary,
        "2024-02-31",
    ),
    (
        "anchor used once",
        DIMENSIONS,
        replace("name: Drive", "name: &drive Drive"),
        lambda hb: hb.dimension["drive"].name,
        "Drive",
    ),
    (
        "case variant of a name as an alias",
        COMPETENCY,
        replace("aliases: []", "aliases: [Demonstrates perseverance]"),
        lambda hb: hb.competency["demonstrates-perseverance"].aliases,
        ("Demonstrates perseverance",),
    ),
]

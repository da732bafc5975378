"""The Roles and Hiring guides sheets: everything an author writes about a role, and how to hire for each competency."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, get_args

from ...errors import did_you_mean
from ...handbook import Handbook
from ...model import EvaluationMethod, MetricGroup
from .draft import Cell, Draft, Lookup, Sheet, lines, ordered, resolve_ids
from .tables import Table, header_key

PROFILE_PREFIX = "Profile: "  # a profile answer column is headed 'Profile: <question id>'
BUSINESS_COLUMNS = ("New business %", "Existing business %")
EVALUATION_METHODS: tuple[str, ...] = get_args(EvaluationMethod)
ANCHOR_COLUMNS = (("1", "Anchor 1"), ("5", "Anchor 5"), ("10", "Anchor 10"))


def _metrics_cell(metrics: Iterable[Any]) -> str:
    out: list[str] = []
    for metric in metrics:
        if isinstance(metric, MetricGroup):
            out += [metric.name, *(f"  - {part}" for part in metric.includes)]
        else:
            out.append(str(metric))
    return "\n".join(out)


def _parse_metrics(cell: str) -> tuple[list[Any], str]:
    """Metrics cell -> list of texts and {name, includes} groups; lines starting with '-' belong to the line above."""
    metrics: list[Any] = []
    for line in lines(cell):
        if line.startswith("-"):
            part = line[1:].strip()
            if not metrics:
                return [], f"the first line '{line}' is a sub-metric but there is no metric above it"
            if isinstance(metrics[-1], str):
                metrics[-1] = {"name": metrics[-1], "includes": []}
            metrics[-1]["includes"].append(part)
        else:
            metrics.append(line)
    return metrics, ""


def _quoted(values: Iterable[str]) -> str:
    items = [f"'{v}'" for v in values]
    return ", ".join(items[:-1]) + f" or {items[-1]}" if len(items) > 1 else "".join(items)


# ---------------------------------------------------------------------------------------------------- roles


def _profile_columns(hb: Handbook) -> tuple[str, ...]:
    return tuple(f"{PROFILE_PREFIX}{q.id}" for q in hb.mapping.questions)


def _questions(draft: Draft) -> list[dict[str, Any]]:
    mapping = draft.files.get("profile-mapping.yml")
    questions = mapping.get("questions") if isinstance(mapping, dict) else None
    return [q for q in questions or [] if isinstance(q, dict) and q.get("id")]


def _profile_keys(draft: Draft) -> set[str]:
    return {header_key(f"{PROFILE_PREFIX}{q['id']}") for q in _questions(draft)}


def _export_roles(hb: Handbook) -> list[tuple[str, list[str]]]:
    rows = []
    for r in hb.roles:
        mix = r.how_it_sells.business_mix
        profile = ["\n".join(r.profile.get(q.id, ())) for q in hb.mapping.questions]
        rows.append(
            (
                r.id,
                [
                    r.name,
                    hb.family[r.family].name,
                    r.summary,
                    _metrics_cell(r.metrics),
                    "\n".join(r.titles),
                    "\n".join(r.responsibilities),
                    str(mix.new) if mix else "",
                    str(mix.existing) if mix else "",
                    r.how_it_sells.sales_cycle or "",
                    r.how_it_sells.buyer_approach or "",
                    *profile,
                    r.id,
                ],
            )
        )
    return rows


_ROLE_ORDER = ("id", "name", "family", "summary", "responsibilities", "how_it_sells", "metrics", "titles", "competencies", "profile")


def _percent(sheet: Sheet, draft: Draft, row_number: int, column: str, typed: str) -> int | None:
    """A whole percentage from 0 to 100 ('70' or '70%'), or a problem on its cell."""
    match = re.fullmatch(r"(\d{1,3})(?:\.0+)?\s*%?", typed)
    if match and int(match.group(1)) <= 100:
        return int(match.group(1))
    draft.problem(sheet, row_number, column, f"expected a whole number from 0 to 100, found '{typed}'", "write a percentage such as 70")
    return None


def _apply_how_it_sells(sheet: Sheet, table: Table, draft: Draft, row: Any, record: dict[str, Any]) -> None:
    """Business mix, sales cycle and buyer approach from their columns; a column left out keeps what the role had."""
    sells = dict(record.get("how_it_sells") or {})
    if all(table.has(c) for c in BUSINESS_COLUMNS):
        typed = [row.get(c) for c in BUSINESS_COLUMNS]
        if not any(typed):
            sells.pop("business_mix", None)
        elif not all(typed):
            empty = BUSINESS_COLUMNS[typed.index("")]
            fix = "write both, adding up to 100, or clear both"
            draft.problem(sheet, row.number, empty, "the business mix needs both percentages", fix)
        else:
            new, existing = (_percent(sheet, draft, row.number, c, t) for c, t in zip(BUSINESS_COLUMNS, typed, strict=True))
            if new is not None and existing is not None:
                sells["business_mix"] = {"new": new, "existing": existing}
    for key, column in (("sales_cycle", "Sales cycle"), ("buyer_approach", "Buyer approach")):
        if table.has(column):
            if row.get(column):
                sells[key] = row.get(column)
            else:
                sells.pop(key, None)
    if sells or "how_it_sells" in record:
        record["how_it_sells"] = ordered(sells, ("business_mix", "sales_cycle", "buyer_approach"))


def _apply_profile(sheet: Sheet, table: Table, draft: Draft, row: Any, record: dict[str, Any], is_new: bool) -> dict[str, str]:
    """The role's profile answers from the 'Profile: <question>' columns; returns field path -> column for error mapping."""
    profile = dict(record.get("profile") or {})
    cells: dict[str, str] = {}
    missing: list[str] = []
    for question in _questions(draft):
        question_id = str(question["id"])
        column = f"{PROFILE_PREFIX}{question_id}"
        header = next((h for h in table.headers if header_key(h) == header_key(column)), None)
        answers = [a for a in question.get("answers") or [] if isinstance(a, dict)]
        allowed = [str(a.get("id")) for a in answers]
        fix_values = f"write one or more of {_quoted(allowed)}, one per line"
        cells[f"profile.{question_id}"] = header or column
        if header is None:
            if is_new:
                missing.append(column)
                draft.problem(sheet, row.number, column, f"a new role needs an answer to the profile question '{question_id}'", fix_values)
            continue
        by_key = {" ".join(str(a.get(k, "")).split()).lower(): str(a.get("id")) for a in answers for k in ("label", "id")}
        chosen: list[str] = []
        for typed in lines(row.get(header)):
            answer = by_key.get(" ".join(typed.split()).lower())
            if answer is None:
                guess = did_you_mean(typed, allowed)
                fix = f"did you mean '{guess}'?" if guess else fix_values
                draft.problem(sheet, row.number, header, f"'{typed}' is not an answer to the profile question '{question_id}'", fix)
            elif answer not in chosen:
                chosen.append(answer)
        if not row.get(header):
            missing.append(header)
            draft.problem(sheet, row.number, header, f"the profile question '{question_id}' is not answered", fix_values)
        profile[question_id] = chosen
    record["profile"] = profile
    cells["profile"] = missing[0] if missing else next(iter(cells.values()), "Role")
    return cells


def _apply_roles(sheet: Sheet, table: Table, draft: Draft) -> None:
    current = draft.records("roles/*.yml")
    families = Lookup(draft.listed("families.yml"))
    kept = set()
    for row, record_id in resolve_ids(sheet, table, draft, "Role", current):
        kept.add(record_id)
        record = dict(current.get(record_id, {"competencies": []}))
        typed_family = row.get("Family")
        family = families(typed_family) if typed_family else ""
        if typed_family and family is None:
            draft.problem(sheet, row.number, "Family", f"unknown family '{typed_family}'", families.suggest(typed_family))
        metrics, metrics_error = _parse_metrics(row.get("Metrics"))
        if metrics_error:
            draft.problem(sheet, row.number, "Metrics", metrics_error, "put the metric's name on the line above its '- ' lines")
        record.update(id=record_id, name=row.get("Role"), family=family or typed_family, summary=row.get("Summary"))
        for key, values in (("metrics", metrics), ("titles", lines(row.get("Titles")))):
            if values or key in record:
                record[key] = values
        if table.has("Responsibilities") or record_id not in current:
            record["responsibilities"] = lines(row.get("Responsibilities"))
        _apply_how_it_sells(sheet, table, draft, row, record)
        cells = {"": "Role", "name": "Role", "family": "Family", "summary": "Summary", "metrics": "Metrics", "titles": "Titles"}
        cells |= {"id": "Id" if table.has("Id") else "Role", "responsibilities": "Responsibilities"}
        cells |= {"how_it_sells": "Buyer approach", "how_it_sells.sales_cycle": "Sales cycle"}
        cells |= {"how_it_sells.buyer_approach": "Buyer approach"}
        cells |= {"how_it_sells.business_mix": BUSINESS_COLUMNS[0], "how_it_sells.business_mix.existing": BUSINESS_COLUMNS[1]}
        cells |= _apply_profile(sheet, table, draft, row, record, record_id not in current)
        draft.origin("role", record_id).cells.update({path: Cell(sheet.name, row.number, col) for path, col in cells.items()})
        draft.files[f"roles/{record_id}.yml"] = ordered(record, _ROLE_ORDER)
    for record_id in current:
        if record_id not in kept:
            draft.files[f"roles/{record_id}.yml"] = None  # a row deleted from the sheet deletes the role
    draft.counts["roles"] = len(kept)


ROLES = Sheet(
    "Roles",
    ("Role", "Family", "Summary", "Metrics", "Titles"),
    ("Responsibilities", *BUSINESS_COLUMNS, "Sales cycle", "Buyer approach", "Id"),
    _export_roles,
    _apply_roles,
    dynamic=_profile_columns,
    insert_dynamic_at=10,
    dynamic_keys=_profile_keys,
    dynamic_words=f"one column per profile-mapping question, headed '{PROFILE_PREFIX}' and the question's id",
    new_rows=("Responsibilities",),
    dynamic_new=True,
    values=(
        ("Family", "a family's name or id"),
        ("Responsibilities", "at least one, one per line"),
        ("New business %, Existing business %", "whole numbers adding up to 100, or both empty"),
        (f"{PROFILE_PREFIX}<question id>", "one or more of the question's answers (id or label), one per line"),
    ),
)


# ---------------------------------------------------------------------------------------------------- hiring guides


def _export_hiring(hb: Handbook) -> list[tuple[str, list[str]]]:
    rows = []
    for c in hb.competencies:
        if c.hiring is None:
            continue
        anchors = [c.hiring.anchors[int(value)] for value, _ in ANCHOR_COLUMNS]
        rows.append((c.id, [c.name, *anchors, "\n".join(c.hiring.evaluate_by), "\n".join(c.hiring.questions)]))
    return rows


def _apply_hiring(sheet: Sheet, table: Table, draft: Draft) -> None:
    competencies = draft.records("competencies/*.yml")
    lookup = Lookup(competencies.values(), ("name", "aliases"))
    methods = {" ".join(m.replace("-", " ").split()): m for m in EVALUATION_METHODS}
    seen: dict[str, int] = {}
    for row in table.rows:
        typed = row.get("Competency")
        competency_id = lookup(typed) if typed else None
        if not typed:
            draft.problem(sheet, row.number, "Competency", "the competency is empty", "name the competency this guide is for")
            continue
        if competency_id is None:
            draft.problem(sheet, row.number, "Competency", f"unknown competency '{typed}'", lookup.suggest(typed))
            continue
        if competency_id in seen:
            fix = "keep one row per competency"
            draft.problem(sheet, row.number, "Competency", f"'{typed}' already has a hiring guide on row {seen[competency_id]}", fix)
            continue
        seen[competency_id] = row.number
        evaluate_by: list[str] = []
        for method in lines(row.get("Evaluate by")):
            known = methods.get(" ".join(method.lower().replace("-", " ").split()))
            if known is None:
                guess = did_you_mean(method, list(EVALUATION_METHODS))
                fix = f"did you mean '{guess}'?" if guess else f"use {_quoted(EVALUATION_METHODS)}, one per line"
                draft.problem(sheet, row.number, "Evaluate by", f"unknown way to evaluate '{method}'", fix)
            elif known not in evaluate_by:
                evaluate_by.append(known)
        guide = dict(competencies[competency_id].get("hiring") or {})
        guide |= {
            "anchors": {int(value): row.get(column) for value, column in ANCHOR_COLUMNS},
            "evaluate_by": evaluate_by,
            "questions": lines(row.get("Questions")),
        }
        competencies[competency_id]["hiring"] = guide
        cells = {"hiring": "Competency", "hiring.anchors": "Anchor 1", "hiring.evaluate_by": "Evaluate by", "hiring.questions": "Questions"}
        cells |= {f"hiring.anchors[{value}]": column for value, column in ANCHOR_COLUMNS}  # int keys: the path says [5]
        draft.origin("competency", competency_id).cells.update({p: Cell(sheet.name, row.number, c) for p, c in cells.items()})
    for competency_id, record in competencies.items():
        if competency_id not in seen:
            record.pop("hiring", None)  # a row deleted from the sheet deletes the guide
            draft.origin("competency", competency_id).cells["hiring"] = Cell(sheet.name, 0, "Competency")
    draft.counts["hiring guides"] = len(seen)


HIRING_GUIDES = Sheet(
    "Hiring guides",
    ("Competency", "Anchor 1", "Anchor 5", "Anchor 10", "Evaluate by", "Questions"),
    (),
    _export_hiring,
    _apply_hiring,
    values=(
        ("Competency", "a competency's name, alias or id; one row per competency"),
        ("Anchor 1, Anchor 5, Anchor 10", "what a candidate scoring 1, 5 and 10 looks like"),
        ("Evaluate by", f"one or more of {_quoted(EVALUATION_METHODS)}, one per line"),
        ("Questions", "at least one interview question, one per line"),
    ),
)

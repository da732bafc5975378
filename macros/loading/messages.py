"""Turn parsed documents into typed models, translating every validation error for authors."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problems, Subject, did_you_mean
from ..model import FORBIDDEN_VALUES
from .yaml_reader import Document, dotted_path

# Union member tags that pydantic puts into error locations; authors never wrote them.
_UNION_TAGS = {"metric-text", "metric-group"}
_COUNT_NOUNS = {"behaviors": "behaviors", "answers": "answers", "competencies": "competencies"}
_COUNT_NOUNS.update(
    {"days": "days", "sessions": "sessions", "weeks": "weeks", "scores": "scores", "questions": "questions", "roles": "roles"}
)
# Training: what to do about a number out of range, for fields where "correct the number" says too little.
_RANGE_FIXES = {"duration": "write the session's length in minutes, from 1 to 240; split a longer block into several sessions"}
# Training: a clearer fix than "add items" when a part of a curriculum or rubric is empty.
_EMPTY_FIXES = {
    "days": "add a day with its sessions under 'days:', or remove the empty week",
    "sessions": "add the day's sessions under 'sessions:', or remove the empty day",
    "scores": "describe what earns each score, e.g. '1:', '3:' and '5:' lines under 'scores:'",
}
_SINGULAR = {"behaviors": "behavior", "answers": "answer", "competencies": "competency", "items": "item"}


def slugify(text: str) -> str:
    """Kebab-case a name the way ids and URLs are formed: 'Networks Effectively' -> 'networks-effectively'."""
    text = "".join(ch for ch in str(text) if unicodedata.category(ch) != "Cf")  # zero-width characters vanish, not split
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _visible(text: str) -> str:
    """Show invisible characters (zero-width, no-break spaces, controls) as <U+200B> so an author can find them."""
    return "".join(f"<U+{ord(ch):04X}>" if (unicodedata.category(ch) in ("Cf", "Cc", "Zs") and ch != " ") else ch for ch in text)


def describe(value: Any) -> str:
    """Name a found value the way an author sees it in YAML."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = _visible(value if len(value) <= 60 else value[:57] + "...")
        return f"'{shown}'" if value.strip() else "empty text"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return "a mapping (key: value lines)"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return f"the date {value.isoformat()}"
    return type(value).__name__


def _owner_model(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The (sub)model whose field `loc` points into, following nested models through lists and unions."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        current = _first_model(field.annotation) if field is not None else None
        if current is None:
            return None
    return current


def _field_names(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Allowed field names of the (sub)model that owns `loc`, for did-you-mean on unknown keys."""
    owner = _owner_model(model, loc)
    return list(owner.model_fields) if owner is not None else []


def _first_model(annotation: Any) -> Any:
    """The first pydantic model inside a type annotation (tuple[Behavior, ...] -> Behavior), or None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _first_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)  # Annotated[X, ...] keeps X here, not in __args__
    if origin is not None and origin is not annotation:
        return _first_model(origin)
    return None


def _translate(error: dict[str, Any], model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[str, str]:
    """Expected-versus-found message and a fix for one pydantic error."""
    kind = error["type"]
    found = error.get("input")
    ctx = error.get("ctx") or {}
    name = next((str(p) for p in reversed(loc) if not isinstance(p, int)), "")
    if kind == "missing":
        return f"required field '{name}' is missing", f"add '{name}:' with a value to this record"
    if kind == "extra_forbidden":
        allowed = _field_names(model, loc[:-1])
        guess = did_you_mean(name, allowed)
        fix = f"did you mean '{guess}'?" if guess else "remove it"
        return f"unknown field '{name}' (allowed: {', '.join(allowed)})", fix
    if kind in ("too_short", "too_long"):
        actual = ctx.get("actual_length", len(found) if hasattr(found, "__len__") else "?")
        bounds = _bounds(model, loc)
        noun = _COUNT_NOUNS.get(name, "items")
        if bounds[0] == 1 and not bounds[1]:
            noun = _SINGULAR.get(noun, noun)  # "at least 1 competency", not "1 competencies"
        expected = f"{bounds[0]} to {bounds[1]} {noun}" if bounds[1] else f"at least {bounds[0]} {noun}"
        if bounds[0] == bounds[1] and name == "anchors":
            given = ", ".join(str(k) for k in found) if isinstance(found, dict) else "?"
            return f"expected anchors for exactly 1, 5 and 10, found {given or 'none'}", "describe what a 1, a 5 and a 10 look like"
        if bounds[0] == bounds[1]:
            expected = f"exactly {bounds[0]} {noun}"
        if kind == "too_short" and actual == 0 and name in _EMPTY_FIXES:
            fix = _EMPTY_FIXES[name]
        elif kind == "too_short":
            fix = f"add {noun} until there are at least {bounds[0]}" if bounds[0] != 1 else f"add at least one {noun}"
        else:
            fix = f"keep the {bounds[1]} that matter most, or split the record in two"
        return f"expected {expected}, found {actual}", fix
    if kind == "string_too_short":
        return "expected text, found empty text", "write the text (or remove the field if it is optional)"
    if kind == "string_too_long":
        return f"expected at most {ctx.get('max_length')} characters, found {len(str(found))}", "shorten it"
    if kind == "string_type":
        return (
            f"expected text, found {describe(found)}",
            "write text here; put it in quotes if it looks like a number, a date or true/false",
        )
    if kind == "string_pattern_mismatch":
        return (
            f"expected a kebab-case id (lowercase letters, digits and single hyphens), found {describe(found)}",
            f"use '{slugify(found)}'" if slugify(found) else "use lowercase words joined by hyphens",
        )
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        options = re.findall(r"'([^']*)'|(\d+)", expected)
        choices = [a or b for a, b in options]
        if isinstance(found, str) and found in [number for _, number in options if number]:  # '1' written for 1
            return f"expected one of {expected}, found the text {describe(found)}", f"write {found} without quotes"
        if (name, found) in FORBIDDEN_VALUES:
            return FORBIDDEN_VALUES[(name, found)], f"use one of: {', '.join(choices)}"
        guess = did_you_mean(str(found), choices)
        return f"expected one of {expected}, found {describe(found)}", f"did you mean '{guess}'?" if guess else f"use one of {expected}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, found {describe(found)}", "write a number without quotes"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"expected a number {_range_text(ctx)}, found {describe(found)}", _RANGE_FIXES.get(name, "correct the number")
    if kind in ("tuple_type", "list_type"):
        return f"expected a list (one '- ' line per item), found {describe(found)}", "write each item on its own line starting with '- '"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of fields (key: value lines), found {describe(found)}", "indent the fields under this key"
    # Cohort dates.
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        if isinstance(found, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", found.strip()):
            return f"'{found}' is not a date in the calendar", "check the day and the month (YYYY-MM-DD)"
        return f"expected a date written YYYY-MM-DD, found {describe(found)}", "write the date as YYYY-MM-DD, without quotes"
    if kind == "value_error":
        message, _, fix = str(ctx.get("error", error["msg"])).partition(" Fix: ")  # a validator may name its own fix
        return message, fix or "correct the values"
    return f"{error['msg']}, found {describe(found)}", "correct the value"


def _range_text(ctx: dict[str, Any]) -> str:
    if "ge" in ctx:
        return f"of at least {ctx['ge']}"
    if "le" in ctx:
        return f"of at most {ctx['le']}"
    if "gt" in ctx:
        return f"above {ctx['gt']}"
    return f"below {ctx.get('lt')}"


def _bounds(model: type[BaseModel], loc: tuple[Any, ...]) -> tuple[int, int | None]:
    """Min and max length declared on the list field at `loc`."""
    owner = _owner_model(model, loc[:-1])
    field = owner.model_fields.get(loc[-1]) if owner is not None else None
    low, high = 0, None
    for meta in getattr(field, "metadata", []):
        low = getattr(meta, "min_length", None) or low
        high = getattr(meta, "max_length", None) or high
    return (low, high)


def validate_record(
    model: type[BaseModel],
    raw: Any,
    doc: Document,
    base: tuple[Any, ...],
    label: Subject,
    problems: Problems,
) -> BaseModel | None:
    """Validate one raw record; on failure add one problem per error and return None."""
    if not isinstance(raw, dict):
        problems.add(
            doc.file,
            doc.line_of(base),
            label,
            "",
            f"expected a mapping of fields (key: value lines), found {describe(raw)}",
            "write the record as 'field: value' lines",
        )
        return None
    try:
        record = model.model_validate(raw)
    except ValidationError as exc:
        errors = [{**e, "loc": tuple(p for p in e["loc"] if p not in _UNION_TAGS and p != "[key]")} for e in exc.errors()]
        # A list whose items failed is also reported as too short; the item errors say more.
        item_failed = {e["loc"][:-1] for e in errors if len(e["loc"]) > 1}
        for error in errors:
            loc = error["loc"]
            if error["type"] == "too_short" and any(parent[: len(loc)] == loc for parent in item_failed):
                continue
            message, fix = _translate(error, model, loc)
            problems.add(doc.file, doc.line_of((*base, *loc)), label, dotted_path(loc), message, fix)
        return None
    # Bad-input hardening: ids of nested records (behaviors, questions, answers ...) must be unique in their list.
    repeated = list(repeated_ids(record))
    for loc, first, record_id, noun in repeated:
        problems.add(
            doc.file,
            doc.line_of((*base, *loc, "id")),
            label,
            dotted_path((*loc, "id")),
            f"duplicate {noun} id '{record_id}' (already used on line {doc.line_of((*base, *first, 'id'))})",
            _REPEATED_ID_FIXES.get(noun, f"give each {noun} its own id"),
        )
    return None if repeated else record


# Where a nested id is used elsewhere, say why it must be unique.
_REPEATED_ID_FIXES = {"session": "give each session of a curriculum its own id: it is the session's link anchor and calendar entry"}


def repeated_ids(record: BaseModel, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], tuple[Any, ...], str, str]]:
    """(location, first location, id, noun) of every nested record whose id repeats an earlier one in the same list, at any depth."""
    for name, value in record:
        if not isinstance(value, tuple):
            continue
        seen: dict[str, tuple[Any, ...]] = {}
        for index, item in enumerate(value):
            if not isinstance(item, BaseModel):
                continue
            item_id = getattr(item, "id", None)
            if isinstance(item_id, str) and item_id in seen:
                yield (*loc, name, index), seen[item_id], item_id, name.removesuffix("s")
            elif isinstance(item_id, str):
                seen[item_id] = (*loc, name, index)
            yield from repeated_ids(item, (*loc, name, index))


def record_label(kind: str, raw: Any, index: int | None = None) -> Subject:
    """The record a message is about: role 'account-management', or dimension #3 when it has no id."""
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return Subject(kind, raw["id"])
    return Subject(kind, "", index + 1 if index is not None else None)

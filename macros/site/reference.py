"""The author's data reference, read from the models themselves: every kind of file, its fields, their types and rules.

Plain data for a template: nothing here knows about MkDocs or HTML. Because the tables come from the same pydantic
models that validate the data (and the workbook contract from the same sheet list that imports it), the reference
cannot drift from the code.
"""

from __future__ import annotations

import functools
import re
import types
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from ..authoring.workbook import SHEETS
from ..handbook import Handbook
from ..handbook.schedule import BREAK_MINUTES, LUNCH_MINUTES, MAX_DAY_MINUTES
from ..loading.kinds import KINDS, Kind
from ..loading.yaml_reader import MAX_DEPTH, MAX_FILE_BYTES
from ..model import ACTION_VERBS, Id, Ref
from ..model.evidence import Period
from ..model.training import ClockTime

# How a layout is said to an author.
LAYOUTS = {
    "list": "one file holding a list of records",
    "file": "one record per file; the file name is the record's id",
    "single": "one file holding a single record",
}
_ID_PATTERN = next(m.pattern for m in get_args(Id)[1:] if isinstance(m, StringConstraints))
_CLOCK_PATTERN = next(m.pattern for m in get_args(ClockTime)[1:] if isinstance(m, StringConstraints))
_PERIOD_PATTERN = next(m.pattern for m in get_args(Period)[1:] if isinstance(m, StringConstraints))
ID_MAX_LENGTH = next(m.max_length for m in get_args(Id)[1:] if isinstance(m, StringConstraints))


@dataclass(frozen=True)
class KindLink:
    """A kind of record a field's value names, and the link to its section ('' when it has no section of its own)."""

    name: str
    href: str  # '#anchor' on the same page, 'page.md#anchor' on another authors' page


@dataclass(frozen=True)
class FieldType:
    """A field's type in an author's words, with what it names, its allowed values, limits and nested tables."""

    words: str  # "text", "list of competency ids", "whole number"
    names: tuple[KindLink, ...] = ()  # the kinds whose records the value names
    allowed: tuple[str, ...] = ()  # a closed vocabulary, as written in the data
    limits: tuple[str, ...] = ()  # "1 to 240", "at least 4 entries"
    nested: tuple[str, ...] = ()  # anchors of the tables that describe the nested records


@dataclass(frozen=True)
class FieldRow:
    """One field of a record: its YAML key, type, whether it must be written (or its default) and what it holds."""

    name: str
    type: FieldType
    required: bool
    default: str  # what an omitted optional field means; '' for required fields
    description: str


@dataclass(frozen=True)
class RecordTable:
    """The fields of one model: a kind's record itself, or a record nested in it (a role's `how_it_sells`)."""

    anchor: str
    path: tuple[str, ...]  # the keys leading to it from the kind's record; () for the record itself
    summary: str  # the model's docstring
    fields: tuple[FieldRow, ...]
    model: str  # the model's class name, for tests and tooling


@dataclass(frozen=True)
class KindReference:
    """One kind of data file: where it lives, how it is laid out, and the tables of its record and nested records."""

    name: str
    anchor: str
    pattern: str
    layout: str
    required: bool  # the handbook cannot be built without this file
    tables: tuple[RecordTable, ...]  # the record first, then nested records in the order their fields come


@dataclass(frozen=True)
class SheetReference:
    """One sheet of the workbook contract: its name, the columns it must have and the ones the export adds."""

    name: str
    required: tuple[str, ...]
    dynamic: tuple[str, ...]  # columns that depend on the data (one per proficiency level or profile question)
    dynamic_words: str  # what the dynamic columns are, in words
    dynamic_required: bool  # whether the dynamic columns are among the ones a sheet must have
    optional: tuple[str, ...]
    new_rows: tuple[str, ...]  # optional columns (dynamic ones included) a row adding a record must fill
    values: tuple[tuple[str, str], ...]  # (column, what it accepts)


def anchor(*parts: str) -> str:
    """An HTML id made of lowercase words and hyphens: ('role', 'how_it_sells') -> 'role-how-it-sells'."""
    return re.sub(r"[^a-z0-9]+", "-", "-".join(parts).lower()).strip("-")


def _summary(model: type[BaseModel]) -> str:
    """A model's docstring as one line."""
    return " ".join((model.__doc__ or "").split())


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Split nested `Annotated[...]` layers into the bare type and all of their metadata, outermost last."""
    metadata: list[Any] = []
    while get_origin(annotation) is Annotated:
        base, *extra = get_args(annotation)
        metadata = [*extra, *metadata]
        annotation = base
    return annotation, metadata


def _constraints(metadata: list[Any]) -> dict[str, Any]:
    """Bounds from field metadata (annotated-types objects, or a FieldInfo nested in an Annotated alias) by name."""
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, FieldInfo):
            found.update(_constraints(list(item.metadata)))
        for name in ("ge", "gt", "le", "lt", "min_length", "max_length"):
            value = getattr(item, name, None)
            if value is not None and isinstance(item, annotated_types.BaseMetadata):
                found[name] = value
    return found


def _number_limits(bounds: dict[str, Any], whole: bool) -> tuple[str, ...]:
    """'1 to 240', 'at least 1', 'at most 10' from ge/gt/le/lt bounds (whole numbers turn 'more than 0' into 'at least 1')."""
    low = bounds.get("ge")
    high = bounds.get("le")
    if "gt" in bounds:
        low = bounds["gt"] + 1 if whole else None
    if "lt" in bounds:
        high = bounds["lt"] - 1 if whole else None
    words: list[str] = []
    if low is not None and high is not None:
        words.append(f"{_number(low)} to {_number(high)}")
    elif low is not None:
        words.append(f"at least {_number(low)}")
    elif high is not None:
        words.append(f"at most {_number(high)}")
    if not whole and "gt" in bounds:
        words.append(f"more than {_number(bounds['gt'])}")
    if not whole and "lt" in bounds:
        words.append(f"less than {_number(bounds['lt'])}")
    return tuple(words)


def _number(value: Any) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _count_limits(bounds: dict[str, Any]) -> tuple[str, ...]:
    """'at least 1 entry', '4 to 7 entries', 'exactly 3 entries' from min_length and max_length."""
    low, high = bounds.get("min_length"), bounds.get("max_length")

    def entries(count: int) -> str:
        return f"{count} {'entry' if count == 1 else 'entries'}"

    if low is not None and low == high:
        return (f"exactly {entries(low)}",)
    if low is not None and high is not None:
        return (f"{low} to {entries(high)}",)
    if low is not None:
        return (f"at least {entries(low)}",)
    if high is not None:
        return (f"at most {entries(high)}",)
    return ()


def _plural(words: str) -> str:
    """'competency id' -> 'competency ids'; text and dates stay as they are ('list of text')."""
    if words.endswith(" id") or words == "id":
        return words + "s"
    if words == "one of the allowed values":
        return "allowed values"
    if words.endswith(" record"):
        return words + "s"
    return words


class _Walker:
    """Turns one kind's model tree into tables, collecting nested models as it meets them."""

    def __init__(self, kind: Kind, kind_anchors: dict[str, str]) -> None:
        self.kind = kind
        self.kind_anchors = kind_anchors
        self.tables: list[RecordTable] = []
        self.seen: set[type[BaseModel]] = set()

    def table(self, model: type[BaseModel], path: tuple[str, ...]) -> str:
        """Describe a model (once per kind) and return its table's anchor."""
        table_anchor = anchor(self.kind.name, *path) if path else anchor(self.kind.name, "fields")
        if model in self.seen:
            return next(t.anchor for t in self.tables if t.model == model.__name__)
        self.seen.add(model)
        index = len(self.tables)
        self.tables.append(RecordTable(table_anchor, path, _summary(model), (), model.__name__))
        rows = tuple(self.field(name, info, path) for name, info in model.model_fields.items())
        self.tables[index] = RecordTable(table_anchor, path, _summary(model), rows, model.__name__)
        return table_anchor

    def field(self, name: str, info: FieldInfo, path: tuple[str, ...]) -> FieldRow:
        """One row: the field's type from its annotation plus the metadata pydantic moved onto the FieldInfo."""
        field_type = self.type(Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation, (*path, name))
        required = info.is_required()
        description = info.description or ""
        if not description and field_type.nested:
            model = _model_in(info.annotation)
            description = _summary(model) if model else ""
        return FieldRow(name, field_type, required, "" if required else _default(info.default), description)

    def type(self, annotation: Any, path: tuple[str, ...]) -> FieldType:
        """A type annotation in author words."""
        base, metadata = _unwrap(annotation)
        bounds = _constraints(metadata)
        ref = next((m for m in metadata if isinstance(m, Ref)), None)
        strings = next((m for m in metadata if isinstance(m, StringConstraints)), None)
        origin = get_origin(base)
        if ref is not None:
            links = tuple(KindLink(kind, self.kind_anchors.get(kind, "")) for kind in ref.kinds)
            if ref.kinds == ("behavior",) and ref.within:
                return FieldType(f"behavior id, of the competency named in the field {ref.within}", names=links)
            if ref.kinds == ("behavior",):
                # Named as 'competency-id/behavior-id': the competency's file name, then the behavior's id in it.
                names = (KindLink("competency", self.kind_anchors["competency"]), *links)
                return FieldType("behavior, written competency-id/behavior-id", names=names)
            return FieldType(f"{ref.label} id", names=links)
        if origin is Literal:
            return FieldType("one of the allowed values", allowed=tuple(str(v) for v in get_args(base)))
        if origin is tuple:
            item = self.type(get_args(base)[0], path)
            return FieldType(
                f"list of {_plural(item.words)}",
                item.names,
                item.allowed,
                _count_limits(bounds) + item.limits,
                item.nested,
            )
        if origin is dict:
            key, value = (self.type(arg, path) for arg in get_args(base))
            key_words = ", ".join(key.allowed) if key.allowed else key.words
            return FieldType(
                f"map of {key_words} to {value.words}",
                key.names + value.names,
                value.allowed,
                _count_limits(bounds) + value.limits,
                value.nested,
            )
        if origin is Union or origin is types.UnionType:
            options = [arg for arg in get_args(base) if arg is not type(None)]
            described = [self.type(option, path) for option in options]
            if len(described) == 1:
                return described[0]
            return FieldType(
                " or ".join(d.words for d in described),
                tuple(n for d in described for n in d.names),
                tuple(a for d in described for a in d.allowed),
                tuple(limit for d in described for limit in d.limits),
                tuple(n for d in described for n in d.nested),
            )
        if isinstance(base, type) and issubclass(base, BaseModel):
            return FieldType(_model_words(base), nested=(self.table(base, path),))
        if base is bool:
            return FieldType("yes or no")
        if base is int:
            return FieldType("whole number", limits=_number_limits(bounds, whole=True))
        if base is float:
            return FieldType("number", limits=_number_limits(bounds, whole=False))
        if base is date:
            return FieldType("date, written YYYY-MM-DD")
        if base is str:
            return _string_type(strings)
        return FieldType(getattr(base, "__name__", str(base)))


def _string_type(strings: StringConstraints | None) -> FieldType:
    """Text, an id, or text in a fixed form (a time of day)."""
    if strings is not None and strings.pattern == _ID_PATTERN:
        return FieldType("id")
    if strings is not None and strings.pattern == _CLOCK_PATTERN:
        return FieldType("time of day, written HH:MM in quotes")
    if strings is not None and strings.pattern == _PERIOD_PATTERN:
        return FieldType("period, written YYYY-MM (a month) or YYYY-Qn (a quarter)")
    if strings is not None and strings.pattern:
        return FieldType(f"text matching {strings.pattern}")
    return FieldType("text")


def _model_words(model: type[BaseModel]) -> str:
    """A nested model's name in words: HowItSells -> 'how it sells record'."""
    return " ".join(re.findall(r"[A-Z][a-z]*|[a-z]+", model.__name__)).lower() + " record"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, directly, in a list or as an option (None for plain values)."""
    base, _ = _unwrap(annotation)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return base
    for arg in get_args(base):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _default(value: Any) -> str:
    """What leaving an optional field out means, in words."""
    if value is None:
        return "not set"
    if value == ():
        return "empty list"
    if isinstance(value, BaseModel):
        return "empty"
    return str(value)


# The data reference is split by domain (the model module a kind's record comes from), one authors' page each, so
# that no page outgrows a phone; links between kinds on different pages carry the other page's file name.
DOMAIN_PAGES = {
    "core": "data-reference.md",
    "training": "training-data.md",
    "playbook": "playbook-data.md",
    "evidence": "evidence-data.md",
}


def domain(kind: Kind) -> str:
    """The domain a kind belongs to: the model module of its record ('core', 'training', 'playbook' or 'evidence')."""
    return kind.model.__module__.rsplit(".", 1)[-1]


@functools.cache
def data_reference(domain_name: str = "core") -> tuple[KindReference, ...]:
    """The kinds of data file of one domain, in registry order, with the tables of their fields."""
    anchors = {kind.name: anchor(kind.name) for kind in KINDS}
    # Records that other records name but that live inside another kind's file: link to their nested table.
    anchors["profile question"] = anchor("profile mapping", "questions")
    anchors["behavior"] = anchor("competency", "behaviors")
    pages = {kind.name: DOMAIN_PAGES[domain(kind)] for kind in KINDS}
    pages["profile question"] = pages["profile mapping"]
    pages["behavior"] = pages["competency"]
    here = DOMAIN_PAGES[domain_name]
    hrefs = {name: f"{'' if pages[name] == here else pages[name]}#{value}" for name, value in anchors.items()}
    kinds = []
    for kind in KINDS:
        if domain(kind) != domain_name:
            continue
        walker = _Walker(kind, hrefs)
        walker.table(kind.model, ())
        kinds.append(KindReference(kind.name, anchors[kind.name], kind.pattern, LAYOUTS[kind.layout], kind.required, tuple(walker.tables)))
    return tuple(kinds)


def data_rules() -> dict[str, Any]:
    """Limits every data file shares and the action verbs of learning objectives, read from the code that enforces them."""
    return {
        "id_max_length": ID_MAX_LENGTH,
        "max_file_kb": MAX_FILE_BYTES // 1024,
        "max_depth": MAX_DEPTH,
        "max_day_minutes": MAX_DAY_MINUTES,
        "break_minutes": BREAK_MINUTES,
        "lunch_minutes": LUNCH_MINUTES,
        "action_verbs": tuple(sorted(ACTION_VERBS)),
    }


def workbook_reference(handbook: Handbook) -> tuple[SheetReference, ...]:
    """The workbook contract's sheets in import order, with this handbook's proficiency-level and profile-question columns."""
    return tuple(
        SheetReference(
            sheet.name,
            sheet.required,
            sheet.dynamic(handbook),
            sheet.dynamic_words,
            sheet.dynamic_required,
            sheet.optional,
            (*sheet.new_rows, *(sheet.dynamic(handbook) if sheet.dynamic_new else ())),
            sheet.values,
        )
        for sheet in SHEETS
    )

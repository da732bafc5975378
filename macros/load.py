"""Read YAML data files once, keeping the line of every node and rejecting duplicate keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .problems import Problems

# libyaml's C parser when PyYAML was built with it; the pure-Python one is ten times slower.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 1024 * 1024
Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Document:
    """One parsed data file: its plain data plus the 1-based line of every node path."""

    file: str
    data: Any
    lines: dict[Path_, int]

    def line_of(self, path: Path_) -> int:
        """Line of the deepest node on `path` that exists in the file."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


class _NodeReader:
    """Turns a composed node tree into Python data, recording positions and duplicate keys."""

    def __init__(self, file: str, problems: Problems):
        self.file = file
        self.problems = problems
        self.lines: dict[Path_, int] = {}
        self.constructor = yaml.SafeLoader("")  # only its scalar constructors are used

    def read(self, node: Node, path: Path_) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.read(key_node, (*path, "<key>")) if not isinstance(key_node, ScalarNode) else self._scalar(key_node)
                if not isinstance(key, (str, int, bool)) or isinstance(key, bool):
                    self.problems.add(
                        self.file,
                        key_node.start_mark.line + 1,
                        "",
                        dotted_path(path),
                        f"expected a plain text key, found {type(key).__name__} {key!r}",
                        "write the key as a word followed by a colon",
                    )
                    continue
                if key in result:
                    first = self.lines.get((*path, key), 0)
                    self.problems.add(
                        self.file,
                        key_node.start_mark.line + 1,
                        "",
                        dotted_path((*path, key)),
                        f"duplicate key '{key}' (first given on line {first}); YAML would silently keep only the last one",
                        f"remove one of the two '{key}:' entries or merge them",
                    )
                    continue
                result[key] = self.read(value_node, (*path, key))
            return result
        if isinstance(node, SequenceNode):
            return [self.read(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: Node) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except ValueError:
            # An impossible date such as 2026-02-30 looks like a YAML date but cannot be built: keep the text so that
            # validation reports it against the field instead of the loader crashing.
            return node.value


def dotted_path(path: Path_) -> str:
    """Render a node path as authors write it: behaviors[2].text."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def read_document(path: Path, root: Path, problems: Problems) -> Document | None:
    """Parse one YAML file; on any problem record it and return None."""
    rel = path.relative_to(root.parent).as_posix() if root.parent in path.parents else path.as_posix()
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        problems.add(
            rel,
            0,
            "",
            "",
            f"file is {len(raw):,} bytes, over the {MAX_FILE_BYTES:,}-byte limit for one data file",
            "split the records into several smaller files",
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a UTF-8 byte-order mark, as spreadsheet programs and some editors write; harmless
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(
            rel,
            line,
            "",
            "",
            f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
            "save the file as UTF-8 in your editor",
        )
        return None
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        problems.add(rel, 1, "", "", "the file is empty", "add its records, or delete the file")
        return None
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        bad_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "'\\t'" in str(error.problem):
            message, fix = "a tab character is used for indentation", "indent with spaces only (two per level)"
        else:
            message = f"this is not valid YAML: {error.problem}"
            if error.context:
                message += f" ({error.context})"
            fix = (
                "check the indentation and the colons on this line and the one above; "
                "quote text that contains ': ' or starts with a special character"
            )
        problems.add(rel, line, "", "", message, fix)
        return None
    except yaml.YAMLError as error:
        problems.add(rel, 0, "", "", f"this is not valid YAML: {error}", "check the file's syntax")
        return None
    reader = _NodeReader(rel, problems)
    # Duplicate keys are reported, but the rest of the file is still validated so that one run shows everything.
    return Document(rel, reader.read(node, ()), reader.lines)

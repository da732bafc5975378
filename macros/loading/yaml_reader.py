"""Read YAML data files once, keeping the line of every node and rejecting duplicate keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problems

# libyaml's C parser when PyYAML was built with it; the pure-Python one is ten times slower.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 1024 * 1024
Path_ = tuple[Any, ...]

# --- Bad-input hardening: what a data file may contain beyond plain YAML text, lists and mappings. ---
# Only the tags plain YAML gives values by itself; `!!python/...`, `!!binary`, `!custom` and merge keys are refused.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_STR_TAG = "tag:yaml.org,2002:str"
MAX_DEPTH = 32  # real records nest four levels deep; deeper input is a mistake or an attack on the reader


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
        self.seen: set[int] = set()  # nodes already read: a second visit is a YAML alias (*name)
        self.refused = False  # one refusal (tag, depth) per file is enough to stop it
        self.alias_used = False

    def _refuse(self, node: Node, message: str, fix: str) -> None:
        if not self.refused:
            self.problems.add(self.file, node.start_mark.line + 1, "", "", message, fix)
        self.refused = True

    def _plain(self, node: Node) -> bool:
        """True for plain YAML values; a tag that asks for something else (Python objects, merge keys) is refused."""
        if node.tag in _PLAIN_TAGS:
            return True
        if node.tag == "tag:yaml.org,2002:merge":
            self._refuse(node, "YAML merge keys ('<<') are not supported", "write the fields out in full")
        else:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self._refuse(node, f"the YAML tag '{tag}' is not allowed in data files", f"remove '{tag}' and write plain text")
        return False

    def read(self, node: Node, path: Path_) -> Any:
        if id(node) in self.seen:
            # An alias repeats a node already read; expanding it would let a few lines grow into millions of nodes
            # (or loop forever when an alias refers to its own parent), so aliases are refused, not followed.
            self.alias_used = True
            return None
        self.seen.add(id(node))
        self.lines[path] = node.start_mark.line + 1
        if not self._plain(node):
            return None
        if len(path) > MAX_DEPTH:
            self._refuse(node, f"the data is nested more than {MAX_DEPTH} levels deep", "check the indentation and the brackets")
            return None
        if isinstance(node, MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.read(key_node, (*path, "<key>")) if not isinstance(key_node, ScalarNode) else self._scalar(key_node)
                if key is None and not self._plain(key_node):
                    continue  # a merge key ('<<') or tagged key, already refused
                if not isinstance(key, (str, int, bool)) or isinstance(key, bool):
                    self.problems.add(
                        self.file,
                        key_node.start_mark.line + 1,
                        "",
                        dotted_path(path),
                        "expected a plain text key, found an empty key" if key is None else f"expected a plain text key, found {key!r}",
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
                # A field's line is its key's line: a block list or mapping value starts on the line below.
                self.lines[(*path, key)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, SequenceNode):
            return [self.read(item, (*path, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _scalar(self, node: Node) -> Any:
        if node.tag == _STR_TAG:
            return node.value  # most values are text: skip the constructor's dispatch (performance)
        if not self._plain(node):
            return None
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
    except yaml.reader.ReaderError as error:
        # A control character (often pasted from a PDF or a word processor): YAML refuses the whole file.
        line = text[: error.position].count("\n") + 1
        problems.add(
            rel,
            line,
            "",
            "",
            f"the file contains an invisible control character (U+{error.character:04X}) that YAML does not allow",
            "delete it: retype the text around it on this line",
        )
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        bad_line = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
        if "\t" in bad_line[: len(bad_line) - len(bad_line.lstrip())] or "'\\t'" in str(error.problem):
            message, fix = "a tab character is used for indentation", "indent with spaces only (two per level)"
        elif error.context == "while scanning a quoted scalar" and error.context_mark is not None:
            line = error.context_mark.line + 1
            message, fix = "a quote opened on this line is never closed", "add the closing quote at the end of the text"
        elif error.context == "expected a single document in the stream":
            message, fix = "a second YAML document starts here ('---')", "remove the '---' line, or move what follows into its own file"
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
    if node is None or (isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:null" and not node.value):
        problems.add(rel, 1, "", "", "the file is empty", "add its records, or delete the file")
        return None
    reader = _NodeReader(rel, problems)
    # Duplicate keys are reported, but the rest of the file is still validated so that one run shows everything.
    data = reader.read(node, ())
    if reader.alias_used:
        alias = next(t for t in yaml.scan(text, Loader=_Loader) if isinstance(t, yaml.AliasToken))
        problems.add(
            rel,
            alias.start_mark.line + 1,
            "",
            "",
            f"YAML aliases ('*{alias.value}') are not supported",
            f"write the value out in full instead of repeating '&{alias.value}'",
        )
        return None
    if reader.refused:
        return None
    return Document(rel, data, reader.lines)

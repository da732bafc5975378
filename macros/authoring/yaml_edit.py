"""Rewrite YAML data files in place, keeping comments, key order and scalar styles wherever the data did not change."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString

# Long single-line text is written folded (`>-`), as the hand-written files are; shorter text stays on its key's line.
FOLD_OVER = 80
FOLD_WIDTH = 90
_PYYAML_RESOLVER = yaml.resolver.Resolver()


def _yaml(root: Any) -> YAML:
    """A round-trip YAML instance laid out like the hand-written files (lists of records start at the margin)."""
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap untouched text; new long text is folded by `_folded`
    if isinstance(root, list):
        rt.indent(mapping=2, sequence=2, offset=0)
    else:
        rt.indent(mapping=2, sequence=4, offset=2)
    return rt


def load_roundtrip(text: str) -> Any:
    """Parse YAML text keeping comments, order and styles, quotes included (ruamel's round-trip nodes)."""
    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    return rt.load(text)


def to_plain(node: Any) -> Any:
    """Round-trip nodes as plain dicts, lists and scalars (what PyYAML would load)."""
    if isinstance(node, dict):
        return {to_plain(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def _styled(text: str, before: Any = None) -> Any:
    """A new string value in a style PyYAML reads back as exactly this text."""
    if "\n" in text:
        return LiteralScalarString(text)
    if isinstance(before, FoldedScalarString) or len(text) > FOLD_OVER:
        if text == text.strip() and "  " not in text:
            return _folded(text)
    # ruamel writes YAML 1.2, where `yes`, `on` or `1:30` are plain text; PyYAML (YAML 1.1) would read them otherwise.
    if _PYYAML_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str":
        return DoubleQuotedScalarString(text)
    return text


def _folded(text: str, width: int = FOLD_WIDTH) -> FoldedScalarString:
    """Folded (`>-`) text broken at spaces into lines of about `width` characters, like the hand-written files."""
    folded = FoldedScalarString(text)
    positions, line_start = [], 0
    for index, char in enumerate(text):
        if char == " " and index - line_start > width:
            last_space = text.rfind(" ", line_start, index + 1)
            positions.append(last_space)
            line_start = last_space + 1
    folded.fold_pos = positions
    return folded


def merge(node: Any, new: Any) -> Any:
    """The node to write for `new`: `node` itself where its data is unchanged, edited in place where it differs."""
    if to_plain(node) == new:
        return node
    if isinstance(node, CommentedMap) and isinstance(new, dict):
        for key in [k for k in node if k not in new]:
            del node[key]
        for key, value in new.items():
            node[key] = merge(node[key], value) if key in node else _fresh(value)
        return node
    if isinstance(node, CommentedSeq) and isinstance(new, list):
        for index, value in enumerate(new[: len(node)]):
            node[index] = merge(node[index], value)
        del node[len(new) :]
        node.extend(_fresh(value) for value in new[len(node) :])
        return node
    return _fresh(new, node)


def _fresh(value: Any, before: Any = None) -> Any:
    """Round-trip nodes for data that was not in the file."""
    if isinstance(value, dict):
        out = CommentedMap()
        for key, item in value.items():
            out[key] = _fresh(item)
        return out
    if isinstance(value, list):
        seq = CommentedSeq(_fresh(item) for item in value)
        if isinstance(before, CommentedSeq) and before.fa.flow_style():
            seq.fa.set_flow_style()  # `evaluate_by: [a, b]` stays on one line
        return seq
    if isinstance(value, str):
        return _styled(value, before)
    return value


def dump(root: Any) -> str:
    """YAML text of a round-trip document."""
    out = io.StringIO()
    _yaml(root).dump(root, out)
    return out.getvalue()


def render_file(before_text: str | None, new: Any) -> str:
    """Text of a data file holding `new`: the old file edited where the data changed, or a new file."""
    root = merge(load_roundtrip(before_text), new) if before_text else _fresh(new)
    text = dump(root)
    if yaml.safe_load(text) != new:
        # A style ruamel chose does not read back the same with PyYAML: fall back to the plainest safe form.
        text = yaml.safe_dump(new, allow_unicode=True, sort_keys=False, width=100)
        if yaml.safe_load(text) != new:
            raise ValueError("the data cannot be written as YAML that reads back unchanged")
    return text


def read_text(path: Path) -> str | None:
    """A data file's text, or None when it does not exist."""
    return path.read_text(encoding="utf-8") if path.exists() else None

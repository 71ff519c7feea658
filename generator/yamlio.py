"""One careful YAML reader for seeds' front matter, site.yaml and data files.

PyYAML's safe loader follows YAML 1.1, where a bare NO (Norway) is false and 2021-02-30 is a
date that crashes; deep nesting, huge numbers and alias bombs raise things other than
YAMLError. Here booleans are only true/false, dates stay text (the caller checks them), aliases
are refused, and every failure is one YAMLProblem with a line number.
"""
from __future__ import annotations

import re

import yaml

MAX_BYTES = 256 * 1024


class YAMLProblem(ValueError):
    """Why a YAML text cannot be used, and the (1-based) line where it went wrong."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message, self.line = message, line


class _Loader(yaml.SafeLoader):
    pass


# keep every implicit type but booleans and timestamps, then bring back booleans as true/false only
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                              list("tTfF"))


def _walk(node, depth: int = 0):
    if depth > 50:
        raise YAMLProblem("is nested too deeply (more than 50 levels)", node.start_mark.line + 1)
    yield node
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            yield from _walk(k, depth + 1)
            yield from _walk(v, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            yield from _walk(v, depth + 1)


def load(text: str, max_bytes: int = MAX_BYTES) -> tuple[object, dict[str, int]]:
    """Parse YAML text; returns the data and the line of each top-level key."""
    if len(text.encode("utf-8")) > max_bytes:
        raise YAMLProblem(f"is larger than {max_bytes // 1024} KB")
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise YAMLProblem("uses a YAML alias (*name); write the value out instead",
                                  event.start_mark.line + 1)
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is None:
                return None, {}
            for _ in _walk(node):
                pass
            data = loader.construct_document(node)
        finally:
            loader.dispose()
    except YAMLProblem:
        raise
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        raise YAMLProblem(f"is not valid YAML: {getattr(exc, 'problem', None) or exc}",
                          mark.line + 1 if mark else None) from None
    except RecursionError:
        raise YAMLProblem("is nested too deeply") from None
    except (ValueError, TypeError, OverflowError) as exc:
        raise YAMLProblem(f"has a value that cannot be read: {exc}") from None
    lines = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[key.value] = key.start_mark.line + 1
                if isinstance(value, yaml.SequenceNode):  # "officials[2]": the line of a list's item
                    for i, item in enumerate(value.value, 1):
                        lines[f"{key.value}[{i}]"] = item.start_mark.line + 1
    return data, lines


def load_file(path, max_bytes: int = 64 * 1024 * 1024):
    """A YAML file's data; YAMLProblem (or OSError, UnicodeDecodeError) when it cannot be used."""
    with open(path, encoding="utf-8-sig") as fh:
        return load(fh.read(), max_bytes)[0]

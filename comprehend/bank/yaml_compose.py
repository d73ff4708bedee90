"""Composing YAML events into a node graph without recursion, with a depth limit and no alias loops.

PyYAML's C composer recurses once per nesting level and crashes the process (signal 11) near 50,000
levels; its Python composer raises a bare RecursionError near 1,000. This composer reads libyaml's
event stream (which is iterative) and stops at the first value nested deeper than MAX_DEPTH, or the
first alias that points into the value it stands in (`a: &a [*a]`), naming its line and column.
"""

from __future__ import annotations

import yaml
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
MAX_DEPTH = 20  # lists and key groups inside one another; a bank needs 5 (bank, questions, question, wrong, choice)


class ComposeProblem(Exception):
    """The YAML is well formed so far, but a bank may not be shaped like this (line and column from 1)."""

    def __init__(self, line: int, col: int, message: str):
        super().__init__(f"{line}:{col}: {message}")
        self.line, self.col, self.message = line, col, message


def _place(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Document:
    """The open collections and the anchors of one document while its events arrive."""

    def __init__(self) -> None:
        self.stack: list[tuple[Node, list, str | None]] = []  # an open collection, its pending mapping key, its anchor
        self.anchors: dict[str, Node] = {}
        self.open_anchors: set[str] = set()
        self.root: Node | None = None

    def add(self, node: Node) -> None:
        """Put a finished value into the collection that holds it (or make it the document)."""
        if not self.stack:
            self.root = node
            return
        parent, pending, _ = self.stack[-1]
        if isinstance(parent, SequenceNode):
            parent.value.append(node)
        elif pending:
            parent.value.append((pending.pop(), node))
        else:
            pending.append(node)

    def anchor(self, name: str | None, node: Node, mark: yaml.Mark) -> None:
        """Remember an anchor (&name), refusing a second one of the same name as PyYAML does."""
        if name is None:
            return
        if name in self.anchors:
            first_line = self.anchors[name].start_mark.line + 1
            raise ComposeProblem(*_place(mark), f"the anchor &{name} is defined twice (first on line {first_line}); rename one")
        self.anchors[name] = node

    def alias(self, event: AliasEvent) -> None:
        """An alias (*name) stands for its anchor's value, which must be complete: no loops."""
        name = event.anchor
        if name in self.open_anchors:
            raise ComposeProblem(*_place(event.start_mark),
                                 f"the alias *{name} is inside the value &{name} it stands for, a loop with no end; write the values out")
        if name not in self.anchors:
            raise ComposeProblem(*_place(event.start_mark), f"the alias *{name} names no anchor &{name} above it")
        self.add(self.anchors[name])

    def open(self, event: SequenceStartEvent | MappingStartEvent) -> None:
        """Start a list or a key group, refusing one nested deeper than MAX_DEPTH."""
        if len(self.stack) >= MAX_DEPTH:
            raise ComposeProblem(*_place(event.start_mark),
                                 f"lists and groups of keys are nested more than {MAX_DEPTH} deep here; a bank needs only 5 levels")
        kind = SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(kind, None, event.implicit)
        node = kind(tag, [], event.start_mark, None, flow_style=event.flow_style)
        self.anchor(event.anchor, node, event.start_mark)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append((node, [], event.anchor))

    def close(self, event: SequenceEndEvent | MappingEndEvent) -> None:
        """Finish the innermost open collection."""
        node, _, anchor = self.stack.pop()
        node.end_mark = event.end_mark
        if anchor is not None:
            self.open_anchors.discard(anchor)
        self.add(node)

    def scalar(self, event: ScalarEvent) -> None:
        """A text, number, yes/no or null value, with its tag resolved as PyYAML's SafeLoader does."""
        tag = event.tag
        if tag is None or tag == "!":
            tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        self.anchor(event.anchor, node, event.start_mark)
        self.add(node)


def compose_documents(text: str) -> list[Node | None]:
    """Every document of a YAML text as PyYAML nodes; raise ComposeProblem or yaml.YAMLError when it cannot be."""
    documents: list[Node | None] = []
    document = _Document()
    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is ScalarEvent:
            document.scalar(event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            document.open(event)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            document.close(event)
        elif kind is AliasEvent:
            document.alias(event)
        elif kind is DocumentStartEvent:
            document = _Document()
        elif kind is DocumentEndEvent:
            documents.append(document.root)
    return documents

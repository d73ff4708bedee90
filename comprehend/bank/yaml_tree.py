"""Safe YAML reading that keeps the line and column of every value.

Only plain YAML is accepted: mappings, lists, text, numbers, yes/no and null. Tags such as
`!!python/object` are reported, never constructed; aliases are expanded against a budget so an
alias bomb ("billion laughs") stops quickly with a message instead of filling memory. Nesting deeper
than a bank needs and aliases that loop are refused while composing (see yaml_compose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from comprehend.bank.yaml_compose import ComposeProblem, compose_documents

_CONSTRUCTOR = yaml.constructor.SafeConstructor()

_STANDARD = "tag:yaml.org,2002:"
_SCALAR_KINDS = {
    _STANDARD + "str": "text",
    _STANDARD + "int": "int",
    _STANDARD + "float": "number",
    _STANDARD + "bool": "bool",
    _STANDARD + "null": "null",
    _STANDARD + "timestamp": "date",
}
ALIAS_BUDGET = 10_000  # values reached again through aliases; a bank needs few or none
# C0 controls but tab, LF and CR; DEL; C1 controls. ESC (0x1b) is the start of terminal escape codes.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Node:
    """A parsed value with its place: kind is mapping, sequence, text, int, number, bool, null or date."""

    kind: str
    value: object
    line: int
    col: int
    key_places: dict[str, tuple[int, int]] = field(default_factory=dict)
    raw: str = ""  # a scalar as written in the file


@dataclass
class Finding:
    """A problem found while reading, before the bank format is checked."""

    line: int
    col: int
    message: str


def _clean_text(text: str, findings: list[Finding]) -> str:
    """Report tabs and control characters, and blank them so the rest of the file can be checked."""
    out_lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in re.finditer("\t", line):
            findings.append(
                Finding(number, match.start() + 1, "a tab character: use spaces to indent and to separate words")
            )
        for match in _CONTROL.finditer(line.rstrip("\r")):
            code = ord(match.group())
            findings.append(
                Finding(
                    number,
                    match.start() + 1,
                    f"a hidden control character (code {code:#04x}) that could change the kiosk screen; delete it",
                )
            )
        # "_" keeps a plain word a plain word, so one bad character does not turn into a YAML error too.
        out_lines.append(_CONTROL.sub("_", line.replace("\t", " ")))
    return "\n".join(out_lines)


def _describe_yaml_error(error: yaml.YAMLError) -> Finding:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    hint = ""
    if "mapping values are not allowed" in problem:
        hint = " (a text with ': ' in it must be put in quotes)"
    elif "could not find expected ':'" in problem:
        hint = " (each line needs 'key: value', or '- ' for a list item)"
    elif "found character" in problem and "that cannot start any token" in problem:
        hint = " (put this text in quotes)"
    text = f"this is not valid YAML: {problem}"
    if context:
        text += f" ({context})"
    return Finding(line, col, text + hint)


class _Walker:
    """Turns a composed YAML node graph into Nodes, reporting what a bank may not contain."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        self.budget = ALIAS_BUDGET
        self.seen: set[int] = set()

    def walk(self, node: yaml.Node) -> Node | None:
        if id(node) in self.seen:
            self.budget -= 1
        else:
            self.seen.add(id(node))
        if self.budget < 0:
            if self.budget == -1:
                self.findings.append(
                    Finding(
                        node.start_mark.line + 1,
                        node.start_mark.column + 1,
                        "the file is too big once its aliases (*name) are expanded; write the values out instead",
                    )
                )
            return None
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, line, col)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _STANDARD + "seq")
            items = [self.walk(item) for item in node.value]
            return Node("sequence", [i for i in items if i is not None], line, col)
        return self._scalar(node, line, col)

    def _check_tag(self, node: yaml.Node, expected: str) -> bool:
        if node.tag != expected:
            self.findings.append(
                Finding(
                    node.start_mark.line + 1,
                    node.start_mark.column + 1,
                    f"the tag {node.tag.replace(_STANDARD, '!!')!r} is not allowed: a bank holds only plain text, numbers, yes/no and lists",
                )
            )
            return False
        return True

    def _mapping(self, node: yaml.MappingNode, line: int, col: int) -> Node:
        self._check_tag(node, _STANDARD + "map")
        result: dict[str, Node] = {}
        places: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            key_line, key_col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key_node.tag == _STANDARD + "merge":
                self.findings.append(Finding(key_line, key_col, "merge keys (<<) are not supported; write the keys out"))
                continue
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STANDARD + "bool" and not key_node.style:
                # YAML 1.1 reads the plain words on/off/yes/no as yes/no; as a key ('on' of an approval) each is a word
                key_node = yaml.ScalarNode(_STANDARD + "str", key_node.value, key_node.start_mark, key_node.end_mark)
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STANDARD + "str":
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a list or mapping"
                self.findings.append(
                    Finding(key_line, key_col, f"a key must be a word such as 'ask', not {shown!r}")
                )
                continue
            name = key_node.value
            if name in places:
                first_line = places[name][0]
                self.findings.append(
                    Finding(
                        key_line,
                        key_col,
                        f"the key '{name}' appears twice in the same mapping (first on line {first_line}); keep one",
                    )
                )
                continue
            value = self.walk(value_node)
            if value is None:
                continue
            places[name] = (key_line, key_col)
            result[name] = value
        return Node("mapping", result, line, col, places)

    def _scalar(self, node: yaml.ScalarNode, line: int, col: int) -> Node | None:
        kind = _SCALAR_KINDS.get(node.tag)
        if kind is None:
            self._check_tag(node, _STANDARD + "str")
            return None
        if kind in ("text", "date"):
            return Node(kind, node.value, line, col, raw=node.value)
        try:
            value = _CONSTRUCTOR.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError):
            return Node("text", node.value, line, col, raw=node.value)
        return Node(kind, value, line, col, raw=node.value)


def read_yaml(text: str) -> tuple[Node | None, list[Finding]]:
    """Parse YAML text safely; return the tree (None when unreadable) and every problem found."""
    findings: list[Finding] = []
    cleaned = _clean_text(text, findings)
    try:
        documents = compose_documents(cleaned)  # never PyYAML's own composer: it recurses once per level
    except yaml.YAMLError as error:
        findings.append(_describe_yaml_error(error))
        return None, findings
    except ComposeProblem as problem:
        findings.append(Finding(problem.line, problem.col, problem.message))
        return None, findings
    documents = [d for d in documents if d is not None]
    if not documents:
        return None, findings
    if len(documents) > 1:
        second = documents[1].start_mark
        findings.append(Finding(second.line + 1, second.column + 1, "only one bank per file: remove the '---' and what follows, or move it to its own file"))
    tree = _Walker(findings).walk(documents[0])
    return tree, findings

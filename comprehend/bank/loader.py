"""YAML file → Bank: the single gate every bank passes through.

Every problem is collected (not just the first) and reported with its line and column, in plain
words that name the key or the value, so an educator can fix a whole file in one pass.
"""

from __future__ import annotations

import datetime
import difflib
import re
import unicodedata
from pathlib import Path

from comprehend.bank.model import Approval, Bank, Fact, Question, WrongChoice
from comprehend.bank.problems import BankError, Problem
from comprehend.bank.regular_file import FileRefused, read_regular_file
from comprehend.bank.snapshot import bank_content, hash_of_content
from comprehend.bank.schema import BANK, DATE_PATTERN, ID_PATTERN, Key, Shape
from comprehend.bank.yaml_tree import Node, read_yaml

MAX_FILE_BYTES = 2 * 1024 * 1024
_ID = re.compile(ID_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_DATE_AND_TIME = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt]|[ \t]+)")
_KIND_WORDS = {
    "int": "a number",
    "number": "a number",
    "bool": "a yes/no value",
    "null": "empty",
    "mapping": "a group of keys",
    "sequence": "a list",
    "text": "text",
    "date": "a date",
}


def _same_words(text: str) -> str:
    """Text folded for comparing choices: lower case, single spaces, no final full stop."""
    return " ".join(text.lower().split()).rstrip(".")


class _Checker:
    """Checks a parsed tree against the bank format and collects every problem."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def error(self, line: int, col: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, col, "error", message))

    # --- single values -------------------------------------------------------------------
    def value(self, node: Node, key: Key, where: str, name: str | None = None) -> object:
        """The checked Python value of one key, or None after reporting why it is wrong."""
        name = name or f"'{key.name}' in {where}"
        if key.kind in ("text", "id"):
            return self._text(node, key, name)
        if key.kind == "date":
            return self._date(node, name)
        if key.kind == "mapping":
            assert key.item is not None
            return self.mapping(node, key.item, f"the {key.item.name} ('{key.name}')")
        if key.kind == "bool":
            if node.kind != "bool":
                self.error(node.line, node.col, f"{name} must be yes or no (true or false), not {_KIND_WORDS[node.kind]}")
                return None
            return node.value
        if key.kind in ("int", "number"):
            return self._number(node, key, name)
        if key.kind == "list":
            return self._list(node, key, name, where)
        raise AssertionError(key.kind)

    def _text(self, node: Node, key: Key, name: str) -> str | None:
        if key.kind == "id" and node.kind == "int" and node.value >= 0:
            node = Node("text", str(node.value), node.line, node.col)
        if node.kind not in ("text", "date"):
            if node.kind in ("int", "number", "bool"):
                self.error(
                    node.line,
                    node.col,
                    f"{name} must be text, but {node.raw} is read as {_KIND_WORDS[node.kind]}; "
                    f"put it in quotes: \"{node.raw}\"",
                )
            else:
                self.error(node.line, node.col, f"{name} must be text, not {_KIND_WORDS[node.kind]}")
            return None
        text = " ".join(str(node.value).split())
        if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in text):
            # a YAML escape such as "\x1b[2J" in double quotes makes one that the file's own text does not show
            self.error(node.line, node.col, f"{name} contains a control character (an escape code such as \\x1b); remove it")
            return None
        if not text:
            self.error(node.line, node.col, f"{name} is empty; write the text")
            return None
        if key.kind == "id" and not _ID.match(text):
            self.error(
                node.line,
                node.col,
                f"{name} is '{text}', which is not a valid id: use only lowercase letters, digits and "
                "hyphens, such as 'balloon-purpose'",
            )
            return None
        return text

    def _date(self, node: Node, name: str) -> str | None:
        """An ISO date (YYYY-MM-DD) of a real day, quoted or not; the text as written."""
        example = "write it as year-month-day, such as 2026-11-30"
        if node.kind not in ("text", "date"):
            shown = f" ({node.raw})" if node.raw and len(node.raw) <= 20 else ""
            self.error(node.line, node.col, f"{name} must be a date; {example}, not {_KIND_WORDS[node.kind]}{shown}")
            return None
        text = str(node.value).strip()
        shown = text if len(text) <= 40 else text[:40] + "..."
        if _DATE_AND_TIME.match(text):
            self.error(node.line, node.col, f"{name} is '{shown}', which has a time in it; write the day only, such as 2026-11-30")
            return None
        if not _DATE.match(text):
            self.error(node.line, node.col, f"{name} is '{shown}', which is not a date; {example}")
            return None
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            self.error(node.line, node.col, f"{name} is {text}, but there is no such day; {example}")
            return None
        return text

    def _number(self, node: Node, key: Key, name: str) -> float | int | None:
        allowed = ("int",) if key.kind == "int" else ("int", "number")
        if node.kind not in allowed:
            wanted = "a whole number" if key.kind == "int" else "a number"
            self.error(node.line, node.col, f"{name} must be {wanted}, not {_KIND_WORDS[node.kind]} ({node.value!r})")
            return None
        value = node.value
        low, high = key.minimum, key.maximum
        too_low = low is not None and (value <= low if key.exclusive_minimum else value < low)
        too_high = high is not None and value > high
        if too_low or too_high or value != value:  # value != value catches NaN
            if low is not None and high is not None:
                lower = f"more than {low:g}" if key.exclusive_minimum else f"at least {low:g}"
                rule = f"{lower} and at most {high:g}"
            else:
                rule = f"at least {low:g}"
            shown = node.raw if len(node.raw) <= 20 else node.raw[:20] + "..."  # str() of a 5,000-digit int raises
            self.error(node.line, node.col, f"{name} is {shown}, but it must be {rule}")
            return None
        return value

    def _list(self, node: Node, key: Key, name: str, where: str) -> list | None:
        if node.kind != "sequence":
            self.error(node.line, node.col, f"{name} must be a list (lines starting with '- '), not {_KIND_WORDS[node.kind]}")
            return None
        items: list[Node] = node.value  # type: ignore[assignment]
        if key.min_items is not None and len(items) < key.min_items:
            self.error(node.line, node.col, f"{name} needs at least {key.min_items}; it has {len(items)}")
        if key.max_items is not None and len(items) > key.max_items:
            self.error(node.line, node.col, f"{name} can have at most {key.max_items}; it has {len(items)}")
            return None  # far too many: not worth checking each one
        assert key.item is not None
        return [
            self.mapping(item, key.item, f"{key.item.name} {index} of {where}")
            for index, item in enumerate(items, start=1)
        ]

    # --- mappings ------------------------------------------------------------------------
    def mapping(self, node: Node, shape: Shape, where: str) -> dict | None:
        """Check one mapping: unknown keys, missing keys, and each value. Returns values by key."""
        if shape.text_shorthand and node.kind != "mapping":
            key = shape.key(shape.text_shorthand)
            assert key is not None
            return {
                "__line__": node.line,
                "__col__": node.col,
                f"__place_{key.name}__": (node.line, node.col),
                **{k.name: k.default for k in shape.keys},
                key.name: self.value(node, key, where, name=where),
            }
        if node.kind != "mapping":
            self.error(node.line, node.col, f"{where} must be a group of 'key: value' lines, not {_KIND_WORDS[node.kind]}")
            return None
        children: dict[str, Node] = node.value  # type: ignore[assignment]
        id_node = children.get("id")
        if id_node is not None and id_node.kind == "text" and _ID.match(str(id_node.value)):
            where = f"{shape.name} '{id_node.value}'"
        values: dict = {"__line__": node.line, "__col__": node.col}
        for name, child in children.items():
            key = shape.key(name)
            if key is None:
                line, col = node.key_places[name]
                close = difflib.get_close_matches(name, shape.names, n=1, cutoff=0.6)
                hint = f"did you mean '{close[0]}'?" if close else f"a {shape.name} takes: {', '.join(shape.names)}"
                self.error(line, col, f"unknown key '{name}' in {where}; {hint}")
                continue
            values[name] = self.value(child, key, where)
            values[f"__place_{name}__"] = (child.line, child.col)
        for key in shape.keys:
            if key.required and key.name not in children:
                self.error(node.line, node.col, f"{where} is missing the key '{key.name}' ({key.help})")
            elif key.name not in children:
                values[key.name] = key.default
        return values


def _place(values: dict, key: str | None = None) -> tuple[int, int]:
    if key and f"__place_{key}__" in values:
        return values[f"__place_{key}__"]
    return values["__line__"], values["__col__"]


def _cross_check(checker: _Checker, facts: list[dict], questions: list[dict]) -> None:
    """Checks between parts: unique ids, questions naming real facts, distinct choices."""
    for kind, items in (("fact", facts), ("question", questions)):
        first_seen: dict[str, int] = {}
        for item in items:
            item_id = item.get("id")
            if item_id is None:
                continue
            if item_id in first_seen:
                line, col = _place(item, "id")
                checker.error(line, col, f"the {kind} id '{item_id}' is used twice (first on line {first_seen[item_id]}); each {kind} needs its own id")
            else:
                first_seen[item_id] = _place(item, "id")[0]
    fact_ids = [f["id"] for f in facts if f.get("id")]
    for question in questions:
        fact = question.get("fact")
        where = f"question '{question['id']}'" if question.get("id") else "a question"
        if fact and fact not in fact_ids:
            line, col = _place(question, "fact")
            close = difflib.get_close_matches(fact, fact_ids, n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            checker.error(line, col, f"{where} names the fact '{fact}', but there is no fact with that id{hint}")
        answer, wrong = question.get("answer"), question.get("wrong")
        if not wrong:
            continue
        seen: dict[str, int] = {}
        for choice in wrong:
            if not choice or not choice.get("text"):
                continue
            folded = _same_words(choice["text"])
            line, col = _place(choice, "text")
            if answer and folded == _same_words(answer):
                checker.error(line, col, f"in {where} the right answer is also listed as a wrong choice: '{choice['text']}'")
            elif folded in seen:
                checker.error(line, col, f"in {where} the wrong choice '{choice['text']}' is listed twice (first on line {seen[folded]})")
            else:
                seen[folded] = line


def content_hash(bank: Bank) -> str:
    """A SHA-256 of what patients see and how they are scored: stable over key order, comments and layout."""
    return hash_of_content(bank_content(bank))


def _places(values: dict) -> dict[str, tuple[int, int]]:
    """Where each fact, question, choice and text stands in the file, for warnings."""
    places: dict[str, tuple[int, int]] = {"bank": _place(values)}
    if values.get("approved"):
        places["approved"] = _place(values, "approved")
        places["approved:on"] = _place(values["approved"], "on")
    for fact in values["facts"]:
        places[f"fact:{fact['id']}"] = _place(fact)
        places[f"fact:{fact['id']}:text"] = _place(fact, "text")
    for question in values["questions"]:
        prefix = f"question:{question['id']}"
        places[prefix] = _place(question)
        for key in ("ask", "answer", "explain", "fact"):
            places[f"{prefix}:{key}"] = _place(question, key)
        for number, wrong in enumerate(question["wrong"]):
            places[f"{prefix}:wrong:{number}"] = _place(wrong, "text")
            places[f"{prefix}:why:{number}"] = _place(wrong, "why")
    return places


def _approval(values: dict | None) -> Approval | None:
    """The checked 'approved' mapping as an Approval; None when the bank leaves it out (a draft)."""
    if not values:
        return None
    return Approval(by=values["by"], role=values["role"], on=values["on"])


def _build(values: dict, path: str) -> Bank:
    facts = tuple(Fact(id=f["id"], text=f["text"], topic=f["topic"], source=f["source"]) for f in values["facts"])
    questions = tuple(
        Question(
            id=q["id"],
            fact=q["fact"],
            ask=q["ask"],
            answer=q["answer"],
            wrong=tuple(WrongChoice(text=w["text"], why=w["why"] or "") for w in q["wrong"]),
            explain=q["explain"],
            critical=bool(q["critical"]),
        )
        for q in values["questions"]
    )
    bank = Bank(
        id=values["id"],
        title=values["title"],
        version=values["version"],
        facts=facts,
        questions=questions,
        language=values["language"],
        pass_mark=float(values["pass_mark"]),
        max_rounds=values["max_rounds"],
        source=values["source"],
        source_file=values["source_file"],
        approved=_approval(values.get("approved")),
        path=path,
        places=_places(values),
    )
    return Bank(**{**bank.__dict__, "content_hash": content_hash(bank)})


def _decode(data: bytes, checker: _Checker) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        checker.error(line, col, "the file is not UTF-8 text; save it as UTF-8 in your editor")
        return None


def parse_bank(text_or_bytes: str | bytes, path: str = "<bank>") -> Bank:
    """Check and build a bank from file contents; raise BankError listing every problem."""
    checker = _Checker(path)
    if isinstance(text_or_bytes, bytes):
        if len(text_or_bytes) > MAX_FILE_BYTES:
            checker.error(1, 1, f"the file is {len(text_or_bytes) // 1024} KB; a bank may be at most {MAX_FILE_BYTES // 1024} KB")
            raise BankError(checker.problems)
        text = _decode(text_or_bytes, checker)
        if text is None:
            raise BankError(checker.problems)
    else:
        text = text_or_bytes
    tree, findings = read_yaml(text)
    for finding in findings:
        checker.error(finding.line, finding.col, finding.message)
    if tree is None:
        if not findings:
            checker.error(1, 1, "the file is empty; a bank needs an id, a title, a version, facts and questions")
        raise BankError(checker.problems)
    if tree.kind != "mapping":
        checker.error(tree.line, tree.col, f"the top of the file must be 'key: value' lines (id, title, ...), not {_KIND_WORDS[tree.kind]}")
        raise BankError(checker.problems)
    values = checker.mapping(tree, BANK, "the bank")
    assert values is not None
    facts = [f for f in (values.get("facts") or []) if f]
    questions = [q for q in (values.get("questions") or []) if q]
    _cross_check(checker, facts, questions)
    if checker.problems:
        raise BankError(checker.problems)
    return _build(values, path)


_REFUSED = {
    "missing": "there is no such file",
    "folder": "this is a folder, not a bank file",
    "not-regular": "this is not a regular file (it may be a pipe or a device); a bank must be a plain text file",
}


def load_bank(path: str | Path) -> Bank:
    """Read and check one bank file; raise BankError (never another exception) when it is not usable."""
    shown = str(path)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES, "a bank")
    except FileRefused as refused:
        if refused.kind == "too-big":
            message = f"the file is too big: {refused.reason.removeprefix('it is ')}"
        else:
            message = _REFUSED.get(refused.kind, f"the file cannot be read ({refused.reason})")
        raise BankError([Problem(shown, 1, 1, "error", message)]) from None
    return parse_bank(data, shown)

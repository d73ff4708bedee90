"""The bank loader: every problem reported with its line and column, in plain words; never a crash."""

from __future__ import annotations

import time

import pytest

from comprehend.bank.loader import load_bank, parse_bank
from comprehend.bank.problems import BankError

VALID = """\
id: demo
title: A demo bank
version: 1
facts:
  - id: one
    text: The first point.
questions:
  - id: q-one
    fact: one
    ask: What is the first point?
    answer: The first one
    wrong:
      - The last one
      - text: The middle one
        why: It is the first.
"""


def problems_of(text: str | bytes) -> list[str]:
    """Every problem the loader reports for this text, as 'line:col: severity: message'."""
    with pytest.raises(BankError) as caught:
        parse_bank(text if isinstance(text, bytes) else text.encode("utf-8"), "bank.yaml")
    return [f"{p.line}:{p.col}: {p.severity}: {p.message}" for p in caught.value.problems]


def test_valid_bank_loads_with_defaults():
    """A minimal bank loads, and the optional keys get their documented defaults."""
    bank = parse_bank(VALID.encode(), "bank.yaml")
    assert bank.id == "demo" and bank.version == 1
    assert bank.pass_mark == 0.8 and bank.max_rounds == 3 and bank.language == "en"
    assert [w.text for w in bank.questions[0].wrong] == ["The last one", "The middle one"]
    assert bank.questions[0].wrong[1].why == "It is the first."
    assert len(bank.content_hash) == 64


BROKEN = [
    # (name, text, expected "line:col" and a piece of the message)
    ("empty file", "", ["1:1", "the file is empty"]),
    ("only a comment", "# nothing here\n", ["1:1", "the file is empty"]),
    ("top level a list", "- a\n- b\n", ["1:1", "top of the file must be 'key: value' lines"]),
    ("top level text", "hello\n", ["1:1", "top of the file must be"]),
    ("unknown key with hint", VALID.replace("    answer: The first one", "    anwser: The first one"),
     ["11:5", "unknown key 'anwser' in question 'q-one'; did you mean 'answer'?"]),
    ("missing answer", VALID.replace("    answer: The first one\n", ""),
     ["8:5", "question 'q-one' is missing the key 'answer'"]),
    ("missing title", VALID.replace("title: A demo bank\n", ""), ["1:1", "missing the key 'title'"]),
    ("same key twice", VALID.replace("    ask: What is the first point?\n", "    ask: What is the first point?\n    ask: Again?\n"),
     ["11:5", "the key 'ask' appears twice in the same mapping (first on line 10)"]),
    ("number where text", VALID.replace("answer: The first one", "answer: 12"),
     ["11:13", "'answer' in question 'q-one' must be text, but 12 is read as a number; put it in quotes: \"12\""]),
    ("yes where text", VALID.replace("      - The last one", "      - Yes"),
     ["13:9", "wrong choice 1 of question 'q-one' must be text, but Yes is read as a yes/no value; put it in quotes"]),
    ("duplicate fact id", VALID.replace("facts:\n", "facts:\n  - id: one\n    text: Again.\n"),
     ["7:9", "the fact id 'one' is used twice (first on line 5)"]),
    ("duplicate question id", VALID + "  - id: q-one\n    fact: one\n    ask: Again?\n    answer: A\n    wrong: [B]\n",
     ["16:9", "the question id 'q-one' is used twice (first on line 8)"]),
    ("question names a missing fact", VALID.replace("    fact: one", "    fact: onr"),
     ["9:11", "names the fact 'onr', but there is no fact with that id; did you mean 'one'?"]),
    ("answer also wrong", VALID.replace("      - The last one", "      - the first one."),
     ["13:9", "the right answer is also listed as a wrong choice"]),
    ("duplicate choices", VALID.replace("      - text: The middle one", "      - text: The last one"),
     ["14:15", "the wrong choice 'The last one' is listed twice (first on line 13)"]),
    ("pass mark too high", VALID.replace("version: 1\n", "version: 1\npass_mark: 1.5\n"),
     ["4:12", "'pass_mark' in bank 'demo' is 1.5, but it must be more than 0 and at most 1"]),
    ("pass mark zero", VALID.replace("version: 1\n", "version: 1\npass_mark: 0\n"), ["4:12", "must be more than 0"]),
    ("max rounds zero", VALID.replace("version: 1\n", "version: 1\nmax_rounds: 0\n"), ["4:13", "'max_rounds' in bank 'demo' is 0"]),
    ("version zero", VALID.replace("version: 1", "version: 0"), ["3:10", "'version' in bank 'demo' is 0, but it must be at least 1"]),
    ("version text", VALID.replace("version: 1", "version: one"), ["3:10", "'version' in bank 'demo' must be a whole number"]),
    ("id with capitals", VALID.replace("id: demo", "id: Demo_Bank"), ["1:5", "'Demo_Bank', which is not a valid id"]),
    ("too many wrong choices", VALID.replace("      - The last one\n", "".join(f"      - W{i}\n" for i in range(6))),
     ["13:7", "'wrong' in question 'q-one' can have at most 5; it has 7"]),
    ("no wrong choices", VALID.replace("    wrong:\n      - The last one\n      - text: The middle one\n        why: It is the first.\n", "    wrong: []\n"),
     ["12:12", "needs at least 1; it has 0"]),
    ("critical not yes/no", VALID.replace("    fact: one\n", "    fact: one\n    critical: maybe\n"),
     ["10:15", "'critical' in question 'q-one' must be yes or no"]),
    ("empty text", VALID.replace("ask: What is the first point?", "ask: ''"), ["10:10", "'ask' in question 'q-one' is empty"]),
    ("tab", VALID.replace("    text: The first point.", "\ttext: The first point."), ["6:1", "a tab character"]),
    ("escape code", VALID.replace("The first point.", "The \x1b[2J first point."), ["6:15", "hidden control character (code 0x1b)"]),
    ("python tag", VALID.replace("answer: The first one", "answer: !!python/object/apply:os.system ['echo hi']"),
     ["11:13", "the tag '!!python/object/apply:os.system' is not allowed"]),
    ("not yaml", "id: demo\ntitle: [unclosed\n", ["3:1", "this is not valid YAML"]),
    ("colon in text", VALID.replace("ask: What is the first point?", "ask: Note: what is it?"),
     ["10:14", "a text with ': ' in it must be put in quotes"]),
    ("two documents", VALID + "---\nid: other\n", ["17:1", "only one bank per file"]),
    ("merge key", VALID.replace("facts:\n", "base: &b {x: 1}\nfacts:\n").replace("  - id: one\n", "  - <<: *b\n    id: one\n"),
     ["6:5", "merge keys (<<) are not supported"]),
    ("non-text key", VALID.replace("    fact: one\n", "    fact: one\n    1: x\n"), ["10:5", "a key must be a word"]),
]


@pytest.mark.parametrize("name,text,expected", BROKEN, ids=[case[0] for case in BROKEN])
def test_broken_bank_is_reported_at_its_line(name, text, expected):
    """Each broken bank gives an error at the right line and column, with a plain message."""
    place, words = expected
    found = problems_of(text)
    assert any(p.startswith(place + ": error: ") and words in p for p in found), found


def test_every_problem_is_reported_not_just_the_first():
    """Several mistakes in one file are all listed, in line order."""
    text = VALID.replace("id: demo", "id: Demo").replace("anwser", "x").replace("answer: The first one", "anwser: The first one")
    text = text.replace("version: 1", "version: 0")
    found = problems_of(text)
    assert len(found) == 4, found  # bad id, version, unknown key, missing answer
    assert [int(p.split(":")[0]) for p in found] == sorted(int(p.split(":")[0]) for p in found)


def test_not_utf8_is_reported_at_the_bad_byte():
    """A file saved in another encoding says so, at the line and column of the first bad byte."""
    found = problems_of(VALID.encode("utf-8").replace(b"The first point.", b"The caf\xe9 point."))
    assert found == ["6:18: error: the file is not UTF-8 text; save it as UTF-8 in your editor"]


def test_python_tag_is_never_run(tmp_path):
    """A !!python tag is reported, and the code in it does not run."""
    marker = tmp_path / "ran"
    text = VALID.replace("answer: The first one", f"answer: !!python/object/apply:os.system ['touch {marker}']")
    problems_of(text)
    assert not marker.exists()


def test_alias_bomb_stops_quickly():
    """A 'billion laughs' file is refused within a second instead of filling memory."""
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    started = time.perf_counter()
    found = problems_of(bomb)
    assert time.perf_counter() - started < 5  # a loose bound against hanging, not a speed test
    assert any("too big once its aliases" in p for p in found)


def test_oversized_file_is_refused(write_bank):
    """A file over the size limit is refused with a message, not parsed."""
    path = write_bank(b"# " + b"x" * (3 * 1024 * 1024) + b"\n")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert "a bank may be at most" in caught.value.problems[0].message


def test_missing_file_and_folder_give_messages(tmp_path):
    """A path that is not a file gives a message, not an exception."""
    with pytest.raises(BankError, match="there is no such file"):
        load_bank(tmp_path / "nope.yaml")
    with pytest.raises(BankError, match="this is a folder"):
        load_bank(tmp_path)


def test_problem_lines_name_the_file(write_bank):
    """Problems print as path:line:col: error: message, as editors expect."""
    path = write_bank(VALID.replace("version: 1", "version: 0"))
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert str(caught.value.problems[0]) == f"{path}:3:10: error: 'version' in bank 'demo' is 0, but it must be at least 1"


def test_content_hash_ignores_key_order_comments_and_layout():
    """The hash changes with what patients see, not with how the YAML is laid out."""
    base = parse_bank(VALID.encode(), "a.yaml").content_hash
    reordered = VALID.replace("id: demo\ntitle: A demo bank\n", "title: A demo bank\nid: demo\n")
    commented = "# a comment\n" + VALID.replace("    ask: What is the first point?", "    ask:   'What is the first point?'   # why")
    assert parse_bank(reordered.encode(), "b.yaml").content_hash == base
    assert parse_bank(commented.encode(), "c.yaml").content_hash == base
    reworded = VALID.replace("What is the first point?", "What is point one?")
    assert parse_bank(reworded.encode(), "d.yaml").content_hash != base


def test_folded_text_is_joined_into_one_line():
    """Multi-line YAML text is shown as one paragraph (extra spaces and line breaks folded)."""
    text = VALID.replace("    ask: What is the first point?", "    ask: >\n      What is the\n      first point?")
    assert parse_bank(text.encode(), "bank.yaml").questions[0].ask == "What is the first point?"


@pytest.mark.parametrize("escape", ["\\x1b[2J", "\\u202e", "\\a", "\\e[31m"])
def test_escape_codes_written_as_yaml_escapes_are_refused(escape):
    """A double-quoted YAML escape makes a control character the file's own text does not show: refused too."""
    text = VALID.replace("ask: What is the first point?", f'ask: "Look {escape} here?"')
    [message] = problems_of(text)
    assert message.startswith("10:10: error: 'ask' in question 'q-one' contains a control character")


def test_a_bank_of_10000_questions_is_refused_within_bounds():
    """Far more questions than any consent bank: refused with a plain message, in about the time it takes to read."""
    import time

    from benchmarks.run import big_bank_text

    started = time.perf_counter()
    messages = problems_of(big_bank_text(10_000))
    assert time.perf_counter() - started < 10  # about 2 s here; the bound only catches runaway work
    assert any("can have at most 1000; it has 10000" in message for message in messages)


def test_a_bank_of_1000_questions_loads():
    from benchmarks.run import big_bank_text

    assert len(parse_bank(big_bank_text(1000)).questions) == 1000

"""Property-based fuzzing of the loader: whatever the input, a clean BankError or a valid Bank, quickly."""

from __future__ import annotations

import time

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comprehend.bank.loader import parse_bank
from comprehend.bank.model import Bank
from comprehend.bank.problems import BankError

TIME_BOUND = 2.0  # seconds for one input, far above what a sane bank needs
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def load_or_refuse(data: str | bytes) -> None:
    started = time.perf_counter()
    try:
        result = parse_bank(data, "fuzz.yaml")
    except BankError as error:
        assert error.problems and all(p.line >= 1 and p.col >= 1 and p.message for p in error.problems)
    else:
        assert isinstance(result, Bank)
    assert time.perf_counter() - started < TIME_BOUND


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    load_or_refuse(data)


@FUZZ
@given(st.text(max_size=2000))
def test_random_text(text):
    load_or_refuse(text)


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=30))
yaml_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
                           max_leaves=20)


@FUZZ
@given(yaml_values)
def test_random_yaml(value):
    load_or_refuse(yaml.safe_dump(value, allow_unicode=True))


ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
texts = st.one_of(st.text(min_size=0, max_size=40), st.integers(), st.booleans(), st.none())
wrong = st.one_of(texts, st.fixed_dictionaries({"text": texts}, optional={"why": texts, "extra": texts}))
facts = st.lists(st.fixed_dictionaries({"id": st.one_of(ids, texts), "text": texts}, optional={"topic": texts}), max_size=4)


@st.composite
def bank_shaped(draw):
    fact_list = draw(facts)
    fact_ids = [f.get("id") for f in fact_list] or ["x"]
    questions = draw(st.lists(st.fixed_dictionaries(
        {"id": st.one_of(ids, texts), "fact": st.one_of(st.sampled_from(fact_ids), texts), "ask": texts, "answer": texts,
         "wrong": st.one_of(st.lists(wrong, max_size=6), texts)},
        optional={"critical": st.one_of(st.booleans(), texts), "explain": texts, "anser": texts}), max_size=4))
    bank = {"id": draw(st.one_of(ids, texts)), "title": draw(texts), "version": draw(st.one_of(st.integers(-2, 5), texts)),
            "facts": fact_list, "questions": questions}
    extra = draw(st.dictionaries(st.sampled_from(["pass_mark", "max_rounds", "language", "source", "titel"]),
                                 st.one_of(texts, st.floats(allow_nan=True)), max_size=2))
    return {**bank, **extra}


@FUZZ
@given(bank_shaped())
def test_random_bank_shaped_data(bank):
    load_or_refuse(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False))


def test_a_generated_bank_can_be_valid():
    """The bank-shaped strategy reaches valid banks too, so the property is not only about errors."""
    text = yaml.safe_dump({"id": "ok", "title": "T", "version": 1, "facts": [{"id": "f", "text": "A point."}],
                           "questions": [{"id": "q", "fact": "f", "ask": "Q?", "answer": "A", "wrong": ["B"]}]})
    assert isinstance(parse_bank(text), Bank)


# --- hostile inputs: deep nesting, alias loops, huge scalars and numbers, wrong types at each key ---------------

openers = st.sampled_from(["[", "{a: ", "- ", "a:\n"])


@FUZZ
@given(st.lists(openers, min_size=1, max_size=40), st.integers(min_value=1, max_value=3_000))
def test_deep_nesting_of_any_mix(pattern, depth):
    """Any mix of flow and block nesting, up to thousands deep: a clean error (never a RecursionError)."""
    text, indent = "", 0
    for level in range(depth):
        opener = pattern[level % len(pattern)]
        text += (" " * indent + opener) if opener == "a:\n" else opener
        indent += 1 if opener == "a:\n" else 0
    load_or_refuse(text + "x\n")


@FUZZ
@given(st.sampled_from(["a: &a [*a]", "a: &a {b: *a}", "a: &a [1, [2, *a]]", "- &a\n  - *a", "a: *nowhere",
                        "a: &a 1\nb: &a 2"]), st.text(max_size=20))
def test_alias_loops_and_bad_aliases(text, tail):
    load_or_refuse(text + "\n# " + tail.replace("\n", " ") + "\n")


huge_numbers = st.sampled_from(["9" * 5000, "1e999999", "-1e400", "0x" + "f" * 5000, ".nan", ".inf", "1_000_000_000" * 50])


@FUZZ
@given(st.sampled_from(["version", "pass_mark", "max_rounds", "id", "title", "language"]), huge_numbers)
def test_huge_numbers_at_each_key(key, number):
    text = yaml.safe_dump({"id": "ok", "title": "T", "version": 1, "facts": [{"id": "f", "text": "A point."}],
                           "questions": [{"id": "q", "fact": "f", "ask": "Q?", "answer": "A", "wrong": ["B"]}]})
    load_or_refuse(text.replace(f"{key}: ", f"{key}: {number}\n_{key}: ", 1) if f"{key}: " in text else f"{key}: {number}\n" + text)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=100_000, max_value=1_900_000))
def test_huge_scalars(size):
    load_or_refuse(("title: " + "a" * size + "\n").encode())


keys_and_paths = ["id", "title", "version", "facts", "questions", "pass_mark", "max_rounds", "language", "source",
                  "source_file"]
wrong_values = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
                         st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=3))


@FUZZ
@given(st.sampled_from(keys_and_paths), wrong_values, st.sampled_from(["id", "fact", "ask", "answer", "wrong", "explain",
                                                                      "critical"]), wrong_values)
def test_wrong_types_at_each_key(bank_key, bank_value, question_key, question_value):
    bank = {"id": "ok", "title": "T", "version": 1, "facts": [{"id": "f", "text": "A point."}],
            "questions": [{"id": "q", "fact": "f", "ask": "Q?", "answer": "A", "wrong": ["B"]}]}
    bank["questions"][0][question_key] = question_value
    bank[bank_key] = bank_value
    load_or_refuse(yaml.safe_dump(bank, allow_unicode=True))

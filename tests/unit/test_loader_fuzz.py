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

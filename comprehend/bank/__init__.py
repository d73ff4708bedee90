"""Question banks: the model, the YAML loader (the single gate for banks) and discovery."""

from comprehend.bank.model import Bank, Fact, Question, WrongChoice
from comprehend.bank.problems import BankError, Problem

__all__ = ["Bank", "Fact", "Question", "WrongChoice", "BankError", "Problem"]

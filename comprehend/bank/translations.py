"""Translations of a bank: the same id in another language must have exactly the facts and questions of its original.

The original is the bank whose file has no language in its name (`kyphoplasty.yaml`); a translation
is named with its language (`kyphoplasty.es.yaml`). Facts and questions are matched by id; each
question must ask about the same fact and be critical in both, so teach-to-goal and the nurse's
talking points mean the same in every language.
"""

from __future__ import annotations

from pathlib import Path

from comprehend.bank.model import Bank
from comprehend.bank.problems import Problem


def is_translation(bank: Bank) -> bool:
    """`<id>.<language>.yaml` (a translation) rather than `<id>.yaml` (the original)."""
    return Path(bank.path).stem != bank.id


def check_translations(banks: list[Bank]) -> list[Problem]:
    """Errors for every translation whose ids differ from its original's (banks grouped by id)."""
    problems: list[Problem] = []
    by_id: dict[str, list[Bank]] = {}
    for bank in banks:
        by_id.setdefault(bank.id, []).append(bank)
    for group in by_id.values():
        originals = [bank for bank in group if not is_translation(bank)]
        if len(group) < 2 or len(originals) != 1:
            continue
        original = originals[0]
        for translation in group:
            if translation is not original:
                problems.extend(_compare(original, translation))
    return sorted(problems)


def _compare(original: Bank, translation: Bank) -> list[Problem]:
    found: list[Problem] = []

    def error(place: str, message: str) -> None:
        line, col = translation.place(place)
        found.append(Problem(translation.path, line, col, "error", message))

    name = f"the {translation.language} translation of '{original.id}'"
    if translation.language == original.language:
        error("bank", f"{name} has the same language ('{original.language}') as {original.path}; set 'language:'")
    for kind, theirs, ours in (("fact", original.facts, translation.facts), ("question", original.questions, translation.questions)):
        their_ids, our_ids = [item.id for item in theirs], [item.id for item in ours]
        for missing in [i for i in their_ids if i not in our_ids]:
            error("bank", f"{name} has no {kind} '{missing}', which {original.path} has; translate it with the same id")
        for extra in [i for i in our_ids if i not in their_ids]:
            error(f"{kind}:{extra}", f"{name} has the {kind} '{extra}', which {original.path} does not have; "
                                     "use the ids of the original")
    for question in translation.questions:
        if question.id in {q.id for q in original.questions}:
            source = original.question(question.id)
            if source.fact != question.fact:
                error(f"question:{question.id}:fact", f"in {name} the question '{question.id}' asks about the fact "
                                                      f"'{question.fact}', but in the original about '{source.fact}'")
            if source.critical != question.critical:
                error(f"question:{question.id}", f"in {name} the question '{question.id}' is "
                                                 f"{'critical' if question.critical else 'not critical'}, unlike the original")
    return found

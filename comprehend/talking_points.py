"""Talking points: the facts a patient missed on the first try or never mastered, for the nurse to go over."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from comprehend.bank.model import Bank


@dataclass(frozen=True)
class TalkingPoint:
    """One fact to talk over, in the words of the bank."""

    fact_id: str
    text: str
    critical: bool
    never_mastered: bool
    rounds: int | None  # the round it was first right in; None when never
    original: str = ""  # the same fact in the original bank's words, when the patient took a translation


NOT_KEPT = "(the wording of this point was not kept: {})"


def talking_points(
    bank: Bank | None,
    missed_first: Iterable[str],
    never_mastered: Iterable[str] = (),
    rounds_by_fact: Mapping[str, int | None] | None = None,
    original: Bank | None = None,
) -> list[TalkingPoint]:
    """Critical facts first, then never-mastered before merely missed, otherwise in the order asked.

    `bank` is the bank the attempt was taken on (its snapshot); None when its wording was not kept
    (an attempt stored before snapshots, on a version no longer in the questions folder): each point
    is then named by its id, never in another version's words.
    With `original` (the bank a translation was made from), each point also carries the original's
    words, so a nurse who does not read the patient's language knows what to talk over.
    """
    in_original = {fact.id: fact.text for fact in original.facts} if original is not None else {}
    never = set(never_mastered)
    rounds_by_fact = rounds_by_fact or {}
    ids = list(dict.fromkeys([*missed_first, *never_mastered]))
    texts = {fact.id: fact.text for fact in bank.facts} if bank is not None else {}
    points = [
        TalkingPoint(
            fact_id=fact_id,
            text=texts.get(fact_id) or NOT_KEPT.format(fact_id),
            critical=bank is not None and fact_id in texts and bank.is_critical(fact_id),
            never_mastered=fact_id in never,
            rounds=rounds_by_fact.get(fact_id),
            original=in_original.get(fact_id, ""),
        )
        for fact_id in ids
    ]
    return sorted(points, key=lambda point: (not point.critical, not point.never_mastered))

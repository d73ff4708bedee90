"""SVG snapshots of a patient who struggles (issue 14): the nurse button, the round line, the offer, the result after asking.

At 80×24 (the smallest supported kiosk) and 120×36, in English and Spanish (Spanish is longer).
"""

from __future__ import annotations

import pytest

from comprehend.bank.loader import load_bank
from tests.conftest import KYPHOPLASTY, KYPHOPLASTY_ES
from tests.tui.helpers import make_app, right_digit, sign_in, wrong_digit

SIZES = [(80, 24), (120, 36)]
SIZE_IDS = ["80x24", "120x36"]
ENGLISH, SPANISH = "enter", "2"  # the key that picks the bank on the welcome screen


def kiosk(tmp_path):
    """The kiosk on the kyphoplasty bank and its Spanish translation, with a fixed seed and clock."""
    return make_app(tmp_path / "results", banks=[load_bank(KYPHOPLASTY), load_bank(KYPHOPLASTY_ES)],
                    result_seconds=3600, idle_seconds=3600)


async def start(pilot, language: str) -> None:
    await sign_in(pilot, "snap-1", bank_key="1" if language == ENGLISH else SPANISH)


async def round_one(pilot, wrong: int) -> None:
    """Answer round 1, the first `wrong` questions wrong, moving on from each feedback."""
    for number in range(pilot.app.session.run.total):
        await pilot.press(wrong_digit(pilot.app) if number < wrong else right_digit(pilot.app))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()


def to_reteach(language):
    async def run_before(pilot):
        await start(pilot, language)
        await round_one(pilot, wrong=9)  # 9 of 35: not more than half, so the rounds go on
    return run_before


def to_reasked(language):
    async def run_before(pilot):
        await to_reteach(language)(pilot)
        await pilot.press("enter")
        await pilot.pause()
    return run_before


def to_offer(language):
    async def run_before(pilot):
        await start(pilot, language)
        await round_one(pilot, wrong=26)
    return run_before


def to_result_after_asking(language):
    async def run_before(pilot):
        await start(pilot, language)
        for digit in (wrong_digit, right_digit, right_digit):
            await pilot.press(digit(pilot.app))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("n")  # from the fourth question
        await pilot.pause()
    return run_before


class TestWayOutToTheNurse:
    """The nurse button and its key on each screen it is on, and where it leads."""

    @pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
    def test_question_with_the_nurse_button(self, snap_compare, tmp_path, size):
        async def run_before(pilot):
            await start(pilot, ENGLISH)
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=run_before)

    @pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
    def test_reteach_with_the_round_line(self, snap_compare, tmp_path, size):
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=to_reteach(ENGLISH))

    @pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
    def test_question_asked_again_with_the_round_line(self, snap_compare, tmp_path, size):
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=to_reasked(ENGLISH))

    @pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
    def test_offer_after_round_one(self, snap_compare, tmp_path, size):
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=to_offer(ENGLISH))

    @pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
    def test_result_after_asking_for_the_nurse(self, snap_compare, tmp_path, size):
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=to_result_after_asking(ENGLISH))


class TestWayOutInSpanish:
    """The same screens in Spanish at 80×24, where the words are longest."""

    def test_spanish_reteach_with_the_round_line(self, snap_compare, tmp_path):
        assert snap_compare(kiosk(tmp_path), terminal_size=(80, 24), run_before=to_reteach(SPANISH))

    def test_spanish_question_asked_again(self, snap_compare, tmp_path):
        assert snap_compare(kiosk(tmp_path), terminal_size=(80, 24), run_before=to_reasked(SPANISH))

    def test_spanish_offer_after_round_one(self, snap_compare, tmp_path):
        assert snap_compare(kiosk(tmp_path), terminal_size=(80, 24), run_before=to_offer(SPANISH))

    def test_spanish_result_after_asking_for_the_nurse(self, snap_compare, tmp_path):
        assert snap_compare(kiosk(tmp_path), terminal_size=(80, 24), run_before=to_result_after_asking(SPANISH))

"""SVG snapshots of what patients see, at 80x24 (the smallest supported kiosk) and at 120x36."""

from __future__ import annotations

import pytest

from comprehend.bank.loader import load_bank
from tests.conftest import KYPHOPLASTY, KYPHOPLASTY_ES
from tests.tui.helpers import make_app, right_digit, sign_in, wrong_digit


def kiosk(tmp_path):
    """The kiosk on the kyphoplasty bank with a fixed seed and clock."""
    return make_app(tmp_path / "results", banks=[load_bank(KYPHOPLASTY)], result_seconds=3600, idle_seconds=3600)


async def to_first_question(pilot):
    await sign_in(pilot, "snap-1")


async def to_wrong_feedback(pilot):
    await sign_in(pilot, "snap-1")
    await pilot.press(wrong_digit(pilot.app))
    await pilot.pause()


async def to_result(pilot):
    await sign_in(pilot, "snap-1")
    for number in range(pilot.app.session.run.total):
        digit = wrong_digit(pilot.app) if number in (4, 17) else right_digit(pilot.app)
        await pilot.press(digit)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    while pilot.app.session.run.current is not None:  # the re-teach rounds, answered right
        if pilot.app.screen.__class__.__name__ == "QuestionScreen":
            await pilot.press(right_digit(pilot.app))
        else:
            await pilot.press("enter")
        await pilot.pause()
    await pilot.press("enter")  # the last feedback
    await pilot.pause()


SIZES = [(80, 24), (120, 36)]


class TestPatientScreens:
    """The screens a patient reads, as they look on a small and a large terminal."""

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_welcome(self, snap_compare, tmp_path, size):
        """Welcome: the bank title and a large Start."""
        assert snap_compare(kiosk(tmp_path), terminal_size=size)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_question(self, snap_compare, tmp_path, size):
        """A question with its numbered choices."""
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=to_first_question)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_feedback_after_a_wrong_answer(self, snap_compare, tmp_path, size):
        """Kind feedback: what was chosen, why not, the answer and the point."""
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=to_wrong_feedback)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_result(self, snap_compare, tmp_path, size):
        """The result: thanks, the first-try count, the points to talk over, see the nurse."""
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=to_result)


class TestHighContrast:
    """What a patient with low vision sees after pressing C."""

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_question_in_high_contrast(self, snap_compare, tmp_path, size):
        async def contrast_then_question(pilot):
            await pilot.press("c")
            await pilot.pause()
            await to_first_question(pilot)

        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=contrast_then_question)


def kiosk_in_two_languages(tmp_path):
    """The kiosk on the kyphoplasty bank and its Spanish translation."""
    return make_app(tmp_path / "results", banks=[load_bank(KYPHOPLASTY), load_bank(KYPHOPLASTY_ES)],
                    result_seconds=3600, idle_seconds=3600)


async def to_spanish_first_question(pilot):
    await sign_in(pilot, "snap-1", bank_key="2")  # 2: Español


async def to_spanish_wrong_feedback(pilot):
    await to_spanish_first_question(pilot)
    await pilot.press(wrong_digit(pilot.app))
    await pilot.pause()


class TestSpanish:
    """What a Spanish-speaking patient sees: the welcome in both languages, then Spanish only."""

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_welcome_in_two_languages(self, snap_compare, tmp_path, size):
        """Welcome: each sentence in English and Spanish, each bank named in its own language."""
        assert snap_compare(kiosk_in_two_languages(tmp_path), terminal_size=size)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_spanish_question(self, snap_compare, tmp_path, size):
        """A Spanish question: progress, choices and hint in Spanish."""
        assert snap_compare(kiosk_in_two_languages(tmp_path), terminal_size=size, run_before=to_spanish_first_question)

    def test_spanish_feedback_after_a_wrong_answer(self, snap_compare, tmp_path):
        """Kind feedback in Spanish at 80x24: what was chosen, why not, the answer and the point."""
        assert snap_compare(kiosk_in_two_languages(tmp_path), terminal_size=(80, 24), run_before=to_spanish_wrong_feedback)

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


# --- patient-screens (issue 14): Back on the ID screen, the key points a page at a time, the result's fit ---------
async def to_patient_id(pilot, bank_key="enter"):
    await pilot.press(bank_key)
    await pilot.pause()


async def key_points_page(pilot, page: int, bank_key="enter"):
    """The key points, turned to `page` (from 0), once the pages are cut for this size."""
    from tests.tui.helpers import confirm_id, wait_until

    await confirm_id(pilot, "snap-1", bank_key)
    assert await wait_until(pilot, lambda: getattr(pilot.app.screen, "pages_ready", False))
    for _ in range(page):
        await pilot.press("enter")
        await pilot.pause()


async def to_spanish_result(pilot):
    await sign_in(pilot, "snap-1", bank_key="2")
    for _ in range(1000):  # every first try wrong, then right (a bound, so a screen that takes no Enter fails, not hangs)
        name = pilot.app.screen.__class__.__name__
        if name == "ResultScreen":
            break
        if name == "QuestionScreen":
            first_round = pilot.app.screen.ask.round == 1
            await pilot.press(wrong_digit(pilot.app) if first_round else right_digit(pilot.app))
        elif name == "NurseOfferScreen":
            await pilot.press("2")  # more than half missed: try them again here, for the long result
        else:
            await pilot.press("enter")
        await pilot.pause()
    else:
        raise AssertionError(f"no result screen after 1000 steps: {pilot.app.screen}")
    await pilot.pause()


class TestBackAndPages:
    """The ID screen with Back, the key points a topic a page, and a long result, in English and Spanish."""

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_patient_id_with_back(self, snap_compare, tmp_path, size):
        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=to_patient_id)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_spanish_patient_id_with_back(self, snap_compare, tmp_path, size):
        async def run_before(pilot):
            await to_patient_id(pilot, "2")

        assert snap_compare(kiosk_in_two_languages(tmp_path), terminal_size=size, run_before=run_before)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_key_points_first_page(self, snap_compare, tmp_path, size):
        """Page 1 of 8: the lead, the first topic, Next (no Back yet)."""
        async def run_before(pilot):
            await key_points_page(pilot, 0)

        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=run_before)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_key_points_longest_page(self, snap_compare, tmp_path, size):
        """Page 8 of 8, the longest topic: Back and 'I have read this'."""
        async def run_before(pilot):
            await key_points_page(pilot, 7)

        assert snap_compare(kiosk(tmp_path), terminal_size=size, run_before=run_before)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_spanish_key_points_longest_page(self, snap_compare, tmp_path, size):
        async def run_before(pilot):
            await key_points_page(pilot, 7, "2")

        assert snap_compare(kiosk_in_two_languages(tmp_path), terminal_size=size, run_before=run_before)

    def test_key_points_of_a_topic_too_long_for_a_page(self, snap_compare, tmp_path):
        """A bank whose only topic is far over a page at 80x24: page 2, its heading again, nothing to scroll."""
        from tests.tui.key_point_helpers import one_long_topic_bank

        app = make_app(tmp_path / "results", banks=[one_long_topic_bank(tmp_path / "banks")], idle_seconds=3600)

        async def run_before(pilot):
            await key_points_page(pilot, 1)

        assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

    @pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x36"])
    def test_spanish_long_result(self, snap_compare, tmp_path, size):
        """Every first try wrong, in Spanish: all 35 points scroll between the score and 'Avise a la enfermera'."""
        assert snap_compare(kiosk_in_two_languages(tmp_path), terminal_size=size, run_before=to_spanish_result)

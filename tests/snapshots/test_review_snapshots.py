"""SVG snapshots of the nurse's review screens at 100x30 (the list and the detail at 80x24 too), and of the staff dialogs over the kiosk at 80x24."""

from __future__ import annotations

from pathlib import Path

import pytest

from comprehend.bank.discovery import skipped_banks_note
from comprehend.bank.problems import Problem
from comprehend.review.launch import make_review_app
from tests.approval_builders import draft_then_approved
from tests.conftest import FixedClock
from tests.tui.helpers import make_app, staff_with_nurse
from tests.tui.review_helpers import (NURSE, NURSE_PIN, many_attempts, nurse_opens_first, nurse_signs_in, review_app,
                                      stored_attempts)

REVIEW_SIZE = (100, 30)


class TestReviewScreens:
    """What a nurse sees in review."""

    def test_sign_in(self, snap_compare, results_dir):
        """The staff sign-in."""
        stored_attempts(results_dir)
        assert snap_compare(review_app(results_dir), terminal_size=REVIEW_SIZE)

    def test_attempts_list(self, snap_compare, results_dir):
        """The attempts list opened on 'to review', with counts and filters."""
        stored_attempts(results_dir)
        assert snap_compare(review_app(results_dir), terminal_size=REVIEW_SIZE, run_before=nurse_signs_in)

    @pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=["80x24", "100x30"])
    def test_a_long_attempts_list(self, snap_compare, results_dir, size):
        """Every column beside the scrollbar: short labels and outcome words at 80x24, the full ones at 100x30."""
        many_attempts(results_dir)
        assert snap_compare(review_app(results_dir), terminal_size=size, run_before=nurse_signs_in)

    def test_attempt_detail(self, snap_compare, results_dir):
        """One attempt: talking points first, then questions and answers."""
        stored_attempts(results_dir)
        assert snap_compare(review_app(results_dir), terminal_size=REVIEW_SIZE, run_before=nurse_opens_first)


class TestBankApproval:
    """The detail screen at 80x24 says who approved the bank version the patient took, or that it was a draft."""

    def test_attempt_detail_on_a_draft_80x24(self, snap_compare, results_dir):
        stored_attempts(results_dir)
        assert snap_compare(review_app(results_dir), terminal_size=(80, 24), run_before=nurse_opens_first)

    def test_attempt_detail_on_an_approved_version_80x24(self, snap_compare, tmp_path):
        results, approved = draft_then_approved(tmp_path)
        staff_with_nurse(results)
        app = make_review_app(tmp_path / "questions", results, banks=[approved], clock=FixedClock())
        assert snap_compare(app, terminal_size=(80, 24), run_before=nurse_opens_first)


class TestStaffDialogs:
    """What appears over the patient's screen when staff press F12, and the setup-mode welcome."""

    def test_staff_sign_in_over_the_kiosk(self, snap_compare, results_dir):
        async def press_f12(pilot):
            await pilot.press("f12")
            await pilot.pause()

        assert snap_compare(make_app(results_dir), terminal_size=(80, 24), run_before=press_f12)

    def test_staff_menu_naming_a_skipped_bank(self, snap_compare, results_dir, tmp_path):
        """Fixed digits (1, 2, 9: no End attempt on the welcome screen) and the bank file skipped for errors."""
        async def open_menu(pilot):
            await pilot.press("f12")
            await pilot.pause()
            await pilot.press(*NURSE, "enter")
            await pilot.pause()
            await pilot.press(*NURSE_PIN, "enter")
            await pilot.pause()

        note = skipped_banks_note([Problem(str(tmp_path / "broken.yaml"), 3, 1, "error", "x")] * 2, Path("questions"))
        assert snap_compare(make_app(results_dir, bank_note=note), terminal_size=(80, 24), run_before=open_menu)

    def test_setup_mode_welcome(self, snap_compare, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)  # the default results/ folder: the banner's command names no --results
        assert snap_compare(make_app(Path("results"), setup_mode=True), terminal_size=(80, 24))


class TestReviewStats:
    """The statistics screen a nurse or educator opens with F4."""

    def test_item_statistics(self, snap_compare, results_dir):
        stored_attempts(results_dir)

        async def open_stats(pilot):
            await nurse_signs_in(pilot)
            await pilot.press("f4")
            await pilot.pause()

        assert snap_compare(review_app(results_dir), terminal_size=REVIEW_SIZE, run_before=open_stats)

"""SVG snapshot of the educator preview: a real question screen with the banner and the fact and answer beside it."""

from __future__ import annotations

from comprehend.bank.loader import load_bank
from comprehend.preview.app import PreviewApp
from tests.conftest import SMALL_BANK


def test_preview_question(snap_compare):
    async def first_question(pilot):
        await pilot.app.show_question(0)
        await pilot.pause()

    assert snap_compare(PreviewApp(SMALL_BANK, load_bank(SMALL_BANK), watch_seconds=3600), terminal_size=(100, 30),
                        run_before=first_question)

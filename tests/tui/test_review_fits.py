"""The attempts list at 80x24 and 100x30: all six columns show, with the scrollbar; they fit again on a resize."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from comprehend.review.screens.attempts import AttemptsScreen
from tests.tui.helpers import wait_until
from tests.tui.review_helpers import NURSE, NURSE_PIN, many_attempts, review_app


async def signed_in(pilot) -> None:
    await pilot.press(*NURSE, "enter")
    await pilot.pause()
    await pilot.press(*NURSE_PIN, "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, AttemptsScreen))


def labels(table: DataTable) -> list[str]:
    return [column.label.plain for column in table.columns.values()]


def fits(table: DataTable) -> bool:
    """Every column inside the table's view, beside its scrollbar (before, Outcome was cut to "Ne" at 80x24)."""
    return table.virtual_size.width <= table.scrollable_content_region.width


def cell_texts(table: DataTable, row: int) -> list[str]:
    return [cell.plain for cell in table.get_row_at(row)]


@pytest.mark.parametrize("size, expected", [
    ((80, 24), ["Date", "Patient", "Bank", "1st try", "Outcome", "Rev'd"]),
    ((100, 30), ["Date and time", "Patient", "Bank", "First try", "Outcome", "Reviewed"]),
])
async def test_every_column_shows_with_the_scrollbar(results_dir, size, expected):
    many_attempts(results_dir)
    app = review_app(results_dir)
    async with app.run_test(size=size) as pilot:
        await signed_in(pilot)
        table = app.screen.query_one(DataTable)
        assert table.show_vertical_scrollbar  # the list is longer than the screen
        assert labels(table) == expected
        assert fits(table)
        first = cell_texts(table, 0)
        assert first[0] == "2026-11-04 09:00" and first[1] == "P-1" and first[5] == "no"
        assert first[4] == ("Discuss" if size[0] == 80 else "Needs discussion")


async def test_the_columns_fit_again_when_the_terminal_changes_size(results_dir):
    many_attempts(results_dir)
    app = review_app(results_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=3)
        await pilot.resize_terminal(80, 24)
        assert await wait_until(pilot, lambda: labels(table)[0] == "Date")
        assert fits(table) and table.cursor_row == 3  # the nurse's place in the list is kept
        await pilot.resize_terminal(100, 30)
        assert await wait_until(pilot, lambda: labels(table)[0] == "Date and time")
        assert fits(table)

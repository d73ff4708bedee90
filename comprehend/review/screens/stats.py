"""Item statistics in review: each bank's figures and its questions as bars, flagged questions first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from comprehend.reports.item_stats import bank_stats, counted_attempts
from comprehend.reports.stats_output import render_text
from comprehend.review_data import ReviewData
from comprehend.ui.text import Plain


class StatsScreen(Screen):
    """Which questions confuse patients, over completed attempts on each bank's current version."""

    BINDINGS = [Binding("escape,backspace", "app.pop_screen", "Back to the list")]

    def __init__(self, data: ReviewData) -> None:
        super().__init__()
        self.data = data

    def compose(self) -> ComposeResult:
        yield Static("Item statistics · completed attempts on the current version of each bank · ! marks a question to look at",
                     classes="bar")
        with VerticalScroll(id="stats-body"):
            records = self.data.all_records()
            for bank in self.data.banks.values():
                yield Plain(render_text(bank_stats(bank, counted_attempts(records, bank))), classes="stats-bank")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#stats-body").focus()

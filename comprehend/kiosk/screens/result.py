"""The end: thanks, the first-try count without judging, the points to talk over, see the nurse."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.bank.model import Bank
from comprehend.kiosk.messages import ResultRead
from comprehend.ui.text import Bullet
from comprehend.talking_points import talking_points
from comprehend.scoring import Figures
from comprehend.words import ENGLISH, Words


class ResultScreen(Screen):
    """Thanks the patient and sends them to the nurse; Enter, or the time running out, clears it."""

    QUIET_WHEN_IDLE = True  # it clears itself

    BINDINGS = [Binding("enter", "done", "Done", show=False)]

    def __init__(self, bank: Bank, figures: Figures, *, seconds: float, staff_note: str = "", words: Words = ENGLISH,
                 asked_for_nurse: bool = False) -> None:
        super().__init__()
        self.asked_for_nurse = asked_for_nurse  # the patient stopped and asked for the nurse: say kindly that is fine
        self.words = words
        self.bank = bank
        self.figures = figures
        self.seconds = seconds
        self.staff_note = staff_note

    def compose(self) -> ComposeResult:
        figures, words = self.figures, self.words
        points = [point.text for point in talking_points(self.bank, figures.missed_first, figures.never_mastered)]
        # Thanks and the score at the top, "tell the nurse" and Done at the bottom: only the points between scroll,
        # so however many points there are, the line that sends the patient to the nurse shows at 80x24.
        with Vertical(id="result-top", classes="result-part"):
            with Vertical(classes="panel"):
                yield Static(words.thanks, classes="title")
                if figures.total:  # nothing to count when the patient asked for the nurse before any answer
                    yield Static(words.score.format(right=figures.first_try_correct, total=figures.total), id="score", classes="lead")
                if self.asked_for_nurse:
                    yield Static(words.asked_nurse, id="asked-nurse", classes="lead")
        with VerticalScroll(id="result-points", classes="page"):
            with Vertical(classes="panel"):
                if points:
                    yield Static(words.nurse_points, classes="topic")
                    for text in points:
                        yield Bullet(text, classes="fact")
                else:
                    yield Static(words.nurse_questions, classes="lead")
        with Vertical(id="result-bottom", classes="result-part"):
            with Vertical(classes="panel"):
                yield Static(words.tell_nurse, id="see-nurse", classes="see-nurse")
                with Center():
                    yield Button(words.done, id="done", variant="primary", classes="big")
                if self.staff_note:
                    yield Static(self.staff_note, id="staff-note", classes="staff-note")
        yield Static(words.done_hint, classes="hint bar")

    def on_mount(self) -> None:
        self.query_one("#done", Button).focus(scroll_visible=False)  # open at the top: thanks and the score first
        self.set_timer(self.seconds, self.action_done)
        self._fit_points()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_points()

    def _fit_points(self) -> None:
        """The points take the room between the score and 'tell the nurse', then shrink to their own rows when
        they need less, so on a big screen 'tell the nurse' follows them instead of sitting far below."""
        self.query_one("#result-points").styles.height = "1fr"
        self.call_after_refresh(self._shrink_points)

    def _shrink_points(self, tries: int = 0) -> None:
        if not self.is_attached:
            return
        points = self.query_one("#result-points", VerticalScroll)
        if points.outer_size.height == 0 and tries < 200:  # not laid out yet: look again shortly
            self.set_timer(0.01, lambda: self._shrink_points(tries + 1))
            return
        if points.max_scroll_y == 0 and points.virtual_size.height <= points.scrollable_content_region.height:
            points.styles.height = "auto"

    def action_done(self) -> None:
        """Clear the screen for the next patient."""
        self.post_message(ResultRead())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_done()

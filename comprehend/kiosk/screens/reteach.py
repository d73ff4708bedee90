"""Re-teaching a missed point on a screen of its own, before it is asked again."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.kiosk.messages import ReteachRead
from comprehend.kiosk.screens.question import progress_text
from comprehend.kiosk.widgets.hint_bar import HintBar
from comprehend.kiosk.widgets.nurse_bar import NURSE_BINDING, NURSE_BUTTON_ID, AsksForNurse, nurse_button
from comprehend.ui.text import Plain
from comprehend.quiz import FROM_RETEACH, Reteach
from comprehend.words import ENGLISH, Words


class ReteachScreen(AsksForNurse, Screen):
    """Shows the fact and its explanation again, under the round line; Enter asks about it once more, N asks for the nurse."""

    BINDINGS = [Binding("enter", "ready", "Ask me again", show=False), NURSE_BINDING]
    NURSE_FROM = FROM_RETEACH

    def __init__(self, reteach: Reteach, words: Words = ENGLISH) -> None:
        super().__init__()
        self.reteach = reteach
        self.words = words
        self._ready = False

    def compose(self) -> ComposeResult:
        yield Static(progress_text(self.reteach, self.words), id="progress", classes="bar")
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static(self.words.reteach_title, classes="title")
                yield Plain(self.reteach.fact.text, id="fact-text", classes="fact big-fact")
                if self.reteach.explain and self.reteach.explain != self.reteach.fact.text:
                    yield Plain(self.reteach.explain, classes="explain")
                with Center():
                    with Horizontal(classes="buttons"):
                        yield Button(self.words.ask_again, id="ready", variant="primary", classes="big")
                        yield nurse_button(self.words.talk_to_nurse)
        yield HintBar(self.words.ready_hint, "", can_speak=False, key_hint=self.words.nurse_key)

    def on_mount(self) -> None:
        self.query_one("#ready", Button).focus(scroll_visible=False)

    def nurse_shown(self) -> bool:
        return not self._ready

    def action_ready(self) -> None:
        """The patient is ready to be asked again (once)."""
        if self._ready or self._asked_for_nurse:
            return
        self._ready = True
        self.post_message(ReteachRead())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == NURSE_BUTTON_ID:
            self.action_ask_for_nurse()
        else:
            self.action_ready()

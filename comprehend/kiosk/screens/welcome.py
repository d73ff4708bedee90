"""Welcome: the bank's title and Start, or a numbered list when there are several banks."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.bank.model import Bank
from comprehend.kiosk.messages import BankChosen, ContrastToggled
from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice
from comprehend.ui.text import Plain


LANGUAGE_NAMES = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "pt": "Português", "it": "Italiano"}


def language_name(code: str) -> str:
    """A language in its own name ("Español"), or its code when not known."""
    return LANGUAGE_NAMES.get(code, code)


SETUP_BANNER = (
    "Setup mode: this kiosk is NOT locked (ctrl+q quits). To lock it, create the first staff account: "
    "python main.py staff add NAME"
)


class WelcomeScreen(Screen):
    """The first screen, and the one the kiosk returns to: nothing of any patient on it."""

    QUIET_WHEN_IDLE = True  # nothing of a patient here: no idle question

    BINDINGS = [Binding("enter", "start", "Start", show=False), Binding("c", "contrast", "High contrast", show=False),
                *DIGIT_BINDINGS]

    def __init__(self, banks: list[Bank], setup_mode: bool = False) -> None:
        super().__init__()
        self.banks = banks
        self.setup_mode = setup_mode

    def compose(self) -> ComposeResult:
        if self.setup_mode:
            yield Static(SETUP_BANNER, id="setup-banner", classes="setup-banner")
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static("Welcome", classes="title")
                if len(self.banks) == 1:
                    yield Plain(self.banks[0].title, classes="subtitle")
                yield Static(
                    "Before your procedure, we will go over a few key points together. "
                    "Then we will ask you some easy questions. Take your time: there is no time limit.",
                    classes="lead",
                )
                if len(self.banks) == 1:
                    with Center():
                        yield Button("Start", id="start", variant="primary", classes="big")
                    yield Static("Press Enter or touch Start.", classes="hint")
                else:
                    yield Static("Which procedure are you here for?", classes="question-text")
                    several_languages = len({bank.language for bank in self.banks}) > 1
                    for index, bank in enumerate(self.banks):
                        label = f"{language_name(bank.language)}: {bank.title}" if several_languages else bank.title
                        yield NumberedChoice(index, label)
                    yield Static("Press the number, or touch your choice.", classes="hint")
                yield Static("Hard to read? Press C, or touch the button, for high contrast.", classes="hint contrast-hint")
                yield Button("High contrast (C)", id="contrast", classes="contrast")

    def on_mount(self) -> None:
        if len(self.banks) == 1:
            self.query_one("#start", Button).focus()

    def action_start(self) -> None:
        """Enter starts when there is only one bank to take."""
        if len(self.banks) == 1:
            self.post_message(BankChosen(self.banks[0]))

    def action_pick(self, index: int) -> None:
        """A digit picks a bank from the list."""
        if len(self.banks) > 1 and index < len(self.banks):
            self.post_message(BankChosen(self.banks[index]))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "contrast":
            self.action_contrast()
        else:
            self.action_start()

    def action_contrast(self) -> None:
        """C: high contrast on or off, for this attempt."""
        self.post_message(ContrastToggled())

    def on_numbered_choice_picked(self, event: NumberedChoice.Picked) -> None:
        event.stop()
        self.action_pick(event.index)

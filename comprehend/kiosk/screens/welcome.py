"""Welcome: the bank's title and Start, or a numbered list when there are several banks.

The high-contrast button sits at the top, beside the welcome, so a patient who cannot read the rest
finds it first, and the whole screen fits 80x24 with the two bundled banks.

Before a bank is chosen the patient's language is not known: when the banks come in several
languages, every sentence is shown in each of them and each bank is listed in its own language.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Static

from comprehend.bank.model import Bank
from comprehend.kiosk.messages import BankChosen, ContrastToggled
from comprehend.kiosk.widgets.numbered_choice import DIGIT_BINDINGS, NumberedChoice
from comprehend.staff.hint import DEFAULT_RESULTS, staff_add_command
from comprehend.ui.text import Plain
from comprehend.words import Words, language_name, words_for


def languages_of(banks: list[Bank]) -> list[Words]:
    """The kiosk's words for each language of the banks, in the order the banks come."""
    codes = list(dict.fromkeys(bank.language for bank in banks))
    return [words_for(code) for code in codes]


def in_each(tables: list[Words], field: str, joiner: str = "\n") -> str:
    """One sentence of the words in every language shown, joined (one line each by default)."""
    return joiner.join(dict.fromkeys(getattr(words, field) for words in tables))


def setup_banner(results: Path) -> str:
    """What staff read in setup mode: the kiosk is not locked, and the command that locks it (naming `results`)."""
    return ("Setup mode: this kiosk is NOT locked (ctrl+q quits). To lock it, create the first staff account: "
            + staff_add_command(results))


class WelcomeScreen(Screen):
    """The first screen, and the one the kiosk returns to: nothing of any patient on it."""

    QUIET_WHEN_IDLE = True  # nothing of a patient here: no idle question

    BINDINGS = [Binding("enter", "start", "Start", show=False), Binding("c", "contrast", "High contrast", show=False),
                *DIGIT_BINDINGS]

    def __init__(self, banks: list[Bank], setup_mode: bool = False, notice: str = "", setup_note: str = "",
                 results: Path = DEFAULT_RESULTS) -> None:
        super().__init__()
        self.banks = banks
        self.setup_mode = setup_mode
        self.setup_note = setup_note  # for staff, in the setup banner only: bank files skipped for errors
        self.results = results  # named in the setup banner's command
        self.notice = notice  # a calm sentence after an unexpected error, else nothing
        self.tables = languages_of(banks)

    def compose(self) -> ComposeResult:
        tables = self.tables
        if self.setup_mode:
            yield Plain("\n".join(filter(None, (setup_banner(self.results), self.setup_note))), id="setup-banner", classes="setup-banner")
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                if self.notice:
                    yield Static(self.notice, id="notice", classes="lead")
                with Horizontal(id="welcome-top"):
                    with Vertical(id="welcome-heading"):
                        yield Static(in_each(tables, "welcome", " · "), classes="title")
                        yield Static(in_each(tables, "contrast_hint"), classes="hint contrast-hint")
                    yield Button(in_each(tables, "contrast_button", " · "), id="contrast", classes="contrast")
                if len(self.banks) == 1:
                    yield Plain(self.banks[0].title, classes="subtitle")
                yield Static(in_each(tables, "welcome_lead", "\n\n"), classes="lead")
                if len(self.banks) == 1:
                    with Center():
                        yield Button(tables[0].start, id="start", variant="primary", classes="big")
                    yield Static(tables[0].start_hint, classes="hint")
                else:
                    one_bank = len({bank.id for bank in self.banks}) == 1  # one bank in several languages: ask for the language
                    yield Static(in_each(tables, "which_language" if one_bank else "which_procedure"),
                                 id="which", classes="question-text")
                    for index, bank in enumerate(self.banks):
                        label = f"{language_name(bank.language)}: {bank.title}" if len(tables) > 1 else bank.title
                        yield NumberedChoice(index, label)
                    yield Static(in_each(tables, "pick_hint"), classes="hint")

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

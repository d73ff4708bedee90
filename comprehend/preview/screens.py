"""Preview-only screens: the list to jump to a question, a bank's errors while it is broken, the end."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from comprehend.bank.model import Bank
from comprehend.bank.problems import Problem
from comprehend.kiosk.messages import ResultRead
from comprehend.ui.text import Plain, printable


class JumpScreen(ModalScreen[int | None]):
    """Every question by number, id and wording; Enter or a click jumps, Escape goes back."""

    BINDINGS = [Binding("escape", "cancel", "Back")]

    def __init__(self, bank: Bank, current: int | None) -> None:
        super().__init__()
        self.bank = bank
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="jump", classes="dialog"):
            yield Static("Jump to a question", classes="title")
            options = [
                Option(Text(printable(f"{n + 1:>2}. {q.id}{' [critical]' if q.critical else ''}: {q.ask}")), id=str(n))
                for n, q in enumerate(self.bank.questions)
            ]
            yield OptionList(*options, id="questions")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = self.current or 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        """Back to where the preview was."""
        self.dismiss(None)


class BankErrorsScreen(ModalScreen[None]):
    """The saved bank has errors: they are listed until the file is saved without them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        with Vertical(id="bank-errors", classes="dialog"):
            yield Static("The bank has errors — fix them and save; the preview comes back by itself", classes="title")
            with VerticalScroll():
                for problem in self.problems:
                    yield Plain(str(problem), classes="problem")


class EndScreen(Screen):
    """After the last question: what a patient would now see summed up, the bank's approval, and a way to start again."""

    BINDINGS = [Binding("enter", "again", "Start again", show=False)]

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static("End of the bank", classes="title")
                yield Plain(f"{len(self.bank.facts)} key points and {len(self.bank.questions)} questions. "
                            "In the kiosk, a patient now sees their result and the points to talk over.", classes="lead")
                yield Plain(f"{self.bank.approval_sentence}.", id="approval", classes="lead")
                with Center():
                    yield Button("Start again", id="again", variant="primary", classes="big")
        yield Static("Press Enter to start again, F2 to jump to a question.", classes="hint bar")

    def action_again(self) -> None:
        """Back to the welcome screen."""
        self.post_message(ResultRead())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_again()

"""PreviewApp: an educator walks through a bank on the real kiosk screens; nothing is stored; saving the YAML reloads it.

Every screen gets a PREVIEW banner saying whether the bank is a draft or approved; each question shows
its fact, its right answer and who approved the bank (or that it is a draft) beside it; F2
lists every question to jump to. The bank file is watched: a change reloads it (or shows its errors
until they are fixed) and the same question comes back.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from comprehend.bank.loader import load_bank
from comprehend.bank.model import Bank
from comprehend.bank.problems import BankError
from comprehend.kiosk.messages import AnswerChosen, BankChosen, FeedbackRead, KeyPointsRead, NurseAsked, ReteachRead, ResultRead
from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.key_points import KeyPointsScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.kiosk.screens.reteach import ReteachScreen
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.preview.screens import BankErrorsScreen, EndScreen, JumpScreen
from comprehend.quiz import Ask, Reteach, feedback_for, preview_ask
from comprehend.ui.safe_edge import SafeEdge
from comprehend.ui.text import Plain
from comprehend.words import Words, words_for

KIOSK_CSS = Path(__file__).resolve().parent.parent / "kiosk" / "kiosk.tcss"
BANNER = "PREVIEW · nothing is stored · F2 jump to a question · F3 re-teach screen · ctrl+q quits"


def banner_for(bank: Bank) -> str:
    """The banner with the bank's approval first (seen at 80 columns; who and when are beside each question)."""
    status = "DRAFT" if bank.approved is None else "APPROVED"
    return BANNER.replace("PREVIEW · ", f"PREVIEW · {status} · ", 1)
WATCH_SECONDS = 0.5


class PreviewApp(SafeEdge, App, inherit_bindings=False):
    """Shows one bank file as patients would see it; a failure is logged (comprehend.preview) and the welcome comes back."""

    EDGE_LOGGER = "comprehend.preview"

    CSS_PATH = [KIOSK_CSS, Path(__file__).parent / "preview.tcss"]
    TITLE = "comprehend preview"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f2", "jump", "Jump to a question", priority=True),
        Binding("f3", "reteach", "Re-teach screen", priority=True),
    ]

    def __init__(self, path: Path, bank: Bank, watch_seconds: float = WATCH_SECONDS) -> None:
        super().__init__()
        self.path = Path(path)
        self.bank = bank
        self.watch_seconds = watch_seconds
        self.position: int | None = None  # the question shown (index in bank order), None before the questions
        self.place = "welcome"  # welcome, key-points, question, feedback, reteach, end
        self._stamp = self._file_stamp()
        self._errors_shown = False

    # --- showing screens with the banner --------------------------------------------------------
    async def _show(self, screen: Screen) -> None:
        if len(self.screen_stack) > 1:
            await self.switch_screen(screen)
        else:
            await self.push_screen(screen)
        if isinstance(screen, QuestionScreen):
            ask = screen.ask
            await screen.mount(
                Plain(f"Fact ({ask.fact.id}): {ask.fact.text}\n\nRight answer: {ask.question.answer}"
                      + ("\n\nCRITICAL" if ask.question.critical else "") + f"\n\nQuestion id: {ask.question.id}"
                      + f"\n\n{self.bank.approval_sentence}.",
                      id="preview-side", classes="preview-side"),
                before=0,
            )
        screen.border_title = banner_for(self.bank)

    async def on_mount(self) -> None:
        await self._show(WelcomeScreen([self.bank]))
        self.set_interval(self.watch_seconds, self._check_file)

    async def recover_from_error(self, error: BaseException) -> None:
        """After any failure (already logged): the welcome screen again, and a short note for the educator."""
        self.position, self.place = None, "welcome"
        while len(self.screen_stack) > 2:
            self.pop_screen()
        await self._show(WelcomeScreen([self.bank]))
        self.notify("Something went wrong in the preview; it was put back at the start.", severity="error", timeout=10)

    async def show_question(self, position: int) -> None:
        """Jump to the question at `position` in bank order."""
        self.position = max(0, min(position, len(self.bank.questions) - 1))
        self.place = "question"
        question = self.bank.questions[self.position]
        await self._show(QuestionScreen(preview_ask(self.bank, question, self.position + 1), self.words))

    # --- the kiosk's messages ---------------------------------------------------------------------
    async def on_bank_chosen(self, message: BankChosen) -> None:
        self.place = "key-points"
        await self._show(KeyPointsScreen(self.bank, self.words))

    async def on_key_points_read(self, message: KeyPointsRead) -> None:
        await self.show_question(0)

    async def on_answer_chosen(self, message: AnswerChosen) -> None:
        screen = self.screen
        if isinstance(screen, QuestionScreen):
            self.place = "feedback"
            await self._show(FeedbackScreen(feedback_for(screen.ask, message.index), self.words))

    async def on_feedback_read(self, message: FeedbackRead) -> None:
        await self._next()

    async def on_reteach_read(self, message: ReteachRead) -> None:
        await self.show_question(self.position or 0)

    def on_nurse_asked(self, message: NurseAsked) -> None:
        """The nurse button in preview: say what the kiosk would do, and leave the screen usable."""
        self.screen._asked_for_nurse = False
        self.notify("On the kiosk this ends the attempt here (stored as needs discussion, marked 'asked for the nurse') "
                    "and shows the result.", timeout=6)

    async def on_result_read(self, message: ResultRead) -> None:
        self.position = None
        self.place = "welcome"
        await self._show(WelcomeScreen([self.bank]))

    async def _next(self) -> None:
        position = 0 if self.position is None else self.position + 1
        if position < len(self.bank.questions):
            await self.show_question(position)
        else:
            self.place = "end"
            await self._show(EndScreen(self.bank))

    # --- staff keys ---------------------------------------------------------------------------------
    def action_jump(self) -> None:
        """F2: pick any question from a list."""
        if not isinstance(self.screen, (JumpScreen, BankErrorsScreen)):
            self.push_screen(JumpScreen(self.bank, self.position), self._jumped)

    async def _jumped(self, position: int | None) -> None:
        if position is not None:
            await self.show_question(position)

    async def action_reteach(self) -> None:
        """F3: the re-teach screen of the question's fact, as a patient who missed it sees it."""
        if self.position is None or isinstance(self.screen, (JumpScreen, BankErrorsScreen)):
            return
        question = self.bank.questions[self.position]
        self.place = "reteach"
        await self._show(ReteachScreen(Reteach(self.bank.fact(question.fact), question.explain, 2, 1, 1, 1 + self.bank.max_rounds), self.words))

    # --- live reload ----------------------------------------------------------------------------------
    def _file_stamp(self) -> tuple[float, int] | None:
        try:
            info = self.path.stat()
        except OSError:
            return None
        return info.st_mtime, info.st_size

    async def _check_file(self) -> None:
        stamp = self._file_stamp()
        if stamp == self._stamp:
            return
        self._stamp = stamp
        await self.reload()

    async def reload(self) -> None:
        """Read the bank again: show its errors, or the same place with the new wording."""
        try:
            bank = load_bank(self.path)
        except BankError as error:
            if self._errors_shown:
                self.screen.dismiss(None)
            self._errors_shown = True
            self.push_screen(BankErrorsScreen(error.problems))
            return
        if self._errors_shown:
            self._errors_shown = False
            self.screen.dismiss(None)
        current_id = self.bank.questions[self.position].id if self.position is not None else None
        self.bank = bank
        self.notify("Reloaded the bank.", timeout=3)
        if current_id is not None:
            ids = [question.id for question in bank.questions]
            await self.show_question(ids.index(current_id) if current_id in ids else min(self.position or 0, len(ids) - 1))
        elif self.place == "key-points":
            await self._show(KeyPointsScreen(bank, self.words))
        else:
            await self._show(WelcomeScreen([bank]))

    @property
    def words(self) -> Words:
        """The kiosk's words in the bank's language, as a patient would see them."""
        return words_for(self.bank.language)

    @property
    def shown_ask(self) -> Ask | None:
        """The question on screen now (for tests)."""
        return self.screen.ask if isinstance(self.screen, QuestionScreen) else None

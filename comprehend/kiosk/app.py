"""KioskApp: routes the patient from screen to screen, keeps the screen private when they leave, and stays locked.

Locked (once a staff account exists): no key leaves the app or reaches a shell; F12 opens the staff
sign-in. In setup mode (no account yet) or with --unlocked, ctrl+q quits.
"""

from __future__ import annotations

import logging
import random
import time
from datetime import datetime
from pathlib import Path
from typing import Callable, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from comprehend.bank.model import Bank
from comprehend.kiosk.messages import (
    AnswerChosen,
    BankChosen,
    CarryOnChosen,
    ContrastToggled,
    ReadAloudRequested,
    FeedbackRead,
    KeyPointsRead,
    NurseAsked,
    NurseOfferAnswered,
    PatientIdConfirmed,
    PatientIdEntered,
    PatientIdRejected,
    ResultRead,
    ReteachRead,
    StillHere,
    WalkedAway,
    WentBack,
)
from comprehend.kiosk.screens.staff_menu import END_ATTEMPT, EXIT, REVIEW
from comprehend.kiosk.screens.welcome import WelcomeScreen
from comprehend.kiosk.themes import DEFAULT, HIGH_CONTRAST, HIGH_CONTRAST_THEME, THEMES
from comprehend.quiz import FROM_OFFER, Ask, NurseOffer, QuizError, Reteach
from comprehend.session import AttemptSession, local_now
from comprehend.speech import Speaker
from comprehend.staff.accounts import StaffAccounts
from comprehend.store import ResultsStore, StoreError
from comprehend.store.audit import ENDED_ATTEMPT, EXITED_KIOSK, KIOSK_UNLOCKED, SIGN_IN_FAILED, AuditLog
from comprehend.kiosk.visit import Visit
from comprehend.ui.safe_edge import SafeEdge
from comprehend.ui.sign_in import SignInForm
from comprehend.words import Words, words_for

log = logging.getLogger(__name__)

DEFAULT_IDLE_SECONDS = 180.0
DEFAULT_COUNTDOWN_SECONDS = 30.0
DEFAULT_RESULT_SECONDS = 60.0
FRESH_KEY_SECONDS = 0.6  # a key arriving this soon after a screen appeared is a key held down, not a choice
HELD_REPEAT_GAP = 0.15  # a key repeating faster than this is one key held down (terminals repeat 25-40 times a second)
GUARDED_PATIENT_KEYS = frozenset({"enter", "space", "n", *"123456789"})  # n: ask for the nurse
ROOMY_WIDTH, ROOMY_HEIGHT = 110, 32
STAFF_SAVE_NOTE = "Staff: this attempt could not be saved to disk. See results/kiosk.log."


def _is_staff_dialog(screen: Screen) -> bool:
    return getattr(screen, "STAFF_DIALOG", False)


class KioskApp(SafeEdge, App, inherit_bindings=False):
    """The patient kiosk. Build it with `make_kiosk_app` or give it banks and a store directly.

    Any failure goes to the log (comprehend.kiosk), the open attempt is stored as incomplete, and the
    welcome screen comes back with a calm sentence (SafeEdge); the kiosk never stops on an error.
    """

    EDGE_LOGGER = "comprehend.kiosk"

    CSS_PATH = Path(__file__).parent / "kiosk.tcss"
    TITLE = "comprehend"
    ENABLE_COMMAND_PALETTE = False
    ALLOW_SELECT = False
    # Every key that could leave the app, suspend it or open a palette is caught here first; what it
    # does depends on the lock (see action_guarded_key). F12 opens the staff sign-in.
    GUARDED_KEYS = ("ctrl+q", "ctrl+c", "ctrl+p", "ctrl+z", "ctrl+backslash", "escape")
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"guarded_key('{key}')", show=False, priority=True) for key in GUARDED_KEYS),
        Binding("f12", "staff", "Staff", show=False, priority=True),
    ]

    def __init__(
        self,
        banks: list[Bank],
        store: ResultsStore,
        *,
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        countdown_seconds: float = DEFAULT_COUNTDOWN_SECONDS,
        result_seconds: float = DEFAULT_RESULT_SECONDS,
        seeds: Callable[[], int] | None = None,
        clock: Callable[[], datetime] = local_now,
        staff: StaffAccounts | None = None,
        unlocked: bool = False,
        theme_name: str = "default",
        speaker: Speaker | None = None,
        fresh_key_seconds: float = FRESH_KEY_SECONDS,
        key_clock: Callable[[], float] = time.monotonic,
        bank_note: str = "",
    ) -> None:
        super().__init__()
        self.bank_note = bank_note  # bank files skipped for errors: said to staff (setup banner, staff menu), never to patients
        self.speaker = speaker  # None: no Read aloud button
        self.register_theme(HIGH_CONTRAST_THEME)
        self.default_theme = THEMES[theme_name]
        self.theme = self.default_theme
        if not banks:
            raise ValueError("the kiosk needs at least one bank")
        self.banks = banks
        self.store = store
        self.idle_seconds = idle_seconds
        self.countdown_seconds = countdown_seconds
        self.result_seconds = result_seconds
        self.seeds = seeds or (lambda: random.SystemRandom().randrange(2**31))
        self.clock = clock
        self.visit = Visit(theme=self.default_theme)
        self.unstored: list[AttemptSession] = []  # finished attempts the disk refused: tried again until stored
        self.fresh_key_seconds = fresh_key_seconds
        self._dropped_at: dict[str, float] = {}  # when each guarded key was last dropped as held
        self.key_clock = key_clock
        self._shown_at = key_clock()
        self.staff = staff or StaffAccounts(store.folder)
        self.audit = AuditLog(store.folder)
        self.unlocked = unlocked
        self.locked = False
        self.exit_reason: str | None = None
        self.staff_name = ""
        self._last_input = time.monotonic()

    # --- the patient in front of the kiosk: all of it in self.visit ----------------------------
    @property
    def bank(self) -> Bank | None:
        """The bank this patient chose."""
        return self.visit.bank

    @property
    def patient_id(self) -> str | None:
        """This patient's ID once typed."""
        return self.visit.patient_id

    @property
    def session(self) -> AttemptSession | None:
        """This patient's attempt, once started."""
        return self.visit.session

    @property
    def clipboard(self) -> str:
        """Text cut or copied in the app: this patient's only (Input's ctrl+v reads it here)."""
        return self.visit.clipboard

    def copy_to_clipboard(self, text: str) -> None:
        """Keep cut or copied text with this patient's visit only (never the terminal's clipboard), so it goes with them."""
        self.visit.clipboard = text

    @property
    def words(self) -> Words:
        """The kiosk's words in the chosen bank's language (the first bank's before one is chosen)."""
        return words_for((self.bank or self.banks[0]).language)

    # --- the lock ----------------------------------------------------------------------------
    def _refresh_lock(self) -> None:
        """Locked once a staff account exists, unless started with --unlocked (checked at each welcome)."""
        self.locked = not self.unlocked and self.staff.exist()

    @property
    def setup_mode(self) -> bool:
        """No staff account yet: the welcome screen says the kiosk is not locked and how to lock it."""
        return not self.unlocked and not self.locked

    def action_guarded_key(self, key: str) -> None:
        """ctrl+q quits only when not locked; Escape closes a staff dialog, or goes back from the patient ID screen;
        every other guarded key does nothing."""
        if key == "escape" and _is_staff_dialog(self.screen):
            self.screen.dismiss(None)
        elif key == "escape" and getattr(self.screen, "ESCAPE_GOES_BACK", False):
            self.screen.action_go_back()  # the patient ID screen: back to the welcome
        elif key == "ctrl+q" and not self.locked:
            self.exit()

    def action_staff(self) -> None:
        """F12: the staff sign-in over whatever the patient sees (once at a time)."""
        if _is_staff_dialog(self.screen):
            return
        from comprehend.kiosk.screens.staff_pin import StaffPinScreen

        self.push_screen(StaffPinScreen(self.staff), self._staff_signed_in)

    def on_sign_in_form_sign_in_failed(self, message: SignInForm.SignInFailed) -> None:
        self._audit(message.staff_name, SIGN_IN_FAILED)

    def _staff_signed_in(self, name: str | None) -> None:
        if name is None:
            return
        self._audit(name, KIOSK_UNLOCKED)
        from comprehend.kiosk.screens.staff_menu import StaffMenuScreen

        self.push_screen(StaffMenuScreen(name, self.session is not None, self.bank_note),
                         lambda action: self._staff_action(name, action))

    async def _staff_action(self, name: str, action: str | None) -> None:
        attempt_id = self.session.record["attempt_id"] if self.session else ""
        if action == END_ATTEMPT and self.session is not None:
            self.session.abandon()
            self._audit(name, ENDED_ATTEMPT, attempt_id)
            await self.back_to_welcome()
        elif action in (REVIEW, EXIT):
            self._audit(name, EXITED_KIOSK, attempt_id, "to open review" if action == REVIEW else "")
            self.exit_reason = action
            self.staff_name = name
            self.exit(result=action)

    def _audit(self, who: str, action: str, attempt_id: str = "", detail: str = "") -> None:
        try:
            self.audit.record(who, action, self.clock().isoformat(timespec="seconds"), attempt_id, detail)
        except StoreError as error:
            log.error("audit entry could not be written: %s", error)

    def _welcome_screen(self, notice: str = "") -> WelcomeScreen:
        """The welcome screen; in setup mode its banner also names the bank files skipped for errors (staff set up)."""
        return WelcomeScreen(self.banks, setup_mode=self.setup_mode, notice=notice,
                             setup_note=self.bank_note if self.setup_mode else "", results=self.store.folder)

    # --- start and idle watch ------------------------------------------------------------
    def on_mount(self) -> None:
        if self.is_web:  # in a browser, espeak-ng would play on the server, not where the patient is: no Read aloud
            self.speaker = None
        self._refresh_lock()
        self.push_screen(self._welcome_screen())
        self.set_interval(min(1.0, max(self.idle_seconds / 4, 0.05)), self._watch_idle)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self._last_input = time.monotonic()
        if isinstance(event, events.Key) and self._held_key(event):
            return  # dropped: a key still held from the screen before
        await super().on_event(event)

    def _held_key(self, event: events.Key) -> bool:
        """Enter, space or a digit within fresh_key_seconds of a patient screen appearing (terminals send no key-up)."""
        if event.key not in GUARDED_PATIENT_KEYS or _is_staff_dialog(self.screen):
            return False
        if event.key != "enter" and event.key != "space" and type(self.focused).__name__ == "Input":
            return False  # digits typed into the patient ID field are typing, not a choice
        now = self.key_clock()
        held = now - self._shown_at < self.fresh_key_seconds or now - self._dropped_at.get(event.key, -HELD_REPEAT_GAP) < HELD_REPEAT_GAP
        if held:  # a key still repeating after it was dropped stays dropped, however long it is held
            self._dropped_at[event.key] = now
        return held

    def _screen_shown(self) -> None:
        """A new patient screen is up: keys held from the one before are ignored for a moment."""
        self._shown_at = self.key_clock()

    def page_shown(self) -> None:
        """A screen turned to a new page (the key points): held keys are ignored for a moment, as on a new screen."""
        self._screen_shown()

    # --- the exception edge (SafeEdge) -----------------------------------------------------
    async def recover_from_error(self, error: BaseException) -> None:
        """After any failure: store the open attempt as incomplete, then the welcome screen with a calm sentence."""
        words = self.words
        session = self.session
        if session is not None and not session.closed:
            session.abandon()
            if not session.stored:
                self.unstored.append(session)
        await self.back_to_welcome(notice=words.went_wrong)

    def on_read_aloud_requested(self, message: ReadAloudRequested) -> None:
        if self.speaker is not None:
            try:
                self.speaker.say(message.text)
            except OSError as error:  # speech is a help, never a reason to stop the patient
                log.error("read aloud failed: %s", error)

    def on_contrast_toggled(self, message: ContrastToggled) -> None:
        """High contrast on or off; it stays for this patient's attempt, then the default comes back."""
        self.visit.theme = HIGH_CONTRAST if self.visit.theme != HIGH_CONTRAST else DEFAULT
        self.theme = self.visit.theme

    def on_resize(self, event: events.Resize) -> None:
        """On a big screen, give text and choices more room (the 'roomy' class in kiosk.tcss)."""
        self.set_class(event.size.width >= ROOMY_WIDTH and event.size.height >= ROOMY_HEIGHT, "roomy")

    def on_unmount(self) -> None:
        """Quitting mid-attempt stores it as incomplete, so nothing is left in progress; unstored ones are tried once more."""
        if self.session is not None:
            self.session.abandon()
            self._keep_if_unstored(self.session)
        self.retry_unstored()

    def _watch_idle(self) -> None:
        """After idle_seconds without input in the middle of an attempt, ask if the patient is still there."""
        quiet_screen = getattr(self.screen, "QUIET_WHEN_IDLE", False)
        if time.monotonic() - self._last_input < self.idle_seconds:
            return
        if _is_staff_dialog(self.screen):
            self.screen.dismiss(None)  # a staff dialog left open goes away, then the patient is asked
            return
        if quiet_screen:
            return
        from comprehend.kiosk.screens.still_there import StillThereScreen

        self.push_screen(StillThereScreen(self.countdown_seconds, self.words))

    def on_still_here(self, message: StillHere) -> None:
        self._last_input = time.monotonic()
        self.pop_screen()
        self._screen_shown()

    async def on_walked_away(self, message: WalkedAway) -> None:
        if self.session is not None:
            self.session.abandon()
            self._keep_if_unstored(self.session)
        await self.back_to_welcome()

    def _keep_if_unstored(self, session: AttemptSession) -> None:
        if session.closed and not session.stored and session not in self.unstored:
            self.unstored.append(session)

    def retry_unstored(self) -> None:
        """Try again to store the finished attempts the disk refused (at Done, at each welcome, on the way out)."""
        for session in list(self.unstored):
            if session.retry_store():
                self.unstored.remove(session)

    async def back_to_welcome(self, notice: str = "") -> None:
        """Forget the patient and show a fresh welcome screen, with nothing of theirs left anywhere.

        `notice` is a calm sentence for the welcome screen (after an unexpected error).
        """
        if self.session is not None:
            self._keep_if_unstored(self.session)
        self.visit = Visit(theme=self.default_theme)
        self.theme = self.visit.theme
        self.retry_unstored()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self._refresh_lock()
        await self.switch_screen(self._welcome_screen(notice))
        self._last_input = time.monotonic()
        self._screen_shown()

    async def _show(self, screen: Screen) -> None:
        await self.switch_screen(screen)
        self._screen_shown()

    # --- the patient's way through ---------------------------------------------------------
    async def on_bank_chosen(self, message: BankChosen) -> None:
        self.visit.bank = message.bank
        if self.speaker is not None:
            self.speaker.use_language(message.bank.language)  # read aloud in the bank's language
        from comprehend.kiosk.screens.patient_id import PatientIdScreen

        await self._show(PatientIdScreen(self.words))

    async def on_went_back(self, message: WentBack) -> None:
        """Back from the patient ID screen: a fresh visit (nothing stored, nothing kept) but the look they chose."""
        if self.session is not None:
            return  # never in the middle of an attempt
        self.visit = Visit(theme=self.visit.theme)
        self.retry_unstored()
        await self._show(self._welcome_screen())

    async def on_patient_id_entered(self, message: PatientIdEntered) -> None:
        self.visit.patient_id = message.patient_id
        from comprehend.kiosk.screens.confirm_id import ConfirmIdScreen

        await self._show(ConfirmIdScreen(message.patient_id, self.words))

    async def on_patient_id_rejected(self, message: PatientIdRejected) -> None:
        self.visit.patient_id = None
        from comprehend.kiosk.screens.patient_id import PatientIdScreen

        await self._show(PatientIdScreen(self.words))

    async def on_patient_id_confirmed(self, message: PatientIdConfirmed) -> None:
        assert self.bank is not None and self.patient_id is not None
        today = self.clock().date().isoformat()
        earlier: dict | None = None
        try:
            if not self.setup_mode:  # carrying on needs a staff PIN: with no staff account, it is not offered
                earlier = self.store.unfinished_today(self.patient_id, self.bank.id, self.bank.content_hash, today)
        except OSError as error:  # a results folder that cannot be read: start afresh rather than stop the patient
            log.error("could not look for an unfinished attempt: %s", error)
            earlier = None
        self.visit.earlier = earlier
        if earlier is not None:
            from comprehend.kiosk.screens.welcome_back import WelcomeBackScreen

            await self._show(WelcomeBackScreen(len(earlier.get("answers", [])), self.words))
            return
        await self._start_afresh()

    async def _start_afresh(self) -> None:
        assert self.bank is not None and self.patient_id is not None
        self.visit.earlier = None
        self.visit.session = AttemptSession(self.bank, self.patient_id, self.store, self.seeds(), self.clock)
        from comprehend.kiosk.screens.key_points import KeyPointsScreen

        await self._show(KeyPointsScreen(self.bank, self.words))

    async def on_carry_on_chosen(self, message: CarryOnChosen) -> None:
        """Start again at once; carrying on needs a staff PIN (the ID alone could be another patient's)."""
        if message.carry_on and self.visit.earlier is not None:
            from comprehend.kiosk.screens.staff_pin import StaffPinScreen

            self.push_screen(StaffPinScreen(self.staff), self._carry_on_allowed)
            return
        await self._start_afresh()

    async def _carry_on_allowed(self, name: str | None) -> None:
        """After the staff PIN for carrying on: None (cancelled) leaves the patient on Welcome back."""
        earlier = self.visit.earlier
        if name is None or earlier is None or self.bank is None:
            self._screen_shown()
            return
        self._audit(name, KIOSK_UNLOCKED, earlier.get("attempt_id", ""), "to let a patient carry on an attempt")
        self.visit.earlier = None
        try:
            self.visit.session = AttemptSession.carry_on(self.bank, earlier, self.store, self.clock)
        except QuizError as error:
            log.error("could not carry on attempt: %s", error)
            await self._start_afresh()
            return
        await self._show_step()

    async def on_key_points_read(self, message: KeyPointsRead) -> None:
        await self._show_step()

    async def on_answer_chosen(self, message: AnswerChosen) -> None:
        assert self.session is not None
        feedback = self.session.answer(message.index)
        from comprehend.kiosk.screens.feedback import FeedbackScreen

        await self._show(FeedbackScreen(feedback, self.words, last=self.session.run.finished))

    async def on_feedback_read(self, message: FeedbackRead) -> None:
        await self._show_step()

    async def on_reteach_read(self, message: ReteachRead) -> None:
        assert self.session is not None
        self.session.run.reteach_done()
        await self._show_step()

    async def on_nurse_asked(self, message: NurseAsked) -> None:
        """The patient would like to talk to the nurse: the attempt ends here (every answer kept), then the result."""
        if self.session is None or self.session.closed:
            return
        self.session.ask_for_nurse(message.where)
        await self._show_step()

    async def on_nurse_offer_answered(self, message: NurseOfferAnswered) -> None:
        """After round 1: with the nurse ends the attempt like the nurse button; otherwise the rounds go on."""
        if self.session is None or not isinstance(self.session.run.current, NurseOffer):
            return
        if message.with_nurse:
            self.session.ask_for_nurse(FROM_OFFER)
        else:
            self.session.run.keep_going()
        await self._show_step()

    async def on_result_read(self, message: ResultRead) -> None:
        await self.back_to_welcome()  # which tries again to store an attempt the disk refused

    async def _show_step(self) -> None:
        assert self.session is not None
        from comprehend.kiosk.screens.nurse_offer import NurseOfferScreen
        from comprehend.kiosk.screens.question import QuestionScreen
        from comprehend.kiosk.screens.result import ResultScreen
        from comprehend.kiosk.screens.reteach import ReteachScreen

        step = self.session.run.current
        if isinstance(step, Ask):
            await self._show(QuestionScreen(step, self.words))
        elif isinstance(step, Reteach):
            await self._show(ReteachScreen(step, self.words))
        elif isinstance(step, NurseOffer):
            await self._show(NurseOfferScreen(self.words))
        else:
            note = STAFF_SAVE_NOTE if self.session.save_failed else ""
            figures = self.session.run.figures()
            await self._show(ResultScreen(self.session.bank, figures, seconds=self.result_seconds, staff_note=note,
                                           words=self.words, asked_for_nurse=bool(self.session.run.asked_for_nurse)))

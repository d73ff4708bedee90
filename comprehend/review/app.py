"""ReviewApp: the nurse's screens — sign in, the attempts list, one attempt, sign-off and reports; locks itself when idle."""

from __future__ import annotations

import logging
import time
from datetime import datetime
from pathlib import Path
from typing import Callable, ClassVar

from textual import events
from textual.app import App
from textual.binding import Binding, BindingType

from comprehend.review.messages import AttemptOpened, DetailAction, StaffSignedIn
from comprehend.review.screens.attempts import AttemptsScreen
from comprehend.review.screens.login import LoginScreen
from comprehend.review_data import ReviewData
from comprehend.session import local_now
from comprehend.staff.accounts import StaffAccounts
from comprehend.store import StoreError
from comprehend.store.audit import EXPORTED_REPORT, OPENED_ATTEMPT, SIGN_IN_FAILED, SIGNED_IN
from comprehend.ui.safe_edge import SafeEdge
from comprehend.ui.sign_in import SignInForm

DEFAULT_IDLE_SECONDS = 300.0
LOCKED_NOTE = "Review locked itself after a while without use. Please sign in again."
ERROR_NOTE = "Something went wrong and review was locked; nothing stored was changed. Please sign in again."


class ReviewApp(SafeEdge, App, inherit_bindings=False):
    """Build it with a ReviewData, the staff accounts and a clock; `signed_in_as` skips the sign-in (from the kiosk).

    Any failure is logged (comprehend.review, without locals) and review locks itself (SafeEdge).
    """

    EDGE_LOGGER = "comprehend.review"

    CSS_PATH = Path(__file__).parent / "review.tcss"
    TITLE = "comprehend review"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+q", "quit", "Close review", priority=True)]

    def __init__(
        self,
        data: ReviewData,
        accounts: StaffAccounts,
        *,
        clinic: str = "Clinic",
        clinic_phone: str = "",
        idle_seconds: float = DEFAULT_IDLE_SECONDS,
        clock: Callable[[], datetime] = local_now,
        signed_in_as: str | None = None,
    ) -> None:
        super().__init__()
        self.data = data
        self.accounts = accounts
        self.clinic = clinic
        self.clinic_phone = clinic_phone  # on the take-home sheet
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.staff_name = signed_in_as
        self._last_input = time.monotonic()

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def _audit(self, action: str, attempt_id: str = "", detail: str = "", who: str | None = None) -> None:
        try:
            self.data.audit.record(who or self.staff_name or "", action, self._now(), attempt_id, detail)
        except StoreError as error:
            self.notify(f"The audit log could not be written: {error}", severity="error", timeout=10)

    # --- signing in and locking -------------------------------------------------------------
    def on_mount(self) -> None:
        self.set_interval(min(1.0, max(self.idle_seconds / 4, 0.05)), self._watch_idle)
        if self.staff_name:
            self._open_list()
        else:
            self.push_screen(LoginScreen(self.accounts))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp)):
            self._last_input = time.monotonic()
        await super().on_event(event)

    def _watch_idle(self) -> None:
        """After idle_seconds without input, close every screen and ask for the PIN again."""
        if self.staff_name is None or time.monotonic() - self._last_input < self.idle_seconds:
            return
        self.lock()

    def lock(self, note: str = LOCKED_NOTE) -> None:
        """Forget who is signed in and show only the sign-in screen."""
        self.staff_name = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(LoginScreen(self.accounts, note))

    def recover_from_error(self, error: BaseException) -> None:
        """After any failure (already logged): lock, so the sign-in screen is all that shows."""
        self.lock(ERROR_NOTE)

    def on_staff_signed_in(self, message: StaffSignedIn) -> None:
        self.staff_name = message.staff_name
        self._last_input = time.monotonic()
        self._audit(SIGNED_IN)
        self.pop_screen()
        self._open_list()

    def on_sign_in_form_sign_in_failed(self, message: SignInForm.SignInFailed) -> None:
        self._audit(SIGN_IN_FAILED, who=message.staff_name)

    def _open_list(self) -> None:
        self.data.load()
        self.push_screen(AttemptsScreen(self.data, self.staff_name or ""))

    def action_show_stats(self) -> None:
        """F4 on the list: item statistics."""
        from comprehend.review.screens.stats import StatsScreen

        self.push_screen(StatsScreen(self.data))

    # --- one attempt -------------------------------------------------------------------------
    def on_attempt_opened(self, message: AttemptOpened) -> None:
        detail = self.data.detail(message.attempt_id)
        if detail is None:
            self.notify("That attempt's bank is no longer in the questions folder, so it cannot be shown.", severity="warning")
            return
        self._audit(OPENED_ATTEMPT, message.attempt_id)
        from comprehend.review.screens.detail import DetailScreen

        self.push_screen(DetailScreen(detail))

    def _reopen(self, attempt_id: str) -> None:
        """Show the attempt again with its new sign-off, and the list behind it up to date."""
        self.pop_screen()
        detail = self.data.detail(attempt_id)
        if isinstance(self.screen, AttemptsScreen):
            self.screen.refresh_rows()
        if detail is not None:
            from comprehend.review.screens.detail import DetailScreen

            self.push_screen(DetailScreen(detail))

    def on_detail_action(self, message: DetailAction) -> None:
        attempt_id = message.attempt_id
        if message.action == "back":
            self.pop_screen()
            if isinstance(self.screen, AttemptsScreen):
                self.screen.refresh_rows()
        elif message.action == "sign-off":
            from comprehend.review.screens.sign_off import SignOffScreen

            row = self.data.row(attempt_id)
            self.push_screen(SignOffScreen(row.patient_id if row else "", self.staff_name or ""),
                             lambda note: self._signed_off(attempt_id, note))
        elif message.action in ("report", "handout"):
            self._write_report(attempt_id, "pdf" if message.action == "report" else "handout")

    def _signed_off(self, attempt_id: str, note: str | None) -> None:
        if note is None:
            return
        try:
            self.data.sign_off(attempt_id, self.staff_name or "", note, self._now())
        except StoreError as error:
            self.notify(f"The sign-off could not be saved: {error}", severity="error", timeout=15)
            return
        self.notify("Marked as reviewed.")
        self._reopen(attempt_id)

    def _write_report(self, attempt_id: str, fmt: str) -> None:
        from comprehend.reports.write import WordingNotKept, default_path, render, write_report  # PDF library loaded when first needed

        detail = self.data.detail(attempt_id)
        if detail is None:
            return
        path = default_path(self.data.results, detail, fmt)
        try:
            data = render([detail], fmt, self.clinic, self.clinic_phone)
        except WordingNotKept:
            self.notify("No take-home sheet: the wording this patient saw was not kept. The report (p) shows their choices.",
                        severity="warning", timeout=15)
            return
        except Exception as error:  # never a traceback on a staff screen: it would print locals
            logging.getLogger("comprehend").error("a %s report could not be made: %s", fmt, type(error).__name__)
            self.notify("The report could not be made. Nothing was written; please try again or tell IT.", severity="error", timeout=15)
            return
        try:
            write_report(data, path)
        except OSError as error:
            self.notify(f"The report could not be written to {path.parent} ({error.strerror}).", severity="error", timeout=15)
            return
        self._audit(EXPORTED_REPORT, attempt_id, f"{fmt} to {path}")
        what = "Report" if fmt == "pdf" else "Take-home sheet"
        self.notify(f"{what} written to {path.resolve()}", title="Ready to print", timeout=15)

"""The exception edge of our Textual apps: no failure ever reaches a screen, and no traceback ever shows locals.

Textual's default handling of an unhandled exception exits the app and prints a Rich traceback with
`show_locals=True` (a typed PIN, salts and hashes on the screen). Every path Textual has for an error
(a handler of a widget or screen, a timer, a worker, a screen callback, compose and mount) ends in
`App._handle_exception`; handlers of the app itself run in the app's own message loop, which Textual
would stop. `SafeEdge` overrides both: the error goes to our log (type, message and a traceback of
file names and lines only), then the app's `recover_from_error` puts a safe screen up. Only when the
app cannot go on (before its first screen, or failing again and again) does it stop, with one plain
sentence and no traceback.
"""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

from textual.message import Message

RECOVERIES_PER_MINUTE = 5
STOPPED = "comprehend stopped after an unexpected error; the log in the results folder says what happened."


def describe(error: BaseException) -> str:
    """The error's type and message, and where it happened (file, line, function): never a local variable's value."""
    lines = traceback.format_exception(type(error), error, error.__traceback__, chain=True)
    # format_exception prints the source line of each frame (code, not values); keep it, it helps staff.
    return "".join(lines).rstrip()


class SafeEdge:
    """Mix into an App before `App`: catches every failure at the edge and hands it to `recover_from_error`."""

    EDGE_LOGGER = "comprehend.ui"

    _edge_running_recovery = False
    _edge_recoveries: list[float]
    _edge_unlogged: list[str]

    def recover_from_error(self, error: BaseException) -> None:
        """Put a safe screen up after a failure (the app overrides this). It runs once the failing handler is gone."""

    @property
    def _edge_log(self) -> logging.Logger:
        return logging.getLogger(self.EDGE_LOGGER)

    def _edge_note(self, error: BaseException) -> None:
        """Log the failure; with no handler configured for our logs, keep it to print (plainly) when the app ends."""
        text = describe(error)
        log = self._edge_log
        log.error("unexpected error, the screen was put back to a safe place:\n%s", text)
        if not log.hasHandlers():
            if not hasattr(self, "_edge_unlogged"):
                self._edge_unlogged = []
            self._edge_unlogged.append(text)

    def _edge_may_recover(self) -> bool:
        """False before the app has a screen, while a recovery is running, or after too many failures in a minute."""
        app: Any = self
        if not app.is_running or not app._screen_stacks.get(app._current_mode) or self._edge_running_recovery:
            return False
        now = time.monotonic()
        if not hasattr(self, "_edge_recoveries"):
            self._edge_recoveries = []
        self._edge_recoveries = [t for t in self._edge_recoveries if now - t < 60] + [now]
        return len(self._edge_recoveries) <= RECOVERIES_PER_MINUTE

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for every unhandled exception: log it, then recover instead of exiting."""
        self._edge_note(error)
        if self._edge_may_recover():
            app: Any = self
            app.call_later(self._edge_recover, error)
        else:
            self._edge_stop()

    async def _edge_recover(self, error: BaseException) -> None:
        self._edge_running_recovery = True
        try:
            result = self.recover_from_error(error)
            if hasattr(result, "__await__"):
                await result  # type: ignore[misc]
        except Exception as again:  # the recovery failed too: say so in the log, then stop plainly
            self._edge_note(again)
            self._edge_stop()
        finally:
            self._edge_running_recovery = False

    def _edge_stop(self) -> None:
        """Stop the app with one plain sentence (no traceback, no locals)."""
        app: Any = self
        app._return_code = 1
        app._exit_renderables.append(STOPPED)
        app._close_messages_no_wait()

    def _fatal_error(self) -> None:
        """Textual's own fatal path, should anything still call it: stop plainly, never print locals."""
        self._edge_stop()

    async def _dispatch_message(self, message: Message) -> None:
        """The app's own handlers: a failure is caught here so the app's message loop keeps running."""
        try:
            await super()._dispatch_message(message)  # type: ignore[misc]
        except Exception as error:
            self._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """After the app ends: Textual's plain sentence, then any failure no log handler took (without locals)."""
        super()._print_error_renderables()  # type: ignore[misc]
        app: Any = self
        for text in getattr(self, "_edge_unlogged", []):
            app.error_console.print(text, markup=False, highlight=False)
        self._edge_unlogged = []

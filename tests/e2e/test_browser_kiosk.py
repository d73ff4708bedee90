"""The browser kiosk end to end: headless Chromium opens `serve`, a patient answers a short bank, the attempt is stored.

The test drives the page as a patient at a tablet does: it taps what the screen shows (a click at that cell of the
terminal) and presses keys on the terminal it tapped (key events, never typing into xterm's hidden textarea). It
waits only for what it needs: the screen it expects, read from the very bytes the page received (pyte, a terminal
emulator), and the kiosk's own rule that a screen ignores keys for FRESH_KEY_SECONDS after it appears (a held key).
No fixed sleep, so it passes on an idle machine and a busy one alike.
"""

from __future__ import annotations

import os
import re
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from comprehend.kiosk.app import FRESH_KEY_SECONDS
from comprehend.store import ResultsStore
from comprehend.words.english import ENGLISH as WORDS
from tests.conftest import SMALL_BANK

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="needs the Debian packages chromium and chromium-driver")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait for serve's "Open on the tablet" line, which it prints once the port listens."""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while (left := deadline - time.monotonic()) > 0:
            if selector.select(left):
                line = process.stdout.readline()
                assert line, "serve stopped before it listened"
                if b"Open on the tablet" in line:
                    return
    raise AssertionError("serve did not listen in time")


@pytest.fixture
def server(tmp_path):
    port = free_port()
    results = tmp_path / "results"
    process = subprocess.Popen([sys.executable, "main.py", "serve", "--port", str(port), "--results", str(results),
                                "--bank", str(SMALL_BANK)], cwd=ROOT, start_new_session=True,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(process)
        yield f"http://127.0.0.1:{port}/", results
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # the server and the kiosk it started for the tab
        process.wait(timeout=30)


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()


# Kept by the page before it runs: the bytes the kiosk sends (as a latin-1 string) and each terminal size, in order.
RECORD_THE_TERMINAL = """
window.kioskFeed = [];
const PageWebSocket = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = protocols === undefined ? new PageWebSocket(url) : new PageWebSocket(url, protocols);
  const asked = new URL(url, window.location.href).searchParams;
  window.kioskFeed.push(["size", Number(asked.get("width")), Number(asked.get("height"))]);
  const send = socket.send.bind(socket);
  socket.send = (data) => {
    try {
      const packet = JSON.parse(data);
      if (packet[0] === "resize") { window.kioskFeed.push(["size", packet[1].width, packet[1].height]); }
    } catch (error) {}
    send(data);
  };
  socket.addEventListener("message", (event) => {
    if (typeof event.data === "string") { return; }
    const bytes = new Uint8Array(event.data);
    let text = "";
    for (let i = 0; i < bytes.length; i += 4096) { text += String.fromCharCode(...bytes.subarray(i, i + 4096)); }
    window.kioskFeed.push(["bytes", text]);
  });
  return socket;
};
window.WebSocket.prototype = PageWebSocket.prototype;
"""
WAIT = 90  # seconds for any one screen: generous for a busy machine; an idle one takes well under a second
KEY_MARGIN = 0.4  # the kiosk starts its FRESH_KEY_SECONDS a moment after the screen is drawn: pressed this much later


class TabTerminal:
    """What the kiosk's terminal in the tab shows now, read as a terminal reads the bytes the page received."""

    def __init__(self, browser):
        import pyte

        self.browser = browser
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.read = 0

    def lines(self) -> list[str]:
        feed = self.browser.execute_script("return window.kioskFeed.slice(arguments[0])", self.read)
        self.read += len(feed)
        for kind, *values in feed:
            if kind == "size" and values[0] and values[1]:
                self.screen.resize(lines=int(values[1]), columns=int(values[0]))
            elif kind == "bytes":
                self.stream.feed(values[0].encode("latin-1"))
        return list(self.screen.display)

    def text(self) -> str:
        return "\n".join(self.lines())


def words_of(text: str) -> str:
    """The screen's text without its box lines, which change style (light or heavy) under a finger."""
    return re.sub(r"[\u2500-\u259f]", "", text)


def kind_of(text: str) -> str | None:
    """Which kiosk screen the terminal shows (None while it is not drawn yet)."""
    kinds = [("result", WORDS.thanks), ("offer", WORDS.offer_title), ("re-teach", WORDS.reteach_title),
             ("key points", WORDS.key_points_title),
             ("feedback", WORDS.next_hint), ("question", WORDS.answer_hint), ("is this you", WORDS.confirm_title),
             ("patient id", WORDS.id_title), ("welcome", WORDS.start_hint)]
    return next((kind for kind, words in kinds if words in text), None)


def test_a_patient_takes_a_short_bank_in_the_browser(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    url, results = server
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_THE_TERMINAL})
    browser.get(url)
    assert "fonts.googleapis.com" not in browser.page_source  # works with no internet
    terminal = TabTerminal(browser)
    seen = {"kind": None, "at": 0.0, "text": ""}

    def next_screen(*kinds: str) -> str:
        """Wait until the terminal shows a new screen of one of these kinds (a box lit under the finger is not new)."""
        before = words_of(seen["text"])

        def shown(page) -> bool:
            text = terminal.text()
            kind = kind_of(text)
            if kind in kinds and words_of(text) != before:
                seen.update(kind=kind, at=time.monotonic(), text=text)
                return True
            return False

        try:
            WebDriverWait(browser, WAIT, poll_frequency=0.1).until(shown)
        except TimeoutException:  # the screen as it is now (a message built before the wait would show the one before)
            raise AssertionError(f"waited for {kinds}; the tab shows:\n{terminal.text()}") from None
        return seen["kind"]

    def ready_for_keys(page) -> bool:
        """The kiosk drops Enter, space and digits for FRESH_KEY_SECONDS after a screen appears (a key held down)."""
        return time.monotonic() - seen["at"] >= FRESH_KEY_SECONDS + KEY_MARGIN

    screen = browser.find_element(By.CSS_SELECTOR, "#terminal .xterm-screen")

    def tap(pattern: str) -> list[str]:
        """Touch the screen where the first text matching `pattern` is shown (a click at that cell); the lines shown."""
        def where(page):
            lines = terminal.lines()
            return next(((lines, n, match) for n, line in enumerate(lines) if (match := re.search(pattern, line))), None)

        WebDriverWait(browser, WAIT, poll_frequency=0.05).until(ready_for_keys)
        lines, row, found = WebDriverWait(browser, WAIT, poll_frequency=0.05).until(
            where, message=f"{pattern!r} is not on the screen:\n{terminal.text()}")
        column = (found.start() + found.end()) // 2
        size = screen.size
        x = (column + 0.5) * size["width"] / terminal.screen.columns - size["width"] / 2
        y = (row + 0.5) * size["height"] / terminal.screen.lines - size["height"] / 2
        ActionChains(browser).move_to_element_with_offset(screen, round(x), round(y)).click().perform()
        return lines

    def press(*keys: str) -> None:
        """Key events on the terminal (focused by a tap), once the screen takes keys."""
        WebDriverWait(browser, WAIT, poll_frequency=0.05).until(ready_for_keys)
        ActionChains(browser).send_keys(*keys).perform()

    next_screen("welcome")
    tap(re.escape(WORDS.start))  # touching Start also focuses the terminal, so the keys below go to it
    next_screen("patient id")
    press("web-1", Keys.ENTER)
    next_screen("is this you")
    press(Keys.ENTER)
    kind = next_screen("key points", "question")
    while kind == "key points":  # a page of key points at a time, if the bank has several
        press(Keys.ENTER)
        kind = next_screen("key points", "question")
    answered = 0
    while kind != "result":
        if kind == "question":
            shown = tap(r"(?<=[│┃])\s+1\s+\S[^│┃]*")  # touch the first choice, in its box (heavy under the finger)
            assert WORDS.answer_hint in "\n".join(shown) and WORDS.read_aloud not in "\n".join(shown)  # no speech on the server
            answered += 1
        elif kind == "offer":  # more than half missed after round 1: go on here (the nurse is the other choice)
            tap(re.escape(WORDS.offer_again))
        else:
            press(Keys.ENTER)  # Next after feedback, "Ask me again" after re-teaching
        assert answered <= 40, "the kiosk never reached the result"
        kind = next_screen("question", "feedback", "re-teach", "offer", "result")
    assert WORDS.score.split("{")[0] in seen["text"]

    def stored(page) -> list[dict]:
        return [r for r in ResultsStore(results, "x").attempts() if r["status"] == "completed"]

    [attempt] = WebDriverWait(browser, WAIT, poll_frequency=0.1).until(stored)
    assert attempt["patient_id"] == "WEB-1" and attempt["bank_id"] == "small"
    assert len(attempt["answers"]) == answered  # each tap answered once: none lost, none twice
    assert attempt["first_try_correct"] == sum(1 for a in attempt["answers"] if a["round"] == 1 and a["correct"])

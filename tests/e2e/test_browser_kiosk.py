"""The browser kiosk end to end: headless Chromium opens `serve`, a patient answers a short bank, the attempt is stored."""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from comprehend.store import ResultsStore
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


COUNT_SCREEN_BYTES = """
window.kioskBytes = 0;
const PageWebSocket = window.WebSocket;
window.WebSocket = function (url, protocols) {
  const socket = protocols === undefined ? new PageWebSocket(url) : new PageWebSocket(url, protocols);
  socket.addEventListener("message", (event) => {
    if (typeof event.data !== "string") { window.kioskBytes += event.data.byteLength; }
  });
  return socket;
};
window.WebSocket.prototype = PageWebSocket.prototype;
"""


def test_a_patient_takes_a_short_bank_in_the_browser(server, browser):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    url, results = server
    wait = WebDriverWait(browser, 60)
    # counts what the kiosk draws, so each key waits for the kiosk to answer it instead of a fixed sleep
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": COUNT_SCREEN_BYTES})
    browser.get(url)
    assert "fonts.googleapis.com" not in browser.page_source  # works with no internet
    wait.until(lambda page: page.execute_script("return document.body.classList.contains('-first-byte')"))
    browser.execute_script("document.querySelector('#terminal textarea').focus()")  # the terminal's keyboard input

    def drawn() -> int:
        return browser.execute_script("return window.kioskBytes")

    def settled() -> None:
        """Wait until the kiosk has stopped drawing: the same byte count at two reads 0.25 s apart."""
        previous: list[int | None] = [None]

        def quiet(page) -> bool:
            now = drawn()
            same = now == previous[0]
            previous[0] = now
            return same

        WebDriverWait(browser, 30, poll_frequency=0.25).until(quiet)

    def press(*keys):
        """Type keys, then wait until the kiosk has drawn something in answer.

        A screen ignores keys for a moment after it appears (so a held key cannot skip it): when nothing
        is drawn, the keys are typed again, as a patient would press again.
        """
        for _ in range(10):
            settled()
            before = drawn()
            ActionChains(browser).send_keys(*keys).perform()
            try:
                WebDriverWait(browser, 2).until(lambda page: drawn() > before)
                return
            except TimeoutException:
                continue
        raise AssertionError(f"the kiosk never answered {keys!r}")

    for keys in (Keys.ENTER, "web-1", Keys.ENTER, Keys.ENTER, Keys.ENTER):  # Start, ID, Is this you?, key points
        press(keys)
    stored = []
    for _ in range(40):  # answer 1 every time, Enter after each feedback and re-teaching, until it is done
        stored = [r for r in ResultsStore(results, "x").attempts() if r["status"] == "completed"]
        if stored:
            break
        press("1", Keys.ENTER)  # on a re-teaching screen "1" does nothing and Enter moves on
    [attempt] = stored
    assert attempt["patient_id"] == "WEB-1" and attempt["bank_id"] == "small"
    assert attempt["first_try_correct"] == sum(1 for a in attempt["answers"] if a["round"] == 1 and a["correct"])

"""The browser kiosk end to end: headless Chromium opens `serve`, a patient answers a short bank, the attempt is stored."""

from __future__ import annotations

import os
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


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"the server did not listen on {port}")


@pytest.fixture
def server(tmp_path):
    port = free_port()
    results = tmp_path / "results"
    process = subprocess.Popen([sys.executable, "main.py", "serve", "--port", str(port), "--results", str(results),
                                "--bank", str(SMALL_BANK)], cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
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


def test_a_patient_takes_a_short_bank_in_the_browser(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    url, results = server
    browser.get(url)
    assert "fonts.googleapis.com" not in browser.page_source  # works with no internet
    for _ in range(50):  # the page's own "start" dialog, once its script has run
        shown = [button for button in browser.find_elements(By.TAG_NAME, "button") if button.is_displayed()]
        if shown:
            shown[0].click()
            break
        time.sleep(0.2)
    time.sleep(3)
    keyboard = browser.find_element(By.TAG_NAME, "textarea")  # the terminal's keyboard input

    def press(keys):
        keyboard.send_keys(keys)
        time.sleep(0.4)

    for keys in (Keys.ENTER, "web-1", Keys.ENTER, Keys.ENTER, Keys.ENTER):  # Start, ID, Is this you?, key points
        press(keys)
    stored = []
    for _ in range(40):  # answer 1 every time, Enter after each feedback and re-teaching, until it is done
        stored = [r for r in ResultsStore(results, "x").attempts() if r["status"] == "completed"]
        if stored:
            break
        press("1")
        press(Keys.ENTER)
    [attempt] = stored
    assert attempt["patient_id"] == "WEB-1" and attempt["bank_id"] == "small"
    assert attempt["first_try_correct"] == sum(1 for a in attempt["answers"] if a["round"] == 1 and a["correct"])

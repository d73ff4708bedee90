"""`serve` without a browser: the loopback check and the page that loads nothing from the internet."""

from __future__ import annotations

import shlex

from comprehend import serve


def test_loopback_addresses():
    assert serve.is_loopback("127.0.0.1") and serve.is_loopback("localhost") and serve.is_loopback("::1")
    assert not serve.is_loopback("0.0.0.0") and not serve.is_loopback("192.168.1.20") and not serve.is_loopback("kiosk.lan")


def test_the_page_loads_its_font_locally():
    page = (serve.offline_templates() / "app_index.html").read_text()
    assert "fonts.googleapis.com" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "fonts/RobotoMono-VariableFont_wght.ttf" in page


def test_each_tab_runs_the_kiosk_with_the_same_options():
    command = shlex.split(serve.kiosk_command(["--results", "/tmp/my results", "--bank", "small"]))
    assert command[1].endswith("main.py") and command[2:] == ["kiosk", "--results", "/tmp/my results", "--bank", "small"]

"""`serve`: the kiosk in a browser (textual-serve); each tab runs its own locked kiosk process.

The page works with no internet: textual-serve's page asks Google for its monospace font; here the
same font is served from textual-serve's own static folder instead.
"""

from __future__ import annotations

import ipaddress
import shlex
import sys
import tempfile
from pathlib import Path

GOOGLE_FONT = '''    <link
      rel="stylesheet"
      href="https://fonts.googleapis.com/css?family=Roboto%20Mono"
    />'''
LOCAL_FONT = '''    <style>
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
      }
    </style>'''


def is_loopback(host: str) -> bool:
    """True for 127.0.0.1, ::1 and localhost."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def offline_templates() -> Path:
    """A copy of textual-serve's page template that loads nothing from the internet."""
    import textual_serve

    original = Path(textual_serve.__file__).parent / "templates" / "app_index.html"
    page = original.read_text(encoding="utf-8")
    if GOOGLE_FONT in page:
        page = page.replace(GOOGLE_FONT, LOCAL_FONT)
    elif "fonts.googleapis.com" in page:
        raise RuntimeError("textual-serve's page changed: update GOOGLE_FONT in comprehend/serve.py")
    folder = Path(tempfile.mkdtemp(prefix="comprehend-serve-"))
    (folder / "app_index.html").write_text(page, encoding="utf-8")
    return folder


def kiosk_command(kiosk_args: list[str]) -> str:
    """The shell command each browser tab runs: this Python, main.py kiosk, the same options."""
    main = Path(__file__).resolve().parent.parent / "main.py"
    return shlex.join([sys.executable, str(main), "kiosk", *kiosk_args])


def serve(host: str, port: int, kiosk_args: list[str]) -> int:
    """Serve the kiosk until ctrl+c (the server's own terminal is for staff)."""
    if not is_loopback(host):
        print(f"comprehend: WARNING: serving on {host}, not only this machine. Anyone who can reach port {port} gets a "
              "kiosk that stores health information. Use 127.0.0.1 unless the network is the clinic's own and trusted.",
              file=sys.stderr)
    build_server(kiosk_command(kiosk_args), host, port).serve()
    return 0


def build_server(command: str, host: str, port: int):
    """The textual-serve server that runs `command` for each browser tab."""
    import textual_serve
    from textual_serve.server import Server

    statics = Path(textual_serve.__file__).parent / "static"
    return Server(command, host=host, port=port, title="comprehend kiosk",
                  statics_path=statics, templates_path=offline_templates())

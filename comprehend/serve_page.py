"""The browser kiosk's page: textual-serve's template, changed to load nothing from the internet, kept in memory.

textual-serve's page asks Google for its monospace font; here the same font comes from textual-serve's own static
folder. The page is given to Jinja from memory, so `serve` writes no template folder anywhere (it used to leave a
`/tmp/comprehend-serve-*` folder behind at each start).
"""

from __future__ import annotations

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
PAGE_NAME = "app_index.html"
BUSY_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>comprehend kiosk</title></head>
<body style="font-family: sans-serif; font-size: 2em; margin: 2em">
<p>The kiosk is busy: all {count} kiosks are in use.</p>
<p>Please close another kiosk tab, or try again in a moment.</p>
</body></html>
"""


def textual_serve_folder() -> Path:
    """The installed textual_serve package folder (its templates and static files)."""
    import textual_serve

    return Path(textual_serve.__file__).parent


def offline_page() -> str:
    """textual-serve's page template with the font served locally; an error if the template changed under us."""
    page = (textual_serve_folder() / "templates" / PAGE_NAME).read_text(encoding="utf-8")
    if GOOGLE_FONT in page:
        return page.replace(GOOGLE_FONT, LOCAL_FONT)
    if "fonts.googleapis.com" in page:
        raise RuntimeError("textual-serve's page changed: update GOOGLE_FONT in comprehend/serve_page.py")
    return page

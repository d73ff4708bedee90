"""Helper for the start-up benchmark: start one app headless and quit as soon as its first screen is drawn.

    python benchmarks/start_app.py hello|kiosk|review RESULTS_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    which, results = sys.argv[1], Path(sys.argv[2])
    if which == "hello":
        from textual.app import App
        from textual.widgets import Static

        class Hello(App):
            def compose(self):
                yield Static("Hello")

        app = Hello()
    elif which == "kiosk":
        from comprehend.kiosk.launch import make_kiosk_app

        app = make_kiosk_app(ROOT / "questions", results, kiosk_id="bench")
    else:
        from comprehend.review.launch import make_review_app

        app = make_review_app(ROOT / "questions", results, signed_in_as="Bench Nurse")

    def when_drawn() -> None:
        """Quit after a refresh once the app's own first screen (not Textual's default one) is up."""
        if which == "hello" or len(app.screen_stack) > 1:
            app.call_after_refresh(app.exit)
        else:
            app.call_after_refresh(when_drawn)

    app.call_after_refresh(when_drawn)
    app.run(headless=True)


if __name__ == "__main__":
    main()

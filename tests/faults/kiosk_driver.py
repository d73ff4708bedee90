"""A kiosk process driven by a script, for the kill -9 tests: it takes attempts on the small bank until killed.

    python -m tests.faults.kiosk_driver RESULTS_DIR SEED

After each answer whose feedback is on screen it prints `CONFIRMED <attempt_id> <question_id> <round>`.
"""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path

from comprehend.bank.loader import load_bank
from comprehend.kiosk.app import KioskApp
from comprehend.kiosk.screens.feedback import FeedbackScreen
from comprehend.kiosk.screens.nurse_offer import NurseOfferScreen
from comprehend.kiosk.screens.question import QuestionScreen
from comprehend.store import ResultsStore
from tests.conftest import SMALL_BANK


async def drive(results: Path, seed: int) -> None:
    rng = random.Random(seed)
    app = KioskApp([load_bank(SMALL_BANK)], ResultsStore(results, "kiosk-k"), idle_seconds=3600, result_seconds=3600,
                    fresh_key_seconds=0.0)  # keys come as fast as a script sends them
    async with app.run_test(size=(80, 24)) as pilot:
        patient = 0
        while True:
            patient += 1
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*f"K-{seed}-{patient}", "enter")
            await pilot.pause()
            await pilot.press("enter", "enter")
            await pilot.pause()
            while app.session is not None and app.session.run.current is not None:
                if isinstance(app.screen, QuestionScreen):
                    ask = app.screen.ask
                    await pilot.press(str(rng.randrange(len(ask.choices)) + 1))
                    await pilot.pause()
                    if isinstance(app.screen, FeedbackScreen):
                        print(f"CONFIRMED {app.session.record['attempt_id']} {ask.question.id} {ask.round}", flush=True)
                if isinstance(app.screen, NurseOfferScreen):  # more than half missed: with the nurse, or try again
                    await pilot.press(rng.choice("12"))
                    await pilot.pause()
                    continue
                await pilot.press("enter")
                await pilot.pause()
            await app.back_to_welcome()
            await pilot.pause()


if __name__ == "__main__":
    asyncio.run(drive(Path(sys.argv[1]), int(sys.argv[2])))

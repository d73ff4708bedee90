"""Pilot tests of review: sign-in, the attempts list and each filter, sorting, detail, sign-off, reports, idle lock."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, TextArea

from comprehend.review.screens.attempts import AttemptsScreen
from comprehend.review.screens.detail import DetailScreen
from comprehend.review.screens.login import LoginScreen
from comprehend.review.screens.sign_off import SignOffScreen
from comprehend.review.launch import make_review_app
from comprehend.store import ResultsStore
from comprehend.store.audit import AuditLog
from comprehend.store.reviews import ReviewLog
from tests.conftest import SMALL_BANK
from tests.tui.helpers import screen_text, wait_until
from tests.tui.review_helpers import NURSE, NURSE_PIN, review_app, stored_attempts


def listed(app) -> list[str]:
    """The attempt ids in the table, top to bottom."""
    table = app.screen.query_one(DataTable)
    return [str(table.coordinate_to_cell_key((row, 0)).row_key.value) for row in range(table.row_count)]


def ids(*numbers: int) -> list[str]:
    return [f"a{n}" * 16 for n in numbers]


async def signed_in(pilot) -> None:
    await pilot.press(*NURSE, "enter")
    await pilot.pause()
    await pilot.press(*NURSE_PIN, "enter")
    await pilot.pause()


@asynccontextmanager
async def reviewing(results_dir, **options):
    """Review over the five stored attempts, signed in, at 100x30: yields (app, pilot)."""
    stored_attempts(results_dir)
    app = review_app(results_dir, **options)
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        yield app, pilot


async def test_without_an_account_review_says_how_to_create_one(results_dir):
    app = make_review_app(SMALL_BANK.parent, results_dir)
    async with app.run_test(size=(100, 30)):
        assert isinstance(app.screen, LoginScreen)
        assert f".venv/bin/python main.py staff add NAME --results {results_dir}" in screen_text(app)


async def test_without_an_account_in_the_default_folder_the_command_names_no_folder(tmp_path, monkeypatch):
    """Issue 14: the command names --results only when it is not the default results/ folder."""
    monkeypatch.chdir(tmp_path)
    app = make_review_app(SMALL_BANK.parent, Path("results"))
    async with app.run_test(size=(100, 30)):
        text = screen_text(app)
        assert ".venv/bin/python main.py staff add NAME\n" in text and "--results" not in text


async def test_wrong_pin_stays_on_sign_in_and_is_audited(results_dir):
    stored_attempts(results_dir)
    app = review_app(results_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*NURSE, "enter")
        await pilot.press(*"0000", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LoginScreen)
        assert "do not match" in screen_text(app)
        assert [e["action"] for e in AuditLog(results_dir).entries()] == ["sign-in-failed"]


async def test_list_opens_on_to_review_with_counts(results_dir):
    """Not reviewed, needs-discussion first, newest first; counts in the header; sign-in audited."""
    stored_attempts(results_dir)
    ReviewLog(results_dir).add("a1" * 16, "Someone", "", "2026-11-05T09:00:00+00:00")
    app = review_app(results_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        assert isinstance(app.screen, AttemptsScreen)
        outcomes = {row.attempt_id: row.outcome for row in app.data.rows}
        needs = sorted((a for a in ids(2, 3, 4, 5) if outcomes[a] == "needs-discussion"), reverse=True)
        assert listed(app)[: len(needs)] == needs
        assert set(listed(app)) == set(ids(2, 3, 4, 5))
        header = screen_text(app)
        assert "4 shown of 5 attempts" in header and "4 to review" in header and f"signed in as {NURSE}" in header
        assert [e["action"] for e in AuditLog(results_dir).entries()] == ["signed-in"]


async def choose(app, pilot, select_id: str, value) -> None:
    app.screen.query_one(f"#{select_id}", Select).value = value
    await pilot.pause()


async def test_outcome_filter(results_dir):
    records = stored_attempts(results_dir)
    app = review_app(results_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        await choose(app, pilot, "outcome", "incomplete")
        assert listed(app) == ids(4)
        await choose(app, pilot, "outcome", "ready")
        assert sorted(listed(app)) == sorted(a for a, r in records.items() if r["outcome"] == "ready")


async def test_reviewed_filter(results_dir):
    stored_attempts(results_dir)
    ReviewLog(results_dir).add("a3" * 16, "Someone", "", "2026-11-05T09:00:00+00:00")
    app = review_app(results_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        await choose(app, pilot, "reviewed", "yes")
        assert listed(app) == ids(3)
        await choose(app, pilot, "reviewed", "any")
        assert len(listed(app)) == 5


async def test_date_range_filter_and_a_bad_date(results_dir):
    async with reviewing(results_dir) as (app, pilot):
        await choose(app, pilot, "reviewed", "any")
        app.screen.query_one("#since", Input).value = "2026-11-02"
        app.screen.query_one("#until", Input).value = "2026-11-03"
        await pilot.pause()
        assert sorted(listed(app)) == ids(2, 3, 4)
        app.screen.query_one("#until", Input).value = "2026-13-40"
        await pilot.pause()
        assert sorted(listed(app)) == ids(2, 3, 4, 5)
        assert "Dates look like 2026-11-02" in screen_text(app)


async def test_bank_filter(results_dir):
    """An attempt on another bank is left out when the small bank is chosen."""
    records = stored_attempts(results_dir)
    other = {**records["a1" * 16], "attempt_id": "b" * 32, "bank_id": "other", "bank_title": "Another bank"}
    ResultsStore(results_dir, "kiosk-1").finish_many([other])
    app = review_app(results_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        assert "b" * 32 in listed(app)
        await choose(app, pilot, "bank", "small")
        assert sorted(listed(app)) == ids(1, 2, 3, 4, 5)


async def test_search_by_patient_id_typed(results_dir):
    async with reviewing(results_dir) as (app, pilot):
        await choose(app, pilot, "reviewed", "any")
        await pilot.press("ctrl+f")
        await pilot.press(*"p-1")
        await pilot.pause()
        assert listed(app) == ids(5, 1)


async def test_sorting_by_clicking_a_header_and_with_keys(results_dir):
    async with reviewing(results_dir) as (app, pilot):
        await choose(app, pilot, "reviewed", "any")
        table = app.screen.query_one(DataTable)
        table.post_message(DataTable.HeaderSelected(table, table.columns["patient"].key, 1, table.columns["patient"].label))
        await pilot.pause()
        patients = [app.data.row(a).patient_id for a in listed(app)]
        assert patients == sorted(patients)
        await pilot.press("f3")
        await pilot.pause()
        assert [app.data.row(a).patient_id for a in listed(app)] == sorted(patients, reverse=True)
        app.screen.query_one(DataTable).focus()
        await pilot.press("f2")  # next column after patient: bank
        await pilot.pause()
        assert "sorted by bank" in screen_text(app)


async def test_header_click_with_the_mouse_sorts(results_dir):
    async with reviewing(results_dir) as (app, pilot):
        await choose(app, pilot, "reviewed", "any")
        table = app.screen.query_one(DataTable)
        region = table.region
        await pilot.click(DataTable, offset=(1, 0))  # the first header cell: Date and time
        await pilot.pause()
        starts = [app.data.row(a).started_at for a in listed(app)]
        assert starts == sorted(starts) and region.height > 0


async def test_detail_shows_questions_rounds_points_and_history(results_dir):
    async with reviewing(results_dir) as (app, pilot):
        await pilot.press("ctrl+f")
        await pilot.press(*"P-1", "enter")
        await pilot.pause()
        await pilot.press("enter")  # the first row: a5, the newest of P-1
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert "Patient P-1" in text
        assert "CRITICAL · The sky is blue on a clear day." in text
        assert "What colour is a clear sky?" in text and "Round 1: " in text and "Right answer: Blue" in text
        assert "2026-11-01 09:00" in text  # the earlier attempt
        assert "Not yet reviewed." in text
        assert ("Test Nurse", "opened-attempt", "a5" * 16) in [(e["who"], e["action"], e["attempt_id"]) for e in AuditLog(results_dir).entries()]


async def test_mark_reviewed_stores_a_sign_off_and_the_list_moves_on(results_dir):
    async with reviewing(results_dir) as (app, pilot):
        first = listed(app)[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, SignOffScreen)
        app.screen.query_one(TextArea).insert("Went over the [b]risks[/b].")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert f"{NURSE}: Went over the [b]risks[/b]." in screen_text(app)  # shown literally
        [review] = ReviewLog(results_dir).by_attempt()[first]
        assert review["reviewer"] == NURSE and review["note"] == "Went over the [b]risks[/b]."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen) and first not in listed(app)
        actions = [(e["action"], e["attempt_id"]) for e in AuditLog(results_dir).entries()]
        assert ("signed-off", first) in actions


async def test_cancelled_sign_off_stores_nothing(results_dir):
    async with reviewing(results_dir) as (app, pilot):
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        assert ReviewLog(results_dir).by_attempt() == {}


@pytest.mark.parametrize("key, suffix", [("p", ".pdf"), ("h", "-handout.pdf")])
async def test_print_report_writes_a_pdf_and_says_where(results_dir, key, suffix):
    async with reviewing(results_dir) as (app, pilot):
        first = listed(app)[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        [written] = (results_dir / "reports").glob("*.pdf")
        assert written.name.endswith(suffix) and written.read_bytes().startswith(b"%PDF")
        assert any(str(written.resolve()) in str(n.message) for n in app._notifications)
        entry = [e for e in AuditLog(results_dir).entries() if e["action"] == "exported-report"][0]
        assert entry["attempt_id"] == first and entry["who"] == NURSE


async def test_take_home_sheet_from_review_carries_the_clinic_phone(results_dir):
    """'h' in review writes the handout with the number review was started with (--clinic-phone)."""
    import io

    from pypdf import PdfReader

    async with reviewing(results_dir, clinic_phone="555-0100") as (app, pilot):
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        await pilot.press("h")
        assert await wait_until(pilot, lambda: list((results_dir / "reports").glob("*-handout.pdf")))
        [written] = (results_dir / "reports").glob("*-handout.pdf")
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(written.read_bytes())).pages)
        assert "555-0100" in " ".join(text.split())

async def test_a_report_that_cannot_be_made_says_so_calmly_and_review_stays_up(results_dir, monkeypatch):
    """An error inside the PDF library never reaches the screen (its traceback would print locals): a calm note, nothing written."""
    import comprehend.reports.write as write

    def broken(*args, **kwargs):
        raise ValueError("the PDF library failed")

    monkeypatch.setattr(write, "render", broken)
    async with reviewing(results_dir) as (app, pilot):
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, DetailScreen))
        await pilot.press("h")
        assert await wait_until(pilot, lambda: any("could not be made" in str(n.message) for n in app._notifications))
        assert isinstance(app.screen, DetailScreen) and app.is_running
        assert not list((results_dir / "reports").glob("*.pdf"))
        assert not [e for e in AuditLog(results_dir).entries() if e["action"] == "exported-report"]

async def test_review_locks_itself_when_idle(results_dir):
    stored_attempts(results_dir)
    app = review_app(results_dir, idle_seconds=0.3)
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        await pilot.press("enter")
        assert await wait_until(pilot, lambda: isinstance(app.screen, LoginScreen))
        assert len(app.screen_stack) == 2
        assert app.staff_name is None
        assert "locked itself" in screen_text(app)
        assert "P-" not in screen_text(app)


async def test_signed_in_from_the_kiosk_skips_the_pin(results_dir):
    stored_attempts(results_dir)
    app = review_app(results_dir, signed_in_as=NURSE)
    async with app.run_test(size=(100, 30)):
        assert isinstance(app.screen, AttemptsScreen)


async def test_mouse_click_picks_a_row_and_a_second_click_or_open_shows_it(results_dir):
    async with reviewing(results_dir) as (app, pilot):
        second = listed(app)[1]
        await pilot.click(DataTable, offset=(3, 2))  # the second row (the header is row 0)
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)
        await pilot.click("#open")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.detail.row.attempt_id == second
        await pilot.click("#back")
        await pilot.pause()
        await pilot.click(DataTable, offset=(3, 2))
        await pilot.click(DataTable, offset=(3, 2))
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen) and app.screen.detail.row.attempt_id == second


async def test_f4_shows_item_statistics_with_bars(results_dir):
    from comprehend.review.screens.stats import StatsScreen

    async with reviewing(results_dir) as (app, pilot):
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, StatsScreen)
        text = screen_text(app)
        assert "A small test bank (small, en): 4 completed attempts" in text  # the incomplete one is not counted
        assert "right first try" in text and "█" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AttemptsScreen)


async def test_a_spanish_attempt_shows_each_talking_point_in_the_original_too(results_dir):
    """The nurse who reads no Spanish still sees what to talk over: the English original under each point."""
    from comprehend.bank.loader import load_bank
    from tests.builders import taken_attempt
    from tests.conftest import FIXTURES

    english, spanish = load_bank(SMALL_BANK), load_bank(FIXTURES / "banks" / "small.es.yaml")
    ResultsStore(results_dir, "kiosk-1").finish_many(
        [taken_attempt(spanish, "ES-1", [False, True, True], "2026-11-02T09:00:00+00:00", attempt_id="e1" * 16)])
    app = review_app(results_dir, banks=[english, spanish])
    async with app.run_test(size=(100, 30)) as pilot:
        await signed_in(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        text = screen_text(app)
        assert "CRITICAL · El cielo es azul en un día claro." in text
        assert "In the original: The sky is blue on a clear day." in text

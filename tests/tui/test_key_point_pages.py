"""Key points a topic a page ("Page 2 of 8", Next and Back), each page fitting the screen, cut by measured rows."""

from __future__ import annotations

import pytest

from comprehend.bank.loader import load_bank
from comprehend.kiosk.screens.key_points import KeyPointsScreen, facts_by_topic
from comprehend.kiosk.screens.question import QuestionScreen
from tests.conftest import KYPHOPLASTY, KYPHOPLASTY_ES
from tests.tui.helpers import FakeSpeaker, confirm_id, make_app, screen_text, wait_until
from tests.tui.key_point_helpers import one_long_topic_bank, shown_points, shown_topics

SIZES = [(80, 24), (120, 40)]


async def to_key_points(pilot) -> KeyPointsScreen:
    """From the welcome to the first page of the key points, once its pages are cut."""
    await confirm_id(pilot, "kp-1")
    assert await wait_until(pilot, lambda: isinstance(pilot.app.screen, KeyPointsScreen) and pilot.app.screen.pages_ready)
    return pilot.app.screen


def whole_page_on_screen(app) -> bool:
    """Nothing to scroll on the page, and Next and the hint bar inside the terminal."""
    screen = app.screen
    bottom = app.size.height
    nav = screen.query_one("#next").region
    return screen.query_one("#key-points").max_scroll_y == 0 and nav.bottom <= bottom - 1 and nav.height == 3


async def read_every_page(pilot) -> list[tuple[str, list[str], list[str]]]:
    """Enter through every page: (its "Page N of M" title, its topics, its points), checking each fits the screen."""
    pages = []
    while isinstance(pilot.app.screen, KeyPointsScreen):
        screen = pilot.app.screen
        assert whole_page_on_screen(pilot.app), screen.page_label()
        pages.append((str(screen.query_one("#key-points-title").content), shown_topics(screen), shown_points(screen)))
        await pilot.press("enter")
        await pilot.pause()
    return pages


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
@pytest.mark.parametrize("bank_file, page_word", [(KYPHOPLASTY, "Page"), (KYPHOPLASTY_ES, "Página")], ids=["en", "es"])
async def test_each_topic_is_a_page_that_fits_the_screen(results_dir, size, bank_file, page_word):
    """The bundled banks: 8 topics, 8 pages, none scrolling, every point once and in order; then the questions."""
    bank = load_bank(bank_file)
    app = make_app(results_dir, banks=[bank])
    async with app.run_test(size=size) as pilot:
        await to_key_points(pilot)
        pages = await read_every_page(pilot)
        assert isinstance(app.screen, QuestionScreen)
    topics = facts_by_topic(bank)
    assert len(pages) == len(topics) == 8
    assert [title.split(" · ")[1] for title, _, _ in pages] == [f"{page_word} {n} {'of' if page_word == 'Page' else 'de'} 8"
                                                               for n in range(1, 9)]
    assert [(page_topics, points) for _, page_topics, points in pages] == [([topic], texts) for topic, texts in topics]


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "120x40"])
async def test_a_topic_too_long_for_a_page_goes_over_several_pages_each_fitting(tmp_path, results_dir, size):
    """One topic of 26 points (one three times as long): cut by the rows they take, its heading on every page."""
    bank = one_long_topic_bank(tmp_path / "banks")
    app = make_app(results_dir, banks=[bank])
    async with app.run_test(size=size) as pilot:
        await to_key_points(pilot)
        pages = await read_every_page(pilot)
    assert len(pages) >= 2
    assert all(page_topics == ["All about it"] for _, page_topics, _ in pages)
    assert [point for _, _, points in pages for point in points] == [fact.text for fact in bank.facts]


async def test_back_and_b_go_back_a_page_and_enter_on_the_last_page_starts_the_questions(results_dir):
    app = make_app(results_dir, banks=[load_bank(KYPHOPLASTY)])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_key_points(pilot)
        assert screen.query_one("#back").styles.visibility == "hidden"  # nothing before the first page
        await pilot.press("b")
        await pilot.pause()
        assert screen.page == 0
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert screen.page == 2 and "Page 3 of 8" in str(screen.query_one("#key-points-title").content)
        first_of_page_3 = shown_points(screen)
        await pilot.press("b")
        await pilot.pause()
        assert screen.page == 1 and shown_points(screen) == facts_by_topic(screen.bank)[1][1]
        await pilot.click("#next")
        await pilot.pause()
        assert screen.page == 2 and shown_points(screen) == first_of_page_3
        while screen.page < len(screen.pages) - 1:
            await pilot.press("enter")
            await pilot.pause()
        assert str(screen.query_one("#next").label) == "I have read this"
        assert "Press Enter when you have read them all" in screen_text(app)
        assert app.session.run.answers == []
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)


async def test_read_aloud_reads_the_page_shown(results_dir):
    speaker = FakeSpeaker()
    app = make_app(results_dir, banks=[load_bank(KYPHOPLASTY_ES)], speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_key_points(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        topic, texts = facts_by_topic(screen.bank)[1]
        assert speaker.said == [f"Página 2 de 8. {topic}. " + " ".join(texts)]
        assert screen.page == 1  # reading aloud turns no page


async def test_resizing_cuts_the_pages_again_and_keeps_the_point_shown(tmp_path, results_dir):
    """From a large screen to 80x24: more pages, each fitting, and the patient is still on the point they read."""
    app = make_app(results_dir, banks=[one_long_topic_bank(tmp_path / "banks")])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await to_key_points(pilot)
        large_pages = len(screen.pages)
        await pilot.press("enter")
        await pilot.pause()
        reading = shown_points(screen)[0]
        await pilot.resize_terminal(80, 24)
        assert await wait_until(pilot, lambda: screen.pages_ready and len(screen.pages) > large_pages)
        assert reading in shown_points(screen) and whole_page_on_screen(app)

"""Key points: the bank's facts grouped by topic, a page at a time, to read before the questions.

Each page holds one topic (a topic too long for the screen goes over several pages). The pages are cut
by the rows the texts really take on this screen, measured from the laid-out widgets, so any bank fits
any screen size; they are cut again when the screen is resized.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Static

from comprehend.bank.model import Bank
from comprehend.kiosk.messages import KeyPointsRead
from comprehend.kiosk.paging import Page, page_holding, split_pages
from comprehend.kiosk.widgets.hint_bar import READ_ALOUD_BINDING, HintBar, ReadsAloud
from comprehend.ui.text import Bullet, Plain
from comprehend.words import ENGLISH, Words


MEASURE_TRIES = 200  # how many times to look for the laid-out sizes (each MEASURE_WAIT seconds apart) before cutting anyway
MEASURE_WAIT = 0.01


def facts_by_topic(bank: Bank, no_topic: str = ENGLISH.key_points_topic) -> list[tuple[str, list[str]]]:
    """The facts' texts grouped by topic, topics in the order they first appear (`no_topic` heads the rest)."""
    groups: dict[str, list[str]] = {}
    for fact in bank.facts:
        groups.setdefault(fact.topic or no_topic, []).append(fact.text)
    return list(groups.items())


class KeyPointsScreen(ReadsAloud, Screen):
    """The key points a page at a time: Next (or Enter) turns the page, Back (or B) goes back a page,
    and on the last page 'I have read this' (or Enter) starts the questions."""

    BINDINGS = [
        Binding("enter", "next_page", "Next", show=False),
        Binding("b", "previous_page", "Back", show=False),
        READ_ALOUD_BINDING,
    ]

    def __init__(self, bank: Bank, words: Words = ENGLISH) -> None:
        super().__init__()
        self.bank = bank
        self.words = words
        self.topics = facts_by_topic(bank, words.key_points_topic)
        self.pages: list[Page] = [Page(index, 0, len(texts)) for index, (_, texts) in enumerate(self.topics)]
        self.page = 0  # the page shown, from 0
        self._measuring = True  # until the first pages are cut, every point is laid out (hidden) to be measured
        self._cut_again = False

    def compose(self) -> ComposeResult:
        yield Static(self.words.key_points_title, id="key-points-title", classes="title bar")
        with VerticalScroll(id="key-points", classes="page"):
            with Vertical(id="key-points-panel", classes="panel"):
                yield Static(self.words.key_points_lead, id="key-points-lead", classes="lead")
                for index, (topic, texts) in enumerate(self.topics):
                    yield Plain(topic, id=f"topic-{index}", classes="topic")
                    for number, text in enumerate(texts):
                        bullet = Bullet(text, classes="fact key-point")
                        bullet.id = f"fact-{index}-{number}"
                        yield bullet
        with Horizontal(id="pager-nav"):
            yield Button(self.words.back, id="back", classes="big")
            yield Button(self.words.next, id="next", variant="primary", classes="big")
        yield HintBar(self.words.next_hint, self.words.read_aloud,
                      can_speak=getattr(self.app, "speaker", None) is not None)

    def on_mount(self) -> None:
        self.query_one("#key-points", VerticalScroll).focus()
        self._cut_pages()

    def on_resize(self, event: events.Resize) -> None:
        if self._measuring:
            self._cut_again = True  # sizes measured before this resize may be stale: cut once more after
        else:
            self._cut_pages()

    # --- cutting the pages ---------------------------------------------------------------
    def _heading(self, topic: int) -> Widget:
        return self.query_one(f"#topic-{topic}")

    def _fact(self, topic: int, number: int) -> Widget:
        return self.query_one(f"#fact-{topic}-{number}")

    def _cut_pages(self) -> None:
        """Lay out every point, hidden and without a scroll bar, then cut the pages once the sizes are known."""
        self._measuring, self._cut_again = True, False
        scroll = self.query_one("#key-points", VerticalScroll)
        scroll.styles.opacity = 0.0  # laid out (so measured) but not seen
        scroll.styles.overflow_y = "hidden"  # measured at the width a page without a scroll bar has
        for widget in self.query_one("#key-points-panel").children:
            widget.display = True
        self.call_after_refresh(self._pages_measured)

    def _pages_measured(self, tries: int = 0) -> None:
        """Cut the pages from the rows each heading and point takes; until the layout has run, look again shortly."""
        if not self.is_attached:
            return
        shown = self.pages[self.page] if self.pages else Page(0, 0, 0)
        scroll = self.query_one("#key-points", VerticalScroll)
        panel = self.query_one("#key-points-panel")
        room = scroll.scrollable_content_region.height - panel.styles.padding.top - panel.styles.padding.bottom
        rows = [(self._heading(index).outer_size.height,
                 [self._fact(index, number).outer_size.height for number in range(len(texts))])
                for index, (_, texts) in enumerate(self.topics)]
        lead = self.query_one("#key-points-lead").outer_size.height
        laid_out = (room > 0 and lead > 0 and scroll.outer_size.width == self.size.width
                    and all(heading > 0 and all(facts) for heading, facts in rows))
        if not laid_out and tries < MEASURE_TRIES:  # every heading and point takes a row at least, once laid out
            self.set_timer(MEASURE_WAIT, lambda: self._pages_measured(tries + 1))
            return
        self.pages = split_pages(rows, max(room, 1), lead)
        scroll.styles.overflow_y = "auto"
        scroll.styles.opacity = 1.0
        self._measuring = False
        self._show_page(page_holding(self.pages, shown.topic, shown.first))
        if self._cut_again:
            self._cut_pages()

    # --- the page shown ------------------------------------------------------------------
    def _show_page(self, number: int) -> None:
        self.page = number
        page = self.pages[number]
        self.query_one("#key-points-lead").display = number == 0
        for index, (_, texts) in enumerate(self.topics):
            self._heading(index).display = index == page.topic
            for fact in range(len(texts)):
                self._fact(index, fact).display = page.holds(index, fact)
        last = number == len(self.pages) - 1
        self.query_one("#key-points-title", Static).update(f"{self.words.key_points_title} · {self.page_label()}")
        self.query_one("#back", Button).styles.visibility = "hidden" if number == 0 else "visible"
        self.query_one("#next", Button).label = self.words.have_read if last else self.words.next
        hint = self.words.key_points_hint if last else self.words.next_hint if number == 0 else self.words.key_points_next_hint
        self.query_one(".hint-text", Static).update(hint)
        self.query_one("#key-points", VerticalScroll).scroll_home(animate=False)

    @property
    def pages_ready(self) -> bool:
        """True once the pages are cut for this screen size (until then Next and Back wait)."""
        return not self._measuring

    def page_label(self) -> str:
        """'Page 2 of 6', in the patient's language."""
        return self.words.key_points_page.format(number=self.page + 1, of=len(self.pages))

    def shown_texts(self) -> tuple[str, list[str]]:
        """The topic and the key points on the page shown."""
        page = self.pages[self.page]
        topic, texts = self.topics[page.topic]
        return topic, texts[page.first:page.end]

    def spoken_text(self) -> str:
        """What Read aloud says: the page number, the topic and the points on this page."""
        topic, texts = self.shown_texts()
        lead = f" {self.words.key_points_lead}" if self.page == 0 else ""
        return f"{self.page_label()}.{lead} {topic}. " + " ".join(texts)

    def _turned(self) -> None:
        """A new page is up: the kiosk's held-key guard starts again, so a held Enter does not race through."""
        page_shown = getattr(self.app, "page_shown", None)
        if page_shown is not None:
            page_shown()

    # --- what the patient does -------------------------------------------------------------
    def action_next_page(self) -> None:
        """Enter or Next: the next page; on the last page, the patient has read the key points."""
        if self._measuring:
            return
        if self.page < len(self.pages) - 1:
            self._show_page(self.page + 1)
            self._turned()
        else:
            self.action_done()

    def action_previous_page(self) -> None:
        """B or Back: the page before (nothing on the first page)."""
        if self._measuring or self.page == 0:
            return
        self._show_page(self.page - 1)
        self._turned()

    def action_done(self) -> None:
        """The patient has read the key points."""
        self.post_message(KeyPointsRead())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.query_one("#key-points", VerticalScroll).focus()  # keys go on working the same way after a touch
        if event.button.id == "back":
            self.action_previous_page()
        else:
            self.action_next_page()

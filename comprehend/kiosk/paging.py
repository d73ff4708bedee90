"""Splitting the key points into pages that fit the screen: a topic a page, a long topic over several pages.

Arithmetic on rows measured from the real widgets (the screen measures, this module decides), so it
works for any bank and any screen size: there is no fixed number of points per page.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """One page of key points: the facts `first` up to (not including) `end` of topic number `topic`."""

    topic: int
    first: int
    end: int

    def holds(self, topic: int, fact: int) -> bool:
        """True when this page shows fact number `fact` of topic number `topic`."""
        return self.topic == topic and self.first <= fact < self.end


def split_pages(topics: list[tuple[int, list[int]]], room: int, lead_rows: int = 0) -> list[Page]:
    """The pages for `topics`, each given as (rows of its heading, rows of each of its facts), on pages of `room` rows.

    Every topic starts a new page; the first page also holds the lead (`lead_rows`). A topic that does not
    fit goes on over the next pages, its heading shown again on each; a fact taller than a whole page gets
    a page of its own (the only case where a page scrolls).
    """
    pages: list[Page] = []
    for index, (heading, facts) in enumerate(topics):
        used = heading + (lead_rows if not pages else 0)
        first = 0
        for number, rows in enumerate(facts):
            if number > first and used + rows > room:
                pages.append(Page(index, first, number))
                first, used = number, heading
            used += rows
        pages.append(Page(index, first, len(facts)))
    return pages


def page_holding(pages: list[Page], topic: int, fact: int) -> int:
    """The number (from 0) of the page that shows fact `fact` of topic `topic` (0 if none does)."""
    return next((number for number, page in enumerate(pages) if page.holds(topic, fact)), 0)

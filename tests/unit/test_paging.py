"""Cutting the key points into pages: a topic a page, a topic too long for one page over several, by rows."""

from __future__ import annotations

from comprehend.kiosk.paging import Page, page_holding, split_pages


def test_each_topic_starts_a_page_even_when_two_would_fit():
    assert split_pages([(2, [1, 1]), (2, [1])], room=20) == [Page(0, 0, 2), Page(1, 0, 1)]


def test_the_lead_counts_on_the_first_page_only():
    topics = [(2, [3, 3, 3]), (2, [3, 3, 3])]
    assert split_pages(topics, room=11, lead_rows=0) == [Page(0, 0, 3), Page(1, 0, 3)]  # 2 + 9 = 11: fits
    assert split_pages(topics, room=11, lead_rows=2) == [Page(0, 0, 2), Page(0, 2, 3), Page(1, 0, 3)]


def test_a_long_topic_goes_over_pages_each_holding_what_fits():
    pages = split_pages([(2, [4, 4, 4, 4, 4])], room=10)  # heading + two facts of 4 = 10 rows a page
    assert pages == [Page(0, 0, 2), Page(0, 2, 4), Page(0, 4, 5)]


def test_no_page_is_over_its_rows_and_every_fact_is_on_exactly_one_page():
    topics = [(2, [1, 5, 2, 7, 3, 3]), (3, [9]), (1, [2] * 11)]
    pages = split_pages(topics, room=12, lead_rows=2)
    for number, page in enumerate(pages):
        heading, facts = topics[page.topic]
        assert heading + (2 if number == 0 else 0) + sum(facts[page.first:page.end]) <= 12
    shown = [(page.topic, fact) for page in pages for fact in range(page.first, page.end)]
    assert shown == [(topic, fact) for topic, (_, facts) in enumerate(topics) for fact in range(len(facts))]


def test_a_fact_taller_than_a_page_gets_a_page_of_its_own():
    assert split_pages([(2, [1, 30, 1])], room=10) == [Page(0, 0, 1), Page(0, 1, 2), Page(0, 2, 3)]


def test_page_holding_finds_the_page_of_a_fact():
    pages = [Page(0, 0, 2), Page(0, 2, 4), Page(1, 0, 1)]
    assert [page_holding(pages, 0, 3), page_holding(pages, 1, 0), page_holding(pages, 5, 0)] == [1, 2, 0]

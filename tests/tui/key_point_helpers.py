"""Helpers for the key points tests: the points shown on the page, and a bank whose topic is too long for a page."""

from __future__ import annotations

from pathlib import Path

import yaml

from comprehend.bank.loader import load_bank
from comprehend.bank.model import Bank
from comprehend.kiosk.screens.key_points import KeyPointsScreen
from comprehend.ui.text import Bullet
from tests.conftest import KYPHOPLASTY


def shown_points(screen: KeyPointsScreen) -> list[str]:
    """The texts of the key points on the page shown (the others are laid out but not displayed)."""
    return [bullet.text for bullet in screen.query(Bullet) if bullet.display]


def shown_topics(screen: KeyPointsScreen) -> list[str]:
    """The topic headings on the page shown."""
    return [str(heading.content) for heading in screen.query(".topic") if heading.display]


def one_long_topic_bank(folder: Path) -> Bank:
    """The kyphoplasty bank with every point under one topic, and one point three times as long: far over a page."""
    data = yaml.safe_load(KYPHOPLASTY.read_text(encoding="utf-8"))
    for fact in data["facts"]:
        fact["topic"] = "All about it"
    data["facts"][3]["text"] = " ".join([data["facts"][3]["text"]] * 3)
    data["id"] = "one-long-topic"
    path = folder / "one-long-topic.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return load_bank(path)

"""One attempt: who approved its bank version, talking points first, then the questions with every round's choice, time, history and sign-offs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Static

from comprehend.attempt_detail import AttemptDetail
from comprehend.reports.content import OUTCOME_WORDS, choice_lines
from comprehend.review.messages import DetailAction
from comprehend.ui.text import Bullet, Plain


class DetailScreen(Screen):
    """Everything about one attempt, in the order a nurse uses it."""

    BINDINGS = [
        Binding("m", "act('sign-off')", "Mark reviewed"),
        Binding("p", "act('report')", "Print report"),
        Binding("h", "act('handout')", "Take-home sheet"),
        Binding("escape,backspace", "act('back')", "Back to the list"),
    ]

    def __init__(self, detail: AttemptDetail) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        detail, row = self.detail, self.detail.row
        older = ("" if not row.older_version else "  (same wording; only the approval changed since)" if detail.only_approval_changed
                 else "  (an older version of this bank: the wording may have changed since)")
        yield Plain(f"Patient {row.patient_id} · {row.bank_title} v{row.bank_version}{older}", id="detail-title", classes="bar")
        with VerticalScroll(id="detail-body"):
            yield Plain(
                f"{row.when} · kiosk {detail.kiosk_id} · first try {row.score_text} · "
                f"{OUTCOME_WORDS.get(row.outcome, row.outcome)}{' (asked for the nurse)' if row.asked_for_nurse else ''} · "
                f"time taken {detail.time_taken or 'not known'}",
                id="detail-summary",
            )
            draft = detail.bank is None or detail.bank.approved is None  # a draft, or not known: the nurse should notice
            yield Plain(detail.approval_note + ".", id="approval-note", classes="draft" if draft else "approved")
            if detail.nurse_note:
                yield Plain(detail.nurse_note, id="nurse-note")
            if detail.wording_note:
                yield Plain(detail.wording_note, id="wording-note")
            yield Static("Talking points", classes="heading")
            if detail.points:
                for point in detail.points:
                    label = ("CRITICAL · " if point.critical else "") + point.text
                    label += " (never answered right)" if point.never_mastered else f" (right in round {point.rounds})" if point.rounds else ""
                    label += f"\n  In the original: {point.original}" if point.original else ""
                    yield Bullet(label, classes="point critical" if point.critical else "point")
            else:
                yield Static("None: every point was right on the first try.", classes="point")
            yield Static("Questions and answers", classes="heading")
            for number, question in enumerate(detail.questions, 1):
                yield Plain(f"{number}. {question.ask}" + ("  [critical]" if question.critical else ""), classes="question")
                for line in choice_lines(question):
                    yield Plain(line, classes="answer-line")
                if question.fact:
                    yield Plain(f"Point: {question.fact}", classes="fact-line")
            yield Static("Earlier attempts by this patient", classes="heading")
            if detail.earlier:
                for other in detail.earlier:
                    yield Plain(f"• {other.when} · {other.bank_title} v{other.bank_version} · first try {other.score_text} · "
                                f"{OUTCOME_WORDS.get(other.outcome, other.outcome)}", classes="history")
            else:
                yield Static("None.", classes="history")
            yield Static("Reviews", classes="heading")
            if detail.reviews:
                for review in detail.reviews:
                    yield Plain(f"• {review['at'][:16].replace('T', ' ')} · {review['reviewer']}: {review.get('note') or '(no note)'}",
                                classes="review")
            if detail.unread_reviews:  # a sign-off may be in a damaged file: never 'Not yet reviewed.' without saying so
                yield Plain(f"Sign-offs in {', '.join(detail.unread_reviews)} could not be read: this attempt may have been "
                            "reviewed already.", classes="review")
            elif not detail.reviews:
                yield Static("Not yet reviewed.", id="not-reviewed", classes="review")
        with Horizontal(classes="actions"):
            yield Button("Mark reviewed", id="sign-off", variant="primary", compact=True)
            yield Button("Print report", id="report", compact=True)
            yield Button("Take-home sheet", id="handout", compact=True)
            yield Button("Back", id="back", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#detail-body").focus()

    def action_act(self, action: str) -> None:
        """Ask the app to sign off, print, make a handout or go back."""
        self.post_message(DetailAction(action, self.detail.row.attempt_id))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_act(str(event.button.id))

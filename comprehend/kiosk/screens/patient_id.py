"""Patient ID: typed, checked, and a friendly message when it does not look right; Back returns to the welcome."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from comprehend.kiosk.messages import PatientIdEntered, WentBack
from comprehend.patient_id import normalise_patient_id, patient_id_problem
from comprehend.words import ENGLISH, Words


class PatientIdScreen(Screen):
    """Asks for the patient ID; Enter checks it. Back (or Esc) goes back to the welcome, nothing kept."""

    ESCAPE_GOES_BACK = True  # the kiosk's guarded Escape key calls action_go_back here

    def __init__(self, words: Words = ENGLISH) -> None:
        super().__init__()
        self.words = words

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="page"):
            with Vertical(classes="panel"):
                yield Static(self.words.id_title, classes="title")
                yield Static(self.words.id_lead, classes="lead")
                yield Input(id="patient-id", placeholder=self.words.id_placeholder, max_length=64, select_on_focus=False)
                yield Static("", id="id-problem", classes="problem")
                yield Static(self.words.id_back_hint, classes="hint back-hint")
                yield Button(self.words.back, id="back", classes="back")

    def on_mount(self) -> None:
        self.query_one("#patient-id", Input).focus()

    def action_go_back(self) -> None:
        """Back to the welcome: the patient picked the wrong language or procedure."""
        self.post_message(WentBack())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "back":
            self.action_go_back()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = patient_id_problem(event.value, self.words)
        patient_id = normalise_patient_id(event.value)
        if problem or patient_id is None:
            self.query_one("#id-problem", Static).update(problem)
            return
        self.post_message(PatientIdEntered(patient_id))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#id-problem", Static).update("")

"""What the kiosk says to a patient, one field per sentence, so no language can leave one out."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Words:
    """The kiosk's patient-facing words in one language (fields with `{name}` are format strings)."""

    language: str
    language_name: str  # in its own language: "Español"
    # welcome
    welcome: str
    welcome_lead: str
    start: str
    start_hint: str
    which_procedure: str
    which_language: str  # when the banks are one bank in several languages
    pick_hint: str
    contrast_hint: str
    contrast_button: str
    # patient ID
    id_title: str
    id_lead: str
    id_placeholder: str
    id_empty: str
    id_too_long: str  # {most}
    id_bad_characters: str
    confirm_title: str
    confirm_yes: str
    confirm_no: str
    confirm_hint: str
    # a returning patient
    welcome_back: str
    answered_one: str
    answered_many: str  # {count}
    carry_on: str
    start_again: str
    welcome_back_hint: str
    # key points
    key_points_title: str
    key_points_lead: str
    key_points_topic: str  # the heading of facts without a topic
    have_read: str
    key_points_hint: str
    # questions and feedback
    question_progress: str  # {number} {of}
    again_progress: str  # {round} {rounds} {number} {of}: the rounds of going over it again, not counting round 1
    answer_hint: str
    read_aloud: str
    right: str
    not_quite: str
    you_chose: str  # {choice}
    the_answer_is: str  # {answer}
    next: str
    next_hint: str
    reteach_title: str
    ask_again: str
    ready_hint: str
    # the end
    thanks: str
    score: str  # {right} {total}
    nurse_points: str
    nurse_questions: str
    tell_nurse: str
    done: str
    done_hint: str
    # the take-home sheet (printed from review)
    handout_title: str  # {title}
    handout_again: str
    handout_questions: str
    handout_phone: str  # {phone}: the clinic's number, or a blank line to write it on
    # walking away
    still_there: str
    countdown: str  # {seconds}
    still_here: str
    # after an unexpected error, on the welcome screen (the patient's answers are kept)
    went_wrong: str
    # a returning patient: carrying on needs a member of staff
    carry_on_nurse: str
    # patient-screens (issue 14): Back from the patient ID screen, the key points a page at a time
    back: str  # the Back button's label
    id_back_hint: str
    key_points_page: str  # {number} {of}
    key_points_next_hint: str
    # issue 14 part 1 (nurse-way-out): a way out to the nurse on every question, feedback and re-teach screen
    talk_to_nurse: str  # the button
    nurse_key: str  # on the hint bar: the key that does the same
    asked_nurse: str  # the result screen, after asking for the nurse
    offer_title: str  # after round 1, when more than half were missed
    offer_lead: str
    offer_nurse: str
    offer_again: str
    offer_hint: str

    def text_fields(self) -> dict[str, str]:
        """Every sentence of the table by field name (the language code left out)."""
        return {field.name: getattr(self, field.name) for field in fields(self) if field.name != "language"}

"""The kiosk's words in English (the default, and the fallback for a language without a table)."""

from comprehend.words.table import Words

ENGLISH = Words(
    language="en",
    language_name="English",
    welcome="Welcome",
    welcome_lead=(
        "Before your procedure, we will go over a few key points together. "
        "Then we will ask you some easy questions. Take your time: there is no time limit."
    ),
    start="Start",
    start_hint="Press Enter or touch Start.",
    which_procedure="Which procedure are you here for?",
    which_language="Which language would you like?",
    pick_hint="Press the number, or touch your choice.",
    contrast_hint="Hard to read? Press C.",
    contrast_button="High contrast (C)",
    id_title="Your patient ID",
    id_lead=(
        "Please type your patient ID, then press Enter. "
        "It is on your wristband or your letter. Ask the nurse if you are not sure."
    ),
    id_placeholder="Patient ID",
    id_empty="Please type your patient ID. You can find it on your wristband or letter.",
    id_too_long="That is longer than a patient ID. It has at most {most} letters and numbers.",
    id_bad_characters="A patient ID has only letters, numbers and dashes. Please check it and try again.",
    confirm_title="Is this you?",
    confirm_yes="Yes, that is me",
    confirm_no="No, let me type it again",
    confirm_hint="Press 1 or Enter for yes, 2 for no. Or touch your choice.",
    welcome_back="Welcome back",
    answered_one="You started earlier today and answered 1 question. You can carry on where you stopped.",
    answered_many="You started earlier today and answered {count} questions. You can carry on where you stopped.",
    carry_on="Carry on where I stopped",
    start_again="Start again from the beginning",
    welcome_back_hint="Press 1 or Enter to carry on, 2 to start again. Or touch your choice.",
    key_points_title="Key points to know",
    key_points_lead="Please read each page. Take your time.",
    key_points_topic="Key points",
    have_read="I have read this",
    key_points_hint="Press Enter when you have read them all, or B to go back.",
    question_progress="Question {number} of {of}",
    again_progress="Going over it again: {number} of {of}",
    answer_hint="Press the number of your answer, or touch it.",
    read_aloud="Read aloud (R)",
    right="That's right. Well done!",
    not_quite="Not quite. That's OK, this is how we learn.",
    you_chose="You chose: {choice}",
    the_answer_is="The answer is: {answer}",
    next="Next",
    next_hint="Press Enter or touch Next.",
    reteach_title="Let's go over this point again",
    ask_again="Ask me again",
    ready_hint="Press Enter when you are ready.",
    thanks="Thank you!",
    score="You got {right} of {total} right on the first try.",
    nurse_points="Your nurse will go over these points with you:",
    nurse_questions="Your nurse will answer any questions you still have.",
    tell_nurse="Please tell the nurse that you have finished.",
    done="Done",
    done_hint="Press Enter or touch Done.",
    handout_title="{title}: key points to take home",
    handout_again="Please read these again",
    handout_questions="If you have questions, ask your nurse or your doctor.",
    handout_phone="Clinic phone: {phone}",
    still_there="Are you still there?",
    countdown=(
        "To keep your answers private, this screen will clear in {seconds} seconds.\n"
        "Press any key or touch the screen to carry on."
    ),
    still_here="Yes, I am here",
    went_wrong="Sorry, something went wrong. Your answers are kept. Please tell the nurse.",
    carry_on_nurse="To carry on, please ask the nurse. They will type their PIN.",
    # patient-screens (issue 14): Back from the patient ID screen, the key points a page at a time
    back="Back",
    id_back_hint="Wrong language or procedure? Press Esc or touch Back.",
    key_points_page="Page {number} of {of}",
    key_points_next_hint="Press Enter for the next page, or B to go back.",
)

"""The bundled kyphoplasty bank: coverage, plain language and fair choices."""

from __future__ import annotations

import re

import pytest
import textstat

MAX_GRADE = 6.0


def all_texts(bank):
    """Every text a patient reads: facts, questions, choices, explanations and whys."""
    for fact in bank.facts:
        yield f"fact {fact.id}", fact.text
    for q in bank.questions:
        yield f"question {q.id}", q.ask
        yield f"answer of {q.id}", q.answer
        if q.explain:
            yield f"explain of {q.id}", q.explain
        for wrong in q.wrong:
            yield f"wrong choice of {q.id}", wrong.text
            if wrong.why:
                yield f"why of {q.id}", wrong.why


def test_size_and_coverage(kyphoplasty_bank):
    """At least 18 facts and 30 questions; every fact asked; critical facts asked in two wordings."""
    bank = kyphoplasty_bank
    assert len(bank.facts) >= 18 and len(bank.questions) >= 30
    for fact in bank.facts:
        questions = bank.questions_for(fact.id)
        assert questions, f"no question asks about {fact.id}"
        if bank.is_critical(fact.id):
            assert len({q.ask for q in questions}) >= 2, f"critical fact {fact.id} has one wording"


def test_critical_topics_are_marked_critical(kyphoplasty_bank):
    """Risks, what it does, comfort (anesthesia) and aftercare limits are critical."""
    for fact_id in ("what-it-is", "balloon-makes-space", "cement-holds-bone", "comfort-medicine", "awake-or-asleep",
                    "risks-list", "cement-leak", "risks-rare", "rest-no-lifting"):
        assert kyphoplasty_bank.is_critical(fact_id), fact_id


def test_every_text_is_at_grade_six_or_lower(kyphoplasty_bank):
    """Flesch-Kincaid grade ≤ 6 for every text a patient reads."""
    too_hard = [(where, text, textstat.flesch_kincaid_grade(text)) for where, text in all_texts(kyphoplasty_bank)
                if textstat.flesch_kincaid_grade(text) > MAX_GRADE]
    assert too_hard == []


def test_anesthesia_is_not_taught_as_one_kind(kyphoplasty_bank):
    """The source contradicts itself on anesthesia: the bank says the care team will tell which kind."""
    fact = kyphoplasty_bank.fact("awake-or-asleep")
    assert "care team will tell you" in fact.text
    for question in kyphoplasty_bank.questions_for("awake-or-asleep"):
        assert not re.search(r"\b(local|general|sedation)\b", question.answer, re.I)


def test_questions_have_explanations_and_whys(kyphoplasty_bank):
    """Each question explains itself, and every wrong choice says why it is wrong."""
    for question in kyphoplasty_bank.questions:
        assert question.explain, question.id
        assert all(w.why for w in question.wrong), question.id


def test_right_answer_is_not_given_away(kyphoplasty_bank):
    """No 'all/none of the above'; the right answer is the longest choice in under a third of questions."""
    longest = 0
    for question in kyphoplasty_bank.questions:
        choices = [question.answer, *(w.text for w in question.wrong)]
        assert not any(re.search(r"(all|none) of the above", c, re.I) for c in choices), question.id
        longest += len(question.answer) > max(len(w.text) for w in question.wrong)
    assert longest < len(kyphoplasty_bank.questions) / 3


@pytest.mark.parametrize("word", ["will", "tell"])
def test_grade_checker_can_fail(word):
    """The grade check is real: a long, hard sentence scores far above grade 6."""
    hard = ("Percutaneous vertebral augmentation necessitates comprehensive preoperative evaluation "
            f"of osteoporotic individuals, and the physician {word} determine appropriateness.")
    assert textstat.flesch_kincaid_grade(hard) > MAX_GRADE


# --- version 3 (issue 13 part 2): true to the article and to medicine ---------------------------------

ARTICLE_SECTIONS = (  # the headings of the source article, typed here (nothing in the project reads it)
    "Kyphoplasty Surgery explained", "Treating Fractures In The Bones Of The Spine",
    "Inflating A Balloon-like Device To Create Space", "Relieving Pain Caused By Spinal Fractures",
    "Advantages And Benefits Of The Surgery", "How Kyphoplasty Surgery Works", "Step-by-step Process Of The Surgery",
    "Potential Risks And Complications", "Anesthesia And Recovery Time", "Who Is A Candidate For Kyphoplasty Surgery?",
    "Types Of Spinal Fractures That Can Be Treated", "Factors That Affect Candidacy",
    "Preoperative Preparation And Evaluation", "Recovery And Aftercare For Kyphoplasty Surgery", "Post-operative Care",
    "Physical Therapy And Rehabilitation", "Long-term Outcomes And Potential Side Effects",
    "Resources For Further Information", "Closing lines",
)


def test_every_section_of_the_article_is_the_source_of_a_fact(kyphoplasty_bank):
    """Each section of the article, and its closing lines, is named by some fact's `source`."""
    sources = " ; ".join(fact.source or "" for fact in kyphoplasty_bank.facts)
    assert [section for section in ARTICLE_SECTIONS if section not in sources] == []


def test_comfort_is_taught_not_no_pain(kyphoplasty_bank):
    """The medicine keeps you comfortable; awake patients may feel pressure. Round 1 asks the first
    question of a fact, so that first comfort question carries the uncertainty."""
    questions = kyphoplasty_bank.questions_for("comfort-medicine")
    assert "pressure" in kyphoplasty_bank.fact("comfort-medicine").text
    assert "pressure" in questions[0].answer.lower()
    for question in questions:
        assert not re.search(r"\b(no pain|not feel pain|feel no pain)\b", question.answer, re.I), question.id


def test_no_text_assumes_the_patient_will_be_asleep(kyphoplasty_bank):
    """No 'sleep medicine': some patients stay awake with only the back numbed."""
    assert [where for where, text in all_texts(kyphoplasty_bank) if re.search(r"sleep(ing)? medicine", text, re.I)] == []


def test_serious_problems_are_rare_and_your_doctor_tells_your_own_risk(kyphoplasty_bank):
    """No 'fewer than 1 in 100' taught as certain; serious problems are rare, and your own risk is your doctor's to tell."""
    fact = kyphoplasty_bank.fact("risks-rare").text
    assert "Serious problems are rare" in fact and "your own risk" in fact
    assert [where for where, text in all_texts(kyphoplasty_bank)
            if re.search(r"1 (out )?of (every )?100|1%|we do know", text, re.I)] == []


def test_cement_leakage_is_not_taught_as_rare(kyphoplasty_bank):
    """Cement seen outside the bone on scans is far more common than the rare serious problems."""
    for question in kyphoplasty_bank.questions_for("cement-leak"):
        for text in (question.answer, question.explain or ""):
            assert not re.search(r"\b(this|it) is rare\b|rare risks", text, re.I), question.id


def test_no_words_the_article_does_not_support(kyphoplasty_bank):
    """The balloon is filled, not 'blown up'; exercise lowers the risk of new breaks, it does not stop them;
    no made-up choices brushing safety aside."""
    invented = r"blown up|stops? (new|a new|future) breaks?|only the neck|breakfast"
    assert [(where, text) for where, text in all_texts(kyphoplasty_bank) if re.search(invented, text, re.I)] == []

"""The partner survey: answer checks, and results that never expose a small group."""

from __future__ import annotations

import pytest

from triplewin.core import surveys
from triplewin.core.surveys import Group, Response


def _answers(score: int, **text: str) -> dict[str, int | str]:
    answers: dict[str, int | str] = {q.id: score for q in surveys.AGREEMENT_QUESTIONS}
    answers.update(text)
    return answers


def test_a_full_response_has_no_problems():
    assert surveys.problems(_answers(4, went_well="Weekly calls.")) == {}


def test_every_agreement_question_is_required_and_text_is_optional():
    answers = _answers(4)
    del answers["trust"]
    answers["again"] = 9
    answers["boundaries"] = "4"
    answers["change"] = "x" * (surveys.TEXT_LIMIT + 1)
    answers["invented"] = 1
    assert surveys.problems(answers) == {
        "trust": "Choose how far you agree.",
        "again": "Choose one of the answers listed.",
        "boundaries": "Choose one of the answers listed.",
        "change": f"Keep this under {surveys.TEXT_LIMIT} characters.",
        "invented": "This is not a question in the survey.",
    }


def test_counts_and_means_per_group():
    responses = [
        Response(Group.NHS, _answers(5, went_well="Clear aims.")),
        Response(Group.NHS, _answers(4)),
        Response(Group.NHS, _answers(3, went_well="Good data.")),
        Response(Group.INDUSTRY, _answers(2)),
        Response(Group.INDUSTRY, _answers(2)),
        Response(Group.INDUSTRY, _answers(5, change="Start sooner.")),
    ]
    results = surveys.aggregate(responses)
    nhs, industry = results.groups
    assert (nhs.label, nhs.responses, nhs.suppressed) == ("NHS partners", 3, False)
    trust = next(q for q in nhs.questions if q.question.id == "trust")
    assert trust.counts == (0, 0, 1, 1, 1)
    assert trust.mean == 4
    assert trust.answered == 3
    assert trust.share(5) == 33
    assert nhs.comments["went_well"] == ("Clear aims.", "Good data.")
    assert industry.questions[0].mean == 3
    assert industry.comments["change"] == ("Start sooner.",)
    assert results.combined.responses == 6
    assert results.combined.questions[0].mean == pytest.approx(21 / 6)
    assert results.combined.questions[0].counts == (0, 2, 1, 1, 2)


@pytest.mark.parametrize("small", [1, 2])
def test_a_group_under_three_shows_only_its_count(small):
    responses = [Response(Group.NHS, _answers(4, went_well="Fine.")) for _ in range(4)]
    responses += [Response(Group.INDUSTRY, _answers(1, went_well="Mine.")) for _ in range(small)]
    results = surveys.aggregate(responses)
    nhs, industry = results.groups
    assert not nhs.suppressed
    assert industry.suppressed
    assert industry.responses == small
    assert industry.questions == ()
    assert industry.comments == {}
    # All partners together minus the NHS would reveal the industry answers.
    assert results.combined.suppressed
    assert results.combined.questions == ()
    assert results.small_groups == (industry,)


def test_an_empty_group_does_not_hide_the_combined_results():
    results = surveys.aggregate([Response(Group.NHS, _answers(4)) for _ in range(3)])
    nhs, industry = results.groups
    assert not nhs.suppressed
    assert industry.responses == 0
    assert not industry.has_responses
    assert not results.combined.suppressed
    assert results.combined.questions[0].mean == 4
    assert results.small_groups == ()


def test_no_responses_at_all():
    results = surveys.aggregate([])
    assert results.responses == 0
    assert results.combined.suppressed
    assert all(g.suppressed and not g.has_responses for g in results.groups)


def test_blank_comments_are_left_out():
    responses = [Response(Group.NHS, _answers(3, went_well="  ")) for _ in range(3)]
    assert surveys.aggregate(responses).groups[0].comments["went_well"] == ()


def test_too_few():
    assert [surveys.too_few(n) for n in range(5)] == [False, True, True, False, False]


def test_wider_groups_stand_alone_with_the_same_suppression():
    # Guidance, patient engagement plan: feedback after the project from patients and staff.
    wider = {q.id: 4 for q in surveys.WIDER_QUESTIONS if q.kind is surveys.Kind.AGREEMENT}
    partner = {q.id: 5 for q in surveys.AGREEMENT_QUESTIONS}
    responses = [
        *(surveys.Response(surveys.Group.PATIENTS, wider) for _ in range(2)),
        *(surveys.Response(surveys.Group.STAFF, wider) for _ in range(3)),
        *(surveys.Response(surveys.Group.NHS, partner) for _ in range(3)),
    ]
    results = surveys.aggregate(responses)
    by_label = {g.label: g for g in results.wider}
    assert by_label["Patients, carers and the public"].suppressed
    assert by_label["Patients, carers and the public"].questions == ()
    staff = by_label["Staff who worked with the service"]
    assert not staff.suppressed
    assert [q.question.id for q in staff.questions] == [
        "difference",
        "informed",
        "heard",
        "continue",
    ]
    # Wider answers never join the partners' combined figures.
    assert results.combined.responses == 3
    assert "Wider stakeholders" not in by_label


def test_wider_answers_are_checked_against_their_own_questions():
    answers = {q.id: 3 for q in surveys.WIDER_QUESTIONS if q.kind is surveys.Kind.AGREEMENT}
    assert surveys.problems(answers, surveys.WIDER_QUESTIONS) == {}
    assert "trust" in surveys.problems(answers)

"""The classification checklist and its verdicts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from triplewin.core.checklist import (
    ALTERNATIVES,
    AMBER,
    COMMON_RED,
    QUESTIONS,
    QUESTIONS_BY_ID,
    Answer,
    Applies,
    Classification,
    Colour,
    Parties,
    answered_count,
    classify,
    upgrade_answers,
)

WITH_NHS = Parties(nhs=True, healthcare=True, pharmaceutical=True)
HEALTHCARE_NOT_NHS = Parties(nhs=False, healthcare=True, pharmaceutical=True)


def _parties(has_nhs: bool) -> Parties:
    return WITH_NHS if has_nhs else HEALTHCARE_NOT_NHS


COMMON_RED_IDS = [q.id for q in COMMON_RED]
AMBER_IDS = [q.id for q in AMBER]


def all_yes(**overrides: str | None) -> dict[str, str]:
    """Every question answered yes, then overrides applied (None removes an answer)."""
    answers = {q.id: Answer.YES.value for q in QUESTIONS}
    for key, value in overrides.items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    return answers


def test_question_ids_are_unique() -> None:
    assert len(QUESTIONS_BY_ID) == len(QUESTIONS)


def test_question_groups() -> None:
    assert all(q.colour is Colour.RED for q in COMMON_RED)
    assert QUESTIONS_BY_ID["benefit_patients_direct"].applies is Applies.JW_ONLY
    assert QUESTIONS_BY_ID["benefit_patients_or_nhs"].applies is Applies.CW_ONLY
    assert "benefit_patients_direct" not in COMMON_RED_IDS
    assert len(COMMON_RED) == 14
    assert len(AMBER) == 5
    assert [q.id for q in QUESTIONS if q.allows_not_applicable] == ["treatments_in_guidance"]


@pytest.mark.parametrize(
    ("answers", "has_nhs", "expected", "cw", "jw"),
    [
        pytest.param(all_yes(), True, Classification.JOINT_WORKING, True, True, id="all-yes-nhs"),
        pytest.param(
            all_yes(benefit_patients_or_nhs=None),
            True,
            Classification.JOINT_WORKING,
            True,
            True,
            id="direct-yes-wider-unanswered",
        ),
        pytest.param(
            all_yes(benefit_patients_direct="no"),
            True,
            Classification.COLLABORATIVE_WORKING,
            True,
            False,
            id="efficiency-only",
        ),
        pytest.param(
            all_yes(), False, Classification.COLLABORATIVE_WORKING, True, False, id="jw-no-nhs"
        ),
        pytest.param(
            all_yes(benefit_patients_direct="no", benefit_patients_or_nhs="no"),
            True,
            Classification.NEITHER,
            False,
            False,
            id="no-benefit",
        ),
        pytest.param(
            all_yes(treatments_in_guidance="na"),
            True,
            Classification.JOINT_WORKING,
            True,
            True,
            id="treatments-na",
        ),
        pytest.param(
            all_yes(prospective="na"), True, Classification.NEITHER, False, False, id="bad-na"
        ),
        pytest.param(
            all_yes(shared_commitment=None),
            True,
            Classification.INCOMPLETE,
            False,
            False,
            id="red-unanswered",
        ),
        pytest.param(
            all_yes(benefit_patients_direct=""),
            True,
            Classification.INCOMPLETE,
            False,
            False,
            id="direct-blank",
        ),
        pytest.param(
            all_yes(benefit_patients_direct="no", benefit_patients_or_nhs=None),
            True,
            Classification.INCOMPLETE,
            False,
            False,
            id="direct-no-wider-unanswered",
        ),
        pytest.param({}, True, Classification.INCOMPLETE, False, False, id="nothing-answered"),
    ],
)
def test_classification_table(answers, has_nhs, expected, cw, jw) -> None:
    verdict = classify(answers, parties=_parties(has_nhs))
    assert verdict.classification is expected
    assert verdict.qualifies_cw is cw
    assert verdict.qualifies_jw is jw


def test_all_yes_with_nhs_is_joint_working() -> None:
    verdict = classify(all_yes(), parties=WITH_NHS)
    assert verdict.classification is Classification.JOINT_WORKING
    assert verdict.failed_red == ()
    assert verdict.unanswered_red == ()
    assert verdict.amber_risks == ()
    assert verdict.alternatives == ()
    assert verdict.label == "Joint working"


@pytest.mark.parametrize("question_id", COMMON_RED_IDS)
def test_each_red_no_means_neither(question_id: str) -> None:
    verdict = classify(all_yes(**{question_id: "no"}), parties=WITH_NHS)
    assert verdict.classification is Classification.NEITHER
    assert question_id in verdict.failed_red
    assert verdict.failed_red == (question_id,)
    assert not verdict.qualifies_cw
    assert not verdict.qualifies_jw
    assert verdict.alternatives
    assert verdict.alternatives == ALTERNATIVES
    assert any(QUESTIONS_BY_ID[question_id].text in reason for reason in verdict.reasons)


@pytest.mark.parametrize("question_id", COMMON_RED_IDS)
def test_each_red_unanswered_is_incomplete(question_id: str) -> None:
    verdict = classify(all_yes(**{question_id: None}), parties=WITH_NHS)
    assert verdict.classification is Classification.INCOMPLETE
    assert verdict.unanswered_red == (question_id,)
    assert verdict.failed_red == ()
    assert verdict.alternatives == ()


def test_efficiency_only_project_is_collaborative_working() -> None:
    answers = all_yes(benefit_patients_direct="no", benefit_patients_or_nhs="yes")
    verdict = classify(answers, parties=WITH_NHS)
    assert verdict.classification is Classification.COLLABORATIVE_WORKING
    assert verdict.qualifies_cw
    assert not verdict.qualifies_jw
    assert any("direct benefit to patients" in r for r in verdict.reasons)
    assert verdict.alternatives == ()


def test_joint_working_without_nhs_party_is_collaborative_working() -> None:
    verdict = classify(all_yes(), parties=HEALTHCARE_NOT_NHS)
    assert verdict.classification is Classification.COLLABORATIVE_WORKING
    assert verdict.qualifies_cw
    assert not verdict.qualifies_jw
    assert any("NHS organisation" in r for r in verdict.reasons)


def test_treatments_in_guidance_accepts_not_applicable() -> None:
    verdict = classify(all_yes(treatments_in_guidance="na"), parties=WITH_NHS)
    assert "treatments_in_guidance" not in verdict.failed_red
    assert verdict.classification is Classification.JOINT_WORKING


@pytest.mark.parametrize(
    "question_id", [q for q in COMMON_RED_IDS if not QUESTIONS_BY_ID[q].allows_not_applicable]
)
def test_not_applicable_fails_where_not_allowed(question_id: str) -> None:
    verdict = classify(all_yes(**{question_id: "na"}), parties=WITH_NHS)
    assert verdict.failed_red == (question_id,)
    assert verdict.classification is Classification.NEITHER


@pytest.mark.parametrize("question_id", AMBER_IDS)
def test_amber_no_is_a_risk_not_a_reclassification(question_id: str) -> None:
    verdict = classify(all_yes(**{question_id: "no"}), parties=WITH_NHS)
    assert verdict.amber_risks == (question_id,)
    assert verdict.classification is Classification.JOINT_WORKING
    assert verdict.failed_red == ()


def test_amber_risks_reported_even_when_incomplete() -> None:
    verdict = classify(all_yes(team_in_place="no", prospective=None), parties=WITH_NHS)
    assert verdict.classification is Classification.INCOMPLETE
    assert verdict.amber_risks == ("team_in_place",)


def test_both_benefit_answers_no_is_neither() -> None:
    answers = all_yes(benefit_patients_direct="no", benefit_patients_or_nhs="no")
    verdict = classify(answers, parties=WITH_NHS)
    assert verdict.classification is Classification.NEITHER
    assert "benefit_patients_or_nhs" in verdict.failed_red
    assert verdict.alternatives


def test_unanswered_benefit_is_named() -> None:
    direct_missing = classify(all_yes(benefit_patients_direct=None), parties=WITH_NHS)
    assert direct_missing.unanswered_red == ("benefit_patients_direct",)
    wider_missing = classify(
        all_yes(benefit_patients_direct="no", benefit_patients_or_nhs=None), parties=WITH_NHS
    )
    assert wider_missing.unanswered_red == ("benefit_patients_or_nhs",)


def test_answered_count() -> None:
    assert answered_count({}) == 0
    assert answered_count(all_yes()) == len(QUESTIONS)
    assert answered_count({"prospective": "yes", "team_in_place": "", "unknown": "yes"}) == 1


@given(st.dictionaries(st.sampled_from(AMBER_IDS), st.sampled_from(["yes", "no", "na", ""])))
def test_amber_answers_never_change_classification(amber: dict[str, str]) -> None:
    for has_nhs in (True, False):
        baseline = classify(all_yes(), parties=_parties(has_nhs))
        verdict = classify({**all_yes(), **amber}, parties=_parties(has_nhs))
        assert verdict.classification is baseline.classification
        assert set(verdict.amber_risks) == {k for k, v in amber.items() if v == "no"}


@given(
    st.fixed_dictionaries(
        {
            q.id: st.sampled_from(["yes", "no", "na", "", None])
            for q in QUESTIONS
            if q.colour is Colour.RED
        }
    ),
    st.booleans(),
)
def test_verdict_invariants(raw: dict[str, str | None], has_nhs: bool) -> None:
    answers = {k: v for k, v in raw.items() if v is not None}
    verdict = classify(answers, parties=_parties(has_nhs))
    assert not verdict.qualifies_jw or verdict.qualifies_cw
    assert not verdict.qualifies_jw or has_nhs
    assert verdict.classification is not Classification.INCOMPLETE or verdict.unanswered_red
    assert not verdict.unanswered_red or verdict.classification in (
        Classification.INCOMPLETE,
        Classification.NEITHER,
    )
    assert bool(verdict.alternatives) == (verdict.classification is Classification.NEITHER)
    if verdict.classification is Classification.NEITHER:
        assert verdict.failed_red


@pytest.mark.parametrize(
    ("parties", "missing"),
    [
        pytest.param(
            Parties(nhs=False, healthcare=False, pharmaceutical=True),
            "no NHS or other healthcare organisation",
            id="company-and-charity-only",
        ),
        pytest.param(
            Parties(nhs=True, healthcare=True, pharmaceutical=False),
            "no pharmaceutical company",
            id="nhs-only",
        ),
    ],
)
def test_missing_kind_of_partner_is_neither_with_that_reason(
    parties: Parties, missing: str
) -> None:
    # ABPI Code 2024 clause 20: collaborative working is between at least one pharmaceutical
    # company and at least one healthcare organisation; every answer yes does not change that.
    verdict = classify(all_yes(), parties=parties)
    assert verdict.classification is Classification.NEITHER
    assert not verdict.qualifies_cw
    assert not verdict.qualifies_jw
    assert missing in verdict.reasons[0]
    assert verdict.alternatives


def test_healthcare_provider_outside_the_nhs_qualifies_for_collaborative_working_only() -> None:
    verdict = classify(all_yes(), parties=HEALTHCARE_NOT_NHS)
    assert verdict.classification is Classification.COLLABORATIVE_WORKING
    assert any("must include an NHS organisation" in r for r in verdict.reasons)


def test_questions_about_every_treatment_and_benefit_ask_about_all_of_them() -> None:
    # Issue 13: "any" changed the meaning; the checklist asks about all of them.
    assert "all of the treatments" in QUESTIONS_BY_ID["treatments_in_guidance"].text
    assert "all of the benefits" in QUESTIONS_BY_ID["organisational_benefit"].text
    assert not any(" any " in f" {q.text} " for q in QUESTIONS)


# Issue 13 item 2: the bundled outcomes question is split. Seed: NHS Confederation/ABPI
# guidance (2024), the collaborative and joint working comparison table: outcomes that can be
# measured or tracked for both types; joint working always benefits patients directly;
# collaborative working may benefit the NHS provided patient care is at least kept at its
# current level; and companies do not deal directly with patients or see data that identifies
# them.
EFFICIENCY = {"benefit_patients_direct": "no", "benefit_patients_or_nhs": "yes"}


@pytest.mark.parametrize(
    ("passage", "answers", "has_nhs", "expected"),
    [
        pytest.param(
            "comparison table: collaborative working may benefit the NHS, care maintained",
            all_yes(**EFFICIENCY, patient_outcomes_measured="no"),
            True,
            Classification.COLLABORATIVE_WORKING,
            id="cw-measures-nhs-efficiency-not-patient-outcomes",
        ),
        pytest.param(
            "comparison table: collaborative working may benefit the NHS, care maintained",
            all_yes(**EFFICIENCY, patient_outcomes_measured=None),
            True,
            Classification.COLLABORATIVE_WORKING,
            id="cw-need-not-answer-patient-outcomes",
        ),
        pytest.param(
            "comparison table: joint working always benefits patients directly",
            all_yes(patient_outcomes_measured="no"),
            True,
            Classification.COLLABORATIVE_WORKING,
            id="direct-benefit-without-patient-outcomes-is-cw-only",
        ),
        pytest.param(
            "comparison table: joint working always benefits patients directly",
            all_yes(patient_outcomes_measured=None),
            True,
            Classification.INCOMPLETE,
            id="jw-possible-patient-outcomes-unanswered",
        ),
        pytest.param(
            "comparison table: joint working must include the NHS as a party",
            all_yes(patient_outcomes_measured=None),
            False,
            Classification.COLLABORATIVE_WORKING,
            id="no-nhs-so-patient-outcomes-not-asked",
        ),
        pytest.param(
            "comparison table: outcomes measured or tracked (both types)",
            all_yes(**EFFICIENCY, outcomes_measurable="no"),
            True,
            Classification.NEITHER,
            id="no-measurable-outcomes-is-neither",
        ),
        pytest.param(
            "comparison table: no identifiable patient level data for companies (both types)",
            all_yes(**EFFICIENCY, anonymised_aggregated_data="no"),
            True,
            Classification.NEITHER,
            id="identifiable-data-is-neither",
        ),
        pytest.param(
            "comparison table: joint working always benefits patients directly",
            all_yes(),
            True,
            Classification.JOINT_WORKING,
            id="jw-measures-patient-outcomes",
        ),
    ],
)
def test_outcomes_questions_split_by_type(
    passage: str, answers: dict[str, str], has_nhs: bool, expected: Classification
) -> None:
    verdict = classify(answers, parties=_parties(has_nhs))
    assert verdict.classification is expected, passage


def test_patient_outcomes_is_joint_working_only() -> None:
    assert QUESTIONS_BY_ID["patient_outcomes_measured"].applies is Applies.JW_ONLY
    assert QUESTIONS_BY_ID["outcomes_measurable"].applies is Applies.BOTH
    assert QUESTIONS_BY_ID["anonymised_aggregated_data"].applies is Applies.BOTH
    assert "outcomes_measured_anonymised" not in QUESTIONS_BY_ID


def test_patient_outcomes_no_gives_the_reason() -> None:
    verdict = classify(all_yes(patient_outcomes_measured="no"), parties=WITH_NHS)
    assert not verdict.qualifies_jw
    assert verdict.failed_red == ()
    assert any("collaborative working only" in r and "patients" in r for r in verdict.reasons)


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        pytest.param(
            {"outcomes_measured_anonymised": "yes", "prospective": "yes"},
            {
                "outcomes_measurable": "yes",
                "patient_outcomes_measured": "yes",
                "anonymised_aggregated_data": "yes",
                "prospective": "yes",
            },
            id="yes-answered-every-part",
        ),
        pytest.param(
            {"outcomes_measured_anonymised": "no"},
            {"patient_outcomes_measured": "no"},
            id="no-asks-the-other-parts-again",
        ),
        pytest.param(
            {"outcomes_measured_anonymised": "yes", "patient_outcomes_measured": "no"},
            {
                "outcomes_measurable": "yes",
                "patient_outcomes_measured": "no",
                "anonymised_aggregated_data": "yes",
            },
            id="new-answer-wins",
        ),
        pytest.param({"prospective": "no"}, {"prospective": "no"}, id="untouched"),
    ],
)
def test_old_bundled_answer_is_upgraded(stored: dict[str, str], expected: dict[str, str]) -> None:
    assert upgrade_answers(stored) == expected

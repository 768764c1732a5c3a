"""Split the bundled outcomes question in stored checklist answers (issue 13, item 2).

The old question "Will patient outcomes be measured, sharing only anonymised, aggregated data
with the company?" became three: outcomes that can be measured (both types), patient
outcomes measured (joint working only) and only anonymised, aggregated data for the company
(both types). A stored "yes" answered every part, so it becomes "yes" to all three. A stored
"no" cannot say which part failed; it becomes "no" to the patient-outcomes question (the
likeliest reason, a collaborative working project measuring NHS efficiency) and the other two
are left unanswered for the team to answer again. The mapping is frozen here, as migrations
must not depend on code that may change later.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

OLD = "outcomes_measured_anonymised"
NEW_FOR = {
    "yes": {
        "outcomes_measurable": "yes",
        "patient_outcomes_measured": "yes",
        "anonymised_aggregated_data": "yes",
    },
    "no": {"patient_outcomes_measured": "no"},
}


def split(apps: Any, schema_editor: Any) -> None:
    checklist_model = apps.get_model("scoping", "ClassificationChecklist")
    for record in checklist_model.objects.filter(answers__has_key=OLD):
        answers = dict(record.answers)
        value = answers.pop(OLD)
        for key, new_value in NEW_FOR.get(value, {}).items():
            answers.setdefault(key, new_value)
        record.answers = answers
        record.row_version += 1
        record.save(update_fields=["answers", "row_version"])


def join(apps: Any, schema_editor: Any) -> None:
    checklist_model = apps.get_model("scoping", "ClassificationChecklist")
    new_keys = ("outcomes_measurable", "patient_outcomes_measured", "anonymised_aggregated_data")
    for record in checklist_model.objects.all():
        answers = dict(record.answers)
        parts = [answers.pop(k, None) for k in new_keys]
        if not any(parts):
            continue
        answers[OLD] = "yes" if all(p == "yes" for p in parts) else "no"
        record.answers = answers
        record.save(update_fields=["answers"])


class Migration(migrations.Migration):
    dependencies = [("scoping", "0001_initial")]

    operations = [migrations.RunPython(split, join)]

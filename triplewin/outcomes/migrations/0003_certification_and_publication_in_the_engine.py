"""Move the summary's certification and publication into the sign-off engine (ADR 0024).

Each certification becomes a "certify" act and each publication a "publish" act on the subject
"outcomes", keeping the person, the day and the hash of the certified text; then the fields go. The
publication day stays on the summary for the register's lists. "Certified" is no longer a
status: the engine answers it. The reverse writes the fields back from the acts.
"""

from django.conf import settings
from django.db import migrations, models

from triplewin.signoff import summary_migration

ARGS = {
    "app_label": "outcomes",
    "model": "OutcomesSummary",
    "document": "outcomes",
    # The text the certification is bound to, as it stood when this migration was written.
    "fields": (
        "partners",
        "duration",
        "overview",
        "results",
        "outcomes_patients",
        "outcomes_nhs",
        "outcomes_industry",
        "shared_vision",
        "contributions",
        "benefits",
        "relationships",
        "business_case",
        "scaling",
        "conclusions",
    ),
}


def forwards(apps, schema_editor):
    summary_migration.into_the_engine(apps, **ARGS)


def backwards(apps, schema_editor):
    summary_migration.out_of_the_engine(apps, **ARGS)


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0002_sign_off_in_the_engine"),
        ("signoff", "0002_act_snapshot"),
        ("organisations", "0005_standing_route"),
        ("partnerships", "0003_project_products_concerned"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(forwards, backwards),
        migrations.RemoveField(model_name="outcomessummary", name="certified_by"),
        migrations.RemoveField(model_name="outcomessummary", name="certified_on"),
        migrations.RemoveField(model_name="outcomessummary", name="certified_hash"),
        migrations.RemoveField(model_name="outcomessummary", name="published_by"),
        migrations.AlterField(
            model_name="outcomessummary",
            name="status",
            field=models.CharField(
                choices=[("draft", "Draft"), ("published", "Published")],
                default="draft",
                max_length=10,
            ),
        ),
    ]

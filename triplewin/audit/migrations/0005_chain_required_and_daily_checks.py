import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_chain_existing_events")]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(unique=True),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="prev_hash",
            field=models.CharField(max_length=64),
        ),
        migrations.AlterField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(max_length=64),
        ),
        migrations.CreateModel(
            name="ChainCheck",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(unique=True)),
                ("checked_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("verified", models.BooleanField()),
                ("events", models.PositiveBigIntegerField(help_text="Events checked before the first break.")),
                ("head_sequence", models.PositiveBigIntegerField(blank=True, null=True)),
                ("head_event_id", models.BigIntegerField(blank=True, null=True)),
                ("head_hash", models.CharField(blank=True, max_length=64)),
                ("problem", models.TextField(blank=True)),
                ("alerted", models.PositiveIntegerField(default=0, help_text="People emailed about a failure.")),
            ],
            options={"ordering": ("-day",)},
        ),
    ]

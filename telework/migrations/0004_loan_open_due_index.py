from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("telework", "0003_rules_date_effective"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="loan",
            index=models.Index(
                condition=models.Q(("returned_on__isnull", True)),
                fields=["due_on", "id"],
                name="telework_loan_open_due_idx",
            ),
        ),
    ]

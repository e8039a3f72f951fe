"""hr's import jobs become jobs of the platform's import kit (``imtsocial.imports``):
the rows are copied (their kind becomes the importer's key), then hr's table goes."""

from django.db import migrations

KINDS = {"employees": "hr.employees", "contracts": "hr.contracts", "salaries": "hr.salaries"}
FIELDS = (
    "file",
    "original_name",
    "status",
    "created_by_id",
    "created_at",
    "confirmed_by_id",
    "finished_at",
    "total_rows",
    "processed_rows",
    "summary",
)


def copy_jobs(apps, schema_editor):
    Old = apps.get_model("hr", "ImportJob")
    New = apps.get_model("imports", "ImportJob")
    for job in Old.objects.order_by("pk"):
        copy = New(kind=KINDS.get(job.kind, f"hr.{job.kind}"), **{f: getattr(job, f) for f in FIELDS})
        copy.save()
        # auto_now_add: keep the original upload date
        New.objects.filter(pk=copy.pk).update(created_at=job.created_at)


class Migration(migrations.Migration):
    dependencies = [
        ("hr", "0005_reference_data_date_effective"),
        ("imports", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(copy_jobs, migrations.RunPython.noop),
        migrations.DeleteModel(name="ImportJob"),
    ]

"""The directory's order as an index: last name, first name in French order, then the id.

``imtsocial.collation.by_name()`` sorts with PostgreSQL's ICU collation ``fr-x-icu``; a
plain index on the names (``hr_employee_name_idx``, the database's collation) cannot give
that order, so a page of the directory sorted every active employee (30 ms at 10,000
staff). With this index PostgreSQL reads the first page in order and stops. SQLite (the
embedded demo) has no such collation and sorts by bytes: nothing to create there.
"""

from django.db import migrations

INDEX = "hr_employee_french_name_idx"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS {INDEX} ON hr_employee '
            '(last_name COLLATE "fr-x-icu", first_name COLLATE "fr-x-icu", id)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("hr", "0009_salary_cancel_and_plausibility")]

    operations = [migrations.RunPython(create, drop, elidable=False)]

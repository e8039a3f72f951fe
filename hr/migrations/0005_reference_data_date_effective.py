"""Pay reference tables become date-effective (``valid_to``, ``verified``, history, no
overlapping periods on PostgreSQL); the thresholds hr read from code become parameters."""

from datetime import date

import django.core.validators
import django.db.models.deletion
import simple_history.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

from imtsocial.refdata.operations import NoOverlap, close_open_periods, record_initial_history

PARAMETERS = [
    # key, value, source
    ("hr.contract_end_notice_days", 60, "Choix de l'école (alerte des managers et des RH)"),
    ("hr.fixed_term_long_days", 730, "Rapport DD&RS : CDD « de 2 ans ou plus »"),
]


def forwards(apps, schema_editor):
    for name, keys in (
        ("SmicRate", ()),
        ("IndexPointValue", ()),
        ("PayBenchmark", ("category",)),
        ("DoctoralMinimumPay", ("signed_from",)),
    ):
        close_open_periods(apps.get_model("hr", name), keys)
    DoctoralMinimumPay = apps.get_model("hr", "DoctoralMinimumPay")
    # Since 2023-01-01 one minimum applies to every contract, whatever its signature date.
    DoctoralMinimumPay.objects.filter(
        signed_from__isnull=False, valid_from__lt=date(2023, 1, 1), valid_to__isnull=True
    ).update(valid_to=date(2022, 12, 31))
    # RULES §1: the 2023 value of the index point is "unchanged since" (~, not read in a text).
    apps.get_model("hr", "IndexPointValue").objects.filter(valid_from=date(2023, 7, 1)).update(
        verified=False
    )
    Parameter = apps.get_model("refdata", "Parameter")
    for key, value, source in PARAMETERS:
        Parameter.objects.get_or_create(
            key=key, valid_from=date(2000, 1, 1), defaults={"value": value, "source": source}
        )
    record_initial_history(apps, "hr", "SmicRate", "IndexPointValue", "PayBenchmark",
                           "DoctoralMinimumPay")
    record_initial_history(apps, "refdata", "Parameter")


class Migration(migrations.Migration):

    dependencies = [
        ('hr', '0004_salary_positive_message'),
        ('refdata', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='HistoricalDoctoralMinimumPay',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('valid_from', models.DateField(verbose_name='en vigueur du')),
                ('valid_to', models.DateField(blank=True, help_text='Vide : sans date de fin.', null=True, verbose_name="jusqu'au")),
                ('verified', models.BooleanField(default=True, help_text='Décoché : valeur à confirmer (non lue dans un texte officiel).', verbose_name='vérifié')),
                ('source', models.CharField(blank=True, max_length=255, verbose_name='source')),
                ('signed_from', models.DateField(blank=True, null=True, verbose_name='contrats signés à partir du')),
                ('amount', models.DecimalField(decimal_places=2, max_digits=9, verbose_name='minimum brut mensuel (€)')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical minimum du contrat doctoral',
                'verbose_name_plural': 'historical minimums du contrat doctoral',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalIndexPointValue',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('valid_from', models.DateField(verbose_name='en vigueur du')),
                ('valid_to', models.DateField(blank=True, help_text='Vide : sans date de fin.', null=True, verbose_name="jusqu'au")),
                ('verified', models.BooleanField(default=True, help_text='Décoché : valeur à confirmer (non lue dans un texte officiel).', verbose_name='vérifié')),
                ('source', models.CharField(blank=True, max_length=255, verbose_name='source')),
                ('yearly_value_100', models.DecimalField(decimal_places=2, max_digits=9, verbose_name="valeur annuelle de l'indice 100 (€)")),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': "historical valeur du point d'indice",
                'verbose_name_plural': "historical valeurs du point d'indice",
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalSmicRate',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('valid_from', models.DateField(verbose_name='en vigueur du')),
                ('valid_to', models.DateField(blank=True, help_text='Vide : sans date de fin.', null=True, verbose_name="jusqu'au")),
                ('verified', models.BooleanField(default=True, help_text='Décoché : valeur à confirmer (non lue dans un texte officiel).', verbose_name='vérifié')),
                ('source', models.CharField(blank=True, max_length=255, verbose_name='source')),
                ('hourly', models.DecimalField(decimal_places=2, max_digits=6, verbose_name='horaire brut (€)')),
                ('monthly', models.DecimalField(decimal_places=2, max_digits=8, validators=[django.core.validators.MinValueValidator(Decimal('0.01'))], verbose_name='mensuel brut 35 h (€)')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical SMIC',
                'verbose_name_plural': 'historical SMIC',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RemoveConstraint(
            model_name='paybenchmark',
            name='hr_benchmark_one_per_date',
        ),
        migrations.AddField(
            model_name='doctoralminimumpay',
            name='valid_to',
            field=models.DateField(blank=True, help_text='Vide : sans date de fin.', null=True, verbose_name="jusqu'au"),
        ),
        migrations.AddField(
            model_name='doctoralminimumpay',
            name='verified',
            field=models.BooleanField(default=True, help_text='Décoché : valeur à confirmer (non lue dans un texte officiel).', verbose_name='vérifié'),
        ),
        migrations.AddField(
            model_name='historicalpaybenchmark',
            name='valid_to',
            field=models.DateField(blank=True, help_text='Vide : sans date de fin.', null=True, verbose_name="jusqu'au"),
        ),
        migrations.AddField(
            model_name='historicalpaybenchmark',
            name='verified',
            field=models.BooleanField(default=True, help_text='Décoché : valeur à confirmer (non lue dans un texte officiel).', verbose_name='vérifié'),
        ),
        migrations.AddField(
            model_name='indexpointvalue',
            name='valid_to',
            field=models.DateField(blank=True, help_text='Vide : sans date de fin.', null=True, verbose_name="jusqu'au"),
        ),
        migrations.AddField(
            model_name='indexpointvalue',
            name='verified',
            field=models.BooleanField(default=True, help_text='Décoché : valeur à confirmer (non lue dans un texte officiel).', verbose_name='vérifié'),
        ),
        migrations.AddField(
            model_name='paybenchmark',
            name='valid_to',
            field=models.DateField(blank=True, help_text='Vide : sans date de fin.', null=True, verbose_name="jusqu'au"),
        ),
        migrations.AddField(
            model_name='paybenchmark',
            name='verified',
            field=models.BooleanField(default=True, help_text='Décoché : valeur à confirmer (non lue dans un texte officiel).', verbose_name='vérifié'),
        ),
        migrations.AddField(
            model_name='smicrate',
            name='valid_to',
            field=models.DateField(blank=True, help_text='Vide : sans date de fin.', null=True, verbose_name="jusqu'au"),
        ),
        migrations.AddField(
            model_name='smicrate',
            name='verified',
            field=models.BooleanField(default=True, help_text='Décoché : valeur à confirmer (non lue dans un texte officiel).', verbose_name='vérifié'),
        ),
        migrations.AlterField(
            model_name='doctoralminimumpay',
            name='source',
            field=models.CharField(blank=True, max_length=255, verbose_name='source'),
        ),
        migrations.AlterField(
            model_name='doctoralminimumpay',
            name='valid_from',
            field=models.DateField(verbose_name='en vigueur du'),
        ),
        migrations.AlterField(
            model_name='historicalpaybenchmark',
            name='source',
            field=models.CharField(blank=True, max_length=255, verbose_name='source'),
        ),
        migrations.AlterField(
            model_name='historicalpaybenchmark',
            name='valid_from',
            field=models.DateField(verbose_name='en vigueur du'),
        ),
        migrations.AlterField(
            model_name='indexpointvalue',
            name='source',
            field=models.CharField(blank=True, max_length=255, verbose_name='source'),
        ),
        migrations.AlterField(
            model_name='indexpointvalue',
            name='valid_from',
            field=models.DateField(verbose_name='en vigueur du'),
        ),
        migrations.AlterField(
            model_name='paybenchmark',
            name='source',
            field=models.CharField(blank=True, max_length=255, verbose_name='source'),
        ),
        migrations.AlterField(
            model_name='paybenchmark',
            name='valid_from',
            field=models.DateField(verbose_name='en vigueur du'),
        ),
        migrations.AlterField(
            model_name='smicrate',
            name='source',
            field=models.CharField(blank=True, max_length=255, verbose_name='source'),
        ),
        migrations.AlterField(
            model_name='smicrate',
            name='valid_from',
            field=models.DateField(verbose_name='en vigueur du'),
        ),
        migrations.AddConstraint(
            model_name='doctoralminimumpay',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='hr_doctoralminimumpay_valid_range', violation_error_message='La fin de validité précède son début.'),
        ),
        migrations.AddConstraint(
            model_name='indexpointvalue',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='hr_indexpointvalue_valid_range', violation_error_message='La fin de validité précède son début.'),
        ),
        migrations.AddConstraint(
            model_name='paybenchmark',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='hr_paybenchmark_valid_range', violation_error_message='La fin de validité précède son début.'),
        ),
        migrations.AddConstraint(
            model_name='smicrate',
            constraint=models.CheckConstraint(condition=models.Q(('valid_to__isnull', True), ('valid_to__gte', models.F('valid_from')), _connector='OR'), name='hr_smicrate_valid_range', violation_error_message='La fin de validité précède son début.'),
        ),
        migrations.AddField(
            model_name='historicaldoctoralminimumpay',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalindexpointvalue',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalsmicrate',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        NoOverlap("smicrate"),
        NoOverlap("indexpointvalue"),
        NoOverlap("paybenchmark", keys=["category"]),
        NoOverlap("doctoralminimumpay", keys=["coalesce(signed_from, '-infinity'::date)"]),
    ]

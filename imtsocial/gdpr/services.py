"""Retention (RULES.md §6) and subject access, over what the apps declare
(``imtsocial.gdpr.registry``).

« Every data subject can obtain everything held about them » — ``subject_data_collect``.
The retention run first stores a dry-run report (counts per category), then, unless
``GDPR_RETENTION_DRY_RUN`` is set, applies each rule and stores the counts treated.
DUERP editions (40 years) are declared with no ``due``: never touched.
"""

import logging
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from imtsocial.accounts.roles import employee_of
from imtsocial.gdpr.models import RetentionReport
from imtsocial.gdpr.registry import SubjectSection, display, retention_rules, subject_providers

logger = logging.getLogger(__name__)


def retention_table(*, today=None) -> list[dict]:
    """The rows of the reference table, for the DPO's page and for docs/privacy.md."""
    today = today or timezone.localdate()
    return [
        {
            "rule": rule,
            "period": rule.period_label(today),
            "outcome": rule.outcome,
        }
        for rule in retention_rules
    ]


def retention_dry_run(*, today=None) -> dict:
    """{rule key: number of records past their period} — nothing is changed."""
    today = today or timezone.localdate()
    return {rule.key: rule.due(today).count() for rule in retention_rules if rule.due}


def retention_apply(*, today=None, dry_run=None) -> RetentionReport:
    """Store the dry-run report, then (not in dry-run) delete or anonymise what passed."""
    today = today or timezone.localdate()
    dry_run = settings.GDPR_RETENTION_DRY_RUN if dry_run is None else dry_run
    report = RetentionReport.objects.create(day=today, due=retention_dry_run(today=today))
    if dry_run:
        logger.info("gdpr retention dry run %s: %s", today, report.due)
        return report
    treated = {}
    for rule in retention_rules:
        if rule.due is None or rule.apply is None or not report.due.get(rule.key):
            continue
        with transaction.atomic():
            treated[rule.key] = rule.apply(rule.due(today), today)
    report.treated = treated
    report.applied = True
    report.save(update_fields=["treated", "applied"])
    logger.info("gdpr retention applied %s: %s", today, treated)
    return report


def subject_data_collect(*, user) -> list[SubjectSection]:
    """Everything the intranet holds about ``user``: their login, then each app's part."""
    account = SubjectSection(
        _("Compte de connexion"),
        [
            {
                _("Adresse e-mail"): user.email,
                _("Prénom"): user.first_name,
                _("Nom"): user.last_name,
                _("Dernière connexion"): display(user.last_login),
                _("Créé le"): display(user.date_joined),
            }
        ],
    )
    sections = [account]
    employee = employee_of(user)
    for provider in subject_providers:
        sections.extend(section for section in provider(user, employee) if section.records)
    return sections


def subject_data_json(*, sections) -> dict:
    return {
        "generated_at": timezone.now().isoformat(),
        "sections": {
            str(section.title): [
                {
                    str(label): str(value) if isinstance(value, Decimal) else value
                    for label, value in record.items()
                }
                for record in section.records
            ]
            for section in sections
        },
    }

"""What HR declares for the GDPR (RULES.md §6): the personnel file's retention and the
person's part of « Mes données » (record, contracts, salaries, interviews, training)."""

from django.utils.translation import gettext_lazy as _

from hr.evaluations.models import EvaluationInterview
from hr.models import Contract, Employee, SalaryRecord
from hr.training.models import Enrolment
from imtsocial import memo
from imtsocial.gdpr import parameters
from imtsocial.gdpr.registry import (
    Outcome,
    RetentionRule,
    SubjectSection,
    display,
    record_of,
    years_before,
)

# The personal fields blanked at the 80th birthday (the grade, category and contracts stay,
# without a name, for the workforce statistics).
ANONYMOUS_NAME = "Anonyme"


def _personnel_file_due(today):
    """RULES.md §6: « It is kept until the agent's 80th birthday »."""
    born_before = years_before(today, parameters.PERSONNEL_FILE_AGE.at(today))
    return Employee.objects.filter(birth_date__isnull=False, birth_date__lte=born_before)


def _personnel_file_apply(queryset, today):
    pks = list(queryset.values_list("pk", flat=True))
    for pk in pks:
        # update(): no history row with the old name is written; the old ones are removed
        Employee.objects.filter(pk=pk).update(
            last_name=ANONYMOUS_NAME,
            first_name="",
            work_email="",
            birth_date=None,
            employee_number=f"ANON{pk}",
            user=None,
        )
    Employee.history.filter(id__in=pks).delete()
    memo.touch(Employee)  # update(): no post_save (the pay alerts are sorted by name)
    return len(pks)


RULES = [
    RetentionRule(
        key="hr.personnel_file",
        category=_("Dossier individuel de l'agent"),
        module=_("Ressources humaines"),
        starts=_("(âge de l'agent)"),
        outcome=Outcome.ANONYMISE,
        legal_basis=_(
            "Obligation légale (code général de la fonction publique, dossier individuel) ; "
            "RULES §6 : jusqu'au 80e anniversaire"
        ),
        parameter=parameters.PERSONNEL_FILE_AGE,
        due=_personnel_file_due,
        apply=_personnel_file_apply,
        detail=_(
            "Nom, prénom, e-mail, date de naissance et matricule effacés, compte délié ; "
            "grade et contrats restent, sans nom, pour les statistiques."
        ),
    ),
    RetentionRule(
        key="evaluations.records",
        category=_("Entretiens professionnels hors dossier individuel"),
        module=_("Ressources humaines"),
        starts=_("après la campagne"),
        outcome=Outcome.DELETE,
        legal_basis=_("Exécution d'une mission de service public ; durée à confirmer (RULES §6)"),
        parameter=parameters.EVALUATION_RECORD_YEARS,
        detail=_("À confirmer par le DPO : pas encore appliqué automatiquement."),
    ),
]


def subject_sections(user, employee):
    if employee is None:
        return []
    employee = Employee.objects.select_related("site", "department", "manager").get(pk=employee.pk)
    record = record_of(
        employee,
        (
            "employee_number",
            "last_name",
            "first_name",
            "work_email",
            "site",
            "department",
            "manager",
            "hire_date",
            "leave_date",
            "category",
            "corps",
            "grade",
            "job_title",
            "birth_date",
        ),
    )
    contracts = Contract.objects.filter(employee=employee).order_by("start")
    salaries = SalaryRecord.objects.filter(contract__employee=employee).order_by("effective_date")
    interviews = EvaluationInterview.objects.filter(employee=employee).select_related("campaign")
    enrolments = Enrolment.objects.filter(employee=employee).select_related("session__course")
    return [
        SubjectSection(_("Dossier administratif"), [record]),
        SubjectSection(
            _("Contrats"),
            [
                record_of(c, ("kind", "start", "end", "signed_on", "working_time_ratio", "grade"))
                for c in contracts
            ],
        ),
        SubjectSection(
            _("Rémunérations"),
            [
                record_of(s, ("effective_date", "gross_monthly", "index_majore", "cancelled_at"))
                for s in salaries
            ],
        ),
        SubjectSection(
            _("Entretiens professionnels"),
            [
                {
                    str(_("Campagne")): display(i.campaign.year),
                    **record_of(
                        i,
                        (
                            "status",
                            "held_on",
                            "results",
                            "objectives",
                            "training_needs",
                            "career_wishes",
                            "employee_comments",
                        ),
                    ),
                }
                for i in interviews
            ],
        ),
        SubjectSection(
            _("Formations"),
            [
                {
                    str(_("Formation")): e.session.course.title,
                    str(_("Début")): display(e.session.starts_on),
                    **record_of(e, ("status", "uses_cpf", "attended_hours", "refusal_reason")),
                }
                for e in enrolments
            ],
        ),
    ]

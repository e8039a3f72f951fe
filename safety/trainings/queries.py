"""The two follow-up lists, each one SQL query (plus the count of its page):

- newcomers without induction at a date: employees hired, and learners arrived, within
  the last N months (N: the dated parameter ``NEWCOMER_WINDOW_MONTHS``), still present,
  who have no attendance at an induction session;
- people exposed to road risk at a date (a census record in force) without any
  attendance at a road-risk training.
"""

from datetime import date

from django.db.models import CharField, Exists, F, OuterRef, Q, Value

from hr.models import Employee
from imtsocial.delays import add_months
from safety.trainings.enums import EMPLOYEE_KIND, KindFamily, LearnerKind
from safety.trainings.models import Attendance, Learner, RoadRiskExposure
from safety.trainings.parameters import NEWCOMER_WINDOW_MONTHS

ROW_FIELDS = ("person_kind", "person_id", "person_last", "person_first", "dept", "arrived")


def window_start(at: date) -> date:
    """Arrivals after this day are newcomers at ``at``."""
    return add_months(at, -NEWCOMER_WINDOW_MONTHS.at(at))


def _attended(family: str, person: str):
    return Exists(
        Attendance.objects.filter(**{person: OuterRef("pk")}, session__kind__family=family)
    )


def newcomer_employees(at: date, *, since: date):
    return (
        Employee.objects.active(at)
        .filter(hire_date__gt=since, hire_date__lte=at)
        .exclude(_attended(KindFamily.INDUCTION, "employee"))
    )


def newcomer_learners(at: date, *, since: date):
    return (
        Learner.objects.filter(arrived_on__gt=since, arrived_on__lte=at)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=at))
        .exclude(_attended(KindFamily.INDUCTION, "learner"))
    )


def newcomers_without_induction(at: date, *, departments=None, department=None, kind=""):
    """The rows (dicts of ``ROW_FIELDS``) of both kinds of newcomers, by arrival date.

    ``departments``: the departments the reader may see (None: all); ``department`` and
    ``kind`` (``agent`` or a learner kind): the filters asked."""
    since = window_start(at)
    employees = newcomer_employees(at, since=since)
    learners = newcomer_learners(at, since=since)
    if departments is not None:
        employees = employees.filter(department__in=departments)
        learners = learners.filter(department__in=departments)
    if department is not None:
        employees = employees.filter(department=department)
        learners = learners.filter(department=department)
    parts = []
    if kind in ("", EMPLOYEE_KIND):
        parts.append(
            employees.annotate(
                person_kind=Value(EMPLOYEE_KIND, output_field=CharField()),
                person_id=F("pk"),
                person_last=F("last_name"),
                person_first=F("first_name"),
                dept=F("department__name"),
                arrived=F("hire_date"),
            )
            .values(*ROW_FIELDS)
            .order_by()  # no ORDER BY inside a UNION part (SQLite refuses it)
        )
    if kind == "" or kind in LearnerKind.values:
        if kind:
            learners = learners.filter(kind=kind)
        parts.append(
            learners.annotate(
                person_kind=F("kind"),
                person_id=F("pk"),
                person_last=F("last_name"),
                person_first=F("first_name"),
                dept=F("department__name"),
                arrived=F("arrived_on"),
            )
            .values(*ROW_FIELDS)
            .order_by()  # no ORDER BY inside a UNION part (SQLite refuses it)
        )
    if not parts:
        return Learner.objects.none().values(*ROW_FIELDS)
    rows = parts[0] if len(parts) == 1 else parts[0].union(parts[1], all=True)
    return rows.order_by("-arrived", "person_last", "person_first", "person_kind", "person_id")


def newcomers_count(at: date) -> int:
    since = window_start(at)
    return newcomer_employees(at, since=since).count() + newcomer_learners(at, since=since).count()


def exposures_in_force(at: date):
    return RoadRiskExposure.objects.filter(since__lte=at).filter(
        Q(until__isnull=True) | Q(until__gte=at)
    )


def exposed_without_road_training(at: date, *, department=None):
    exposures = exposures_in_force(at).exclude(
        Exists(
            Attendance.objects.filter(
                employee=OuterRef("employee"), session__kind__family=KindFamily.ROAD_RISK
            )
        )
    )
    if department is not None:
        exposures = exposures.filter(employee__department=department)
    return exposures.select_related("employee__department").order_by(
        "employee__last_name", "employee__first_name", "pk"
    )


def has_induction(employee) -> bool:
    return Attendance.objects.filter(
        employee=employee, session__kind__family=KindFamily.INDUCTION
    ).exists()

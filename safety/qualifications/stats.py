"""Figures of qualifications for the yearly report (DD&RS, ODD 8 D): « 26
sauveteurs-secouristes du travail sont mobilisables dans les 3 laboratoires », and the
qualifications held by type.

A qualification counts at ``at`` when it was obtained on or before ``at`` and is valid
on ``at`` (expiry on or after it). A person counts once per type. The laboratory is the
holder's department (its kind is « laboratoire »)."""

from datetime import date

from django.db.models import Count, Q

from hr.enums import DepartmentKind
from safety.qualifications.enums import Kind
from safety.qualifications.models import Qualification, QualificationType


def _valid_at(at: date):
    return Qualification.objects.filter(obtained_on__lte=at, expires_on__gte=at)


def first_aiders_at(at: date) -> dict:
    """First-aiders (SST) valid at ``at``, by laboratory (one query)::

    {"total": 30, "in_laboratories": 26, "laboratories": 3,
     "by_laboratory": [{"laboratory": "C2MA …", "first_aiders": 9}, …]}
    """
    rows = list(
        _valid_at(at)
        .filter(qualification_type__kind=Kind.FIRST_AID)
        .values_list("holder_id", "holder__department__name", "holder__department__kind")
        .distinct()
    )
    holders = {holder for holder, _name, _kind in rows}
    labs: dict[str, set] = {}
    for holder, name, kind in rows:
        if kind == DepartmentKind.LABORATORY:
            labs.setdefault(name, set()).add(holder)
    return {
        "total": len(holders),
        "in_laboratories": len(set().union(*labs.values())) if labs else 0,
        "laboratories": len(labs),
        "by_laboratory": [
            {"laboratory": name, "first_aiders": len(people)}
            for name, people in sorted(labs.items())
        ],
    }


def counts_by_type(at: date) -> list[dict]:
    """For each type, the people holding a qualification valid at ``at`` (one query)::

    [{"code": "sst", "type": "Sauveteur secouriste du travail", "kind": "first_aid",
      "holders": 30}, …]  (types without any holder included, with 0)
    """
    valid = Q(qualifications__obtained_on__lte=at, qualifications__expires_on__gte=at)
    rows = QualificationType.objects.annotate(
        holders=Count("qualifications__holder", filter=valid, distinct=True)
    ).order_by("name")
    return [
        {"code": row.code, "type": row.name, "kind": row.kind, "holders": row.holders}
        for row in rows
    ]


def holders_at(at: date) -> int:
    """People holding at least one qualification valid at ``at`` (one query)."""
    return _valid_at(at).values("holder").distinct().count()

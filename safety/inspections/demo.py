"""Demo inspections register (DESIGN.md section D, and a living present).

The 44 fume hoods (« sorbonnes ») of the Croupillac campus, in the laboratory work
units of that site (C2MA's R132, R279 and X-ray room, LGI2P's prototyping workshop),
all inspected in 2020 with a compliant result (a few with remarks); pressure
equipment, extinguishers, lifting gear and the electrical installation. Relative to
today: the hoods of R279 were last inspected eleven months ago (due in the coming
weeks), one autoclave and one hoist are overdue. Idempotent (inventory references).
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from safety.inspections.enums import InspectionResult
from safety.inspections.models import ControlledEquipment, EquipmentKind, Inspection
from safety.models import WorkUnit

# unit code, number of fume hoods (44 at Croupillac)
HOODS = [("R132", 18), ("R279", 14), ("C2MA-RX", 4), ("LGI2P-PROTO", 8)]
REMARK_EVERY = 9  # one hood in nine: « compliant with remarks »
BODY_2020 = "Bureau Veritas Exploitation"
HOODS_INSPECTED_2019 = 40
OTHERS = [
    # kind code, inventory ref, label, unit, location, last inspected (months, days) ago;
    # with the default periodicities: AP-001 and LEV-001 overdue, LEV-002 and EXT-101 due soon
    ("appareil-pression", "AP-001", "Autoclave de polymérisation", "R279", "Salle R279", (40, 20)),
    (
        "appareil-pression",
        "AP-002",
        "Réservoir d'air comprimé",
        "ST-ATELIERS",
        "Galerie 2",
        (10, 0),
    ),
    ("levage", "LEV-001", "Palan électrique 500 kg", "ST-ATELIERS", "Atelier mécanique", (6, 10)),
    ("levage", "LEV-002", "Pont roulant 2 t", "LGI2P-PROTO", "Atelier de prototypage", (5, 10)),
    ("extincteur", "EXT-101", "Extincteurs du restaurant (lot)", "RESTO", "Cuisine", (11, 15)),
    (
        "installation-electrique",
        "ELEC-CLAV-A",
        "Installation électrique bât. A",
        "CLAV-A",
        "",
        (3, 0),
    ),
]


def build():
    units = {u.code: u for u in WorkUnit.objects.filter(active=True)}
    if not units:
        return
    kinds = {k.code: k for k in EquipmentKind.objects.all()}
    advisor = User.objects.filter(email=demo_email(Role.PREVENTION)).first()
    if advisor is None or "sorbonne" not in kinds:
        return
    today = timezone.localdate()
    number = 0
    for unit_code, count in HOODS:
        unit = units.get(unit_code)
        if unit is None:
            continue
        for index in range(1, count + 1):
            number += 1
            ref = f"SORB-{number:03d}"
            equipment = _equipment(
                ref,
                kind=kinds["sorbonne"],
                unit=unit,
                label=f"Sorbonne {unit_code} n° {index}",
                location=f"{unit_code}, paillasse {index}",
                commissioned=date(2012, 9, 1),
            )
            result = (
                InspectionResult.REMARKS
                if number % REMARK_EVERY == 0
                else InspectionResult.COMPLIANT
            )
            inspected_on = date(2020, 3, 2) + timedelta(days=number % 20)
            if number <= HOODS_INSPECTED_2019:  # the previous year, for the 2020 report
                _inspection(
                    equipment,
                    day=date(2019, 3, 4) + timedelta(days=number % 20),
                    result=InspectionResult.COMPLIANT,
                    by=advisor,
                )
            _inspection(
                equipment,
                day=inspected_on,
                result=result,
                remarks="Vitesse d'air en façade à la limite basse : à surveiller."
                if result == InspectionResult.REMARKS
                else "",
                by=advisor,
            )
            # the present: a yearly inspection every year since, the last one…
            last = _present_inspection(today, unit_code, number)
            year_day = inspected_on
            while year_day + relativedelta(years=1) < last:
                year_day += relativedelta(years=1)
                _inspection(equipment, day=year_day, result=InspectionResult.COMPLIANT, by=advisor)
            _inspection(equipment, day=last, result=InspectionResult.COMPLIANT, by=advisor)
    for kind_code, ref, label, unit_code, location, (months, days) in OTHERS:
        if kind_code not in kinds or unit_code not in units:
            continue
        equipment = _equipment(
            ref,
            kind=kinds[kind_code],
            unit=units[unit_code],
            label=label,
            location=location,
            commissioned=date(2015, 1, 15),
        )
        _inspection(
            equipment,
            day=date(2020, 6, 15),
            result=InspectionResult.COMPLIANT,
            by=advisor,
        )
        _inspection(
            equipment,
            day=today - relativedelta(months=months) - timedelta(days=days),
            result=InspectionResult.COMPLIANT,
            by=advisor,
        )


def _present_inspection(today: date, unit_code: str, number: int) -> date:
    """R279's hoods: eleven months and 5 to 18 days ago (due within 12 to 26 days);
    the others: three months ago."""
    if unit_code == "R279":
        return today - relativedelta(months=11) - timedelta(days=5 + number % 14)
    return today - relativedelta(months=3)


def _equipment(ref, *, kind, unit, label, location, commissioned):
    equipment, _created = ControlledEquipment.objects.get_or_create(
        inventory_ref=ref,
        defaults={
            "kind": kind,
            "work_unit": unit,
            "label": label,
            "location": location,
            "commissioned_on": commissioned,
        },
    )
    return equipment


def _inspection(equipment, *, day, result, by, remarks=""):
    if day > timezone.localdate() or day < equipment.commissioned_on:
        return
    _inspection_obj, created = Inspection.objects.get_or_create(
        equipment=equipment,
        date=day,
        defaults={
            "body": BODY_2020 if day.year == 2020 else "Apave",
            "result": result,
            "remarks": remarks,
            "recorded_by": by,
        },
    )
    if created:
        equipment.recompute_schedule()

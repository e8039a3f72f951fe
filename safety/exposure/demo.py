"""Demo exposure measurements: the 2020 campaigns of the source — C2MA measured the
exposure to chemical agents in R132 (surface tensiometry) and R279 (vacuum infusion of
thermosetting resins): « les valeurs limites d'exposition professionnelle indicative ou
contraignante sont respectées pour le styrène, l'α-méthylstyrène, l'éthylène glycol et
l'hexane » — and a recent campaign in R279 with one short-term exceedance to examine.

The work units R132 and R279 come from the DUERP demo (``safety.demo``). Idempotent:
campaigns are matched on (unit, date), measurements on (campaign, substance, kind)."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from imtsocial.accounts.models import User
from imtsocial.accounts.roles import Role
from imtsocial.demo import demo_email
from safety.exposure import compliance
from safety.exposure.enums import ConcentrationUnit, Kind
from safety.exposure.models import Measurement, MeasurementCampaign, Substance
from safety.models import WorkUnit

LABORATORY = "Laboratoire de mesures accrédité (prélèvements atmosphériques)"
STYRENE, HEXANE, GLYCOL, AMS = "100-42-5", "110-54-3", "107-21-1", "98-83-9"
MG = ConcentrationUnit.MG_M3
# unit, date, notes, [(cas, kind, minutes, value in mg/m³)] — every value within its limit
CAMPAIGNS_2020 = [
    (
        "R132",
        date(2020, 10, 6),
        "Tensiométrie de surface : nettoyage des lames et préparation des solutions.",
        [
            (HEXANE, Kind.EIGHT_HOURS, 420, "8.5"),
            (GLYCOL, Kind.EIGHT_HOURS, 420, "3.1"),
            (GLYCOL, Kind.SHORT_TERM, 15, "9.8"),
        ],
    ),
    (
        "R279",
        date(2020, 10, 7),
        "Infusion sous vide de résines thermodurcissables : imprégnation et démoulage.",
        [
            (STYRENE, Kind.EIGHT_HOURS, 435, "38"),
            (STYRENE, Kind.SHORT_TERM, 15, "112"),
            (AMS, Kind.EIGHT_HOURS, 435, "12.4"),
            (AMS, Kind.SHORT_TERM, 15, "41"),
        ],
    ),
]


def build():
    units = {u.code: u for u in WorkUnit.objects.filter(code__in=["R132", "R279"])}
    substances = {s.cas_number: s for s in Substance.objects.all()}
    if len(units) < 2 or not {STYRENE, HEXANE, GLYCOL, AMS} <= set(substances):
        return
    advisor = User.objects.filter(email=demo_email(Role.PREVENTION)).first()
    for code, day, notes, values in CAMPAIGNS_2020:
        _campaign(units[code], day, notes, values, substances, advisor)
    recent = timezone.localdate() - timedelta(days=12)
    _campaign(
        units["R279"],
        recent,
        "Nouveau moule de grande taille : mesures de contrôle après changement de procédé.",
        [(STYRENE, Kind.EIGHT_HOURS, 430, "61"), (STYRENE, Kind.SHORT_TERM, 15, "236")],
        substances,
        advisor,
    )


def _campaign(unit, day, notes, values, substances, advisor):
    campaign, _created = MeasurementCampaign.objects.get_or_create(
        work_unit=unit,
        date=day,
        defaults={"laboratory": LABORATORY, "notes": notes, "created_by": advisor},
    )
    existing = set(campaign.measurements.values_list("substance__cas_number", "kind"))
    for cas, kind, minutes, value in values:
        if (cas, kind) in existing:
            continue
        substance = substances[cas]
        outcome = compliance.assess(
            substance=substance, kind=kind, value=Decimal(value), unit=MG, at=day
        )
        Measurement.objects.create(
            campaign=campaign,
            substance=substance,
            kind=kind,
            duration_minutes=minutes,
            value=Decimal(value),
            unit=MG,
            verdict=outcome.verdict,
            limit=outcome.limit,
            limit_value=outcome.limit_value,
            limit_unit=outcome.limit.unit if outcome.limit_value is not None else "",
            compared_value=outcome.compared_value,
        )

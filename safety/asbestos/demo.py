"""Demo asbestos file (DESIGN.md section D, source facts):

« En 1998, une recherche de l'amiante sur les sites alésiens a été effectuée et sur
cinq localisations, certains revêtements de sol se sont révélés amiantés (dalles +
colle). [...] les résultats se sont révélés conformes (inférieur à 5 fibres/litre).
Les dernières mesures (2002) indiquent une teneur en particules dans l'air non
mesurable. [...] le DTA a été rédigé par la société APAVE [...] : les allèges en
fibrociment (façades bât. A-B-C-E-F-G) et les tuyaux d'évacuation en fibrociment
(galeries). [...] les impostes et allèges de façade des bâtiments B, C, E, F et G ont
été confinés (validation par Qualiconsult). [...] Un chantier-test de recouvrement des
dalles usées a été réalisé en A203. [...] les sanitaires de la salle à manger
d'honneur (SMH) ont été désamiantés. »

So at 31/12/2020: 12 locations (5 floor tiles, 6 façades, the galleries' pipes);
1 removed (SMH), 6 confined (B, C, E, F, G and A203), 5 present. Demo assumptions (the
source gives no date or figure): the 1998 values below 5 f/L, the 2002 « non
mesurable » recorded as 0 with « sous la limite de détection » ticked, the DTA in
March 2005, the confinement in 2008, the A203 covering in 2010, the SMH works in 2019,
and the rooms of three of the five floor-tile locations. A present: a re-assessment
of the façade of building A due three weeks from today.

Idempotent: locations are matched on (site, building, room, element), children on
their location, date and kind.
"""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from hr.models import Site
from imtsocial.delays import add_months
from safety.asbestos.enums import STATE_AFTER, Material, MeasureKind
from safety.asbestos.models import AirMeasurement, Assessment, Location, Measure

SEARCH_1998 = date(1998, 5, 12)
AIR_1998 = date(1998, 6, 3)
AIR_2002 = date(2002, 4, 17)
DTA = date(2005, 3, 15)
CONFINED_ON = date(2008, 9, 30)
COVERED_ON = date(2010, 7, 20)
CLEARED_ON = date(2019, 8, 23)
ASSESSED_2020 = date(2020, 3, 10)
SEARCH_BY = "Repérage amiante de 1998"
APAVE = "APAVE (dossier technique amiante)"
QUALICONSULT = "Qualiconsult"

# building, room, element, 1998 air value (f/L)
TILES = [
    ("A", "A203", "Revêtement de sol (dalles usées)", "0.9"),
    ("SMH", "Sanitaires", "Revêtement de sol des sanitaires", "1.4"),
    ("B", "B104", "Revêtement de sol", "0.6"),
    ("C", "C012", "Revêtement de sol", "2.2"),
    ("E", "E201", "Revêtement de sol", "1.1"),
]
FACADES = ["A", "B", "C", "E", "F", "G"]
CONFINED = {"B", "C", "E", "F", "G"}


def build():
    site = Site.objects.filter(code="clavieres").first()
    if site is None:
        return
    today = timezone.localdate()
    # the last assessments of the present: every file re-assessed within the 3 years,
    # the façade of A coming due three weeks from today
    due_soon = add_months(today, -36) + timedelta(days=21)
    recent = today - timedelta(days=240)
    for building, room, element, air in TILES:
        location = _location(site, building, room, element, Material.FLOOR_TILES, SEARCH_1998)
        _assess(location, SEARCH_1998, 2, SEARCH_BY)
        _air(location, AIR_1998, air, below=False)
        _air(location, AIR_2002, "0", below=True)
        _assess(location, DTA, 1, APAVE)
        if room == "A203":
            _measure(
                location,
                MeasureKind.COVERING,
                COVERED_ON,
                "",
                "Chantier-test de recouvrement des dalles usées.",
            )
        if building == "SMH":
            _measure(
                location,
                MeasureKind.REMOVAL,
                CLEARED_ON,
                "",
                "Désamiantage dans le cadre "
                "des travaux de réhabilitation des sanitaires de la salle à manger d'honneur.",
            )
        else:
            _assess(location, ASSESSED_2020, 1, "Service hygiène et sécurité")
            _assess(location, recent, 1, "Service hygiène et sécurité")
    for building in FACADES:
        element = "Allèges et impostes de façade" if building in CONFINED else "Allèges de façade"
        location = _location(site, building, "Façades", element, Material.SPANDREL, DTA)
        _assess(location, DTA, 1, APAVE)
        if building in CONFINED:
            _measure(
                location,
                MeasureKind.CONFINEMENT,
                CONFINED_ON,
                QUALICONSULT,
                "Confinement des impostes et allèges de façade.",
            )
        _assess(location, ASSESSED_2020, 1, "Service hygiène et sécurité")
        _assess(location, due_soon if building == "A" else recent, 1, "Service hygiène et sécurité")
    pipes = _location(site, "Galeries techniques", "", "Tuyaux d'évacuation", Material.PIPE, DTA)
    _assess(pipes, DTA, 1, APAVE)
    _assess(pipes, ASSESSED_2020, 1, "Service hygiène et sécurité")
    _assess(pipes, recent, 1, "Service hygiène et sécurité")


def _location(site, building, room, element, material, identified_on):
    location, _created = Location.objects.get_or_create(
        site=site,
        building=building,
        room=room,
        element=element,
        defaults={
            "material": material,
            "identified_on": identified_on,
            "identified_by": SEARCH_BY if identified_on == SEARCH_1998 else APAVE,
        },
    )
    return location


def _assess(location, day, score, by):
    Assessment.objects.get_or_create(
        location=location, date=day, defaults={"score": score, "assessed_by": by}
    )


def _air(location, day, value, *, below):
    notes = (
        "Teneur non mesurable : sous la limite de détection du laboratoire (valeur non "
        "conservée, saisie 0)."
        if below
        else ""
    )
    AirMeasurement.objects.get_or_create(
        location=location,
        date=day,
        defaults={
            "fibres_per_litre": Decimal(value),
            "below_detection": below,
            "laboratory": "Laboratoire agréé",
            "notes": notes,
        },
    )


def _measure(location, kind, day, validated_by, description):
    Measure.objects.get_or_create(
        location=location,
        kind=kind,
        done_on=day,
        defaults={"validated_by": validated_by, "description": description},
    )
    if location.state != STATE_AFTER[kind]:
        location.state = STATE_AFTER[kind]
        location.save(update_fields=["state"])

"""The « ODD 8 — travail décent » chapter of a year as a PDF.

Every number comes from the catalogue (``figures_for(year)`` / ``series_for(year)``),
computed at the reference date (31 December); the templates under
``templates/reports/chapter/`` only place them in the text of the source chapter. The
same rendering serves the Celery task (``tasks.build_edition``) and the operators'
command (``manage.py ddrs_report``).

The PDF is PDF/A-3a: PDF/A for archiving (fonts embedded, colour profile, XMP
metadata, no external resource) at conformance level « a », which requires a tagged
structure (headings, paragraphs, tables, figures with their text alternative) — the
accessible reading order a screen reader needs. PDF/UA-1 alone would give the tags but
not the archival guarantees; PDF/A-3b/u would give the archive without the tags.
"""

import time
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from imtsocial.pdf import render_pdf
from imtsocial.reports import catalogue
from imtsocial.reports.charts import bar_chart

PDF_VARIANT = "pdf/a-3a"
TEMPLATE = "reports/chapter/chapter.html"

# The steps of a build, with the percentage reached when each one starts.
STEPS = [
    ("figures", gettext_lazy("Calcul des indicateurs"), 5),
    ("A", gettext_lazy("Section A — politique salariale et de l'emploi"), 30),
    ("B", gettext_lazy("Section B — dialogue social"), 40),
    ("C", gettext_lazy("Section C — formation et compétences"), 50),
    ("D", gettext_lazy("Section D — prévention des risques professionnels"), 60),
    ("E", gettext_lazy("Section E — qualité de vie au travail et action sociale"), 70),
    ("annex", gettext_lazy("Annexe méthodologique"), 80),
    ("render", gettext_lazy("Mise en page du PDF"), 85),
]

Progress = Callable[[str, int], None]


def _no_progress(label: str, percent: int) -> None:
    return None


def _pause(step: str) -> None:
    """Test hook: ``REPORTS_STEP_DELAY_SECONDS`` makes each step last (to kill a worker
    in the middle of a build). 0 in production."""
    delay = getattr(settings, "REPORTS_STEP_DELAY_SECONDS", 0)
    if delay:
        time.sleep(delay)


def _charts(series: dict[str, list[dict]], figures) -> dict:
    smic = figures["smic_monthly"].display
    return {
        "contract_mix": bar_chart(
            series.get("contract_mix", []),
            "count",
            title=_("Répartition du personnel par type de contrat (doctorants exclus)"),
        ),
        "pay_distribution": bar_chart(
            series.get("pay_distribution", []),
            "count",
            title=_("Personnel permanent par tranche de salaire mensuel brut"),
            marked="smic",
            mark_note=_("tranche du SMIC, %(smic)s") % {"smic": smic},
        ),
        "telework_by_month": bar_chart(
            series.get("telework_by_month", []),
            "count",
            title=_("Personnes en télétravail à la fin de chaque mois"),
        ),
        "training_hours_by_theme": bar_chart(
            series.get("training_hours_by_theme", []),
            "hours",
            title=_("Heures de formation par thème"),
            suffix=_("h"),
        ),
        "aid_beneficiaries_by_scheme": bar_chart(
            series.get("aid_beneficiaries_by_scheme", []),
            "count",
            title=_("Bénéficiaires des aides par dispositif"),
        ),
    }


def _sections(figures, series) -> list[dict]:
    section_of = {code: one.section for code, one in catalogue.series_by_code().items()}
    result = []
    for letter, title in catalogue.SECTIONS.items():
        has_figures = any(
            f.value is not None for f in figures.values() if f.indicator.section == letter
        )
        has_series = any(rows for code, rows in series.items() if section_of[code] == letter)
        result.append(
            {
                "letter": letter,
                "title": title,
                "anchor": f"section-{letter.lower()}",
                "has_data": has_figures or has_series,
            }
        )
    return result


def chapter_context(year: int, *, progress: Progress = _no_progress) -> dict:
    """Everything the chapter's templates need; ``progress(label, percent)`` is called
    at the start of each step."""
    steps = iter(STEPS)

    def step():
        key, label, percent = next(steps)
        progress(str(label), percent)
        _pause(key)

    step()
    figures = catalogue.figures_for(year)
    series = catalogue.series_for(year)
    sections = _sections(figures, series)
    charts = {}
    for _letter in "ABCDE":
        step()
        if not charts:
            charts = _charts(series, figures)
    step()
    annex = [
        {
            "letter": letter,
            "title": title,
            "indicators": [f for f in figures.values() if f.indicator.section == letter],
            "series": [s for s in catalogue.SERIES if s.section == letter],
        }
        for letter, title in catalogue.SECTIONS.items()
    ]
    return {
        "year": str(year),  # never « 2 020 »
        "reference_date": catalogue.reference_date(year),
        "generated_on": timezone.localdate(),
        "figures": figures,
        "series": series,
        "charts": charts,
        "sections": sections,
        "section": {s["letter"]: s for s in sections},
        "annex": annex,
        "has_data": any(s["has_data"] for s in sections),
        "author": getattr(settings, "REPORTS_AUTHOR", "IMT Mines Alès"),
        "next_step": step,
    }


def chapter_pdf(year: int, *, progress: Progress = _no_progress) -> bytes:
    """The chapter of ``year`` as PDF/A-3a bytes."""
    context = chapter_context(year, progress=progress)
    context.pop("next_step")()
    return render_pdf(TEMPLATE, context, pdf_variant=PDF_VARIANT)


def refusal(year: int, today: date | None = None) -> str:
    """The French reason a year cannot be asked for, or "" (a future or current year:
    its 31 December has not come yet; a year before 1900)."""
    today = today or timezone.localdate()
    if year >= today.year:
        return _(
            "L'année %(year)s n'est pas terminée : le chapitre décrit la situation au "
            "31 décembre, choisissez une année passée."
        ) % {"year": year}
    if year < 1900:
        return _("Année invalide : indiquez une année à quatre chiffres.")
    return ""

"""The public pages every State service publishes, open without signing in and linked
from the footer: the accessibility statement (RGAA), the legal notice, the personal
data page and the contact page.

The accessibility statement reports what is checked: every page the browser journeys
open is checked by axe-core (no serious or critical violation allowed), which covers
only part of the RGAA criteria; the rest (reading order, relevance of alternatives,
consistency of navigation…) needs a manual audit, not yet done — hence « partiellement
conforme », the honest status until then."""

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_GET


def _contacts() -> dict:
    return {
        "publisher": settings.LEGAL_PUBLISHER,
        "publisher_address": settings.LEGAL_PUBLISHER_ADDRESS,
        "host": settings.LEGAL_HOST,
        "contact_email": settings.CONTACT_EMAIL,
        "dpo_email": settings.DPO_EMAIL,
        "accessibility_email": settings.ACCESSIBILITY_EMAIL,
    }


@login_not_required
@require_GET
def accessibility(request):
    """« Déclaration d'accessibilité » (RGAA 4.1): status, checks, recourse."""
    context = _contacts() | {
        "audit_date": date.fromisoformat(settings.ACCESSIBILITY_AUDIT_DATE),
    }
    return render(request, "legal/accessibility.html", context)


@login_not_required
@require_GET
def legal_notice(request):
    """« Mentions légales »: publisher, publication director, host."""
    return render(request, "legal/legal_notice.html", _contacts())


@login_not_required
@require_GET
def personal_data(request):
    """« Données personnelles »: controller, purposes, rights, retention, DPO."""
    context = _contacts() | {
        "audit_retention_years": settings.AUDIT_RETENTION_DAYS // 365,
        "import_retention_days": settings.IMPORT_FILE_RETENTION_DAYS,
    }
    return render(request, "legal/personal_data.html", context)


@login_not_required
@require_GET
def contact(request):
    """« Contact »: whom to write to, by subject."""
    return render(request, "legal/contact.html", _contacts())

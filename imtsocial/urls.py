from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from imtsocial import legal, views

admin.site.site_header = _("Administration d'imtsocial")
admin.site.site_title = "imtsocial"


def _admin_has_permission(request) -> bool:
    """The admin site is for superusers only, signed in with their second factor (HR and
    the other roles work in the intranet's pages)."""
    from imtsocial.accounts import mfa

    user = request.user
    if not (user.is_active and user.is_superuser):
        return False
    return not settings.IMTSOCIAL_MFA_REQUIRED or mfa.has_mfa(request)


def _admin_login(request, extra_context=None):
    """The admin's own sign-in form is never shown: it would sign in around the second
    factor. Signed-in people who may not use the admin get a 403; the others go to the
    intranet's sign-in (allauth, with its second-factor stage)."""
    if request.user.is_authenticated:
        if _admin_has_permission(request):
            return HttpResponseRedirect(resolve_url("admin:index"))
        raise PermissionDenied
    target = request.GET.get(REDIRECT_FIELD_NAME) or resolve_url("admin:index")
    query = urlencode({REDIRECT_FIELD_NAME: target})
    return HttpResponseRedirect(f"{resolve_url(settings.LOGIN_URL)}?{query}")


admin.site.has_permission = _admin_has_permission
admin.site.login = _admin_login

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("comptes/", include("allauth.urls")),
    path("langue/", views.set_language, name="set_language"),
    path("accessibilite/", legal.accessibility, name="accessibility"),
    path("mentions-legales/", legal.legal_notice, name="legal_notice"),
    path("donnees-personnelles/", legal.personal_data, name="personal_data"),
    path("contact/", legal.contact, name="contact"),
    path("rh/entretiens/", include("hr.evaluations.urls")),
    path("rh/formation/", include("hr.training.urls")),
    path("rh/dialogue-social/", include("hr.dialogue.urls")),
    path("rh/developpeurs-de-talents/", include("hr.coaching.urls")),
    path("rh/competences/", include("hr.skills.urls")),
    path("rh/accueil/", include("hr.onboarding.urls")),
    path("rh/", include("hr.urls")),
    path("teletravail/", include("telework.urls")),
    path("prevention/reseau/", include("safety.network.urls")),
    path("prevention/habilitations/", include("safety.qualifications.urls")),
    path("prevention/controles/", include("safety.inspections.urls")),
    path("prevention/expositions/", include("safety.exposure.urls")),
    path("prevention/amiante/", include("safety.asbestos.urls")),
    path("prevention/registres/", include("safety.registers.urls")),
    path("prevention/formations/", include("safety.trainings.urls")),
    path("prevention/", include("safety.urls")),
    path("action-sociale/", include("social_action.urls")),
    path("rapport/", include("imtsocial.reports.urls")),
    path("audit/", include("imtsocial.audit.urls")),
    path("referentiels/", include("imtsocial.refdata.urls")),
    path("imports/", include("imtsocial.imports.urls")),
    path("rgpd/", include("imtsocial.gdpr.urls")),
    path("roles/", include("imtsocial.accounts.urls")),
    path(settings.DJANGO_ADMIN_PATH, admin.site.urls),
]

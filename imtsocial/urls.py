from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from imtsocial import legal, views

admin.site.site_header = _("Administration d'imtsocial")
admin.site.site_title = "imtsocial"

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
    path("admin/", admin.site.urls),
]

from django.urls import path

from safety.views import editions, home, plan, register, units

app_name = "safety"
urlpatterns = [
    path("", home.index, name="index"),
    path("unites/", register.unit_list, name="unit_list"),
    path("unites/nouvelle/", units.unit_edit, name="unit_create"),
    path("unites/<int:pk>/", register.unit_detail, name="unit_detail"),
    path("unites/<int:pk>/modifier/", units.unit_edit, name="unit_edit"),
    path("unites/<int:unit_pk>/nouveau-risque/", register.hazard_choose, name="hazard_choose"),
    path("unites/<int:unit_pk>/nouveau-risque/saisie/", register.entry_create, name="entry_create"),
    path("risques/", register.entry_list, name="entry_list"),
    path("risques/<int:pk>/", register.entry_detail, name="entry_detail"),
    path("risques/<int:pk>/modifier/", register.entry_edit, name="entry_edit"),
    path("risques/<int:pk>/commenter/", register.entry_comment, name="entry_comment"),
    path("risques/<int:entry_pk>/nouvelle-action/", plan.action_create, name="action_create"),
    path("dangers/", register.hazard_list, name="hazard_list"),
    path("dangers/nouveau/", register.hazard_edit, name="hazard_create"),
    path("dangers/<int:pk>/", register.hazard_edit, name="hazard_edit"),
    path("plan-d-action/", plan.action_list, name="action_list"),
    path("plan-d-action/<int:pk>/", plan.action_edit, name="action_edit"),
    path("plan-d-action/<int:pk>/etat/", plan.action_status, name="action_status"),
    path("editions/", editions.edition_list, name="edition_list"),
    path("editions/publier/", editions.edition_publish, name="edition_publish"),
    path("editions/<int:pk>/", editions.edition_detail, name="edition_detail"),
    path("editions/<int:pk>/evolutions/", editions.edition_diff, name="edition_diff"),
    path("editions/<int:pk>/pdf/", editions.edition_download, name="edition_download"),
]

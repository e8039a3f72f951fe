from django.urls import path

from safety.registers.views import accidents, common, dgi, rsst

app_name = "registers"
urlpatterns = [
    path("", common.index, name="index"),
    path("statistiques/", common.statistics, name="stats"),
    path("rsst/", rsst.rsst_list, name="rsst_list"),
    path("rsst/nouvelle/", rsst.rsst_create, name="rsst_create"),
    path("rsst/<int:pk>/", rsst.rsst_detail, name="rsst_detail"),
    path("rsst/<int:pk>/modifier/", rsst.rsst_edit, name="rsst_edit"),
    path("rsst/<int:pk>/repondre/", rsst.rsst_answer, name="rsst_answer"),
    path("rsst/<int:pk>/viser/", rsst.rsst_acknowledge, name="rsst_acknowledge"),
    path("rsst/<int:pk>/clore/", rsst.rsst_close, name="rsst_close"),
    path("rsst/<int:pk>/action/", rsst.rsst_action, name="rsst_action"),
    path("dgi/", dgi.dgi_list, name="dgi_list"),
    path("dgi/nouveau/", dgi.dgi_create, name="dgi_create"),
    path("dgi/<int:pk>/", dgi.dgi_detail, name="dgi_detail"),
    path("dgi/<int:pk>/enquete/", dgi.dgi_investigate, name="dgi_investigate"),
    path("dgi/<int:pk>/decision/", dgi.dgi_decide, name="dgi_decide"),
    path("accidents/", accidents.accident_list, name="accident_list"),
    path("accidents/nouveau/", accidents.accident_create, name="accident_create"),
    path("accidents/<int:pk>/", accidents.accident_detail, name="accident_detail"),
    path("accidents/<int:pk>/modifier/", accidents.accident_edit, name="accident_edit"),
]

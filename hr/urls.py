from django.urls import path

from hr.views import employees, imports, stats

app_name = "hr"
urlpatterns = [
    path("mon-dossier/", employees.my_file, name="my_file"),
    path("mon-equipe/", employees.team, name="team"),
    path("agents/", employees.employee_list, name="employee_list"),
    path("agents/<int:pk>/", employees.employee_detail, name="employee_detail"),
    path("statistiques/", stats.statistics, name="statistics"),
    path("alertes-remuneration/", stats.pay_alerts, name="pay_alerts"),
    path("imports/", imports.import_list, name="import_list"),
    path("imports/<int:pk>/", imports.import_detail, name="import_detail"),
    path("imports/<int:pk>/etat/", imports.import_status, name="import_status"),
    path("imports/<int:pk>/confirmer/", imports.import_confirm, name="import_confirm"),
    path("imports/<int:pk>/annuler/", imports.import_cancel, name="import_cancel"),
]

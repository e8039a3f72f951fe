from django.urls import path

from hr.views import employees, pickers, salaries, stats

app_name = "hr"
urlpatterns = [
    path("mon-dossier/", employees.my_file, name="my_file"),
    path("mon-equipe/", employees.team, name="team"),
    path("agents/", employees.employee_list, name="employee_list"),
    path("agents/nouveau/", employees.employee_create, name="employee_create"),
    path("agents/export.<str:fmt>", employees.employee_export, name="employee_export"),
    path("agents/<int:pk>/", employees.employee_detail, name="employee_detail"),
    path("agents/<int:pk>/historique/", employees.employee_history, name="employee_history"),
    path("agents/<int:pk>/modifier/", employees.employee_edit, name="employee_edit"),
    path("agents/<int:pk>/contrats/ajouter/", employees.contract_add, name="contract_add"),
    path("contrats/<int:pk>/modifier/", employees.contract_edit, name="contract_edit"),
    path("contrats/<int:pk>/salaires/ajouter/", salaries.salary_add, name="salary_add"),
    path("salaires/<int:pk>/corriger/", salaries.salary_edit, name="salary_edit"),
    path("salaires/<int:pk>/annuler/", salaries.salary_cancel, name="salary_cancel"),
    path("statistiques/", stats.statistics, name="statistics"),
    path("recherche/personnes/", pickers.person_search, name="person_search"),
    path("alertes-remuneration/", stats.pay_alerts, name="pay_alerts"),
]

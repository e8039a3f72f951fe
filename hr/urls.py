from django.urls import path

from hr import views

app_name = "hr"
urlpatterns = [
    path("mon-dossier/", views.my_file, name="my_file"),
    path("mon-equipe/", views.team, name="team"),
    path("agents/", views.employee_list, name="employee_list"),
    path("agents/<int:pk>/", views.employee_detail, name="employee_detail"),
]

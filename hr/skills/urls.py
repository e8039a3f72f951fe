from django.urls import path

from hr.skills import views

app_name = "skills"
urlpatterns = [
    path("", views.skill_list, name="skill_list"),
    path("nouvelle/", views.skill_edit, name="skill_create"),
    path("<int:pk>/modifier/", views.skill_edit, name="skill_edit"),
    path("mes-competences/", views.my_skills, name="my_skills"),
    path("agents/<int:pk>/", views.person, name="person"),
    path("detenues/<int:pk>/retirer/", views.person_skill_remove, name="person_skill_remove"),
    path("critiques/", views.critical, name="critical"),
]

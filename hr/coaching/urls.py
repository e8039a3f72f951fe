from django.urls import path

from hr.coaching import views

app_name = "coaching"
urlpatterns = [
    path("", views.my_coach, name="my_coach"),
    path("choisir/", views.choose, name="choose"),
    path("mes-accompagnements/", views.my_coachings, name="my_coachings"),
    path("accompagnements/<int:pk>/", views.relationship_detail, name="relationship_detail"),
    path("accompagnements/<int:pk>/terminer/", views.relationship_end, name="relationship_end"),
    path("chiffres/", views.counts, name="counts"),
]

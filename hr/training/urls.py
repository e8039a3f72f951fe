from django.urls import path

from hr.training import views

app_name = "training"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("mes-formations/", views.my_trainings, name="my_trainings"),
    path("equipe/", views.team_requests, name="team_requests"),
    path("plan/", views.plan, name="plan"),
    path("formations/nouvelle/", views.course_edit, name="course_create"),
    path("formations/<int:pk>/", views.course_detail, name="course_detail"),
    path("formations/<int:pk>/modifier/", views.course_edit, name="course_edit"),
    path(
        "formations/<int:course_pk>/sessions/nouvelle/", views.session_create, name="session_create"
    ),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/inscription/", views.session_enrol, name="session_enrol"),
    path("sessions/<int:pk>/presences/", views.session_attendance, name="session_attendance"),
    path("inscriptions/<int:pk>/<slug:decision>/", views.enrolment_decide, name="enrolment_decide"),
    path("inscriptions/<int:pk>/annuler", views.enrolment_cancel, name="enrolment_cancel"),
]

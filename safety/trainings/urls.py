from django.urls import path

from safety.trainings.views import people, quiz, sessions

app_name = "safety_trainings"
urlpatterns = [
    path("", sessions.session_list, name="session_list"),
    path("sessions/nouvelle/", sessions.session_edit, name="session_create"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("sessions/<int:pk>/modifier/", sessions.session_edit, name="session_edit"),
    path("sessions/<int:pk>/presences/", sessions.attendance_add, name="attendance_add"),
    path(
        "sessions/<int:pk>/presences/<int:attendance_pk>/retirer/",
        sessions.attendance_remove,
        name="attendance_remove",
    ),
    path("eleves-apprentis-stagiaires/", people.learner_list, name="learner_list"),
    path("eleves-apprentis-stagiaires/nouveau/", people.learner_edit, name="learner_create"),
    path("eleves-apprentis-stagiaires/<int:pk>/", people.learner_edit, name="learner_edit"),
    path("nouveaux-arrivants/", people.newcomer_list, name="newcomer_list"),
    path("risque-routier/", people.exposure_list, name="exposure_list"),
    path("risque-routier/recenser/", people.exposure_edit, name="exposure_create"),
    path("risque-routier/<int:pk>/", people.exposure_edit, name="exposure_edit"),
    path("risque-routier/sans-formation/", people.road_untrained, name="road_untrained"),
    path("mes-formations/", people.my_trainings, name="my_trainings"),
    path("quiz/", quiz.quiz_take, name="quiz"),
    path("quiz/resultats/<int:pk>/", quiz.quiz_result, name="quiz_result"),
    path("quiz/questions/", quiz.question_list, name="question_list"),
    path("quiz/questions/nouvelle/", quiz.question_edit, name="question_create"),
    path("quiz/questions/<int:pk>/", quiz.question_edit, name="question_edit"),
]

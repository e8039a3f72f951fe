from django.urls import path

from hr.evaluations import views

app_name = "evaluations"
urlpatterns = [
    path("", views.interview_list, name="interview_list"),
    path("a-conduire/", views.team_list, name="team_list"),
    path("<int:pk>/", views.interview_detail, name="interview_detail"),
    path("<int:pk>/compte-rendu/", views.report_edit, name="report_edit"),
    path("<int:pk>/pdf/", views.interview_pdf, name="interview_pdf"),
    path("<int:pk>/etape/<slug:verb>/", views.interview_step, name="interview_step"),
    path("campagnes/", views.campaign_list, name="campaign_list"),
    path("campagnes/nouvelle/", views.campaign_create, name="campaign_create"),
    path("campagnes/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campagnes/<int:pk>/completer/", views.campaign_add_missing, name="campaign_add_missing"),
    path("suivi/", views.follow_up, name="follow_up"),
    path("statistiques/", views.statistics, name="statistics"),
]

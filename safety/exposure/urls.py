from django.urls import path

from safety.exposure import views

app_name = "exposure"
urlpatterns = [
    path("", views.campaign_list, name="campaign_list"),
    path("campagnes/nouvelle/", views.campaign_edit, name="campaign_create"),
    path("campagnes/<int:pk>/", views.campaign_detail, name="campaign_detail"),
    path("campagnes/<int:pk>/modifier/", views.campaign_edit, name="campaign_edit"),
    path("campagnes/<int:pk>/rapport/", views.campaign_report, name="campaign_report"),
    path("campagnes/<int:pk>/mesures/", views.measurement_add, name="measurement_add"),
    path("mesures/<int:pk>/supprimer/", views.measurement_delete, name="measurement_delete"),
    path("mesures/<int:pk>/examiner/", views.measurement_review, name="measurement_review"),
    path("historique/", views.history, name="history"),
    path("substances/", views.substance_list, name="substance_list"),
    path("substances/nouvelle/", views.substance_edit, name="substance_create"),
    path("substances/<int:pk>/modifier/", views.substance_edit, name="substance_edit"),
    path("statistiques/", views.year_stats, name="stats"),
]

from django.urls import path

from hr.dialogue import views

app_name = "dialogue"
urlpatterns = [
    path("", views.calendar, name="calendar"),
    path("instances/", views.body_list, name="body_list"),
    path("instances/<int:pk>/", views.body_detail, name="body_detail"),
    path("instances/<int:pk>/mandats/ajouter/", views.mandate_add, name="mandate_add"),
    path("instances/<int:pk>/reunions/ajouter/", views.meeting_add, name="meeting_add"),
    path("reunions/<int:pk>/proces-verbal/", views.minutes_download, name="minutes_download"),
]

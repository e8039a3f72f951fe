from django.urls import path

from imtsocial.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.import_list, name="list"),
    path("<int:pk>/", views.import_detail, name="detail"),
    path("<int:pk>/etat/", views.import_status, name="status"),
    path("<int:pk>/confirmer/", views.import_confirm, name="confirm"),
    path("<int:pk>/annuler/", views.import_cancel, name="cancel"),
    path("modeles/<str:name>", views.import_sample, name="sample"),
]

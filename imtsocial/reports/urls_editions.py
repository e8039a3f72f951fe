from django.urls import path

from imtsocial.reports import views

urlpatterns = [
    path("", views.index, name="index"),
    path("editions/demander/", views.request_pdf, name="edition_request"),
    path("editions/<int:pk>/etat/", views.edition_status, name="edition_status"),
    path("editions/<int:pk>/pdf/", views.edition_download, name="edition_download"),
]

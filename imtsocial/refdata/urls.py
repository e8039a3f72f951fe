from django.urls import path

from imtsocial.refdata import views

app_name = "refdata"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.table_detail, name="table"),
    path("<slug:slug>/<int:pk>/retirer/", views.row_withdraw, name="withdraw"),
]

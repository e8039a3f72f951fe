from django.urls import path

from imtsocial.reports import views_figures as views

urlpatterns = [
    path("<int:year>/indicateurs/", views.figures, name="figures"),
    path("<int:year>/indicateurs.<str:format>", views.figures_export, name="figures_export"),
    path("valeurs-declarees/", views.declared_list, name="declared_list"),
    path("valeurs-declarees/ajouter/", views.declared_create, name="declared_create"),
    path("valeurs-declarees/<int:pk>/modifier/", views.declared_edit, name="declared_edit"),
]

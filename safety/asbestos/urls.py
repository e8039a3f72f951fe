from django.urls import path

from safety.asbestos import views

app_name = "asbestos"
urlpatterns = [
    path("", views.location_list, name="location_list"),
    path("localisations/nouvelle/", views.location_edit, name="location_create"),
    path("localisations/<int:pk>/", views.location_detail, name="location_detail"),
    path("localisations/<int:pk>/modifier/", views.location_edit, name="location_edit"),
    path("localisations/<int:pk>/ajouter/<slug:kind>/", views.child_add, name="child_add"),
    path("avant-d-intervenir/", views.sheet_list, name="sheet_list"),
    path("avant-d-intervenir/<int:site_pk>/<str:building>/", views.sheet, name="sheet"),
    path("statistiques/", views.year_stats, name="stats"),
]

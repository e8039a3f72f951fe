from django.urls import path

from safety.inspections.views import equipment, inspections, lists

app_name = "inspections"
urlpatterns = [
    path("", lists.index, name="index"),
    path("equipements/", lists.equipment_list, name="equipment_list"),
    path("en-retard/", lists.overdue_list, name="overdue"),
    path("a-echeance/", lists.due_soon_list, name="due_soon"),
    path("equipements/nouveau/", equipment.equipment_edit, name="equipment_create"),
    path("equipements/<int:pk>/", equipment.equipment_detail, name="equipment_detail"),
    path("equipements/<int:pk>/modifier/", equipment.equipment_edit, name="equipment_edit"),
    path(
        "equipements/<int:pk>/etat/<slug:verb>/",
        equipment.equipment_transition,
        name="equipment_transition",
    ),
    path("equipements/<int:pk>/controle/", inspections.inspection_create, name="inspection_create"),
    path("controles/<int:pk>/rapport/", inspections.inspection_report, name="inspection_report"),
    path("controles/<int:pk>/action/", inspections.action_open, name="action_open"),
    path("types/", equipment.kind_list, name="kind_list"),
    path("types/nouveau/", equipment.kind_edit, name="kind_create"),
    path("types/<int:pk>/modifier/", equipment.kind_edit, name="kind_edit"),
]

from django.urls import path

from safety.qualifications.views import lists, records, types

app_name = "qualifications"
urlpatterns = [
    path("", lists.qualification_list, name="list"),
    path("a-renouveler/", lists.expiring_list, name="expiring"),
    path("echues/", lists.expired_list, name="expired"),
    path("mes-habilitations/", lists.mine, name="mine"),
    path("synthese/", lists.summary, name="summary"),
    path("types/", types.type_list, name="types"),
    path("types/nouveau/", types.type_edit, name="type_create"),
    path("types/<int:pk>/", types.type_edit, name="type_edit"),
    path("nouvelle/", records.create, name="create"),
    path("<int:pk>/", records.detail, name="detail"),
    path("<int:pk>/modifier/", records.edit, name="edit"),
    path("<int:pk>/attestation/", records.certificate, name="certificate"),
]

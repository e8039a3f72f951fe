from django.urls import path

from telework.views import equipment, home, lending, pickers, requests

app_name = "telework"
urlpatterns = [
    path("", home.index, name="index"),
    path("statistiques/", home.statistics, name="statistics"),
    path("regimes-exceptionnels/", home.regime_list, name="regime_list"),
    path("regimes-exceptionnels/nouveau/", home.regime_create, name="regime_create"),
    path("mes-demandes/", requests.my_requests, name="my_requests"),
    path("demandes/nouvelle/", requests.request_create, name="request_create"),
    path("demandes/", requests.request_list, name="request_list"),
    path("demandes/<int:pk>/", requests.request_detail, name="request_detail"),
    path("demandes/<int:pk>/decision/", requests.request_decide, name="request_decide"),
    path("demandes/<int:pk>/retrait/", requests.request_withdraw, name="request_withdraw"),
    path("demandes/<int:pk>/renouveler/", requests.request_renew, name="request_renew"),
    path("demandes/<int:pk>/autorisation.pdf", requests.request_pdf, name="request_pdf"),
    path("equipe/calendrier/", requests.team_calendar, name="team_calendar"),
    path("recherche/materiels/", pickers.asset_search, name="asset_search"),
    path("equipements/", equipment.asset_list, name="asset_list"),
    path("equipements/nouveau/", equipment.asset_create, name="asset_create"),
    path("equipements/<int:pk>/", equipment.asset_detail, name="asset_detail"),
    path("equipements/<int:pk>/modifier/", equipment.asset_edit, name="asset_edit"),
    path("equipements/<int:pk>/pret/", equipment.loan_checkout, name="loan_checkout"),
    path("prets/", equipment.loan_list, name="loan_list"),
    path("prets/nouveau/", lending.loan_create, name="loan_create"),
    path("prets/en-retard/", equipment.overdue_loans, name="overdue_loans"),
    path("prets/mes-prets/", equipment.my_loans, name="my_loans"),
    path("prets/<int:pk>/", equipment.loan_detail, name="loan_detail"),
    path("prets/<int:pk>/retour/", equipment.loan_checkin, name="loan_checkin"),
    path("prets/<int:pk>/accepter/", equipment.loan_accept, name="loan_accept"),
    path("prets/<int:pk>/convention.pdf", equipment.loan_agreement, name="loan_agreement"),
]

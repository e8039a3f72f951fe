from django.urls import path

from social_action import views
from social_action.views import manage

app_name = "social_action"
urlpatterns = [
    path("", views.index, name="index"),
    path("dispositifs/", views.scheme_list, name="scheme_list"),
    path("dispositifs/<int:pk>/", views.scheme_detail, name="scheme_detail"),
    path("dispositifs/<int:scheme_pk>/demander/", views.request_new, name="request_new"),
    path("demandes/", views.request_list, name="request_list"),
    path("demandes/<int:pk>/", views.request_detail, name="request_detail"),
    path("demandes/<int:pk>/modifier/", views.request_edit, name="request_edit"),
    path("demandes/<int:pk>/deposer/", views.request_submit, name="request_submit"),
    path("demandes/<int:pk>/supprimer/", views.request_delete, name="request_delete"),
    path("demandes/<int:pk>/pieces/", views.request_documents, name="request_documents"),
    path("demandes/<int:pk>/message/", views.request_message, name="request_message"),
    path("demandes/<int:pk>/decision/", views.request_decide, name="request_decide"),
    path("pieces/<int:pk>/", views.document_download, name="document_download"),
    path("instruction/", views.queue, name="queue"),
    path("statistiques/", views.statistics, name="statistics"),
    path("enveloppes/", views.budgets, name="budgets"),
    path("rendez-vous/", views.slot_list, name="slot_list"),
    path("rendez-vous/nouveaux/", views.slot_new, name="slot_new"),
    path("rendez-vous/<int:pk>/reserver/", views.slot_book, name="slot_book"),
    path("reservations/<int:pk>/annuler/", views.booking_cancel, name="booking_cancel"),
    path("evenements/", views.event_list, name="event_list"),
    path("evenements/nouveau/", manage.event_edit, name="event_new"),
    path("evenements/<int:pk>/modifier/", manage.event_edit, name="event_edit"),
    path("associations/", manage.association_list, name="association_list"),
    path("associations/nouvelle/", manage.association_edit, name="association_new"),
    path("associations/<int:pk>/", manage.association_edit, name="association_edit"),
    path("evenements/<int:pk>/", views.event_detail, name="event_detail"),
    path("evenements/<int:pk>/inscription/", views.event_register, name="event_register"),
    path("evenements/<int:pk>/desinscription/", views.event_unregister, name="event_unregister"),
    path("evenements/<int:pk>/listes/", views.event_lists, name="event_lists"),
]

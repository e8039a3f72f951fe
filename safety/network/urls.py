app_name = "prevention_network"
urlpatterns = []

app_name = "exposure"
urlpatterns = []

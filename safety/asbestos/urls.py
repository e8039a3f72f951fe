app_name = "asbestos"
urlpatterns = []

app_name = "safety_trainings"
urlpatterns = []

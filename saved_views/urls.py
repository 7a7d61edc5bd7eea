
app_name = "saved_views"

urlpatterns: list = []

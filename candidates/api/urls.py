from rest_framework.routers import SimpleRouter

from candidates.api.views import CandidateViewSet

router = SimpleRouter()
router.register("candidates", CandidateViewSet, basename="candidate")
urlpatterns = router.urls

from django.urls import path
from rest_framework.routers import SimpleRouter

from recruitment.api.views import (
    ApplicationViewSet,
    FollowUpViewSet,
    InterviewViewSet,
    JobViewSet,
    PolicyViewSet,
    RejectionReasonViewSet,
)

router = SimpleRouter()
router.register("jobs", JobViewSet, basename="job")
router.register("applications", ApplicationViewSet, basename="application")
router.register("interviews", InterviewViewSet, basename="interview")
router.register("follow-ups", FollowUpViewSet, basename="followup")
router.register("rejection-reasons", RejectionReasonViewSet, basename="rejection-reason")

urlpatterns = [
    path("policy/", PolicyViewSet.as_view({"get": "show", "put": "replace"}), name="policy"),
    *router.urls,
]

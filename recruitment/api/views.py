import django_filters
from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import filters, mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from candidates.models import Candidate
from candidates.services import candidate_find_or_create
from recruitment.api.serializers import (
    ApplicationCreateSerializer,
    ApplicationSerializer,
    FeedbackSerializer,
    FollowUpCreateSerializer,
    FollowUpSerializer,
    InterviewCompleteSerializer,
    InterviewSerializer,
    InterviewUpdateSerializer,
    JobSerializer,
    MoveSerializer,
    NoteSerializer,
    PolicySerializer,
    RejectionReasonSerializer,
    RejectSerializer,
    StageChangeSerializer,
    StageSerializer,
    WithdrawSerializer,
)
from recruitment.errors import InvalidTransition
from recruitment.followups import followup_log, followup_send_feedback
from recruitment.models import (
    Application,
    ApplicationStatus,
    FollowUp,
    FollowUpPolicy,
    Interview,
    Job,
    JobStatus,
    RejectionReason,
    Stage,
)
from recruitment.policy import ResponseOwed, Timing
from recruitment.services import (
    application_create,
    application_hire,
    application_move,
    application_reject,
    application_unreject,
    application_withdraw,
    interview_complete,
    interview_schedule,
    interview_update,
    job_create,
    job_update,
    organization_provision,
    policy_update,
)
from tenancy.actors import Actor
from tenancy.api.errors import ErrorSerializer
from tenancy.api.filters import FilterSet
from tenancy.api.views import ListModelMixin, OrganizationScopedViewSet

ERRORS = {400: ErrorSerializer, 404: ErrorSerializer, 409: ErrorSerializer}


class RecruitmentViewSet(OrganizationScopedViewSet):
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend, filters.OrderingFilter]
    ordering_fields = ["created_at"]

    @property
    def actor(self) -> Actor:
        return Actor(api_key=self.request.auth)

    @property
    def organization(self):  # noqa: ANN201
        return self.request.auth.organization


class JobFilter(FilterSet):
    status = django_filters.ChoiceFilter(choices=JobStatus.choices)

    class Meta:
        model = Job
        fields = ["status"]


@extend_schema(tags=["jobs"])
class JobViewSet(ListModelMixin, mixins.RetrieveModelMixin, RecruitmentViewSet):
    model = Job
    serializer_class = JobSerializer
    filterset_class = JobFilter

    def narrow_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.prefetch_related(Prefetch("stages", queryset=Stage.objects.order_by("order")))

    @extend_schema(responses={201: JobSerializer, **ERRORS})
    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        job = job_create(organization=self.organization, actor=self.actor, **serializer.validated_data)
        return Response(
            self.get_serializer(self.get_queryset().get(pk=job.pk)).data, status=status.HTTP_201_CREATED
        )

    @extend_schema(responses={200: JobSerializer, 412: ErrorSerializer, **ERRORS})
    def update(self, request: Request, pk: str | None = None, partial: bool = False) -> Response:
        job = self.get_object()
        self.check_if_match(job)
        serializer = self.get_serializer(job, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        job_update(organization=self.organization, actor=self.actor, job=job, **serializer.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=job.pk)).data)

    @extend_schema(responses={200: JobSerializer, 412: ErrorSerializer, **ERRORS})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        return self.update(request, pk, partial=True)

    @extend_schema(responses={200: StageSerializer(many=True), 404: ErrorSerializer})
    @action(detail=True, methods=["get"], pagination_class=None)
    def stages(self, request: Request, pk: str | None = None) -> Response:
        job = self.get_object()
        return Response(StageSerializer(job.stages.order_by("order"), many=True).data)


class ApplicationFilter(FilterSet):
    job = django_filters.UUIDFilter(field_name="job_id")
    stage = django_filters.UUIDFilter(field_name="stage_id")
    candidate = django_filters.UUIDFilter(field_name="candidate_id")
    status = django_filters.ChoiceFilter(choices=ApplicationStatus.choices)
    updated_after = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte")
    decision_due_before = django_filters.IsoDateTimeFilter(field_name="decision_due_at", lookup_expr="lte")

    class Meta:
        model = Application
        fields = ["job", "stage", "candidate", "status", "updated_after", "decision_due_before"]


@extend_schema(tags=["applications"])
class ApplicationViewSet(ListModelMixin, mixins.RetrieveModelMixin, RecruitmentViewSet):
    """Applications and their transitions. A transition that breaks a rule is a 409 with a clear code."""

    model = Application
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    ordering_fields = ["created_at", "updated_at"]

    def narrow_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.select_related("candidate", "stage")

    def respond(self, application: Application, status_code: int = status.HTTP_200_OK) -> Response:
        return Response(
            self.get_serializer(self.get_queryset().get(pk=application.pk)).data, status=status_code
        )

    @extend_schema(request=ApplicationCreateSerializer, responses={201: ApplicationSerializer, **ERRORS})
    def create(self, request: Request) -> Response:
        serializer = ApplicationCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        candidate = serializer.validated_data["candidate"]
        if not isinstance(candidate, Candidate):
            candidate, _created = candidate_find_or_create(organization=self.organization, **candidate)
        application = application_create(
            organization=self.organization,
            actor=self.actor,
            candidate=candidate,
            job=serializer.validated_data["job"],
            stage=serializer.validated_data.get("stage"),
        )
        return self.respond(application, status.HTTP_201_CREATED)

    def _transition(self, serializer_class: type, service, **extra) -> Response:  # noqa: ANN001
        application = self.get_object()
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        application = service(
            organization=self.organization,
            actor=self.actor,
            application=application,
            **serializer.validated_data,
        )
        return self.respond(application)

    @extend_schema(request=MoveSerializer, responses={200: ApplicationSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def move(self, request: Request, pk: str | None = None) -> Response:
        """Moves to `to_stage`; refused (409 `stale_from_stage`) when no longer at `from_stage`."""
        return self._transition(MoveSerializer, application_move)

    @extend_schema(request=RejectSerializer, responses={200: ApplicationSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        """Rejects; the notice goes at `notify_at` (now when null) and can be cancelled until sent."""
        return self._transition(RejectSerializer, application_reject)

    @extend_schema(request=None, responses={200: ApplicationSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def unreject(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(NoteSerializer, lambda note, **kwargs: application_unreject(**kwargs))

    @extend_schema(request=NoteSerializer, responses={200: ApplicationSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def hire(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(NoteSerializer, application_hire)

    @extend_schema(request=WithdrawSerializer, responses={200: ApplicationSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: str | None = None) -> Response:
        return self._transition(WithdrawSerializer, application_withdraw)

    @extend_schema(responses={200: StageChangeSerializer(many=True), 404: ErrorSerializer})
    @action(detail=True, methods=["get"], pagination_class=None)
    def history(self, request: Request, pk: str | None = None) -> Response:
        application = self.get_object()
        entries = application.history.select_related("actor_user", "actor_api_key").order_by(
            "created_at", "id"
        )
        return Response(StageChangeSerializer(entries, many=True).data)

    @extend_schema(request=FeedbackSerializer, responses={200: FollowUpSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def feedback(self, request: Request, pk: str | None = None) -> Response:
        """Sends HR's feedback as the reply to the candidate's pending feedback request."""
        application = self.get_object()
        serializer = FeedbackSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        followup = (
            FollowUp.objects.filter(
                application=application, response_owed=ResponseOwed.FEEDBACK, answered_at__isnull=True
            )
            .order_by("received_at")
            .first()
        )
        if followup is None:
            raise InvalidTransition("No feedback request is waiting for a reply.", code="feedback_not_owed")
        followup = followup_send_feedback(
            organization=self.organization,
            actor=self.actor,
            followup=followup,
            text=serializer.validated_data["text"],
        )
        return Response(FollowUpSerializer(followup).data)


class InterviewFilter(FilterSet):
    application = django_filters.UUIDFilter(field_name="application_id")

    class Meta:
        model = Interview
        fields = ["application"]


@extend_schema(tags=["interviews"])
class InterviewViewSet(ListModelMixin, mixins.RetrieveModelMixin, RecruitmentViewSet):
    model = Interview
    serializer_class = InterviewSerializer
    filterset_class = InterviewFilter

    @extend_schema(responses={201: InterviewSerializer, **ERRORS})
    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        fields.pop("feedback_notes", None)
        interview = interview_schedule(organization=self.organization, actor=self.actor, **fields)
        return Response(self.get_serializer(interview).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=InterviewUpdateSerializer,
        responses={200: InterviewSerializer, 412: ErrorSerializer, **ERRORS},
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        interview = self.get_object()
        self.check_if_match(interview)
        serializer = InterviewUpdateSerializer(interview, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        interview = interview_update(
            organization=self.organization, actor=self.actor, interview=interview, **serializer.validated_data
        )
        return Response(self.get_serializer(interview).data)

    @extend_schema(request=InterviewCompleteSerializer, responses={200: InterviewSerializer, **ERRORS})
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        interview = self.get_object()
        serializer = InterviewCompleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        interview = interview_complete(
            organization=self.organization, actor=self.actor, interview=interview, **serializer.validated_data
        )
        return Response(self.get_serializer(interview).data)


class FollowUpFilter(FilterSet):
    application = django_filters.UUIDFilter(field_name="application_id")
    kind = django_filters.ChoiceFilter(choices=FollowUp._meta.get_field("kind").choices)
    timing = django_filters.ChoiceFilter(choices=[(t.value, t.value) for t in Timing])
    awaiting_reply = django_filters.BooleanFilter(method="filter_awaiting_reply")

    class Meta:
        model = FollowUp
        fields = ["application", "kind", "timing", "awaiting_reply"]

    def filter_awaiting_reply(self, queryset: QuerySet, name: str, value: bool) -> QuerySet:
        awaiting = queryset.filter(reply_due_at__isnull=False, answered_at__isnull=True)
        return awaiting if value else queryset.exclude(pk__in=awaiting.values("pk"))


@extend_schema(tags=["follow-ups"])
class FollowUpViewSet(ListModelMixin, mixins.RetrieveModelMixin, RecruitmentViewSet):
    """Candidates' follow-ups with the policy's verdict and the response owed."""

    model = FollowUp
    serializer_class = FollowUpSerializer
    filterset_class = FollowUpFilter

    @extend_schema(request=FollowUpCreateSerializer, responses={201: FollowUpSerializer, **ERRORS})
    def create(self, request: Request) -> Response:
        serializer = FollowUpCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields = dict(serializer.validated_data)
        fields.pop("candidate_email", None)
        fields.pop("job", None)
        followup = followup_log(organization=self.organization, actor=self.actor, **fields)
        return Response(self.get_serializer(followup).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["rejection-reasons"])
class RejectionReasonViewSet(ListModelMixin, RecruitmentViewSet):
    model = RejectionReason
    serializer_class = RejectionReasonSerializer
    pagination_class = None

    def narrow_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.order_by("type", "name")


@extend_schema(tags=["policy"])
class PolicyViewSet(RecruitmentViewSet):
    """The organization's follow-up policy (PRODUCT.md's table); a job may override it in the admin."""

    model = FollowUpPolicy
    serializer_class = PolicySerializer
    pagination_class = None

    def narrow_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(job__isnull=True)

    def get_object(self) -> FollowUpPolicy:
        organization_provision(organization=self.organization)
        return self.get_queryset().get()

    @extend_schema(responses={200: PolicySerializer})
    def show(self, request: Request) -> Response:
        return Response(self.get_serializer(self.get_object()).data)

    @extend_schema(request=PolicySerializer, responses={200: PolicySerializer, 400: ErrorSerializer})
    def replace(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        policy = policy_update(organization=self.organization, actor=self.actor, **serializer.validated_data)
        return Response(self.get_serializer(policy).data)

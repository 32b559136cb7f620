import django_filters
from django.db.models import Q, QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from candidates.api.serializers import CandidateSerializer
from candidates.models import Candidate
from candidates.services import candidate_anonymize, candidate_create, candidate_update
from tenancy.api.errors import ErrorSerializer
from tenancy.api.filters import FilterSet
from tenancy.api.views import ListModelMixin, OrganizationScopedViewSet
from tenancy.models import Language


class CandidateFilter(FilterSet):
    email = django_filters.CharFilter(field_name="email", lookup_expr="iexact")
    search = django_filters.CharFilter(method="search_name_or_email", label="Name or email contains")
    language = django_filters.ChoiceFilter(choices=Language.choices)

    class Meta:
        model = Candidate
        fields = ["email", "language"]

    def search_name_or_email(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(full_name__icontains=value) | Q(email__icontains=value))


@extend_schema(tags=["candidates"])
class CandidateViewSet(
    ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, OrganizationScopedViewSet
):
    """Candidates. Creating one whose email already exists answers 409 with `existing_id`."""

    model = Candidate
    serializer_class = CandidateSerializer
    filterset_class = CandidateFilter

    def perform_create(self, serializer: CandidateSerializer) -> None:
        data = dict(serializer.validated_data)
        serializer.instance = candidate_create(organization=self.request.auth.organization, **data)

    @extend_schema(responses={200: CandidateSerializer, 409: ErrorSerializer, 412: ErrorSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        candidate = self.get_object()
        self.check_if_match(candidate)
        serializer = self.get_serializer(candidate, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        candidate = candidate_update(candidate=candidate, **serializer.validated_data)
        return Response(self.get_serializer(candidate).data)

    @extend_schema(request=None, responses={200: CandidateSerializer, 404: OpenApiResponse(ErrorSerializer)})
    @action(detail=True, methods=["post"])
    def anonymize(self, request: Request, pk: str | None = None) -> Response:
        candidate = candidate_anonymize(candidate=self.get_object())
        return Response(self.get_serializer(candidate).data, status=status.HTTP_200_OK)

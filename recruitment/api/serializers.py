from datetime import timedelta
from typing import Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from candidates.api.serializers import CandidateInlineSerializer
from candidates.models import Candidate
from recruitment.classification import FollowUpKind
from recruitment.followups import FUTURE_TOLERANCE_SECONDS
from recruitment.models import (
    Application,
    FollowUp,
    FollowUpChannel,
    FollowUpPolicy,
    Interview,
    Job,
    RejectionReason,
    Stage,
    StageChange,
)
from tenancy.api.fields import ScopedRelatedField


class StageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Stage
        fields = ["id", "name", "order", "kind"]


class JobSerializer(serializers.ModelSerializer):
    stages = StageSerializer(many=True, read_only=True)

    class Meta:
        model = Job
        fields = ["id", "title", "department", "location", "status", "stages", "created_at", "updated_at"]
        read_only_fields = ["id", "created_at", "updated_at"]


class CandidateSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Candidate
        fields = ["id", "email", "full_name", "language"]


class ApplicationSerializer(serializers.ModelSerializer):
    candidate = CandidateSummarySerializer(read_only=True)
    job = serializers.UUIDField(source="job_id", read_only=True)
    stage = StageSerializer(read_only=True)
    rejection_reason = serializers.UUIDField(source="rejection_reason_id", read_only=True, allow_null=True)

    class Meta:
        model = Application
        fields = [
            "id",
            "job",
            "candidate",
            "stage",
            "status",
            "decision_due_at",
            "rejection_reason",
            "rejection_note",
            "decided_at",
            "created_at",
            "updated_at",
        ]


@extend_schema_field(
    {
        "oneOf": [
            {"type": "string", "format": "uuid", "description": "An existing candidate's id"},
            {"$ref": "#/components/schemas/CandidateInline"},
        ]
    }
)
class CandidateReferenceField(serializers.Field):
    """A candidate id, or a candidate given inline (found by email or created)."""

    default_error_messages = {"invalid": "Give a candidate id or an object with email and full_name."}

    def to_internal_value(self, data: Any) -> Candidate | dict:
        if isinstance(data, dict):
            inline = CandidateInlineSerializer(data=data)
            inline.is_valid(raise_exception=True)
            return dict(inline.validated_data)
        if isinstance(data, str):
            return ScopedRelatedField(Candidate).run_validation(data)
        self.fail("invalid")

    def to_representation(self, value: Any) -> Any:
        return str(value.pk)


class ApplicationCreateSerializer(serializers.Serializer):
    job = ScopedRelatedField(Job)
    candidate = CandidateReferenceField()
    stage = ScopedRelatedField(Stage, required=False, allow_null=True)


class MoveSerializer(serializers.Serializer):
    from_stage = ScopedRelatedField(Stage)
    to_stage = ScopedRelatedField(Stage)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class RejectSerializer(serializers.Serializer):
    reason = ScopedRelatedField(RejectionReason)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    notify_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class WithdrawSerializer(serializers.Serializer):
    reason = ScopedRelatedField(RejectionReason, required=False, allow_null=True, default=None)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class FeedbackSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=10000)


class StageChangeSerializer(serializers.ModelSerializer):
    from_stage = serializers.UUIDField(source="from_stage_id", allow_null=True)
    to_stage = serializers.UUIDField(source="to_stage_id", allow_null=True)
    rejection_reason = serializers.UUIDField(source="rejection_reason_id", allow_null=True)
    actor = serializers.CharField(source="actor_label")

    class Meta:
        model = StageChange
        fields = [
            "event",
            "from_stage",
            "to_stage",
            "from_status",
            "to_status",
            "rejection_reason",
            "note",
            "actor",
            "created_at",
        ]


class InterviewSerializer(serializers.ModelSerializer):
    application = ScopedRelatedField(Application)

    class Meta:
        model = Interview
        fields = [
            "id",
            "application",
            "starts_at",
            "ends_at",
            "kind",
            "interviewers",
            "results_promised_by",
            "feedback_notes",
            "completed_at",
            "cancelled_at",
            "created_at",
        ]
        read_only_fields = ["id", "completed_at", "cancelled_at", "created_at"]

    def validate(self, attrs: dict) -> dict:
        starts_at = attrs.get("starts_at", getattr(self.instance, "starts_at", None))
        ends_at = attrs.get("ends_at", getattr(self.instance, "ends_at", None))
        if starts_at and ends_at and ends_at < starts_at:
            raise serializers.ValidationError({"ends_at": "The interview cannot end before it starts."})
        return attrs


class InterviewUpdateSerializer(InterviewSerializer):
    application = serializers.UUIDField(source="application_id", read_only=True)


class InterviewCompleteSerializer(serializers.Serializer):
    feedback_notes = serializers.CharField(required=False, allow_blank=True, allow_null=True, default=None)


class VerdictSerializer(serializers.Serializer):
    timing = serializers.CharField(allow_null=True)
    sequence = serializers.CharField()
    number = serializers.IntegerField()
    response_owed = serializers.CharField()
    expected_decision_date = serializers.DateField(allow_null=True)
    reply_due_at = serializers.DateTimeField(allow_null=True)
    signals = serializers.DictField()


class FollowUpSerializer(serializers.ModelSerializer):
    application = serializers.UUIDField(source="application_id")
    verdict = serializers.SerializerMethodField()
    awaiting_reply = serializers.BooleanField(read_only=True)

    class Meta:
        model = FollowUp
        fields = [
            "id",
            "application",
            "received_at",
            "channel",
            "kind",
            "kind_was_classified",
            "subject",
            "text",
            "sender",
            "verdict",
            "awaiting_reply",
            "answered_at",
            "created_at",
        ]

    @extend_schema_field(VerdictSerializer)
    def get_verdict(self, followup: FollowUp) -> dict:
        return {
            "timing": followup.timing or None,
            "sequence": followup.sequence,
            "number": followup.number,
            "response_owed": followup.response_owed,
            "expected_decision_date": (
                followup.expected_decision_date.isoformat() if followup.expected_decision_date else None
            ),
            "reply_due_at": serializers.DateTimeField().to_representation(followup.reply_due_at)
            if followup.reply_due_at
            else None,
            "signals": followup.signals,
        }


class FollowUpCreateSerializer(serializers.Serializer):
    application = ScopedRelatedField(Application, required=False, allow_null=True, default=None)
    candidate_email = serializers.EmailField(required=False)
    job = ScopedRelatedField(Job, required=False, allow_null=True, default=None)
    kind = serializers.ChoiceField(
        choices=FollowUpKind.choices, required=False, allow_null=True, default=None
    )
    channel = serializers.ChoiceField(choices=FollowUpChannel.choices, default=FollowUpChannel.API)
    received_at = serializers.DateTimeField()
    subject = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=100000)
    sender = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)

    def validate_received_at(self, value: Any) -> Any:
        if value > timezone.now() + timedelta(seconds=FUTURE_TOLERANCE_SECONDS):
            raise serializers.ValidationError("A follow-up cannot be received in the future.")
        return value

    def validate(self, attrs: dict) -> dict:
        if attrs["application"] is None:
            if not attrs.get("candidate_email") or attrs["job"] is None:
                raise serializers.ValidationError(
                    {"application": "Give the application, or the candidate's email and the job."}
                )
            application = (
                Application.objects.filter(
                    job=attrs["job"], candidate__email__iexact=attrs["candidate_email"]
                )
                .order_by("-created_at")
                .first()
            )
            if application is None:
                raise serializers.ValidationError(
                    {"candidate_email": "This candidate has no application for this job."}
                )
            attrs["application"] = application
        return attrs


class RejectionReasonSerializer(serializers.ModelSerializer):
    class Meta:
        model = RejectionReason
        fields = ["id", "name", "type", "is_active"]


class PolicySerializer(serializers.ModelSerializer):
    class Meta:
        model = FollowUpPolicy
        fields = [
            "thank_you_window_days",
            "status_inquiry_wait_days",
            "decision_window_days",
            "decision_warning_days",
            "followup_limit",
            "feedback_limit",
            "feedback_reply_days",
            "auto_reject",
        ]

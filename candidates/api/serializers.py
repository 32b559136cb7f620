from rest_framework import serializers

from candidates.models import Candidate


class CandidateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Candidate
        fields = [
            "id",
            "email",
            "full_name",
            "phone",
            "language",
            "source",
            "consent_given_at",
            "anonymized_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "anonymized_at", "created_at", "updated_at"]
        extra_kwargs = {"email": {"validators": []}}


class CandidateInlineSerializer(serializers.Serializer):
    """A candidate given inline when creating an application: found by email, or created."""

    email = serializers.EmailField()
    full_name = serializers.CharField(max_length=200)
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=["id", "en"], required=False, allow_blank=True)
    source = serializers.CharField(max_length=100, required=False, allow_blank=True)

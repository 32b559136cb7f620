"""The floors for the HTTP benchmarks: the least work that answers the same request.

No authentication, serializer, pagination cursor or scope: one SQL statement and a JSON body.
"""

import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

APPLICATIONS = """
SELECT a.id, a.job_id, c.id, c.email, c.full_name, c.language, s.id, s.name, s."order", s.kind,
       a.status, a.decision_due_at, a.rejection_reason_id, a.rejection_note, a.decided_at,
       a.created_at, a.updated_at
FROM recruitment_application a
JOIN candidates_candidate c ON c.id = a.candidate_id
JOIN recruitment_stage s ON s.id = a.stage_id
WHERE a.organization_id = %s AND a.status = %s
ORDER BY a.created_at DESC
LIMIT %s
"""


def applications_floor(request: HttpRequest, organization_id: uuid.UUID) -> HttpResponse:
    """The same rows and fields as GET /api/v1/applications/?status=...&page_size=..., from one query."""
    page_size = min(int(request.GET.get("page_size", 50)), 200)
    with connection.cursor() as cursor:
        cursor.execute(APPLICATIONS, [organization_id, request.GET.get("status", "active"), page_size])
        rows = cursor.fetchall()
    results = [
        {
            "id": row[0],
            "job": row[1],
            "candidate": {"id": row[2], "email": row[3], "full_name": row[4], "language": row[5]},
            "stage": {"id": row[6], "name": row[7], "order": row[8], "kind": row[9]},
            "status": row[10],
            "decision_due_at": row[11],
            "rejection_reason": row[12],
            "rejection_note": row[13],
            "decided_at": row[14],
            "created_at": row[15],
            "updated_at": row[16],
        }
        for row in rows
    ]
    return JsonResponse({"next": None, "previous": None, "results": results}, encoder=DjangoJSONEncoder)


FOLLOWUP = """
INSERT INTO recruitment_followup (
    id, organization_id, application_id, received_at, channel, kind, kind_was_classified, subject, text,
    sender, timing, sequence, number, response_owed, signals, feedback_text, created_at
) VALUES (%s, %s, %s, %s, 'api', 'other', false, %s, %s, '', '', 'first', 0, 'none', '{}', '', %s)
"""


@csrf_exempt
def followup_floor(request: HttpRequest, organization_id: uuid.UUID) -> HttpResponse:
    """POST /api/v1/follow-ups/'s floor: one INSERT of the follow-up row."""
    body = json.loads(request.body)
    followup_id = uuid.uuid4()
    with connection.cursor() as cursor:
        cursor.execute(
            FOLLOWUP,
            [
                followup_id,
                organization_id,
                body["application"],
                body["received_at"],
                body.get("subject", ""),
                body.get("text", ""),
                timezone.now(),
            ],
        )
    return JsonResponse({"id": str(followup_id), "application": body["application"]}, status=201)

from django.db.models import QuerySet

from notifications.models import Notification, NotificationStatus


def causes_of_messages(message_ids: list[str]) -> list[str]:
    """What caused the emails with these Message-IDs (for matching a candidate's reply to its thread)."""
    if not message_ids:
        return []
    return list(Notification.objects.filter(message_id__in=message_ids).values_list("caused_by", flat=True))


def failed_notifications() -> QuerySet[Notification]:
    return Notification.objects.filter(status=NotificationStatus.FAILED)

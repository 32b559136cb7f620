from datetime import datetime, timedelta

from tenancy.models import Organization


def next_sending_time(organization: Organization, moment: datetime) -> datetime:
    """`moment` if it falls in the organization's sending hours, else the start of the next window."""
    local = moment.astimezone(organization.zone)
    start, end = organization.sending_hours_start, organization.sending_hours_end
    days = set(organization.sending_days) or set(range(7))
    for offset in range(8):
        day = local.date() + timedelta(days=offset)
        if day.weekday() not in days:
            continue
        window_start = datetime.combine(day, start, tzinfo=organization.zone)
        window_end = datetime.combine(day, end, tzinfo=organization.zone)
        if local < window_start:
            return window_start
        if local < window_end:
            return moment
    return moment

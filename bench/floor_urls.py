"""Kabar's URLs plus the floors: bare Django views in the same server process (bench/floor_views.py)."""

from django.urls import path

from bench.floor_views import applications_floor, followup_floor
from config.urls import urlpatterns as kabar_urlpatterns

urlpatterns = [
    path("bench/floor/applications/<uuid:organization_id>/", applications_floor),
    path("bench/floor/follow-ups/<uuid:organization_id>/", followup_floor),
    *kabar_urlpatterns,
]

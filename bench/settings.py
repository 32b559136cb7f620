"""Kabar's settings plus the floor views' URLs: what gunicorn serves during the benchmarks."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.floor_urls"

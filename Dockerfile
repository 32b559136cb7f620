# syntax=docker/dockerfile:1
# Kabar application image: one image for web (gunicorn), worker and beat (celery) and the migrate job.
# Build and run the whole stack with `docker compose up --build` (see docker-compose.yml).
FROM python:3.12-slim

# PYTHONPATH: the source tree in /app is imported directly (manage.py, gunicorn and celery all run from it).
# KABAR_VAR_DIR: STATIC_ROOT is $KABAR_VAR_DIR/static; the directory is owned by the runtime user.
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONPATH=/app \
    KABAR_VAR_DIR=/app/var \
    PORT=8000

WORKDIR /app

# Dependencies first, in their own layer, so editing the source does not reinstall them. They are read from
# pyproject.toml's [project].dependencies and pinned by constraints.txt (no [dev] extras in the image).
# Every dependency ships a manylinux wheel, so no compiler is needed in the slim image.
COPY pyproject.toml constraints.txt ./
RUN python -c "import tomllib; print(*tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies'], sep='\n')" \
        > /tmp/requirements.txt \
    && pip install -c constraints.txt -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

RUN groupadd --system --gid 1000 kabar \
    && useradd --system --uid 1000 --gid kabar --home-dir /app --no-create-home --shell /usr/sbin/nologin kabar

COPY . .

# Collect static files into $KABAR_VAR_DIR/static, served by whitenoise from gunicorn. The URLs below are
# placeholders that are only parsed, never connected to (without them settings would start embedded services).
RUN DJANGO_ENV=production SECRET_KEY=collectstatic-build-only \
        DATABASE_URL=postgresql://build:build@localhost:5432/build REDIS_URL=redis://localhost:6379/0 \
        python manage.py collectstatic --noinput \
    && chown -R kabar:kabar /app/var

USER kabar

EXPOSE 8000

# No HEALTHCHECK here: worker, beat and migrate run this same image and do not listen on HTTP.
# docker-compose.yml gives the web service its own healthcheck against /api/v1/schema/.
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-tmp-dir", "/dev/shm", "--access-logfile", "-"]

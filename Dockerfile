# Production image of imtsocial: gunicorn web, Celery worker and beat share it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PYTHON_DOWNLOADS=never \
    UV_LINK_MODE=copy \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    PATH=/app/.venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=imtsocial.settings \
    MEDIA_ROOT=/data/media

# WeasyPrint needs Pango and fonts; gettext compiles the catalogues.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
       fonts-dejavu-core fonts-liberation2 shared-mime-info curl \
    && rm -rf /var/lib/apt/lists/*
RUN pip install --no-cache-dir uv==0.13.9

WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# Build-time commands touch neither a database nor a broker: placeholder URLs satisfy
# the production settings' check that both are configured.
RUN export DJANGO_SECRET_KEY=build-only DATABASE_URL=sqlite:////tmp/build.sqlite3 \
        REDIS_URL=redis://build-only:6379/0 \
    && python manage.py collectstatic --noinput -v0 \
    && python manage.py compilemessages --ignore=.venv -v0

RUN useradd --create-home --uid 1000 imtsocial \
    && mkdir -p /data/media \
    && chown -R imtsocial /data /app/var
USER imtsocial
EXPOSE 8000
CMD ["scripts/serve", "web"]

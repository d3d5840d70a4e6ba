# The portal as one image: every replica, the migration job and the scheduled jobs of
# compose.yaml run it (docs/deploy.md). Build: docker build -t civic-data-portal .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PORTAL_ENVIRONMENT=production

RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin portal

WORKDIR /app
# The whole source tree, not only the packages: `portal serve` runs web_app.py,
# streamlit_app.py and app_pages/ from the project folder, with .streamlit/config.toml,
# static/ (the map assets) and data/ (the demo county). .dockerignore leaves out tests,
# benches, local databases and every secret.
COPY . .
# Editable, so the package's project folder is /app, where those files are.
RUN pip install -e . \
    && mkdir -p /app/var \
    && chown portal:portal /app/var

USER portal
EXPOSE 8501

# Streamlit's own health address, answered by `portal serve` on the app's port.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"]

# Migrates (a no-op once the migration job has run), then serves on every interface of
# the container; compose.yaml adds --secrets for the sign-in.
CMD ["portal", "serve", "--address", "0.0.0.0", "--port", "8501"]

# The monitor as a service: slim Python, the built wheel installed, a non-root user.
# Stage 1 builds the wheel from the repository; stage 2 installs exactly that wheel (what
# tests/packaging/test_wheel.py installs into a fresh virtual environment and runs).
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY monitor ./monitor
RUN pip wheel --no-deps --wheel-dir /dist .

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY --from=build /dist /dist
RUN pip install /dist/monitor-*.whl \
    && rm -rf /dist \
    && useradd --create-home --uid 10001 --user-group monitor \
    && mkdir -p /config /data && chown monitor:monitor /data
COPY rules ./rules
COPY seeds ./seeds
COPY feeds.example.yaml /config/feeds.yaml
COPY monitor.example.yaml ./monitor.example.yaml

# Settings for a container: every one can be overridden with MONITOR_* (see monitor.example.yaml).
ENV MONITOR_FEEDS=/config/feeds.yaml \
    MONITOR_RULES='["/app/rules"]' \
    MONITOR_REDIS__DATA_DIR=/data \
    MONITOR_METRICS__HOST=0.0.0.0 \
    MONITOR_METRICS__PORT=9108 \
    MONITOR_LOG__FORMAT=json \
    MONITOR_LOG__LEVEL=info

USER monitor
EXPOSE 9108
# SIGTERM stops it cleanly within service.shutdown_grace (twice: polls, then delivery).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:9108/healthz', timeout=3)"]
CMD ["monitor", "run"]

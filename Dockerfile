# The monitor as a service: slim Python, a non-root user, the installed package.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app
COPY pyproject.toml README.md ./
COPY monitor ./monitor
RUN pip install . && useradd --create-home --uid 10001 monitor
COPY rules ./rules
COPY seeds ./seeds
USER monitor
EXPOSE 9108
CMD ["monitor", "run", "--feeds", "/config/feeds.yaml", "--rules", "/app/rules"]

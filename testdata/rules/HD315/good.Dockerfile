FROM python:3.12-slim AS base
CMD ["python"]
ENTRYPOINT ["/entrypoint.sh"]

FROM base AS app
CMD ["gunicorn", "app:app"]
ENTRYPOINT ["tini", "--"]
ONBUILD CMD ["echo", "child"]
HEALTHCHECK CMD ["/bin/healthcheck"]

FROM base AS other
HEALTHCHECK NONE
ONBUILD HEALTHCHECK CMD ["/bin/child-check"]

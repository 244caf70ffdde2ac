FROM scratch AS base
COPY app /app
HEALTHCHECK CMD ["/app", "-health"]

FROM base AS final
ENTRYPOINT ["/app"]

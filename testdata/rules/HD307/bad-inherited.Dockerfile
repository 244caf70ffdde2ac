FROM scratch AS base
COPY app /app

# expect: HD307 @6-10
FROM base AS final
USER 65534
ENTRYPOINT ["/app"]

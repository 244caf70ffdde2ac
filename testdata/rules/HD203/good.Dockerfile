FROM quay.io/prometheus/busybox:1.36 AS unconfigured
FROM ghcr.io/someone/tool:1.0 AS tool
FROM scratch
COPY --from=tool /bin/tool /tool

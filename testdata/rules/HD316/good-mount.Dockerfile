FROM golang:1.23 AS builder
RUN go build -o /out/app ./...

FROM alpine:3.20
ARG TOOLS=ghcr.io/acme/tools:1.4
RUN --mount=type=bind,from=builder,source=/out,target=/mnt cp /mnt/app /usr/local/bin/
RUN --mount=type=bind,from=BUILDER,target=/b --mount=from=0,target=/zero true
RUN --mount=from=ghcr.io/acme/tools:1.4,target=/t --mount=type=bind,from=busybox:1.36,target=/bb true
RUN --mount=type=cache,target=/root/.cache,from=${TOOLS} true
RUN --mount=type=bind,from=${UNKNOWN},target=/u --mount=type=secret,id=token true
USER nobody

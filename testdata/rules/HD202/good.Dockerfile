ARG TAG
ARG IMAGE
FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d AS base
FROM node:${TAG} AS unknown-tag
FROM ${IMAGE} AS unknown-image
FROM base AS build
COPY --from=base /etc/os-release /tmp/
COPY --from=0 /etc/os-release /tmp/again
FROM scratch
COPY --from=build /tmp/os-release /

ARG IMAGE
ARG NODE_VERSION=22.11
FROM ${IMAGE} AS unknown
FROM node:${NODE_VERSION}-bookworm-slim AS deps
FROM node:${UNSET_TAG} AS unset
FROM deps AS build
COPY --from=deps /app /app
COPY --from=0 /app /app2
FROM scratch AS empty
FROM alpine@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a
COPY --from=build /app /app
COPY --from=bulid /app /typo-is-hd316s-not-an-image-to-pin
USER 10001

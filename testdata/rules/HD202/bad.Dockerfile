ARG BASE=python:3.12-slim
ARG REGISTRY
# expect: HD202 @6-30
FROM node:22.11-bookworm-slim AS deps
# expect: HD202 @6-13
FROM ${BASE} AS py
# expect: HD202 @6-35
FROM ${REGISTRY}/tools/builder:1.4 AS tools
# expect: HD202 @13-23
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
# expect: HD202 @6-21
FROM debian:bookworm
# expect: HD202 @28-40
RUN --mount=type=bind,from=busybox:1.36,target=/bb ls /bb

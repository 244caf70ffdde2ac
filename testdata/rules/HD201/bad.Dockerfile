ARG BASE=node
ARG TAGGED=python:${PY_VERSION:-latest}
# expect: HD201 @6-13
FROM ${BASE} AS deps
# expect: HD201 @6-15
FROM ${TAGGED} AS py
# expect: HD201 @6-19
FROM ubuntu:latest AS build
# expect: HD201 @13-25
COPY --from=nginx:latest /etc/nginx/nginx.conf /etc/nginx/
# expect: HD201 @40-46
RUN --mount=type=bind,target=/src,from=alpine ls /src
# expect: HD201 @32-38
FROM --platform=$BUILDPLATFORM golang AS tools
# expect: HD201 @28-34
RUN --mount=TYPE=bind,FROM=alpine,target=/a ls /a

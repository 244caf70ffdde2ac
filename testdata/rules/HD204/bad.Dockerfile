ARG CHANNEL=stable
# expect: HD204 @6-17
FROM alpine:edge AS a
# expect: HD204 @6-29
FROM nginx:${CHANNEL}-alpine AS b
# expect: HD204 @6-21
FROM node:lts-alpine AS c
# expect: HD204 @13-30
COPY --from=rust:nightly-slim /usr/local/cargo /cargo
# expect: HD204 @40-59
RUN --mount=type=bind,target=/src,from=busybox:latest-musl ls /src
# expect: HD204 @6-27
FROM ghcr.io/acme/api:main AS d
# expect: HD204 @6-20
FROM ubuntu:ROLLING
USER 10001

ARG ORG=acme
ARG MIRROR
FROM ghcr.io/acme/base:1.2 AS base
FROM ghcr.io/${ORG}/builder:2.0 AS builder
FROM node:22-alpine AS official
FROM index.docker.io/library/alpine:3.20 AS hub-alias
FROM registry.example.com/team/app:1.0 AS internal
FROM ${MIRROR}/python:3.12 AS unknown-registry
# expect: HD203 @6-27
FROM ghcr.io/evil/base:1.0 AS outside
# expect: HD203 @6-39
FROM quay.io/prometheus/busybox:latest AS quay
# expect: HD203 @6-23
FROM bitnami/redis:7.4 AS hub-user
# expect: HD203 @13-45
COPY --from=registry.example.com.evil.io/x:1 /x /x
FROM scratch
COPY --from=builder /app /app

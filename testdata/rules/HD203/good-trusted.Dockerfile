ARG ORG
FROM ghcr.io/acme/base:1.2 AS base
FROM ghcr.io/acme/tools/linter:3 AS linter
FROM node:22-alpine AS official
FROM bitnami/redis:7.4 AS hub-user
FROM docker.io/library/alpine:3.20 AS hub-explicit
FROM quay.io/prometheus/busybox:1.36 AS quay
FROM ghcr.io/${ORG}/builder:2.0 AS builder
FROM base
COPY --from=linter /bin/lint /bin/lint

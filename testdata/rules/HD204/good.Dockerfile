ARG TAG
FROM alpine:${TAG} AS a
FROM rust:nightly-2024-06-01 AS b
FROM nginx:mainline-1.27 AS c
FROM node:22.11-alpine3.20 AS d
FROM alpine:3.20@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a AS e
FROM debian:stable-20240612-slim AS f
FROM python:3.12-slim-bookworm AS g
FROM devuan/devuan:daedalus AS h
FROM nginx:latest AS hd201s
FROM busybox
USER 10001

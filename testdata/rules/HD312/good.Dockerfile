FROM debian:12-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get -y upgrade \
    && rm -rf /var/lib/apt/lists/*
RUN <<EOF
set -e
apt-get update
apt-get install -y --no-install-recommends git
rm -rf /var/lib/apt/lists/*
EOF
RUN echo "apt-get update" > /usr/local/bin/refresh

FROM alpine:3.20
RUN apk update && apk add --no-cache curl
RUN apk add --update jq
RUN apk add --no-cache git

FROM fedora:40
RUN dnf makecache && dnf install -y httpd && dnf clean all
RUN yum update -y && yum clean all

FROM opensuse/leap:15.6
RUN zypper refresh && zypper --non-interactive install -y tool && zypper clean -a
USER nobody

FROM debian:12-slim
# expect: HD312 @5-19
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
# expect: HD312 @5-22
RUN apt-get -q update && echo done
# expect: HD312 @5-15
RUN apt update
# expect: HD312 @56-70
RUN apt-get install -y --no-install-recommends make && apt-get update
# expect: HD312 @10-24
RUN sudo apt-get update

FROM alpine:3.20
# expect: HD312 @5-15
RUN apk update
RUN apk add curl

FROM fedora:40
# expect: HD312 @5-18
RUN dnf makecache
# expect: HD312 @5-18
RUN yum makecache

FROM opensuse/leap:15.6
# expect: HD312 @5-37
RUN zypper --non-interactive refresh
# expect: HD312 @13-27
ONBUILD RUN apt-get update
RUN <<EOF
set -e
apt-get update
EOF
USER nobody

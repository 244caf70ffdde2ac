# syntax=docker/dockerfile:1
# escape=\
ARG BASE=alpine:3.20
FROM ${BASE} AS build
RUN --mount=type=cache,target=/var/cache/apk \
    # a comment inside a continuation is dropped

    apk add --no-cache curl

RUN <<EOF
set -e
echo "heredoc body"
EOF
COPY <<-"CONF" /etc/app.conf
	key=value
	CONF
RUN <<one cat /dev/stdin && <<two cat /dev/stdin
first
one
second
two
HEALTHCHECK --interval=30s CMD ["wget", "-q", "-O", "/dev/null", "http://localhost/"]
onbuild run echo lower-case keywords work
USER 10001
CMD ["/bin/app"]

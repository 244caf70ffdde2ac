ARG TOOLS_IMAGE=ghcr.io/acme/tools:1.0
ARG FROM_UNKNOWN
FROM golang:1.23 AS Builder
RUN go build -o /out/app ./...

FROM alpine:3.20
COPY --from=builder /out/app /usr/local/bin/app
COPY --from=BUILDER /out/app /usr/local/bin/app2
COPY --from=0 /out/app /usr/local/bin/app3
COPY --from=composer /usr/bin/composer /usr/bin/composer
COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
COPY --from=docker/buildx-bin /buildx /usr/libexec/docker/cli-plugins/docker-buildx
COPY --from=mlocati/php-extension-installer /usr/bin/install-php-extensions /usr/local/bin/
COPY --from=${FROM_UNKNOWN} /x /x
COPY --from=ghcr.io/acme/tools:1.0 /bin/tool /bin/tool
RUN --mount=from=builder,target=/b ls /b

FROM golang:1.23 AS builder
RUN go build -o /out/app ./...

FROM alpine:3.20 AS runtime
# expect: HD316 @28-35
RUN --mount=type=bind,from=biulder,source=/out,target=/mnt cp /mnt/app /usr/local/bin/
# expect: HD316 @49-56
RUN --mount=type=cache,target=/root/.cache,from=buidler true
# expect: HD316 @28-36
RUN --mount=type=bind,from=Builder2,target=/x true
# expect: HD316 @18-25
RUN --mount=from=runtime,target=/r true
# expect: HD316 @28-31
RUN --mount=type=bind,from=web,target=/w true
# expect: HD316 @18-19
RUN --mount=from=5,target=/n true

FROM node:22 AS web
RUN npm run build

FROM golang:1.23 AS builder
# expect: HD316 @13-20
COPY --from=builder /go/bin /tmp/bin
RUN go build -o /out/app ./...

FROM alpine:3.20 AS assets
# expect: HD316 @13-16
COPY --from=web /dist /srv
# expect: HD316 @13-20
COPY --from=biulder /out/app /usr/local/bin/app
# expect: HD316 @13-14
COPY --from=7 /x /x
# expect: HD316 @13-14
COPY --from=1 /y /y
# expect: HD316 @13-21
COPY --from=Builder2 /z /z

FROM node:22 AS web
RUN npm run build

FROM golang:1.23 AS builder
RUN go build -o /out/app ./...

FROM alpine:3.20 AS runtime
RUN --mount=TYPE=bind,FROM=biulder,target=/x true
RUN --mount=type=bind,\
from=biulder,target=/y true
RUN --mount='type=bind,"from=biulder",target=/z' true

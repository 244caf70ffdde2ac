FROM golang:1.23 AS go-build
FROM node:22 AS web-build
FROM alpine:3.20
FROM scratch
COPY --from=go-build /out /out
COPY --from=web-build /dist /dist

FROM golang:1.23 AS build
RUN go build ./...
# expect: HD317 @17-22
FROM node:22 AS build
RUN npm run build
# expect: HD317 @21-26
FROM alpine:3.20 as Build
FROM scratch
COPY --from=build /out /out

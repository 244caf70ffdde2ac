FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app

# expect: HD307 @6-13
FROM scratch
COPY --from=build /out/app /app
USER 65534
ENTRYPOINT ["/app"]

FROM golang:1.23 AS build
RUN go build -o /out/app ./cmd/app

FROM scratch
COPY --from=build /out/app /app
USER 65534
HEALTHCHECK --interval=30s CMD ["/app", "healthcheck"]
ENTRYPOINT ["/app"]

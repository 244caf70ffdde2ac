FROM golang:1.23 AS build
USER builder
RUN go build -o /app .

# expect: HD301 @6-39
FROM gcr.io/distroless/static-debian12
COPY --from=build /app /app

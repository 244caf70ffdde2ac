# The base image may define a HEALTHCHECK that we cannot see: not judged.
FROM scratch AS build
COPY app /app
FROM nginx:1.27
COPY --from=build /app /usr/share/nginx/html

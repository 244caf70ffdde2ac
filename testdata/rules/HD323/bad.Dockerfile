FROM alpine:3.20 AS base
USER 10001
FROM base
ARG APP_USER=app
# expect: HD323 @6-21
USER ${APP_USER}:app

# expect: HD402 @5-14
ARG NPM_TOKEN
FROM node:22-alpine
# expect: HD402 @5-28
ARG DB_PASSWORD=changeme123
RUN --mount=type=secret,id=npm npm ci
USER node

ARG NODE_VERSION=22
FROM node:${NODE_VERSION}-alpine
ARG BUILD_DATE
ARG PASSWORD_FILE=/run/secrets/password
RUN --mount=type=secret,id=npm,env=NPM_TOKEN npm ci
USER node

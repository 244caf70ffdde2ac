FROM node:22-bookworm-slim AS build
ARG APP=app
# expect: HD313 @9-12
WORKDIR app
WORKDIR src
RUN npm ci

FROM nginx:1.27 AS web
# expect: HD313 @9-31
WORKDIR "usr/share/nginx/html"

FROM python:3.12 AS tool
ARG DIR=tool
# expect: HD313 @9-17
WORKDIR ./${DIR}

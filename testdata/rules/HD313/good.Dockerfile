# escape=`
FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS win
WORKDIR C:\app
WORKDIR C:/tools
WORKDIR \build

FROM node:22-bookworm-slim AS build
ARG HOME_DIR
WORKDIR /app
WORKDIR src
WORKDIR $HOME_DIR/app

FROM build AS test
WORKDIR tests

FROM python:3.12 AS unknown
ARG BASE
WORKDIR ${BASE}
WORKDIR app
